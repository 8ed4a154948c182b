import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import { convertRealFixture } from '../fixtures/real-to-export'

/*
 * A long task's first screen is rendered once (issue 21, cold open): while the editor's frame
 * waits for the task, its warm-up rows are laid out in the list and the row layout read from them
 * (components/editor/RowWarmUp.vue, TranscriptPane.vue), and the list is as tall as it will be
 * once the task is in (the loading line takes no room of its own). So the first render mounts
 * the rows that fill the screen: none is added in the first frame (a second batch came in there,
 * with a second layout, before the first rows showed). The file's reply is held until the
 * warm-up has run, so what is checked does not depend on how fast main reads (no timing).
 */

test('the first rows of a long task fill the screen at their first render: none comes in at their first frame', async ({ app }) => {
  const { page } = app
  const file = join(app.dataDir, 'senate-2h.json')
  await writeFile(file, JSON.stringify(convertRealFixture('senate-hearing-2h.dpe.json')))
  let release: (path: string) => void = () => undefined
  // The file dialog's answer held: main reads the file once it is let through.
  ;(app as unknown as { nextExportFile: Promise<string> }).nextExportFile = new Promise<string>((resolve) => (release = resolve))
  await page.evaluate(() => {
    const w = window as unknown as { __rowCounts: Array<[number, boolean, number]>; __warmRows: number }
    w.__rowCounts = []
    w.__warmRows = 0
    // Frames counted at their start (requestAnimationFrame): a ResizeObserver's re-render in a frame is after its count.
    let frame = 0
    const tick = (): void => {
      frame++
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.matches('article.segment') && n.closest('.row-warm-up')) w.__warmRows++
      const rows = document.querySelectorAll('[data-testid="transcript-scroller"] article.segment:not(.row-warm-up *)').length
      const busy = document.querySelector('[data-testid="transcript-scroller"]')?.getAttribute('aria-busy') === 'true'
      if (rows > 0) w.__rowCounts.push([rows, busy, frame])
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] })
  })
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('transcript-loading')).toBeVisible()
  // The warm-up ran (the data's code, then the rows: the cursor's and a light one, as the first screen comes) and its rows are gone.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('sdte:open-warm-up').length)).toBe(1)
  await expect.poll(() => page.evaluate(() => (window as unknown as { __warmRows: number }).__warmRows)).toBe(2)
  await expect(page.locator('.row-warm-up article.segment')).toHaveCount(0)
  release(file)
  // The whole task in place (the list no longer busy), every segment counted.
  await expect(page.getByTestId('transcript-scroller')).not.toHaveAttribute('aria-busy', 'true')
  await expect(page.getByTestId('segment-count')).toHaveText(/^838 /)
  const counts = await page.evaluate(() => (window as unknown as { __rowCounts: Array<[number, boolean, number]> }).__rowCounts)
  // The first render's rows (the data's task), then the first frame that shows them: the same rows.
  const [first] = counts
  expect(first[1]).toBe(true)
  expect(first[0]).toBeGreaterThan(5)
  expect(counts.filter(([, , frame]) => frame <= first[2] + 1).map(([rows]) => rows)).toEqual(counts.filter(([, , frame]) => frame <= first[2] + 1).map(() => first[0]))
})
