import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect, type AppHarness } from './support/harness'
import { loadRealExport } from '../fixtures/real-to-export'
import { readSrt } from '../shared/subtitles/readers'

/*
 * The live cue view end to end (docs/subtitles.md#cue-decisions): on a real TED transcript under
 * the BBC preset the reviewer toggles the view, goes to a breach (E), forces a break inside a cue
 * (B), sees the cue and QC re-counted live, exports SRT, and the SRT (read back by the export
 * read-back tests' own parser) has a cue starting at that word.
 */

/** Opens the real TED transcript as a file, as the reviewer would from the start screen. */
async function openTedTalk(app: AppHarness): Promise<void> {
  const file = join(app.dataDir, 'kate-darling-ted.json')
  await writeFile(file, JSON.stringify(loadRealExport('kate-darling-ted.dpe.json')))
  app.nextExportFile = file
  await app.page.getByTestId('start-open-file').click()
  await expect(app.page.getByTestId('segment-count')).toContainText('segments')
}

test('cue view: go to a breach, force a break, QC re-counts live, the SRT has the break', async ({ app }) => {
  const { page } = app
  await openTedTalk(app)

  // The segment view shows each segment's reading speed; V turns the transcript into cues.
  await expect(page.getByTestId('segment-speed').first()).toContainText(/chars\/s|words\/min/)
  await page.keyboard.press('v')
  const view = page.getByTestId('cue-view')
  await expect(view).toBeVisible()
  await view.getByTestId('cue-preset').selectOption('bbc')
  await expect(view.getByTestId('cue-speed').first()).toContainText('words/min')
  const summary = view.getByTestId('cue-summary')
  const softBefore = Number((await summary.textContent())?.match(/(\d+) soft/)?.[1])
  expect(softBefore).toBeGreaterThan(0)

  // E goes to a cue with a breach.
  await page.keyboard.press('e')
  await expect(view.locator('[data-testid="cue-row"].selected')).toHaveAttribute('data-severity', /soft|hard/)

  // A cue that passes the rules: force a break before its fourth word (B). The planner leaves no
  // avoidable breach to fix (test/shared/subtitles/avoidable-breaches.test.ts: zero on every real
  // fixture), so the decision here is the reviewer's own taste, and QC must follow it live.
  const rowsOnScreen = view.getByTestId('cue-row')
  let target = -1
  let words: string[] = []
  for (let i = 0; i < (await rowsOnScreen.count()) && target < 0; i++) {
    const row = rowsOnScreen.nth(i)
    const texts = await row.locator('.word').allTextContents()
    if ((await row.getAttribute('data-severity')) === 'fine' && texts.length >= 8) [target, words] = [i, texts]
  }
  expect(target).toBeGreaterThanOrEqual(0)
  const cuesBefore = Number((await summary.textContent())?.match(/(\d+) cues/)?.[1])
  await rowsOnScreen.nth(target).locator('.word').nth(3).click()
  await page.keyboard.press('b')

  // A cue now starts at that word; QC re-counted live, and the docked QC panel says the same.
  const tail = words.slice(3, 6).join(' ')
  const fixed = view.getByTestId('cue-row').filter({ hasText: tail }).first()
  await expect(fixed.locator('.word').first()).toHaveText(words[3])
  await expect.poll(async () => Number((await summary.textContent())?.match(/(\d+) cues/)?.[1])).toBeGreaterThan(cuesBefore)
  await expect(page.locator('.qc .summary')).toHaveText((await summary.textContent()) ?? '')
  await app.screenshot('cue-view')

  // Export SRT under the same preset: the break is in the file.
  await app.emit('menu:command', 'export')
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByLabel('Preset').selectOption('bbc')
  app.nextSavePath = (name) => join(app.dataDir, name)
  await dialog.getByRole('button', { name: 'Save…' }).click()
  await expect(dialog.getByRole('status')).toContainText('saved to')
  const saved = app.saveRequests.at(-1)!.suggestedName
  const srt = readSrt(await readFile(join(app.dataDir, saved), 'utf8'))
  const cue = srt.cues.find((c) => c.lines.join(' ').startsWith(tail))
  expect(cue, `a cue starting "${tail}"`).toBeDefined()
})

test('cue view: a word opened for editing, typed and committed keeps its cue\'s height (the rows below do not move); a key typed right after Enter lands on the word', async ({ app }) => {
  const { page } = app
  await openTedTalk(app)
  await page.keyboard.press('v')
  const row = page.locator('[data-testid="cue-row"][data-index="1"]')
  const next = page.locator('[data-testid="cue-row"][data-index="2"]')
  await expect(row.locator('.word').nth(1)).toBeVisible()
  const box = async (): Promise<{ height: number; nextTop: number }> => ({ height: (await row.boundingBox())!.height, nextTop: (await next.boundingBox())!.y })
  const before = await box()
  const word = row.locator('.word').nth(1)
  const id = (await word.getAttribute('data-word-id'))!
  // As long as the word (the cue is cut the same): only the field could change the height.
  const original = (await word.textContent())!
  const typed = `${original.startsWith('X') ? 'Y' : 'X'}${original.slice(1)}`
  await word.dblclick()
  const field = page.locator('input.edit')
  await expect(field).toBeFocused()
  // Editing: the field sits in the line as the word did (a taller line would move every row below, and re-measure them at Enter).
  expect(await box()).toEqual(before)
  await page.keyboard.type(typed)
  expect(await box()).toEqual(before)
  await page.keyboard.press('Enter')
  await expect(page.locator(`[data-testid="cue-row"] .word[data-word-id="${id}"]`)).toHaveText(typed)
  await expect(field).toHaveCount(0)
  expect(await box()).toEqual(before)

  // Enter and a letter in one go (the letter before Enter's frame is painted): the word takes it.
  await page.locator(`[data-testid="cue-row"] .word[data-word-id="${id}"]`).dblclick()
  await expect(field).toBeFocused()
  const between = await field.evaluate(async (el: HTMLInputElement) => {
    el.value = 'Robot'
    el.dispatchEvent(new Event('input', { bubbles: true }))
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
    // Enter's render has run (a microtask), its frame not painted: the field is hidden, still focused.
    await Promise.resolve()
    const state = { leaving: el.classList.contains('leaving'), focused: document.activeElement === el }
    // The next key, typed as the browser types it into the focused field.
    document.execCommand('insertText', false, 's')
    return state
  })
  expect(between).toEqual({ leaving: true, focused: true })
  await expect(field).not.toHaveClass(/leaving/)
  await expect(field).toHaveValue('Robots')
  await page.keyboard.press('Enter')
  await expect(page.locator(`[data-testid="cue-row"] .word[data-word-id="${id}"]`)).toHaveText('Robots')
})
