import { test, expect } from './support/harness'
import { openRealFixture } from './support/open-real'

/*
 * Rows that come in while the transcript list scrolls are drawn light (lib/row-light.ts, issue
 * 21): their gutter and actions are the buttons' boxes and texts without the buttons. Pinned
 * here: a light row has no button; at rest every row has its buttons again, with the row's height
 * and the boxes of its speaker, time and reviewed mark where the light row had them.
 */

/** Per light row now on screen: its index, height, and the boxes of its gutter's and actions' items (relative to the row). */
const lightRows = `(() => {
  const el = document.querySelector('[data-testid="transcript-scroller"]')
  const out = []
  for (const row of el.querySelectorAll('article.segment')) {
    if (!row.querySelector('.light-btn')) continue
    const r = row.getBoundingClientRect()
    const box = (e) => { const b = e.getBoundingClientRect(); return [b.left - r.left, b.top - r.top, b.width, b.height].map((n) => Math.round(n * 10) / 10) }
    out.push({ index: row.getAttribute('data-index'), height: r.height, buttons: row.querySelectorAll('button').length, boxes: [...row.querySelectorAll('.gutter > *, .actions > *')].map(box) })
  }
  return out
})()`

/** Page code: scrolls the list 2400 px and gives a light row with `stand-in` well inside the view (and `also`), or undefined. */
const scrollToLightRow = `async (standIn, also = () => true) => {
  const el = document.querySelector('[data-testid="transcript-scroller"]')
  el.scrollTop += 2400
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
  const box = el.getBoundingClientRect()
  return [...el.querySelectorAll('article.segment')].find((row) => {
    const r = row.getBoundingClientRect()
    return row.querySelector(standIn) && also(row) && r.top > box.top + 40 && r.bottom < box.bottom - 40
  })
}`

for (const width of [1400, 820]) {
  test(`rows that scroll in are light, and get their buttons at rest in the same boxes (window ${width} px wide)`, async ({ app }) => {
    const { page } = app
    await page.setViewportSize({ width, height: 900 })
    await openRealFixture(app, 'today-in-focus.amazon-transcribe.json')
    const scroller = page.getByTestId('transcript-scroller')
    await expect(scroller.locator('.w').first()).toBeVisible()
    // Opened without scrolling: no light row.
    expect(await page.evaluate(lightRows)).toEqual([])
    // 600 px steps, one per frame: the light rows of each frame as they came in.
    const seen = (await page.evaluate(`(async () => {
      const el = document.querySelector('[data-testid="transcript-scroller"]')
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
      const rows = []
      for (let i = 0; i < 8; i++) {
        el.scrollTop += 600
        await frame()
        rows.push(...${lightRows})
      }
      return rows
    })()`)) as Array<{ index: string; height: number; buttons: number; boxes: number[][] }>
    expect(seen.length).toBeGreaterThan(10)
    for (const row of seen) expect(row.buttons, `light row ${row.index}`).toBe(0)
    // At rest: no light row left, and the rows still on screen have their buttons where the stand-ins were.
    await expect.poll(async () => (await page.evaluate(lightRows) as unknown[]).length).toBe(0)
    // Read in one go (the list may re-render between two reads of a loaded machine): each row's last light state against it now.
    const now = (await page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="transcript-scroller"]')
      const out = {}
      for (const row of el.querySelectorAll('article.segment')) {
        const r = row.getBoundingClientRect()
        const box = (e) => { const b = e.getBoundingClientRect(); return [b.left - r.left, b.top - r.top, b.width, b.height].map((n) => Math.round(n * 10) / 10) }
        out[row.getAttribute('data-index')] = { height: r.height, buttons: row.querySelectorAll('button').length, boxes: [...row.querySelectorAll('.gutter > *, .actions > *')].map(box) }
      }
      return out
    })()`)) as Record<string, { height: number; buttons: number; boxes: number[][] }>
    let compared = 0
    for (const row of new Map(seen.map((r) => [r.index, r])).values()) {
      const after = now[row.index]
      if (!after) continue
      expect(after.buttons, `row ${row.index} at rest`).toBeGreaterThanOrEqual(5)
      expect(after.height, `row ${row.index}'s height`).toBe(row.height)
      expect(after.boxes, `row ${row.index}'s gutter and actions`).toEqual(row.boxes)
      compared++
    }
    expect(compared).toBeGreaterThan(0)
  })
}

test('a light row under the pointer gets its buttons, and its speaker chip opens the speaker menu', async ({ app }) => {
  await openRealFixture(app, 'today-in-focus.amazon-transcribe.json')
  const { page } = app
  const scroller = page.getByTestId('transcript-scroller')
  await expect(scroller.locator('.w').first()).toBeVisible()
  const index = (await page.evaluate(`(async () => {
    const row = await (${scrollToLightRow})('.light-btn')
    return row ? row.getAttribute('data-index') : null
  })()`)) as string | null
  expect(index).not.toBeNull()
  const row = scroller.locator(`article.segment[data-index="${index}"]`)
  await row.getByTestId('speaker-chip').click()
  await expect(page.getByTestId('speaker-menu')).toBeVisible()
  await expect(row.locator('.light-btn')).toHaveCount(0)
})

test('a press on a light row\'s stand-in while the list still scrolls works the button it stands for', async ({ app }) => {
  await openRealFixture(app, 'today-in-focus.amazon-transcribe.json')
  const { page } = app
  const scroller = page.getByTestId('transcript-scroller')
  await expect(scroller.locator('.w').first()).toBeVisible()
  // Scroll, pick a light row well inside the view, and keep the list scrolling (1 px back and
  // forth each frame) so the row stays light until the press comes.
  const found = (await page.evaluate(`(async () => {
    const el = document.querySelector('[data-testid="transcript-scroller"]')
    const row = await (${scrollToLightRow})('.light-btn.reviewed-toggle', (row) => !row.classList.contains('reviewed'))
    if (!row) return null
    let sign = 1
    window.__jiggle = true
    const jiggle = () => { if (!window.__jiggle) return; el.scrollTop += sign; sign = -sign; requestAnimationFrame(jiggle) }
    requestAnimationFrame(jiggle)
    const b = row.querySelector('.light-btn.reviewed-toggle').getBoundingClientRect()
    return { index: row.getAttribute('data-index'), x: b.left + b.width / 2, y: b.top + b.height / 2 }
  })()`)) as { index: string; x: number; y: number } | null
  expect(found).not.toBeNull()
  const row = scroller.locator(`article.segment[data-index="${found!.index}"]`)
  expect(await row.locator('.light-btn.reviewed-toggle').count()).toBe(1)
  await page.mouse.click(found!.x, found!.y)
  await page.evaluate('window.__jiggle = false')
  await expect(row.getByTestId('reviewed-toggle')).toHaveAttribute('aria-pressed', 'true')
})
