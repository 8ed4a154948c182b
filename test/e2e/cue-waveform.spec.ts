import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './support/harness'
import type { AppHarness } from './support/harness'
import { readSrt } from '../shared/subtitles/readers'

/*
 * The cue view on the waveform, in Chromium with the real main-process handlers: turning the view
 * on replaces the segment regions by one region per cue; dragging a cue's end edge with the mouse
 * sets its out time (a nudge decision), which the cue list and the exported SRT (read back by the
 * export read-back tests' own parser) both show; Ctrl+Z undoes it in one step and the region
 * follows; a breach mark selects its cue.
 */

/** Drags the handle `dx` CSS px with the mouse, in small steps as a hand would. */
async function drag(page: Page, handle: Locator, dx: number): Promise<void> {
  const box = (await handle.boundingBox())!
  const x = box.x + box.width / 2
  const y = box.y + box.height / 2
  await page.mouse.move(x, y)
  await page.mouse.down()
  for (let i = 1; i <= 12; i++) await page.mouse.move(x + (i * dx) / 12, y)
  await page.mouse.up()
}

/** "00:00:02,345" → 2345. */
const srtMs = (text: string): number => {
  const m = /(\d+):(\d\d):(\d\d),(\d\d\d)/.exec(text)
  if (!m) throw new Error(`not an SRT time: ${text}`)
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4])
}

async function regions(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => document.querySelector('[data-testid="waveform"] > div')?.shadowRoot?.querySelectorAll(s).length ?? 0, selector)
}

async function rightEdge(handle: Locator): Promise<number> {
  const box = (await handle.boundingBox())!
  return box.x + box.width
}

async function exportSrt(app: AppHarness): Promise<ReturnType<typeof readSrt>> {
  const { page } = app
  await app.emit('menu:command', 'export')
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByLabel('Preset').selectOption('netflix-en')
  let saved = ''
  app.nextSavePath = (name) => (saved = join(app.dataDir, `${Date.now()}-${name}`))
  await dialog.getByRole('button', { name: 'Save…' }).click()
  await expect(dialog.getByRole('status')).toContainText('saved to')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  return readSrt(await readFile(saved, 'utf8'))
}

test('cue view on the waveform: drag a cue\'s end edge, see it in the list and the SRT, undo it', async ({ app }) => {
  const { page } = app
  await page.getByTestId('start-open-sample').click()
  await expect(page.getByTestId('segment-count')).toHaveText('4 segments')
  await expect.poll(() => regions(page, '[data-segment-id]'), { timeout: 60_000 }).toBe(4)

  // V: the cue view; the waveform's regions are now the cues, coloured by QC, the first outlined.
  await page.keyboard.press('v')
  const view = page.getByTestId('cue-view')
  await view.getByTestId('cue-preset').selectOption('netflix-en')
  const rows = view.getByTestId('cue-row')
  const cueCount = await rows.count()
  expect(cueCount).toBeGreaterThan(1)
  await expect.poll(() => regions(page, '[data-cue-index]')).toBe(cueCount)
  expect(await regions(page, '[data-segment-id]')).toBe(0)
  expect(await regions(page, '[data-cue-index][data-selected]')).toBe(1)
  const severities = await page.locator('[data-testid="waveform"] [data-cue-index]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-severity'), (e as HTMLElement).style.backgroundColor]))
  for (const [severity, colour] of severities) expect(colour).toBe(`var(--cue-${severity})`)
  await app.screenshot('cue-waveform')

  // The first cue's out time, in the list and in the SRT as exported now.
  const out = rows.first().locator('.time').nth(1)
  const before = srtMs((await out.textContent()) ?? '')
  const srtBefore = await exportSrt(app)
  expect(srtBefore.errors).toEqual([])
  expect(srtBefore.cues[0].endMs).toBe(before)

  // Drag its end edge 24 px (0.6 s at 40 px/s) to the left with the mouse.
  const handle = page.locator('[data-testid="waveform"] [data-cue-index="0"] [part~="region-handle-right"]')
  const edgeBefore = await rightEdge(handle)
  await drag(page, handle, -24)

  // The cue list shows the new out time, about 0.6 s earlier, on a frame; the region stays there.
  await expect.poll(async () => srtMs((await out.textContent()) ?? '')).toBeLessThan(before - 300)
  const after = srtMs((await out.textContent()) ?? '')
  expect(before - after).toBeLessThan(900)
  expect(await rightEdge(handle)).toBeLessThan(edgeBefore - 12)
  await expect(page.getByTestId('save-state')).toHaveText(/Unsaved|Saving|Draft saved/)

  // The SRT has that out time.
  const srtAfter = await exportSrt(app)
  expect(srtAfter.errors).toEqual([])
  expect(srtAfter.cues[0].endMs).toBe(after)
  expect(srtAfter.cues[0].lines).toEqual(srtBefore.cues[0].lines)

  // One undo step: the time and the region are back.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('Control+z')
  await expect.poll(async () => srtMs((await out.textContent()) ?? '')).toBe(before)
  await expect.poll(() => rightEdge(handle)).toBeGreaterThan(edgeBefore - 2)

  // The retiming key (;) moves the same edge earlier by a frame, and the region follows it.
  await rows.first().locator('.word').first().click()
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press(';')
  await expect.poll(async () => srtMs((await out.textContent()) ?? '')).toBeLessThan(before)
  await expect.poll(() => rightEdge(handle)).toBeLessThan(edgeBefore)

  // Off again: the segments are the regions once more.
  await page.keyboard.press('v')
  await expect.poll(() => regions(page, '[data-segment-id]'), { timeout: 60_000 }).toBe(4)
  expect(await regions(page, '[data-cue-index]')).toBe(0)
})

