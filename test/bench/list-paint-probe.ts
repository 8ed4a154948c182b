import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startApp, writeTwoHourExport } from './editor'
import type { TraceEvent } from './trace-phases'

/*
 * Which layers a scroll step paints again, and why (issue 21): opens the 2-hour task, rests, then
 * traces 20 scroll steps with Blink's invalidation tracking and prints the Paint events per step by
 * node (a Paint event is one PaintLayer painted again; a layer that reuses its cached paint has
 * none), the painted rows beside the rows inserted or restyled in each frame, the main thread's
 * outermost lifecycle events per step (thread CPU: Paint nests per layer, so only the outermost
 * counts), and the invalidation reasons. Counts are the same on a loaded machine; the times are not.
 * Found with it: without a stacking context round the list, every row on screen was painted again
 * at each 600 px step (~17 row Paint events per step); steps under ~500 px painted none. Not part
 * of `npm run bench`.
 *
 *   node --import tsx test/bench/list-paint-probe.ts
 *
 * PROBE_BUILD  the renderer folder (out/renderer)
 * PROBE_STEP   px per step (600)
 * PROBE_CSS    a style sheet added before the steps, to try a rule without a build (e.g. `.scroller{isolation:auto}`)
 * PROBE_JS     script run in the page before the steps (e.g. `Highlight.prototype.add = function () { return this }`)
 * PROBE_OUT    where the trace is written (/tmp/sdte-list-paint-probe.json)
 */

type Event = TraceEvent & { args?: { data?: Record<string, unknown> } }
const repoRoot = resolve(import.meta.dirname, '../..')
const renderer = process.env['PROBE_BUILD'] ?? join(repoRoot, 'out/renderer')
const step = Number(process.env['PROBE_STEP'] ?? 600)
const steps = 20
const categories = ['devtools.timeline', 'toplevel', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.invalidationTracking']
const nodeName = (e: Event): string => String(e.args?.data?.['nodeName'] ?? '?').replace(/ class=.*/, '')

const work = await mkdtemp(join(tmpdir(), 'sdte-paint-probe-'))
try {
  const file = await writeTwoHourExport(work)
  const app = await startApp(join(work, 'data'), renderer)
  const { page } = app
  try {
    app.state.nextExportFile = file
    await page.getByTestId('start-open-file').click()
    await page.waitForFunction(() => (document.querySelector('[data-testid="segment-count"]')?.textContent ?? '').startsWith('838 '))
    if (process.env['PROBE_CSS']) await page.addStyleTag({ content: process.env['PROBE_CSS'] })
    if (process.env['PROBE_JS']) await page.evaluate(process.env['PROBE_JS'])
    // The pointer off the list: no hover change as rows move under it.
    await page.mouse.move(5, 5)
    await page.waitForTimeout(800)
    // A string, not a function: tsx would wrap the arrow functions in __name, unknown in the page.
    const run = (n: number, restMs: number): Promise<unknown> => page.evaluate(`(async () => {
      const el = document.querySelector('[data-testid="transcript-scroller"]')
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
      for (let i = 0; i < ${n}; i++) { el.scrollTop += ${step}; await frame() }
      await new Promise((r) => setTimeout(r, ${restMs}))
    })()`)
    // Into the list, then at rest (the rows get their word spans), so the trace holds the steps only.
    await run(Math.ceil(3000 / step), 500)
    const browser = page.context().browser()!
    await browser.startTracing(page, { categories })
    await run(steps, 0)
    const buf = await browser.stopTracing()
    await writeFile(process.env['PROBE_OUT'] ?? '/tmp/sdte-list-paint-probe.json', buf)
    const events = (JSON.parse(buf.toString()) as { traceEvents: Event[] }).traceEvents
    const paints = events.filter((e) => e.name === 'Paint')
    const main = paints[0]?.tid
    const byNode = new Map<string, number>()
    for (const e of paints) byNode.set(nodeName(e), (byNode.get(nodeName(e)) ?? 0) + 1)
    console.log(`Paint events per step by node: ${[...byNode].map(([k, v]) => `${k} ${(v / steps).toFixed(1)}`).join(', ')}`)
    // Per frame (up to each Commit): rows painted / rows inserted or restyled.
    const seq = events.filter((e) => e.tid === main && (e.name === 'Commit' || (nodeName(e) === 'ARTICLE' && (e.name === 'Paint' || e.name === 'StyleRecalcInvalidationTracking')))).sort((a, b) => a.ts - b.ts)
    const line: string[] = []
    let painted = 0
    let changed = 0
    for (const e of seq) {
      if (e.name === 'Paint') painted++
      else if (e.name !== 'Commit') changed++
      else {
        if (painted || changed) line.push(`${painted}/${changed}`)
        painted = changed = 0
      }
    }
    console.log(`rows painted / rows inserted or restyled, per frame: ${line.join(' ')}`)
    const outer = (name: string): number => {
      let end = -1
      let sum = 0
      for (const e of events.filter((x) => x.name === name && x.ph === 'X' && x.tid === main).sort((a, b) => a.ts - b.ts)) {
        if (e.ts < end) continue
        sum += e.tdur ?? e.dur ?? 0
        end = e.ts + (e.dur ?? 0)
      }
      return sum / 1000 / steps
    }
    console.log(`main-thread CPU per step, outermost events (ms): ${['Paint', 'PrePaint', 'Layerize', 'Commit', 'Layout', 'UpdateLayoutTree'].map((n) => `${n} ${outer(n).toFixed(2)}`).join('  ')}`)
    const raster = events.filter((e) => e.name === 'TaskGraphRunner::RunTask').reduce((s, e) => s + (e.tdur ?? e.dur ?? 0), 0)
    console.log(`raster on other threads per step: ${(raster / 1000 / steps).toFixed(2)} ms`)
    const reasons = new Map<string, number>()
    for (const e of events) {
      if (!e.name.endsWith('InvalidationTracking')) continue
      const k = `${e.name} ${String(e.args?.data?.['reason'] ?? '')} ${nodeName(e)}`
      reasons.set(k, (reasons.get(k) ?? 0) + 1)
    }
    console.log('invalidations per step:')
    for (const [k, v] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${(v / steps).toFixed(1).padStart(6)} ${k}`)
  } finally {
    await app.close()
  }
} finally {
  await rm(work, { recursive: true, force: true })
}
