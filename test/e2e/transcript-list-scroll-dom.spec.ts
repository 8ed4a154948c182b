import { test, expect } from './support/harness'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { convertRealFixture } from '../fixtures/real-to-export'

/*
 * What scrolling the transcript list does to the DOM (issue 21, the script a scroll frame runs):
 * a row that stays on screen is never moved among its siblings (a moved row is styled, laid out
 * and painted again), while the list still reads in order (aria-owns, aria-posinset); and a
 * word's tooltip is written when the pointer comes over it, not on every word that scrolls in,
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

test('600 px steps move no row that stays, and the list reads in order', async ({ app }) => {
  await open(app, 'senate-hearing-2h.dpe.json')
  const count = (await app.page.getByTestId('segment-count').textContent())?.match(/^\d+/)?.[0]
  const result = await app.page.evaluate(async () => {
    const el = document.querySelector('[data-testid="transcript-scroller"]') as HTMLElement
    const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
    await frame()
    const holder = el.querySelector('article.segment')!.parentElement!
    const removed = new Set<Node>()
    const observer = new MutationObserver((records) => records.forEach((r) => r.removedNodes.forEach((n) => removed.add(n))))
    let moved = 0
    let stayed = 0
    const disorder: string[] = []
    for (let step = 0; step < 12; step++) {
      const before = new Set(el.querySelectorAll('article.segment'))
      removed.clear()
      observer.observe(holder, { childList: true })
      el.scrollTop += 600
      await frame()
      await frame()
      observer.disconnect()
      const rows = [...el.querySelectorAll<HTMLElement>('article.segment')]
      for (const row of rows) {
        if (!before.has(row)) continue
        stayed++
        // A node taken out and put back (insertBefore of a node already there) is a move.
        if (removed.has(row)) moved++
      }
      // Reading order: aria-owns names the rows by their place in the list.
      const owned = (el.getAttribute('aria-owns') ?? '').split(' ').map((id) => document.getElementById(id))
      const indices = owned.map((row) => Number(row?.getAttribute('data-index')))
      const sorted = rows.map((row) => Number(row.getAttribute('data-index'))).sort((a, b) => a - b)
      if (owned.some((row) => !row || !el.contains(row)) || JSON.stringify(indices) !== JSON.stringify(sorted)) disorder.push(`step ${step}: ${indices.join(',')} vs ${sorted.join(',')}`)
      for (const row of rows) {
        if (Number(row.getAttribute('aria-posinset')) !== Number(row.getAttribute('data-index')) + 1) disorder.push(`posinset of ${row.getAttribute('data-index')}`)
      }
    }
    return { moved, stayed, disorder, setsize: el.querySelector('article.segment')?.getAttribute('aria-setsize') }
  })
  expect(result.stayed).toBeGreaterThan(50)
  expect(result.moved).toBe(0)
  expect(result.disorder).toEqual([])
  expect(result.setsize).toBe(count)
})

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
