import { test, expect } from './support/harness'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { convertRealFixture } from '../fixtures/real-to-export'

/*
 * What scrolling the transcript list does to the DOM (issue 21, the script a scroll frame runs):
 * a word's tooltip is written when the pointer comes over it, not on every word that scrolls in,
 * with what the reviewer sees on hover unchanged.
 */

type App = Parameters<Parameters<typeof test>[2]>[0]['app']

/** Opens a real transcript (test/fixtures/real) in the app. */
async function open(app: App, name: string): Promise<void> {
  const file = join(app.dataDir, 'task.json')
  await writeFile(file, JSON.stringify(convertRealFixture(name)))
  app.nextExportFile = file
  await app.page.getByTestId('start-open-file').click()
  await expect(app.page.getByTestId('reviewed-progress')).toBeVisible()
}

test('a marked word shows its tooltip on hover; words that scroll in carry none until then', async ({ app }) => {
  // Real recogniser confidences: low-confidence words on the first screen.
  await open(app, 'today-in-focus.amazon-transcribe.json')
  const { page } = app
  const scroller = page.getByTestId('transcript-scroller')
  await expect(scroller.locator('.w').first()).toBeVisible()
  expect(await scroller.locator('.w[title]').count()).toBe(0)
  const low = scroller.locator('.w.low').first()
  await low.hover()
  await expect(low).toHaveAttribute('title', /^Low confidence: \d+% \(below \d+%\)/)
  const plain = scroller.locator('.w:not(.low):not(.est)').first()
  await plain.hover()
  await expect(plain).not.toHaveAttribute('title', /./)
  // Scrolled: the span reused for another word drops the tooltip it had.
  const wordId = await low.getAttribute('data-word-id')
  await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight / 2 })
  await expect(scroller.locator(`.w[data-word-id="${wordId}"]`)).toHaveCount(0)
  expect(await scroller.locator('.w[title]').count()).toBe(0)
})
