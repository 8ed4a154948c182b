import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startApp, writeTwoHourExport } from './editor'
import { concatenated } from './transcript'
import { convertRealFixture } from '../fixtures/real-to-export'
import { measureList } from './transcript-list'
import { perFrame, phases, printTaskPhases, taskPhases } from './trace-phases'
import type { TraceEvent } from './trace-phases'

/*
 * Scrolling the transcript list only, several builds side by side: each run opens the task in a
 * fresh browser per build (their order rotating run by run, so a loaded machine slows all alike)
 * and takes transcript-list.ts's scroll figures (far jumps, whole-screen jumps, 600 px steps,
 * total-height drift). Optionally records a CPU profile (V8 sampling) or a Chromium trace of the
 * first build's scrolling, and prints where the time went. Not part of `npm run bench`.
 *
 *   node --import tsx test/bench/list-scroll.ts
 *
 * LIST_BUILDS  label=dir pairs, comma-separated, ours first (ours=out/renderer,base=/work/base/out/renderer,before=/work/before/out/renderer);
 *              e.g. ours=out/renderer,old=/tmp/wsc-old-out/renderer for a build of the old way copied aside
 * Prints, per size, each build's p50 / p95 and then the far-jump, whole-screen-jump and 600 px step
 * p95s beside issue 21's target (16.7 ms) with the first build's ratio to each other build.
 * LIST_RUNS    runs per build and size (3)
 * LIST_SIZES   2h,6h
 * PROF_MODE    none | cpu | trace (none): profiles the first build's first run of each size
 * PROF_BUILDS  first | all (first): all profiles every run of every build (old and new side by side)
 *              and, with PROF_MODE=trace, prints each build's CPU per frame by phase (median over runs)
 *              and the first build's ratio to each other: the figure for script costs on a loaded machine
 * PROF_OUT     file prefix for the profile (/tmp/sdte-list)
 * PROF_CATEGORIES  the trace's categories (devtools.timeline,toplevel,v8.execute,disabled-by-default-devtools.timeline):
 *              the trace prints the main thread's time by phase (trace-phases.ts: script, style, layout,
 *              paint, hit test, GC) over all tasks and over the longest tenth, raster apart, and the
 *              rows' make-up (elements per row, rows in the DOM, rows that come in per 600 px step)
 */

const repoRoot = resolve(import.meta.dirname, '../..')
const builds = (process.env['LIST_BUILDS'] ?? `ours=${join(repoRoot, 'out/renderer')},base=/work/base/out/renderer,before=/work/before/out/renderer`)
  .split(',')
  .map((pair) => pair.split('=') as [string, string])
const runs = Number(process.env['LIST_RUNS'] ?? 3)
const sizes = (process.env['LIST_SIZES'] ?? '2h,6h').split(',')
const mode = process.env['PROF_MODE'] ?? 'none'
const out = process.env['PROF_OUT'] ?? '/tmp/sdte-list'
const profileAll = process.env['PROF_BUILDS'] === 'all'
const categories = process.env['PROF_CATEGORIES'] ?? 'devtools.timeline,toplevel,v8.execute,disabled-by-default-devtools.timeline'

type Cpu = ReturnType<typeof perFrame>
/** The kinds of scroll measureList marks in a trace (console.timeStamp), in its order. */
const kindMarks = ['far-jumps', 'page-jumps', 'steps'] as const
type Scroll = Awaited<ReturnType<typeof measureList>> & { cpu?: Cpu; cpuBy?: Partial<Record<(typeof kindMarks)[number], Cpu>> }

