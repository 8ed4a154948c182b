import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { presetLimits, presets } from '../../shared/subtitles'
import type { WriteOptions } from '../../shared/subtitles'
import { useExportDialogMount } from './support/export-dialog-mount'

/*
 * The export dialog's "More options": every option `sdte export` takes, ranges from
 * presetLimits, an invalid value blocks Save with the reason, "Reset to preset" brings the
 * preset's numbers back, and the values reach the options the files are written with.
 */

const exportFiles = vi.hoisted(() => vi.fn(async (..._args: unknown[]): Promise<unknown[]> => []))
vi.mock('../../renderer/src/lib/export-files', async (original) => ({ ...(await original<object>()), exportFiles }))

const dialog = useExportDialogMount({ beforeEach: () => exportFiles.mockClear() })
const { settle, mountDialog } = dialog

/** The dialog open on the sample; times shown in ms (as these tests were written; export-times.test.ts covers the other forms). */
async function openDialog(timeForm: 'ms' | 'timecode' = 'ms'): Promise<VueWrapper> {
  const wrapper = await dialog.openDialog()
  await wrapper.get('[name="timeForm"]').setValue(timeForm)
  await settle()
  return wrapper
}

const input = (w: VueWrapper, name: string) => w.get(`[name="${name}"]`)
const hint = (w: VueWrapper, name: string) => w.get(`[data-testid="${name}-hint"]`).text()
const saveButton = (w: VueWrapper) => w.get('button[type="submit"]')

async function save(w: VueWrapper): Promise<WriteOptions> {
  await w.get('form').trigger('submit')
  await flushPromises()
  expect(exportFiles).toHaveBeenCalledTimes(1)
  return exportFiles.mock.calls[0][2] as WriteOptions
}

