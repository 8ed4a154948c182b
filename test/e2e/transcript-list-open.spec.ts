import { test, expect } from './support/harness'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { convertRealFixture } from '../fixtures/real-to-export'

/*
 * The 2-hour hearing opened in chunks (the transcript's first screen paints before the waveform
 * strip, status bar and side panels mount) and its rows pooled by slot (a far jump patches the
 * mounted rows): keys pressed before the rest arrives act on the whole task, rows reused for
 * other segments show those segments, and the row being edited keeps its own field and focus.
 */

const fixture = convertRealFixture('senate-hearing-2h.dpe.json')

test('keys pressed right after the first rows paint, before the status bar mounts, act on the task', async ({ app }) => {
  const { page } = app
  const file = join(app.dataDir, 'senate-2h.json')
  await writeFile(file, JSON.stringify(fixture))
  app.nextExportFile = file
  await page.getByTestId('start-open-file').waitFor()
  const early = await page.evaluate(async () => {
    ;(document.querySelector('[data-testid="start-open-file"]') as HTMLButtonElement).click()
    while (!document.querySelector('article.segment')) await new Promise((r) => requestAnimationFrame(r))
    const statusBarThen = document.querySelector('[data-testid="save-state"]') !== null
    const key = (key: string, ctrl = false): void => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key, code: key.length === 1 ? `Key${key.toUpperCase()}` : key, ctrlKey: ctrl, bubbles: true, cancelable: true }))
    }
    key('ArrowDown')
    key('ArrowDown')
    key('d', true)
    return { statusBarThen }
  })
  // The keys went in while the side pieces were still to come.
  expect(early.statusBarThen).toBe(false)
  await expect(page.getByTestId('reviewed-progress')).toBeVisible({ timeout: 30_000 })
  const third = page.locator('article.segment[data-index="2"]')
  await expect(third).toHaveAttribute('aria-current', 'true')
  await expect(third.getByTestId('reviewed-toggle')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('article.segment').first().getByTestId('reviewed-toggle')).toHaveAttribute('aria-pressed', 'false')
})

test('after far jumps, every row shows its own segment and rows are reused, not rebuilt', async ({ app }) => {
  const { page } = app
  const file = join(app.dataDir, 'senate-2h.json')
  await writeFile(file, JSON.stringify(fixture))
  app.nextExportFile = file
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('reviewed-progress')).toBeVisible()
  const result = await page.evaluate(async () => {
    // The model's text of each segment, from the editor store.
    type Editor = { model: { segments: Array<{ id: string; words: Array<{ text: string }> }> } }
    const vue = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $pinia: { _s: Map<string, Editor> } } } } }).__vue_app__
    const model = vue.config.globalProperties.$pinia._s.get('editor')!.model
    const texts = Object.fromEntries(model.segments.map((s) => [s.id, s.words.map((w) => w.text).join(' ')]))
    const el = document.querySelector('[data-testid="transcript-scroller"]') as HTMLElement
    const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
    await frame()
    const before = new Set(el.querySelectorAll('article.segment'))
    const wrong: string[] = []
    let reused = 0
    let rows = 0
    for (const at of [0.9, 0.1, 0.55, 0.3, 0.75]) {
      el.scrollTop = at * (el.scrollHeight - el.clientHeight)
      await frame()
      await frame()
      for (const row of el.querySelectorAll<HTMLElement>('article.segment')) {
        rows++
        if (before.has(row)) reused++
        const id = row.getAttribute('data-segment-id') ?? ''
        const shown = (row.querySelector('[data-testid="segment-text"]')?.textContent ?? '').trim().replace(/\s+/g, ' ')
        if (shown !== texts[id]) wrong.push(`${id}: ${shown.slice(0, 40)}`)
      }
    }
    return { wrong, reused, rows }
  })
  expect(result.wrong).toEqual([])
  // Most rows after a jump are the elements the list already had (the cursor row is its own).
  expect(result.reused).toBeGreaterThan(result.rows * 0.6)
})

test('the row being edited keeps its field, text and focus while the list scrolls and jumps back', async ({ app }) => {
  const { page } = app
  const file = join(app.dataDir, 'senate-2h.json')
  await writeFile(file, JSON.stringify(fixture))
  app.nextExportFile = file
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('reviewed-progress')).toBeVisible()
  const second = page.locator('article.segment[data-index="1"]')
  await second.getByTestId('segment-text').locator('.w').first().dblclick()
  const field = second.getByTestId('segment-editor')
  await expect(field).toBeFocused()
  await field.press('End')
  await field.pressSequentially(' zebra')
  const kept = await page.evaluate(async () => {
    const el = document.querySelector('[data-testid="transcript-scroller"]') as HTMLElement
    const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
    const area = document.activeElement
    // A small scroll (the row stays on screen): the same field, still focused.
    el.scrollTop += 40
    await frame()
    await frame()
    const same = document.activeElement === area && area?.tagName === 'TEXTAREA'
    // A far jump and back: the row's text comes back with it.
    el.scrollTop = el.scrollHeight / 2
    await frame()
    await frame()
    const fieldsAway = el.querySelectorAll('textarea').length
    el.scrollTop = 0
    await frame()
    await frame()
    return { same, fieldsAway }
  })
  expect(kept.same).toBe(true)
  expect(kept.fieldsAway).toBe(0)
  await expect(field).toHaveValue(/ zebra$/)
})
