import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import { loadRealExport } from '../fixtures/real-to-export'
import { readSrt } from '../shared/subtitles/readers'

/*
 * The live cue view end to end (docs/subtitles.md#cue-decisions): on a real TED transcript under
 * the BBC preset, a cue reads too fast although a different cut would let it meet the rule
 * (test/shared/subtitles/avoidable-breaches.test.ts counts such cues): a break before "them.". The reviewer toggles the
 * view, finds the breach, forces a break before the word, sees QC clear, exports SRT, and the
 * SRT (read back by the export read-back tests' own parser) has a cue starting at that word.
 */

test('cue view: find a reading-speed breach, force a break, QC clears, the SRT has the break', async ({ app }) => {
  const { page } = app
  const file = join(app.dataDir, 'kate-darling-ted.json')
  await writeFile(file, JSON.stringify(loadRealExport('kate-darling-ted.dpe.json')))
  app.nextExportFile = file
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('segment-count')).toContainText('segments')

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

  // The cue "of these baby dinosaur / about we give them. The five teams" reads too fast.
  const tooFast = view.getByTestId('cue-row').filter({ hasText: 'about we give them. The five teams' })
  // E, breach after breach, until the list (virtualised) brings that cue up.
  for (let i = 0; i < 80 && !(await tooFast.count()); i++) await page.keyboard.press('e')
  await expect(tooFast).toHaveAttribute('data-severity', 'soft')
  await expect(tooFast).toContainText('reading-speed')
  const them = tooFast.locator('.word', { hasText: /^them\.$/ })
  await them.click()
  await page.keyboard.press('b')

  // A cue now starts at "them.", it and the cue before pass the rules; QC counts fewer soft breaches.
  const fixed = view.getByTestId('cue-row').filter({ hasText: 'them. The five teams' })
  await expect(fixed).toHaveAttribute('data-severity', 'fine')
  await expect(fixed.locator('.word').first()).toHaveText('them.')
  await expect(view.getByTestId('cue-row').filter({ hasText: 'of these baby dinosaur' })).toHaveAttribute('data-severity', 'fine')
  await expect.poll(async () => Number((await summary.textContent())?.match(/(\d+) soft/)?.[1])).toBeLessThan(softBefore)
  await expect(page.locator('.qc .summary')).toHaveText(await summary.textContent() ?? '')
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
  const cue = srt.cues.find((c) => c.lines.join(' ').includes('The five teams'))
  expect(cue?.lines.join(' ')).toMatch(/^them\. The five teams/)
})
