import { test, expect } from './support/harness'
import { openRealFixture } from './support/open-real'

/*
 * Rows that come in while the transcript list scrolls show their words as plain text, their
 * marks drawn by the CSS highlight API, and get their word spans once the list rests
 * (lib/word-plain.ts, issue 21: the spans were most of a scroll frame). Pinned here: the plain
 * text has the spans' text and so the row's height; the low-confidence marks are there while
 * plain; every row has its spans after the scrolling; a word of a plain row is clicked as a word.
 */

/** What the rows' word paragraphs are now: [rows plain (text, no spans), rows with spans, low-confidence highlight ranges]. */
const state = `(() => {
  const ps = [...document.querySelectorAll('[data-testid="transcript-scroller"] article.segment p.text')]
  const plain = ps.filter((p) => p.children.length === 0 && p.textContent.trim() !== '')
  return [plain.length, ps.length - plain.length, CSS.highlights.get('sdte-low')?.size ?? 0]
})()`

test('rows that scroll in show plain text with their marks, the same height, and get their spans when the list rests', async ({ app }) => {
  // Real recogniser confidences: low-confidence words all down the list.
  await openRealFixture(app, 'today-in-focus.amazon-transcribe.json')
  const { page } = app
  const scroller = page.getByTestId('transcript-scroller')
  await expect(scroller.locator('.w').first()).toBeVisible()
  // Opened without scrolling: every row has its spans.
  expect(((await page.evaluate(state)) as number[])[0]).toBe(0)
  // 600 px steps, one per frame: each frame's new rows, with their text and height as they came in.
  const seen = (await page.evaluate(`(async () => {
    const el = document.querySelector('[data-testid="transcript-scroller"]')
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
    const rows = []
    let lowRanges = 0
    for (let i = 0; i < 8; i++) {
      el.scrollTop += 600
      await frame()
      lowRanges = Math.max(lowRanges, CSS.highlights.get('sdte-low')?.size ?? 0)
      for (const row of el.querySelectorAll('article.segment')) {
        const p = row.querySelector('p.text')
        if (p && p.children.length === 0 && p.textContent.trim() !== '') rows.push({ index: row.getAttribute('data-index'), text: p.textContent, height: row.getBoundingClientRect().height })
      }
    }
    return { rows, lowRanges }
  })()`)) as { rows: Array<{ index: string; text: string; height: number }>; lowRanges: number }
  expect(seen.rows.length).toBeGreaterThan(10)
  expect(seen.lowRanges).toBeGreaterThan(0)
  // At rest: no plain row left, no highlight range left.
  await expect.poll(async () => page.evaluate(state)).toEqual([0, expect.any(Number), 0])
  // The rows still on screen: their spans have the plain text's text, and the row its height.
  let compared = 0
  for (const row of seen.rows) {
    const now = scroller.locator(`article.segment[data-index="${row.index}"]`)
    if ((await now.count()) !== 1) continue
    const after = await now.evaluate((el) => ({ text: el.querySelector('p.text')!.textContent, height: el.getBoundingClientRect().height, spans: el.querySelectorAll('p.text .w').length }))
    expect(after.spans).toBeGreaterThan(0)
    expect(after.text).toBe(row.text)
    expect(after.height).toBe(row.height)
    compared++
  }
  expect(compared).toBeGreaterThan(0)
})

test('a click on a word of a row still plain puts the cursor on that word', async ({ app }) => {
  await openRealFixture(app, 'today-in-focus.amazon-transcribe.json')
  const { page } = app
  await expect(page.getByTestId('transcript-scroller').locator('.w').first()).toBeVisible()
  // One jump, then at once (in the same task as the frame after it) the place of a plain row's fourth word.
  const target = (await page.evaluate(`(async () => {
    const el = document.querySelector('[data-testid="transcript-scroller"]')
    el.scrollTop += 2400
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
    const box = el.getBoundingClientRect()
    for (const row of el.querySelectorAll('article.segment')) {
      const p = row.querySelector('p.text')
      const r = row.getBoundingClientRect()
      if (!p || p.children.length !== 0 || r.top < box.top + 40 || r.bottom > box.bottom - 40) continue
      const text = p.firstChild
      const words = text.textContent.split(' ')
      if (words.length < 6) continue
      const at = words.slice(0, 3).join(' ').length + 1
      const range = new Range()
      range.setStart(text, at)
      range.setEnd(text, at + words[3].length)
      const w = range.getClientRects()[0]
      return { index: row.getAttribute('data-index'), word: words[3], x: w.left + w.width / 2, y: w.top + w.height / 2 }
    }
    return null
  })()`)) as { index: string; word: string; x: number; y: number } | null
  expect(target).not.toBeNull()
  await page.mouse.click(target!.x, target!.y)
  const row = page.locator(`article.segment[data-index="${target!.index}"]`)
  await expect(row).toHaveAttribute('aria-current', 'true')
  await expect(row.locator('.w.cur')).toHaveText(target!.word)
  await expect(row.locator('.w.cur')).toHaveAttribute('data-i', '3')
})
