import type { Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startApp, writeTwoHourExport } from './editor'
import { concatenated } from './transcript'
import { convertRealFixture } from '../fixtures/real-to-export'
import type { Figure, Figures } from './stats'
import { findOldRenderer, noOldBuild } from './old-build'

/*
 * The transcript list, cold and A/B: every run is a fresh browser (nothing compiled, nothing
 * cached) that opens the task once, so it measures what a reviewer's first open costs, where
 * editor.ts measures the warm open (the same page opening the file again and again). Each run
 * measures "ours" (out/renderer) and "the old way" (SDTE_BENCH_OLD_RENDERER_DIR, default the
 * f05d3b5 worktree's build at /work/before/out/renderer) back to back, alternating which goes
 * first, so a loaded machine slows both alike; figures are medians with their spread (min–max)
 * and the old way's median beside them.
 *
 * Per run: data → interactive (the editor store's 'sdte:editor-data' mark to the first rows
 * painted and a frame later free), the longest task while opening (PerformanceObserver
 * 'longtask', from the click until the list is complete and 500 ms quiet), JS heap after GC,
 * a single jump to the end (does the last segment show?), far jumps (scrollbar drags to
 * scattered places), whole-screen jumps, 600 px steps, and how much the list's total height
 * changed after scrolling all of it (the scrollbar moving under the reviewer); then the task is
 * closed and opened four more times in the same page (warm opens, and the heap after them).
 * `npm run bench -- list`; env BENCH_LIST_RUNS (default 3).
 */

const repoRoot = resolve(import.meta.dirname, '../..')
const ours = process.env['SDTE_BENCH_RENDERER_DIR'] ?? join(repoRoot, 'out/renderer')
// The old way's build (old-build.ts); none on a fresh clone: ours is measured alone.
const old = findOldRenderer()
const runs = Number(process.env['BENCH_LIST_RUNS'] ?? 3)

/** What one cold run measured. */
interface ColdRun {
  dataToInteractive: number
  longestOpenTask: number
  heapMb: number
  /** JS heap after GC with the task opened five times (a kept copy of an earlier open shows here). */
  heapWarmMb: number
  endReached: number
  farJumps: number[]
  pageJumps: number[]
  steps: number[]
  stepIntervals: number[]
  heightChangePct: number
  /** Data → interactive of the next opens in the same page (warm: what editor.ts measures). */
  warm: number[]
}

/** Opens `file` in a fresh browser on `renderer` and measures the list (see the module comment). */
async function coldRun(renderer: string, file: string, count: number): Promise<ColdRun> {
  const work = await mkdtemp(join(tmpdir(), 'sdte-bench-list-'))
  const app = await startApp(join(work, 'data'), renderer)
  const { page } = app
  try {
    app.state.nextExportFile = file
    await page.getByTestId('start-open-file').waitFor()
    const open = await page.evaluate(async (expected) => {
      const long: PerformanceEntry[] = []
      const po = new PerformanceObserver((list) => long.push(...list.getEntries()))
      po.observe({ type: 'longtask', buffered: false })
      performance.clearMarks('sdte:editor-data')
      const t0 = performance.now()
      ;(document.querySelector('[data-testid="start-open-file"]') as HTMLButtonElement).click()
      while (!document.querySelector('article.segment')) await new Promise((r) => requestAnimationFrame(r))
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
      const t1 = performance.now()
      const data = performance.getEntriesByName('sdte:editor-data').at(-1)?.startTime ?? NaN
      // Complete: every segment counted, then half a second without a long task.
      while (!(document.querySelector('[data-testid="segment-count"]')?.textContent ?? '').startsWith(`${expected} `)) await new Promise((r) => setTimeout(r, 20))
      let quiet = performance.now()
      let seen = long.length
      while (performance.now() - quiet < 500) {
        await new Promise((r) => setTimeout(r, 50))
        if (long.length !== seen) [seen, quiet] = [long.length, performance.now()]
      }
      po.disconnect()
      return { dataToInteractive: t1 - data, longest: Math.max(0, ...long.filter((e) => e.startTime >= t0).map((e) => e.duration)) }
    }, count)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN
    const scroll = await measureList(page, count)
    const warm: number[] = []
    for (let i = 0; i < 4; i++) {
      await page.getByRole('button', { name: 'Close', exact: true }).click()
      await page.getByTestId('start-open-file').waitFor()
      await page.waitForTimeout(200)
      warm.push(
        await page.evaluate(async () => {
          performance.clearMarks('sdte:editor-data')
          ;(document.querySelector('[data-testid="start-open-file"]') as HTMLButtonElement).click()
          while (!document.querySelector('article.segment')) await new Promise((r) => requestAnimationFrame(r))
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
          return performance.now() - (performance.getEntriesByName('sdte:editor-data').at(-1)?.startTime ?? NaN)
        })
      )
    }
    await cdp.send('HeapProfiler.collectGarbage')
    const heapWarm = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN
    return { dataToInteractive: open.dataToInteractive, longestOpenTask: open.longest, heapMb: heap / 1048576, heapWarmMb: heapWarm / 1048576, ...scroll, warm }
  } finally {
    await app.close()
    await rm(work, { recursive: true, force: true })
  }
}