describe('export dialog: more options', () => {
  it('offers every sdte option, the numbers with their unit and the range from presetLimits', async () => {
    const w = await openDialog()
    const label = (name: string) => w.get(`label[for="${input(w, name).attributes('id')}"]`).text()
    expect(label('maxWordsPerMinute')).toBe('Words per minute')
    expect(label('minGapFrames')).toBe('Min gap (frames)')
    expect(label('gapClosingMs')).toBe('Gap closing (ms)')
    expect(label('maxLeadInMs')).toBe('Max lead-in (ms)')
    for (const [name, unit] of [['minGapFrames', ' frames'], ['gapClosingMs', ' ms'], ['maxLeadInMs', ' ms'], ['maxCharsPerLine', '']] as const) {
      const { min, max } = presetLimits[name]
      // Times are text fields (they take timecodes too): no min/max attributes.
      if (unit !== ' ms') {
        expect(input(w, name).attributes('min')).toBe(String(min))
        expect(input(w, name).attributes('max')).toBe(String(max))
      }
      expect(hint(w, name)).toBe(`${min} to ${max}${unit}`)
      // The range is the input's description for a screen reader.
      expect(input(w, name).attributes('aria-describedby')).toBe(w.get(`[data-testid="${name}-hint"]`).attributes('id'))
    }
    expect(hint(w, 'maxWordsPerMinute')).toBe(`${presetLimits.maxWordsPerMinute.min} to ${presetLimits.maxWordsPerMinute.max}; empty: no limit`)
    // Speaker style, the dash (netflix-en uses dashes) and the format options are there too.
    expect((input(w, 'speakerStyle').element as HTMLSelectElement).value).toBe('dialogue-dashes')
    expect((input(w, 'dialogueDash').element as HTMLInputElement).value).toBe(presets['netflix-en'].dialogueDash)
    for (const name of ['voiceTags', 'labelEveryParagraph', 'title', 'timecodes', 'frameRate', 'startOffsetMs', 'annotations', 'language']) expect(w.find(`[name="${name}"]`).exists(), name).toBe(true)
    // The disclosure is a <details>; its summary is what a keyboard reaches.
    expect(w.get('[data-testid="more-options"]').element.tagName).toBe('DETAILS')
  })

  it('an invalid value says what is wrong beside it and turns Save off with the reason', async () => {
    const w = await openDialog()
    expect(saveButton(w).attributes('disabled')).toBeUndefined()
    await input(w, 'gapClosingMs').setValue('6000')
    await settle()
    const message = 'Gap closing (ms) must be a whole number from 0 to 5000 ms.'
    expect(hint(w, 'gapClosingMs')).toBe(message)
    expect(input(w, 'gapClosingMs').attributes('aria-invalid')).toBe('true')
    expect(saveButton(w).attributes('disabled')).toBeDefined()
    const blocked = w.get('[data-testid="save-blocked"]')
    expect(blocked.text()).toBe(message)
    expect(saveButton(w).attributes('aria-describedby')).toBe(blocked.attributes('id'))
    // Submitting anyway (Enter in a field) saves nothing.
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(exportFiles).not.toHaveBeenCalled()

    // A fraction where frames are whole, an empty required field, a lead-in past 250 ms.
    await input(w, 'gapClosingMs').setValue('500')
    await input(w, 'minGapFrames').setValue('1.5')
    await settle()
    expect(hint(w, 'minGapFrames')).toBe('Min gap (frames) must be a whole number from 0 to 50 frames.')
    await input(w, 'minGapFrames').setValue('')
    await input(w, 'maxLeadInMs').setValue('300')
    await settle()
    expect(hint(w, 'minGapFrames')).toBe('Min gap (frames) must be a whole number from 0 to 50 frames.')
    expect(hint(w, 'maxLeadInMs')).toBe('Max lead-in (ms) must be a whole number from 0 to 250 ms.')
    await input(w, 'minGapFrames').setValue('2')
    await input(w, 'maxLeadInMs').setValue('250')
    // An empty dash with dialogue dashes.
    await input(w, 'dialogueDash').setValue('')
    await settle()
    expect(hint(w, 'dialogueDash')).toBe('Dialogue dash must be 1 to 3 characters.')
    expect(w.get('[data-testid="save-blocked"]').text()).toBe('Dialogue dash must be 1 to 3 characters.')
    await input(w, 'dialogueDash').setValue('–')
    await settle()
    expect(w.find('[data-testid="save-blocked"]').exists()).toBe(false)
    expect(saveButton(w).attributes('disabled')).toBeUndefined()
  })

  it('"Reset to preset" brings back the preset’s numbers and speaker style', async () => {
    const w = await openDialog()
    await input(w, 'preset').setValue('bbc')
    await settle()
    expect((input(w, 'maxWordsPerMinute').element as HTMLInputElement).value).toBe('180')
    await input(w, 'maxWordsPerMinute').setValue('')
    await input(w, 'gapClosingMs').setValue('9999')
    await input(w, 'maxCharsPerLine').setValue('32')
    await input(w, 'speakerStyle').setValue('dialogue-dashes')
    await settle()
    expect(w.get('summary').text()).toContain('3 changed from bbc')
    expect(w.get('[data-testid="preset-state"]').text()).toBe('Changed from bbc')
    const reset = w.findAll('button').find((b) => b.text() === 'Reset to preset')!
    await reset.trigger('click')
    await settle()
    const bbc = presets.bbc
    expect((input(w, 'maxWordsPerMinute').element as HTMLInputElement).value).toBe(String(bbc.maxWordsPerMinute))
    expect((input(w, 'gapClosingMs').element as HTMLInputElement).value).toBe(String(bbc.gapClosingMs))
    expect((input(w, 'maxCharsPerLine').element as HTMLInputElement).value).toBe(String(bbc.maxCharsPerLine))
    expect((input(w, 'speakerStyle').element as HTMLSelectElement).value).toBe(bbc.speakerStyle)
    expect(w.get('summary').text()).toBe('More options')
    expect(w.get('[data-testid="preset-state"]').text()).toBe('As bbc')
    expect(saveButton(w).attributes('disabled')).toBeUndefined()
  })

  it('the values reach the options the files are written with, and the preview follows them', async () => {
    const w = await openDialog()
    await input(w, 'preset').setValue('bbc')
    await settle()
    const before = w.findAll('.cues li').map((li) => li.text())
    await input(w, 'maxWordsPerMinute').setValue('150')
    await input(w, 'minGapFrames').setValue('3')
    await input(w, 'gapClosingMs').setValue('0')
    await input(w, 'maxLeadInMs').setValue('100')
    await input(w, 'speakerStyle').setValue('dialogue-dashes')
    await settle()
    await input(w, 'dialogueDash').setValue('– ')
    await input(w, 'voiceTags').setValue(false)
    await input(w, 'labelEveryParagraph').setValue(true)
    await input(w, 'title').setValue('Episode 3')
    await settle()
    // The preview is cut with the new numbers: the gap after "and pause." is no longer closed.
    expect(w.findAll('.cues li').map((li) => li.text())).not.toEqual(before)
    expect(w.get('[data-testid="qc-summary"]').text()).toContain('cues')

    const options = await save(w)
    expect(options).toMatchObject({
      preset: 'bbc',
      overrides: { maxWordsPerMinute: 150, minGapFrames: 3, gapClosingMs: 0, maxLeadInMs: 100, speakerStyle: 'dialogue-dashes', dialogueDash: '– ', maxCharsPerLine: 37 },
      voiceTags: false,
      labelEveryParagraph: true,
      title: 'Episode 3'
    })
    // Empty words per minute is "no limit".
    await input(w, 'maxWordsPerMinute').setValue('')
    await settle()
    exportFiles.mockClear()
    expect((await save(w)).overrides?.maxWordsPerMinute).toBeNull()
  })

  it('remembers the choices for the next export, and ignores a remembered value now out of range', async () => {
    let w = await openDialog()
    await input(w, 'preset').setValue('web')
    await input(w, 'gapClosingMs').setValue('750')
    await input(w, 'speakerStyle').setValue('dialogue-dashes')
    await settle()
    await input(w, 'dialogueDash').setValue('-')
    await input(w, 'voiceTags').setValue(false)
    await save(w)
    w.unmount()

    w = await mountDialog()
    expect((input(w, 'preset').element as HTMLSelectElement).value).toBe('web')
    expect((input(w, 'gapClosingMs').element as HTMLInputElement).value).toBe('750')
    expect((input(w, 'dialogueDash').element as HTMLInputElement).value).toBe('-')
    expect((input(w, 'voiceTags').element as HTMLInputElement).checked).toBe(false)
    w.unmount()

    const saved = JSON.parse(localStorage.getItem('sdte.export.options')!)
    localStorage.setItem('sdte.export.options', JSON.stringify({ ...saved, rules: { ...saved.rules, maxLeadInMs: 900 } }))
    w = await mountDialog()
    expect((input(w, 'maxLeadInMs').element as HTMLInputElement).value).toBe(String(presets.web.maxLeadInMs))
    expect((input(w, 'gapClosingMs').element as HTMLInputElement).value).toBe(String(presets.web.gapClosingMs))
  })
})
