import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, type AppHarness } from './support/harness'
import { convertRealFixture } from '../fixtures/real-to-export'

/*
 * A long task's first screen comes in light (lib/row-light.ts, issue 21 cold open): the rows of
 * the first render have their words as plain text and their buttons' stand-ins, the cursor row
 * its spans and buttons; in idle time every row gets its own, at the height it had. Whatever the
 * reviewer does at once acts on the light rows as on whole ones: a click on a word, a press on a
 * stand-in, the cursor moved by key, find. For those, idle periods are held off once the frame's
 * warm-up has run (requestIdleCallback never calls back), so the rows are still light when the
 * reviewer acts, whatever the machine's speed (no timing).
 */

/** Per row on the list now: index, light (a stand-in in it), buttons, word spans, the cursor's, height, its text. */
const rowsNow = `(() => [...document.querySelectorAll('[data-testid="transcript-scroller"] article.segment:not(.row-warm-up *)')].map((row) => ({
  index: row.getAttribute('data-index'),
  light: row.querySelector('.light-btn') !== null,
  buttons: row.querySelectorAll('button').length,
  spans: row.querySelectorAll('.w').length,
  cursor: row.getAttribute('aria-current') === 'true',
  height: row.getBoundingClientRect().height,
  text: row.querySelector('[data-testid="segment-text"]')?.textContent?.trim() ?? ''
})))()`
type Row = { index: string; light: boolean; buttons: number; spans: number; cursor: boolean; height: number; text: string }

/**
 * Opens the 2-hour task with the first render's rows recorded as they come; with `holdIdle`, no
 * idle callback runs once the frame's warm-up has (the rows stay light). Resolves when the whole
 * task is in place, with the first render's rows.
 */
async function openTwoHours(app: AppHarness, holdIdle: boolean): Promise<Row[]> {
  const { page } = app
  const file = join(app.dataDir, 'senate-2h.json')
  await writeFile(file, JSON.stringify(convertRealFixture('senate-hearing-2h.dpe.json')))
  let release: (path: string) => void = () => undefined
  ;(app as unknown as { nextExportFile: Promise<string> }).nextExportFile = new Promise<string>((resolve) => (release = resolve))
  await page.evaluate(`(() => {
    window.__firstRows = null
    const mo = new MutationObserver(() => {
      const rows = ${rowsNow}
      if (rows.length === 0) return
      window.__firstRows = rows
      mo.disconnect()
    })
    mo.observe(document.body, { childList: true, subtree: true })
  })()`)
  await page.getByTestId('start-open-file').click()
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('sdte:open-warm-up').length)).toBe(1)
  await expect(page.locator('.row-warm-up article.segment')).toHaveCount(0)
  if (holdIdle) await page.evaluate(() => (window.requestIdleCallback = () => 0))
  release(file)
  await expect(page.getByTestId('transcript-scroller')).not.toHaveAttribute('aria-busy', 'true')
  await expect(page.getByTestId('segment-count')).toHaveText(/^838 /)
  return (await page.evaluate('window.__firstRows')) as Row[]
}

/** A light row on screen (not the cursor's), well inside the list's view. */
async function lightRow(page: Page, skip: string[] = []): Promise<string> {
  const rows = (await page.evaluate(rowsNow)) as Row[]
  const row = rows.find((r) => r.light && !r.cursor && Number(r.index) >= 2 && Number(r.index) <= 6 && !skip.includes(r.index))
  expect(row, 'a light row').toBeDefined()
  return row!.index
}

