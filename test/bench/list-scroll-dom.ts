import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startApp, writeTwoHourExport } from './editor'

/*
 * What scrolling the 2-hour list writes to the DOM, per 600 px step: the DOM mutations (attribute
 * writes, nodes added, removed or moved: MutationObserver records), the row elements that stayed
 * on screen but were moved (pooled elements showing a row that came in are among them), and the
 * rows that merely shifted (the same element, the same segment) but were moved: those should be 0. Counts, not times: the same on a loaded machine as on a quiet one, so
 * old and new builds compare exactly where trace CPU times drift with the load (issue 21, sc2).
 * Not part of `npm run bench`.
 *
 *   node --import tsx test/bench/list-scroll-dom.ts
 *
 * LIST_BUILDS  label=dir pairs, comma-separated, ours first (ours=out/renderer); e.g. ours=out/renderer,old=/tmp/wsc2-old-out/renderer
 */

const repoRoot = resolve(import.meta.dirname, '../..')
const builds = (process.env['LIST_BUILDS'] ?? `ours=${join(repoRoot, 'out/renderer')}`).split(',').map((pair) => pair.split('=') as [string, string])

const work = await mkdtemp(join(tmpdir(), 'sdte-list-dom-'))
try {
  const file = await writeTwoHourExport(work)
  for (const [label, dir] of builds) {
    const app = await startApp(join(work, `data-${label}`), dir)
    try {
      app.state.nextExportFile = file
      await app.page.getByTestId('start-open-file').click()
      await app.page.waitForFunction(() => (document.querySelector('[data-testid="segment-count"]')?.textContent ?? '').startsWith('838 '))
      await app.page.waitForTimeout(800)
      // A string, not a function: tsx would wrap the arrow functions in __name, unknown in the page.
      const r = (await app.page.evaluate(`(async () => {
        const el = document.querySelector('[data-testid="transcript-scroller"]')
        const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
        el.scrollTop = 0
        await frame()
        const counts = { attributes: 0, title: 0, added: 0, removed: 0, text: 0, rowsMoved: 0, rowsStayed: 0, keptMoved: 0, kept: 0 }
        const removed = new Set()
        const names = {}
        const observer = new MutationObserver((records) => {
          for (const m of records) {
            if (m.type === 'attributes') { counts.attributes++; if (m.attributeName === 'title') counts.title++; names[m.attributeName] = (names[m.attributeName] || 0) + 1 }
            else if (m.type === 'characterData') counts.text++
            else { counts.added += m.addedNodes.length; counts.removed += m.removedNodes.length; m.removedNodes.forEach((n) => removed.add(n)) }
          }
        })
        observer.observe(el, { subtree: true, childList: true, attributes: true, characterData: true })
        let steps = 0
        while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
          const before = new Map([...el.querySelectorAll('article.segment')].map((row) => [row, row.getAttribute('data-segment-id')]))
          removed.clear()
          el.scrollTop += 600
          await frame()
          await frame()
                    for (const row of el.querySelectorAll('article.segment')) if (before.has(row)) {
            counts.rowsStayed++
            if (removed.has(row)) counts.rowsMoved++
            // A row that merely shifted (the same element, the same segment): moving it styles and lays it out again for nothing.
            if (before.get(row) === row.getAttribute('data-segment-id')) { counts.kept++; if (removed.has(row)) counts.keptMoved++ }
          }
          steps++
        }
        observer.disconnect()
        return { steps, ...counts, names: JSON.stringify(Object.fromEntries(Object.entries(names).map(([k, v]) => [k, Math.round(v / steps)]))) }
      })()`)) as Record<string, number> & { names: string }
      const per = (k: string): string => (r[k] / r['steps']).toFixed(1)
      console.log(`${label.padEnd(6)} ${r['steps']} steps; per step: attribute writes ${per('attributes')} (title ${per('title')}), nodes added ${per('added')}, removed ${per('removed')}, elements moved ${per('rowsMoved')} of ${per('rowsStayed')} that stayed, rows that merely shifted moved ${per('keptMoved')} of ${per('kept')}; attribute writes by name ${r['names']}`)
    } finally {
      await app.close()
    }
  }
} finally {
  await rm(work, { recursive: true, force: true })
}