/** Opens `file` on `renderer` in a fresh browser and takes the scroll figures (and a profile when asked). */
async function one(renderer: string, file: string, count: number, profile: string | null): Promise<Scroll> {
  const work = await mkdtemp(join(tmpdir(), 'sdte-list-scroll-'))
  const app = await startApp(join(work, 'data'), renderer)
  const { page } = app
  try {
    app.state.nextExportFile = file
    await page.getByTestId('start-open-file').click()
    await page.waitForFunction((n) => (document.querySelector('[data-testid="segment-count"]')?.textContent ?? '').startsWith(`${n} `), count)
    await page.waitForTimeout(800)
    const cdp = await page.context().newCDPSession(page)
    if (profile && mode === 'cpu') {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    const browser = page.context().browser()
    if (profile && mode === 'trace' && browser) await browser.startTracing(page, { categories: categories.split(',') })
    const result: Scroll = await measureList(page, count)
    if (profile && mode === 'cpu') {
      const { profile: p } = await cdp.send('Profiler.stop')
      await writeFile(`${profile}.cpuprofile`, JSON.stringify(p))
      summariseCpu(p)
    }
    if (profile && mode === 'trace' && browser) {
      const buf = await browser.stopTracing()
      await writeFile(`${profile}.json`, buf)
      const trace = JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }
      console.log(`  trace of ${renderer}:`)
      summariseTrace(trace)
      printTaskPhases(trace.traceEvents)
      result.cpu = perFrame(trace.traceEvents)
      // Per kind of scroll, between measureList's marks (trace time in ms).
      const marks = new Map(trace.traceEvents.filter((e) => e.name === 'TimeStamp').map((e) => [String((e.args as { data?: { message?: string } } | undefined)?.data?.message ?? ''), e.ts / 1000]))
      const ends = [...kindMarks.slice(1).map((k) => `sdte:${k}`), 'sdte:end']
      result.cpuBy = {}
      kindMarks.forEach((k, i) => {
        const from = marks.get(`sdte:${k}`)
        const to = marks.get(ends[i])
        if (from !== undefined && to !== undefined) result.cpuBy![k] = perFrame(trace.traceEvents, from, to)
      })
      printLongestFarJumps(trace.traceEvents, marks.get('sdte:far-jumps'), marks.get('sdte:page-jumps'))
      // Counts, stable under load: layouts per painting frame, and those forced by script outside the
      // frame's own lifecycle (e.g. a scroll handler's scrollTop read after the hover change dirtied the rows).
      const frames = taskPhases(trace.traceEvents).tasks.filter((t) => t.frame).length || 1
      const layouts = trace.traceEvents.filter((e) => e.ph === 'X' && e.name === 'Layout').length
      console.log(`  Layout events per frame: ${(layouts / frames).toFixed(2)} (1 = only the frame's own)`)
      console.log(`  rows: ${JSON.stringify(await rowMakeUp(page))}`)
    }
    return result
  } finally {
    await app.close()
    await rm(work, { recursive: true, force: true })
  }
}

