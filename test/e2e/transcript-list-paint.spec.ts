import { test, expect } from './support/harness'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { convertRealFixture } from '../fixtures/real-to-export'
import { openRealFixture } from './support/open-real'

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

/*
 * The rows that stay on screen at a 600 px step keep their cached paint. The rows are each a
 * stacking context (their transform); with no stacking context round the list they were painted
 * from the page root's paint order, and every row on screen was painted again at each step frame
 * (a Paint trace event per row: ~17 per step on a 2-hour task, ~30 % of the frame's CPU) although
 * only the incoming rows had changed. The scroller is its own stacking context now. A count of
 * trace events, the same on a loaded machine.
 */
test('scrolling the list in 600 px steps paints no row as a layer of its own again', async ({ app }) => {
  await openRealFixture(app, 'senate-hearing-2h.dpe.json')
  const { page } = app
  const scroller = page.getByTestId('transcript-scroller')
  await expect(scroller.locator('article.segment').first()).toBeVisible()
  await page.mouse.move(5, 5)
  const steps = `(async (n) => {
    const el = document.querySelector('[data-testid="transcript-scroller"]')
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
    for (let i = 0; i < n; i++) { el.scrollTop += 600; await frame() }
  })`
  await page.evaluate(`${steps}(3)`)
  const browser = page.context().browser()!
  await browser.startTracing(page, { categories: ['devtools.timeline'] })
  await page.evaluate(`${steps}(10)`)
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: Array<{ name: string; ts: number; args?: { data?: { nodeName?: string } } }> }
  const paints = trace.traceEvents.filter((e) => e.name === 'Paint').sort((a, b) => a.ts - b.ts)
  // A frame's paint starts at the document. The first frame after tracing starts paints every layer
  // (what was painted before the trace is not in it): the steps after it are counted.
  const frames = paints.flatMap((e, i) => (e.args?.data?.nodeName === '#document' ? [i] : []))
  expect(frames.length).toBeGreaterThanOrEqual(8)
  const rows = paints.slice(frames[1]).filter((e) => (e.args?.data?.nodeName ?? '').startsWith('ARTICLE'))
  expect(rows.length).toBe(0)
})