/** The list's scroll figures in the open page (see the module comment); list-scroll.ts reuses it. */
export async function measureList(page: Page, count: number): Promise<Omit<ColdRun, 'dataToInteractive' | 'longestOpenTask' | 'heapMb' | 'heapWarmMb' | 'warm'>> {
  // A string, not a function: tsx would wrap a named function in __name, unknown in the page.
  await page.evaluate('window.__paint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)))')
  return page.evaluate(async (last) => {
    const el = document.querySelector('[data-testid="transcript-scroller"]') as HTMLElement
    const { __paint: paint } = window as unknown as { __paint(): Promise<number> }
    const heightAtOpen = el.scrollHeight
    // One jump to the end, as a scrollbar drag to the bottom does: the last segment must show.
    el.scrollTop = el.scrollHeight
    await paint()
    await paint()
    const row = el.querySelector(`article.segment[data-index="${last}"]`)
    const box = el.getBoundingClientRect()
    const lastRect = row?.getBoundingClientRect()
    const endReached = lastRect && lastRect.bottom <= box.bottom + 2 && lastRect.top >= box.top - 2 ? 1 : 0
    el.scrollTop = 0
    await paint()
    // Marks in a trace (list-scroll.ts splits its CPU per frame by kind of scroll at them).
    console.timeStamp('sdte:far-jumps')
    // Far jumps: scattered places, as dragging the scrollbar does (a fixed pseudo-random walk).
    const farJumps: number[] = []
    let seed = 7
    for (let i = 0; i < 40; i++) {
      seed = (seed * 48271) % 2147483647
      const t0 = performance.now()
      el.scrollTop = (seed / 2147483647) * (el.scrollHeight - el.clientHeight)
      farJumps.push((await paint()) - t0)
    }
    // Whole-screen jumps (Page Down, several pages at once), top to bottom.
    el.scrollTop = 0
    await paint()
    console.timeStamp('sdte:page-jumps')
    const pageJumps: number[] = []
    while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
      const t0 = performance.now()
      el.scrollTop += el.clientHeight
      pageJumps.push((await paint()) - t0)
    }
    // 600 px steps, one per frame, top to bottom.
    el.scrollTop = 0
    await paint()
    console.timeStamp('sdte:steps')
    const steps: number[] = []
    const stepIntervals: number[] = []
    let prev = performance.now()
    while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
      const t0 = performance.now()
      el.scrollTop += 600
      const t1 = await paint()
      steps.push(t1 - t0)
      stepIntervals.push(t1 - prev)
      prev = t1
    }
    console.timeStamp('sdte:end')
    const heightChangePct = (Math.abs(el.scrollHeight - heightAtOpen) / el.scrollHeight) * 100
    return { endReached, farJumps, pageJumps, steps, stepIntervals: stepIntervals.slice(1), heightChangePct }
  }, count - 1)
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]
const round = (n: number): number => Math.round(n * 10) / 10

