import { test, expect } from './support/harness'
import { writeTwoHourExport } from '../bench/editor'
import { signalNames } from '../../shared/review/queue'

/*
 * The review queue's cue-breach signal comes from a Web Worker in the built app (issue 21: the
 * whole-task subtitle cut was a 150–500 ms task on the page while a long task opened). Opening
 * the 2-hour task starts the worker, its answer becomes queue items whose reason is a cue breach,
 * and the worker is still alive afterwards (a worker that failed is terminated and the cut done
 * on the page instead, which this would catch).
 */

test('opening the 2-hour task: the cue breaches are cut in the worker and reach the queue', async ({ app }) => {
  test.setTimeout(90_000)
  const { page } = app
  const started: string[] = []
  page.on('worker', (worker) => started.push(worker.url()))
  app.nextExportFile = await writeTwoHourExport(app.dataDir)
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('segment-count')).toHaveText('838 segments')

  // Only the cue-breach signal left on: every item the panel lists is one the worker found.
  await page.getByTestId('review-queue-toggle').click()
  const panel = page.getByTestId('review-queue')
  await expect(panel).toBeVisible()
  await page.getByTestId('review-queue-settings').locator('summary').click()
  for (const signal of signalNames.filter((s) => s !== 'cue-breach')) {
    const field = page.getByTestId(`queue-weight-${signal}`)
    await field.fill('0')
    await field.dispatchEvent('change')
  }
  await expect(panel).toHaveAttribute('data-settled', 'true', { timeout: 30_000 })
  const items = panel.getByTestId('review-queue-item')
  await expect(items.first()).toBeVisible()
  const reasons = await items.locator('.why').allTextContents()
  expect(reasons.length).toBeGreaterThan(5)
  for (const reason of reasons) expect(reason).toMatch(/^Subtitle cue too fast \/ long \(netflix-en: .*(chars\/s|wpm|ms) [<>] /)

  // The cut ran in the bundled worker, which is still there (not given up for the page fallback).
  expect(started.filter((url) => /cue-breach\.worker[^/]*\.js$/.test(url))).toHaveLength(1)
  const alive = page.workers().filter((w) => w.url().includes('cue-breach.worker'))
  expect(alive).toHaveLength(1)
  expect(await alive[0].evaluate(() => typeof (self as unknown as { onmessage: unknown }).onmessage)).toBe('function')
  expect(app.logLines.filter((l) => l.startsWith('pageerror'))).toEqual([])
})
