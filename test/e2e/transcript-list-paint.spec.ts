import { test, expect } from './support/harness'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { convertRealFixture } from '../fixtures/real-to-export'

/*
 * What a scroll frame costs to draw (issue 21). A real transcript's review queue marks many words
 * in every screen of the list; their outline was dashed, and a dashed outline round a rounded
 * word is drawn dash by dash: the trace of a scroll (test/bench/list-scroll.ts, PROF_MODE=trace)
 * showed raster at ~4.7 ms a frame with it and ~1.6 ms without. The queued words keep an outline,
 * thin and solid.
 */

test('the review queue marks its words in the list with a thin solid outline, not a dashed one', async ({ app }) => {
  const { page } = app
  const file = join(app.dataDir, 'today-in-focus.json')
  await writeFile(file, JSON.stringify(convertRealFixture('today-in-focus.amazon-transcribe.json')))
  app.nextExportFile = file
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('segment-count')).toHaveText(/\d+ segments/)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('q')
  await expect(page.getByTestId('review-queue')).toHaveAttribute('data-settled', 'true')
  // A queued word that is not the queue's current item (that one has its own, thicker mark).
  const word = page.locator('[data-testid="transcript-scroller"] .w.queued:not(.queued-current)').first()
  await expect(word).toBeVisible()
  const outline = await word.evaluate((el) => {
    const s = getComputedStyle(el)
    return { style: s.outlineStyle, width: s.outlineWidth }
  })
  expect(outline).toEqual({ style: 'solid', width: '1px' })
})