/**
 * One figure from per-run values (`pick` gives one number per run: a run's own median or p95 for
 * per-frame samples): the median over runs, the spread, the old way's median, the target.
 */
function figure(unit: string, target: number | undefined, a: ColdRun[], b: ColdRun[], pick: (r: ColdRun) => number): Figure {
  const mine = a.map(pick)
  const theirs = b.map(pick)
  return { value: round(median(mine)), unit, median: round(median(mine)), p95: round(p95(mine)), runs: mine.length, min: round(Math.min(...mine)), max: round(Math.max(...mine)), ...(theirs.length ? { old: round(median(theirs)) } : {}), target }
}

/** Runs the cold A/B list benchmark. */
export async function run(): Promise<Figures> {
  if (!existsSync(join(ours, 'index.html'))) throw new Error('The renderer is not built: run `npm run build` first.')
  if (old === null) console.log(`list: ${noOldBuild()}`)
  const work = await mkdtemp(join(tmpdir(), 'sdte-bench-list-files-'))
  const figures: Figures = {}
  try {
    const two = await writeTwoHourExport(work)
    const six = join(work, 'senate-6h.json')
    await writeFile(six, JSON.stringify(concatenated(convertRealFixture('senate-hearing-2h.dpe.json'), 3)))
    for (const [label, file, count] of [['2h', two, 838], ['6h', six, 2514]] as const) {
      const a: ColdRun[] = []
      const b: ColdRun[] = []
      for (let i = 0; i < runs; i++) {
        // Alternate who goes first, so neither always gets the quieter half of a run.
        if (i % 2 === 0) {
          a.push(await coldRun(ours, file, count))
          if (old !== null) b.push(await coldRun(old, file, count))
        } else {
          if (old !== null) b.push(await coldRun(old, file, count))
          a.push(await coldRun(ours, file, count))
        }
      }
      const target2h = label === '2h' ? 90 : undefined
      figures[`cold ${label}: data → interactive (open-file flow, fresh browser)`] = figure('ms', target2h, a, b, (r) => r.dataToInteractive)
      figures[`warm ${label}: data → interactive (opens 2–5 in the same page)`] = figure('ms', target2h, a, b, (r) => median(r.warm))
      figures[`warm ${label}: JS heap after the fifth open (GC)`] = figure('MB', undefined, a, b, (r) => r.heapWarmMb)
      figures[`cold ${label}: longest task while opening`] = figure('ms', 50, a, b, (r) => r.longestOpenTask)
      figures[`cold ${label}: JS heap after open (GC)`] = figure('MB', undefined, a, b, (r) => r.heapMb)
      figures[`cold ${label}: one jump to the end shows the last segment (1 = yes)`] = figure('', 1, a, b, (r) => r.endReached)
      figures[`cold ${label}: total height change after scrolling through`] = figure('%', 3, a, b, (r) => r.heightChangePct)
      figures[`cold ${label}: far jump (scrollbar drag) to paint, p50`] = figure('ms', undefined, a, b, (r) => median(r.farJumps))
      figures[`cold ${label}: far jump (scrollbar drag) to paint, p95`] = figure('ms', 16.7, a, b, (r) => p95(r.farJumps))
      figures[`cold ${label}: whole-screen jump to paint, p50`] = figure('ms', undefined, a, b, (r) => median(r.pageJumps))
      figures[`cold ${label}: whole-screen jump to paint, p95`] = figure('ms', 16.7, a, b, (r) => p95(r.pageJumps))
      figures[`cold ${label}: 600 px step to paint, p50`] = figure('ms', undefined, a, b, (r) => median(r.steps))
      figures[`cold ${label}: 600 px step to paint, p95`] = figure('ms', 16.7, a, b, (r) => p95(r.steps))
      figures[`cold ${label}: 600 px step frame interval, p50`] = figure('ms', undefined, a, b, (r) => median(r.stepIntervals))
      figures[`cold ${label}: 600 px step frame interval, p95`] = figure('ms', undefined, a, b, (r) => p95(r.stepIntervals))
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  return figures
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit} (runs ${f.min}–${f.max}; old way ${f.old}; target ${f.target ?? '—'})`)
}