test('a long task\'s first screen comes in light but its cursor row, and each row gets its spans and buttons at its height once idle', async ({ app }) => {
  const first = await openTwoHours(app, false)
  expect(first.length).toBeGreaterThan(5)
  const cursor = first.filter((r) => r.cursor)
  expect(cursor.length).toBe(1)
  expect(cursor[0].light).toBe(false)
  expect(cursor[0].spans).toBeGreaterThan(0)
  expect(cursor[0].buttons).toBeGreaterThanOrEqual(5)
  for (const row of first.filter((r) => !r.cursor)) {
    expect(row.light, `row ${row.index} at the first render`).toBe(true)
    expect(row.buttons, `row ${row.index}'s buttons at the first render`).toBe(0)
    expect(row.spans, `row ${row.index}'s spans at the first render`).toBe(0)
    expect(row.text.length, `row ${row.index}'s words`).toBeGreaterThan(0)
  }
  // Idle: no light row left; every first-screen row whole, at its height, with the same words.
  const { page } = app
  await expect.poll(async () => ((await page.evaluate(rowsNow)) as Row[]).filter((r) => r.light).length).toBe(0)
  const now = new Map(((await page.evaluate(rowsNow)) as Row[]).map((r) => [r.index, r]))
  for (const row of first) {
    const after = now.get(row.index)!
    expect(after.buttons, `row ${row.index}'s buttons`).toBeGreaterThanOrEqual(5)
    expect(after.spans, `row ${row.index}'s spans`).toBeGreaterThan(0)
    expect(after.height, `row ${row.index}'s height`).toBe(row.height)
    expect(after.text.replace(/\s+/g, ' '), `row ${row.index}'s words`).toBe(row.text.replace(/\s+/g, ' '))
  }
})

test('the light rows of a long task\'s first screen act at once: a word clicked, a stand-in pressed, the cursor moved by key, find', async ({ app }) => {
  await openTwoHours(app, true)
  const { page } = app
  const scroller = page.getByTestId('transcript-scroller')
  // Still light (no idle period came): the rows below the cursor's.
  expect(((await page.evaluate(rowsNow)) as Row[]).filter((r) => r.light).length).toBeGreaterThan(3)

  // A click on a light row's third word: the cursor goes to that word.
  const clicked = await lightRow(page)
  const spot = (await page.evaluate(`(() => {
    const p = document.querySelector('article.segment[data-index="${clicked}"] [data-testid="segment-text"]')
    const text = p.firstChild
    const words = text.textContent.split(' ')
    const from = words[0].length + words[1].length + 2
    const range = document.createRange()
    range.setStart(text, from)
    range.setEnd(text, from + words[2].length)
    const r = range.getClientRects()[0]
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, word: words[2] }
  })()`)) as { x: number; y: number; word: string }
  await page.mouse.click(spot.x, spot.y)
  const row = scroller.locator(`article.segment[data-index="${clicked}"]`)
  await expect(row).toHaveAttribute('aria-current', 'true')
  await expect(row.locator('.w.cur')).toHaveText(spot.word)

  // The cursor moved by key onto a light row: that row is whole.
  const below = String(Number(clicked) + 1)
  expect(((await page.evaluate(rowsNow)) as Row[]).find((r) => r.index === below)?.light, `row ${below} light`).toBe(true)
  await page.keyboard.press('ArrowDown')
  const next = scroller.locator(`article.segment[data-index="${below}"]`)
  await expect(next).toHaveAttribute('aria-current', 'true')
  await expect(next.locator('.light-btn')).toHaveCount(0)
  await expect(next.locator('.w').first()).toBeVisible()

  // A click where another light row's reviewed stand-in is (the pointer coming over the row makes it whole) marks that row reviewed.
  const pressed = await lightRow(page, [clicked, below])
  const other = scroller.locator(`article.segment[data-index="${pressed}"]`)
  await expect(other).not.toHaveClass(/reviewed/)
  const box = (await other.locator('.light-btn.reviewed-toggle').boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await expect(other.getByTestId('reviewed-toggle')).toHaveAttribute('aria-pressed', 'true')

  // Find: a word of a light row's is found and marked there.
  // A row below the cursor's, so find's first match from the cursor (or from the top) is on screen, no scroll.
  const rows = (await page.evaluate(rowsNow)) as Row[]
  const at = Number(rows.find((r) => r.cursor)!.index)
  const target = rows.find((r) => r.light && Number(r.index) > at && r.text.split(' ').some((w) => /^[a-z]{7,}$/i.test(w)))
  expect(target, 'a light row with a long word').toBeDefined()
  const word = target!.text.split(' ').find((w) => /^[a-z]{7,}$/i.test(w))!
  await page.keyboard.press('Control+f')
  await page.getByTestId('find-input').fill(word)
  const found = scroller.locator(`article.segment[data-index="${target!.index}"]`)
  await expect(found.locator('.w.found, .w.found-current').first()).toBeVisible()
  await expect(found.locator('.light-btn')).toHaveCount(0)
})
