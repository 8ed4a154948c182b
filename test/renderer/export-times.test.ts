import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { presets } from '../../shared/subtitles'
import type { WriteOptions } from '../../shared/subtitles'
import { useExportDialogMount } from './support/export-dialog-mount'
import { formatTimeAs, parseTimeInput } from '../../renderer/src/lib/time-input'

/*
 * The export dialog's times as subtitlers think of them. A time field takes
 * HH:MM:SS:FF, HH:MM:SS.mmm, frames ("12f") or plain ms, shows the value in the chosen form,
 * and says beside it what is wrong with a text it cannot read (Save stays off meanwhile).
 */

const exportFiles = vi.hoisted(() => vi.fn(async (..._args: unknown[]): Promise<unknown[]> => []))
vi.mock('../../renderer/src/lib/export-files', async (original) => ({ ...(await original<object>()), exportFiles }))

const { settle, mountDialog, openDialog } = useExportDialogMount({ beforeEach: () => exportFiles.mockClear() })
const input = (w: VueWrapper, name: string) => w.get(`[name="${name}"]`)
const value = (w: VueWrapper, name: string) => (input(w, name).element as HTMLInputElement).value
const hint = (w: VueWrapper, name: string) => w.get(`[data-testid="${name}-hint"]`).text()

describe('parseTimeInput / formatTimeAs', () => {
  it.each([
    ['00:00:01:12', 25, 1480],
    ['10:00:00:00', 23.976, 36_000_000],
    ['00:00:01.500', 25, 1500],
    ['00:00:01,5', 25, 1500],
    ['12f', 25, 480],
    ['12 frames', 24, 500],
    ['1500', 25, 1500],
    ['1500 ms', 25, 1500]
  ] as const)('%s at %s fps is %s ms', (text, rate, ms) => {
    expect(parseTimeInput(text, rate)).toEqual({ ok: true, ms })
  })

  it.each([
    ['', 'Enter a time'],
    ['1:2', '"1:2" is not a time. Use HH:MM:SS:FF, HH:MM:SS.mmm, frames like 12f, or ms.'],
    ['00:00:01:25', 'frame 25 does not exist at 25 fps (frames run 00 to 24)'],
    ['1.5', 'is not a time'],
    ['-200', 'is not a time']
  ])('"%s" is refused with a message', (text, message) => {
    const out = parseTimeInput(text, 25)
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.message).toContain(message)
  })

  it('shows ms in each form', () => {
    expect(formatTimeAs(36_001_480, 'timecode', 25)).toBe('10:00:01:12')
    expect(formatTimeAs(1500, 'clock', 25)).toBe('00:00:01.500')
    expect(formatTimeAs(480, 'frames', 25)).toBe('12f')
    expect(formatTimeAs(480, 'ms', 25)).toBe('480')
  })
})

describe('the export dialog’s time fields', () => {
  it('show timecodes by default, take any form, and write ms', async () => {
    const w = await openDialog()
    const rate = presets['netflix-en'].frameRate
    expect(value(w, 'minDurationMs')).toBe(formatTimeAs(presets['netflix-en'].minDurationMs, 'timecode', rate))
    expect(value(w, 'startOffsetMs')).toBe('00:00:00:00')
    expect(w.get(`label[for="${input(w, 'startOffsetMs').attributes('id')}"]`).text()).toBe('Programme start (timecode)')
    await input(w, 'frameRate').setValue('25')
    await input(w, 'startOffsetMs').setValue('10:00:00:00')
    await input(w, 'minDurationMs').setValue('24f')
    await input(w, 'maxDurationMs').setValue('00:00:06.500')
    await settle()
    // Typed forms are shown in the chosen form once the field is left.
    await input(w, 'minDurationMs').trigger('change')
    await input(w, 'maxDurationMs').trigger('change')
    expect(value(w, 'minDurationMs')).toBe('00:00:00:24')
    expect(value(w, 'maxDurationMs')).toBe('00:00:06:12')
    expect(hint(w, 'minDurationMs')).toMatch(/^= 960 ms · /)
    await w.get('form').trigger('submit')
    await flushPromises()
    const options = exportFiles.mock.calls[0]![2] as WriteOptions
    expect(options.overrides).toMatchObject({ startOffsetMs: 36_000_000, minDurationMs: 960, maxDurationMs: 6500, frameRate: 25 })
  })

  it('a text it cannot read says why beside the field and turns Save off; a good value brings it back', async () => {
    const w = await openDialog()
    await input(w, 'gapClosingMs').setValue('00:00:0x')
    await settle()
    expect(hint(w, 'gapClosingMs')).toBe('"00:00:0x" is not a time. Use HH:MM:SS:FF, HH:MM:SS.mmm, frames like 12f, or ms.')
    expect(input(w, 'gapClosingMs').attributes('aria-invalid')).toBe('true')
    expect(w.get('button[type="submit"]').attributes('disabled')).toBeDefined()
    // What was typed stays in the field until it is fixed.
    await input(w, 'gapClosingMs').trigger('change')
    expect(value(w, 'gapClosingMs')).toBe('00:00:0x')
    await input(w, 'gapClosingMs').setValue('10f')
    await settle()
    expect(input(w, 'gapClosingMs').attributes('aria-invalid')).toBeUndefined()
    expect(w.get('button[type="submit"]').attributes('disabled')).toBeUndefined()
  })

  it('the chosen form changes how every time is shown, and is remembered', async () => {
    let w = await openDialog()
    await input(w, 'frameRate').setValue('25')
    await input(w, 'minDurationMs').setValue('1000')
    await input(w, 'timeForm').setValue('frames')
    await settle()
    expect(value(w, 'minDurationMs')).toBe('25f')
    expect(w.get(`label[for="${input(w, 'minDurationMs').attributes('id')}"]`).text()).toBe('Min duration (frames)')
    await input(w, 'timeForm').setValue('clock')
    await settle()
    expect(value(w, 'minDurationMs')).toBe('00:00:01.000')
    await w.get('form').trigger('submit')
    await flushPromises()
    w.unmount()
    w = await mountDialog()
    expect((input(w, 'timeForm').element as HTMLSelectElement).value).toBe('clock')
    expect(value(w, 'minDurationMs')).toBe('00:00:01.000')
  })
})
