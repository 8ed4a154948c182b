import { test, expect } from './support/harness'
import { openRealFixture } from './support/open-real'

/*
 * What scrolling the transcript list does to the DOM (issue 21, the script a scroll frame runs):
 * a word's tooltip is written when the pointer comes over it, not on every word that scrolls in,
 * with what the reviewer sees on hover unchanged.
 */

test('a marked word shows its tooltip on hover; words that scroll in carry none until then', async ({ app }) => {
  // Real recogniser confidences: low-confidence words on the first screen.
  await openRealFixture(app, 'today-in-focus.amazon-transcribe.json')
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
