import { test, expect } from './support/harness'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { convertRealFixture } from '../fixtures/real-to-export'

/*
 * The 2-hour hearing's rows pooled by slot (lib/row-slots.ts: a far jump patches the mounted
 * rows instead of rebuilding them): rows reused for other segments show those segments (text,
 * speaker, time, status), and the row being edited keeps its own field, text and focus.
 */

const fixture = convertRealFixture('senate-hearing-2h.dpe.json')

test('after far jumps, every row shows its own segment and rows are reused, not rebuilt', async ({ app }) => {
  // Six jumps over the 2-hour task, each row read back: slow on a loaded machine.
  test.slow()
  const { page } = app
  const file = join(app.dataDir, 'senate-2h.json')
  await writeFile(file, JSON.stringify(fixture))
  app.nextExportFile = file
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('reviewed-progress')).toBeVisible()
  // The first row reviewed: its mark must come back with it, and not stay on the element.
  await page.locator('article.segment[data-index="0"]').getByTestId('reviewed-toggle').click()
  await expect(page.locator('article.segment[data-index="0"]').getByTestId('segment-status')).toHaveAttribute('data-status', 'reviewed')
  const result = await page.evaluate(async () => {
    // The model's segments, from the editor store.
    type Editor = { model: { segments: Array<{ id: string; reviewed: boolean; secondPass?: boolean; words: Array<{ text: string }> }> } }
    const vue = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $pinia: { _s: Map<string, Editor> } } } } }).__vue_app__
    const model = vue.config.globalProperties.$pinia._s.get('editor')!.model
    const texts = Object.fromEntries(model.segments.map((s) => [s.id, s.words.map((w) => w.text).join(' ')]))
    const status = Object.fromEntries(model.segments.map((s) => [s.id, s.secondPass ? 'second-pass' : s.reviewed ? 'reviewed' : 'unreviewed']))
    const el = document.querySelector('[data-testid="transcript-scroller"]') as HTMLElement
    const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
    await frame()
    const before = new Set(el.querySelectorAll('article.segment'))
    const wrong: string[] = []
    let reused = 0
    let rows = 0
    for (const at of [0.9, 0.1, 0.55, 0.3, 0.75, 0]) {
      el.scrollTop = at * (el.scrollHeight - el.clientHeight)
      await frame()
      await frame()
      const boxes: Array<[number, number]> = []
      for (const row of el.querySelectorAll<HTMLElement>('article.segment')) {
        rows++
        if (before.has(row)) reused++
        const id = row.getAttribute('data-segment-id') ?? ''
        const index = Number(row.getAttribute('data-index'))
        if (model.segments[index]?.id !== id) wrong.push(`row ${index} holds ${id}`)
        const shown = (row.querySelector('[data-testid="segment-text"]')?.textContent ?? '').trim().replace(/\s+/g, ' ')
        if (shown !== texts[id]) wrong.push(`${id}: ${shown.slice(0, 40)}`)
        // A row that came in while the list scrolls shows its status on a light stand-in (lib/row-light.ts).
        const mark = row.querySelector('[data-testid="segment-status"], .status-ph')?.getAttribute('data-status')
        if (mark !== status[id]) wrong.push(`${id}: status ${mark}, not ${status[id]}`)
        const box = row.getBoundingClientRect()
        boxes.push([box.top, box.bottom])
      }
      // Rows sit one under the other: a reused row is placed (and sized) for its new segment.
      boxes.sort((a, b) => a[0] - b[0])
      for (let i = 1; i < boxes.length; i++) if (Math.abs(boxes[i][0] - boxes[i - 1][1]) > 1) wrong.push(`at ${at}: a gap or overlap of ${boxes[i][0] - boxes[i - 1][1]} px`)
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