test('cue view on the waveform: breach marks on the regions and under the overview select their cue', async ({ app }) => {
  const { page } = app
  await page.getByTestId('start-open-sample').click()
  await expect(page.getByTestId('segment-count')).toHaveText('4 segments')
  await expect.poll(() => regions(page, '[data-segment-id]'), { timeout: 60_000 }).toBe(4)
  await page.keyboard.press('v')
  const view = page.getByTestId('cue-view')
  await view.getByTestId('cue-preset').selectOption('netflix-en')
  const rows = view.getByTestId('cue-row')
  await expect.poll(() => regions(page, '[data-cue-index]')).toBe(await rows.count())
  const breaching = view.locator('[data-testid="cue-row"][data-severity="soft"], [data-testid="cue-row"][data-severity="hard"]')
  const lane = page.getByRole('group', { name: 'QC breaches in the recording' })
  await expect(lane.getByRole('button')).toHaveCount(await breaching.count())

  // Squeeze the first cue (2.5 s) as far as a drag may (2 s): it now reads too fast and is under
  // the minimum duration, and QC (the list, the region, the lane) says so at once.
  const first = rows.nth(0)
  await expect(first).toHaveAttribute('data-severity', 'fine')
  await drag(page, page.locator('[data-testid="waveform"] [data-cue-index="0"] [part~="region-handle-right"]'), -100)
  await expect(page.getByTestId('editor-message')).toContainText('an edge moves at most 2 s')
  await expect(first).toHaveAttribute('data-severity', /soft|hard/)
  await expect(page.locator('[data-testid="waveform"] [data-cue-index="0"]')).toHaveAttribute('data-severity', /soft|hard/)
  const count = await breaching.count()
  expect(count).toBeGreaterThan(0)
  await app.screenshot('cue-waveform-breach')
  await page.emulateMedia({ colorScheme: 'dark' })
  await app.screenshot('cue-waveform-breach-dark')

  const marks = lane.getByRole('button')
  await expect(marks).toHaveCount(count)
  const cue = 0
  const mark = lane.locator(`[data-cue="${cue}"]`)
  await rows.nth(1).locator('.word').first().click()
  await expect(rows.nth(cue)).not.toHaveClass(/selected/)
  await expect(mark).toHaveAccessibleName(new RegExp(`^Cue ${cue + 1}: Cue ${cue + 1} at \\d\\d:\\d\\d:\\d\\d,\\d{3}: `))
  await mark.click()
  await expect(rows.nth(cue)).toHaveClass(/selected/)
  await expect(mark).toHaveAttribute('aria-current', 'true')

  // The same cue's region carries a mark saying the breach; a click on it selects the cue too.
  const waveMark = page.locator(`[data-testid="waveform"] [data-cue-breach="${cue}"]`)
  await expect(waveMark).toHaveAttribute('title', (await mark.getAttribute('aria-label'))!)
  await rows.nth(1).locator('.word').first().click()
  await expect(rows.nth(cue)).not.toHaveClass(/selected/)
  await waveMark.click()
  await expect(rows.nth(cue)).toHaveClass(/selected/)
})