interface CpuNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
/** Prints the functions with the most self time in a CPU profile. */
function summariseCpu(p: { nodes: CpuNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  ;(p.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)!.callFrame
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000)
  })
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  console.log(`  CPU profile: ${Math.round(total)} ms sampled; top self time:`)
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${v.toFixed(1).padStart(8)} ms  ${k}`)
}

/** How many rows the list holds, their DOM nodes, and how many rows come in per 600 px step (a few steps from the top). */
async function rowMakeUp(page: Awaited<ReturnType<typeof startApp>>['page']): Promise<{ rows: number; elementsPerRow: number; enterPerStep: number }> {
  // A string, not a function: tsx would wrap the arrow functions in __name, unknown in the page.
  return page.evaluate(`(async () => {
    const el = document.querySelector('[data-testid="transcript-scroller"]')
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
    const indices = () => new Set([...el.querySelectorAll('article.segment')].map((r) => r.getAttribute('data-index') ?? ''))
    el.scrollTop = 0
    await frame()
    let entered = 0
    const steps = 20
    for (let i = 0; i < steps; i++) {
      const before = indices()
      el.scrollTop += 600
      await frame()
      for (const k of indices()) if (!before.has(k)) entered++
    }
    const rows = el.querySelectorAll('article.segment')
    const nodes = [...rows].reduce((n, r) => n + r.querySelectorAll('*').length + 1, 0)
    return { rows: rows.length, elementsPerRow: Math.round(nodes / rows.length), enterPerStep: Math.round((entered / steps) * 10) / 10 }
  })()`)
}

/** The far jumps' three longest frames (main-thread CPU) by phase: what a scrollbar drag's worst frames run. */
function printLongestFarJumps(events: TraceEvent[], from?: number, to?: number): void {
  if (from === undefined || to === undefined) return
  const frames = taskPhases(events).tasks.filter((t) => t.frame && t.start >= from && t.start < to).sort((a, b) => b.dur - a.dur).slice(0, 3)
  for (const f of frames) console.log(`  far-jump frame ${r1(f.dur)} ms: ${phases.map((p) => `${p} ${r1(f.phases[p])}`).join('  ')}`)
}

/** Prints the trace's main-thread event durations by name (complete events). */
function summariseTrace(t: { traceEvents: TraceEvent[] }): void {
  const byName = new Map<string, [number, number]>()
  for (const e of t.traceEvents) {
    if (e.ph !== 'X' || !e.dur) continue
    const s = byName.get(e.name) ?? [0, 0]
    s[0] += e.dur / 1000
    s[1]++
    byName.set(e.name, s)
  }
  console.log('  trace: total duration by event name:')
  for (const [k, [d, n]] of [...byName].sort((a, b) => b[1][0] - a[1][0]).slice(0, 30)) console.log(`    ${d.toFixed(1).padStart(8)} ms ${String(n).padStart(6)}×  ${k}`)
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]
const r1 = (n: number): string => (Math.round(n * 10) / 10).toFixed(1)
/** Issue 21: scroll p95 ≤ 16.7 ms (one 60 Hz frame). */
const target = 16.7

const work = await mkdtemp(join(tmpdir(), 'sdte-list-scroll-files-'))
try {
  const two = await writeTwoHourExport(work)
  const six = join(work, 'senate-6h.json')
  await writeFile(six, JSON.stringify(concatenated(convertRealFixture('senate-hearing-2h.dpe.json'), 3)))
  const files = { '2h': [two, 838], '6h': [six, 2514] } as const
  for (const size of sizes) {
    const [file, count] = files[size as '2h' | '6h']
    const got = new Map<string, Scroll[]>(builds.map(([label]) => [label, []]))
    for (let i = 0; i < runs; i++) {
      // Rotate the order, so no build always runs first (or last).
      const order = builds.map((_, k) => builds[(k + i) % builds.length])
      for (const [label, dir] of order) {
        const profile = mode !== 'none' && (profileAll || (i === 0 && label === builds[0][0])) ? `${out}-${size}-${label}-${i + 1}` : null
        const r = await one(dir, file, count, profile)
        got.get(label)!.push(r)
        console.log(`${size} run ${i + 1} ${label}: far p95 ${r1(p95(r.farJumps))} page p95 ${r1(p95(r.pageJumps))} step p95 ${r1(p95(r.steps))} drift ${r1(r.heightChangePct)}% end ${r.endReached}`)
      }
    }
    console.log(`\n${size}: median over runs of each run's p50 / p95 (min–max of the p95s)`)
    for (const [label] of builds) {
      const rs = got.get(label)!
      const fig = (pick: (r: Scroll) => number[]): string => {
        const p95s = rs.map((r) => p95(pick(r)))
        return `${r1(median(rs.map((r) => median(pick(r)))))} / ${r1(median(p95s))} (${r1(Math.min(...p95s))}–${r1(Math.max(...p95s))})`
      }
      console.log(`  ${label.padEnd(7)} far ${fig((r) => r.farJumps)}  page ${fig((r) => r.pageJumps)}  step ${fig((r) => r.steps)}  interval ${fig((r) => r.stepIntervals)}  drift ${r1(median(rs.map((r) => r.heightChangePct)))}% (${rs.map((r) => r1(r.heightChangePct)).join(', ')})  end ${rs.map((r) => r.endReached).join('')}`)
    }
    // CPU per frame from the traces (every run with PROF_BUILDS=all): stable where wall time is not.
    if (got.get(builds[0][0])!.every((r) => r.cpu)) {
      console.log(`${size}: main-thread CPU per frame from the trace, median over runs (ms)`)
      const cpuOf = (label: string, k: keyof NonNullable<Scroll['cpu']>): number => median(got.get(label)!.map((r) => r.cpu?.[k] ?? Number.NaN))
      for (const [label] of builds) {
        const totals = got.get(label)!.map((r) => r.cpu?.total ?? Number.NaN)
        console.log(`  ${label.padEnd(7)} ${phases.map((p) => `${p} ${r1(cpuOf(label, p))}`).join('  ')}  total ${r1(cpuOf(label, 'total'))} (${r1(Math.min(...totals))}–${r1(Math.max(...totals))})`)
      }
      for (const [label] of builds.slice(1)) {
        const ratio = (k: 'script' | 'total'): string => (cpuOf(builds[0][0], k) / cpuOf(label, k)).toFixed(2)
        console.log(`  ratio ${builds[0][0]}/${label}: script ${ratio('script')}  total ${ratio('total')}`)
      }
      // The same per kind of scroll (measureList's marks): a jump builds every row, a step a row in two.
      for (const kind of kindMarks) {
        const of = (label: string, k: keyof Cpu): number => median(got.get(label)!.map((r) => r.cpuBy?.[kind]?.[k] ?? Number.NaN))
        const line = builds.map(([label]) => `${label} ${r1(of(label, 'total'))} (paint ${r1(of(label, 'paint'))}, layout ${r1(of(label, 'layout'))}, style ${r1(of(label, 'style'))}, script ${r1(of(label, 'script'))})`).join('  ')
        const ratios = builds.slice(1).map(([label]) => `ratio ${builds[0][0]}/${label} ${(of(builds[0][0], 'total') / of(label, 'total')).toFixed(2)}`).join('  ')
        console.log(`  ${kind.padEnd(10)} CPU per frame: ${line}  ${ratios}`)
      }
    }
    // Issue 21's target beside each p95 (median over runs), and the first build's ratio to each other one.
    const p95Of = (label: string, pick: (r: Scroll) => number[]): number => median(got.get(label)!.map((r) => p95(pick(r))))
    const kinds: Array<[string, (r: Scroll) => number[]]> = [['far jump', (r) => r.farJumps], ['whole-screen jump', (r) => r.pageJumps], ['600 px step', (r) => r.steps]]
    console.log(`${size}: p95 to paint (median over runs) against the target ${target} ms`)
    for (const [kind, pick] of kinds) {
      const mine = p95Of(builds[0][0], pick)
      const others = builds.slice(1).map(([label]) => `${label} ${r1(p95Of(label, pick))} (ratio ${builds[0][0]}/${label} ${(mine / p95Of(label, pick)).toFixed(2)})`)
      console.log(`  ${kind.padEnd(18)} ${builds[0][0]} ${r1(mine)} ms  target ${target}  ${mine <= target ? 'met' : 'not met'}   ${others.join('   ')}`)
    }
  }
} finally {
  await rm(work, { recursive: true, force: true })
}
