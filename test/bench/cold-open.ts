import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startApp, writeTwoHourExport } from './editor'
import { concatenated } from './transcript'
import { convertRealFixture } from '../fixtures/real-to-export'

/*
 * Cold open only, A/B/C: each run is a fresh browser that opens the task once (the first
 * open in a page, as a reviewer's is), for every build in SDTE_BENCH_BUILDS (name=folder,
 * comma-separated; default ours, main at the session's start and the f05d3b5 build), in an
 * order that rotates every run so a loaded machine slows all alike. Per run: data → interactive
 * (the 'sdte:editor-data' mark to the first rows painted and a frame later free: what
 * transcript-list.ts measures), click → interactive, and the longest task from the click until
 * the editor is complete (segment count, status bar) and 500 ms quiet. Prints medians with the
 * spread. `node --import tsx test/bench/cold-open.ts`; BENCH_RUNS (default 5), BENCH_SIZES (2h,6h).
 */

const repoRoot = resolve(import.meta.dirname, '../..')
const builds = (process.env['SDTE_BENCH_BUILDS'] ?? `ours=${join(repoRoot, 'out/renderer')},base=/work/base/out/renderer,before=/work/before/out/renderer`)
  .split(',')
  .map((pair) => pair.split('=') as [string, string])
  .filter(([, dir]) => existsSync(join(dir, 'index.html')))
const runs = Number(process.env['BENCH_RUNS'] ?? 5)
const sizes = (process.env['BENCH_SIZES'] ?? '2h,6h').split(',')

/** What one cold open measured, in ms. */
interface Open {
  dataToInteractive: number
  clickToInteractive: number
  longest: number
}

/** Opens `file` once in a fresh browser on `renderer`. */
async function coldOpen(renderer: string, file: string, count: number): Promise<Open> {
  const work = await mkdtemp(join(tmpdir(), 'sdte-bench-cold-'))
  const app = await startApp(join(work, 'data'), renderer)
  try {
    app.state.nextExportFile = file
    await app.page.getByTestId('start-open-file').waitFor()
    await app.page.waitForTimeout(300)
    return await app.page.evaluate(async (expected) => {
      const long: PerformanceEntry[] = []
      const po = new PerformanceObserver((list) => long.push(...list.getEntries()))
      po.observe({ type: 'longtask', buffered: false })
      const t0 = performance.now()
      ;(document.querySelector('[data-testid="start-open-file"]') as HTMLButtonElement).click()
      while (!document.querySelector('article.segment')) await new Promise((r) => requestAnimationFrame(r))
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
      const t1 = performance.now()
      const data = performance.getEntriesByName('sdte:editor-data').at(-1)?.startTime ?? NaN
      // Complete: every segment counted and the status bar shown, then half a second without a long task.
      // (A list still busy shows a long task's first rows only: the whole model is not in place yet.)
      while (!((document.querySelector('[data-testid="segment-count"]')?.textContent ?? '').startsWith(`${expected} `) && !document.querySelector('[data-testid="transcript-scroller"][aria-busy="true"]') && (document.querySelector('.status') !== null || performance.now() - t1 > 5000))) await new Promise((r) => setTimeout(r, 20))
      let quiet = performance.now()
      let seen = long.length
      while (performance.now() - quiet < 500) {
        await new Promise((r) => setTimeout(r, 50))
        if (long.length !== seen) [seen, quiet] = [long.length, performance.now()]
      }
      po.disconnect()
      return { dataToInteractive: t1 - data, clickToInteractive: t1 - t0, longest: Math.max(0, ...long.filter((e) => e.startTime >= t0).map((e) => e.duration)) }
    }, count)
  } finally {
    await app.close()
    await rm(work, { recursive: true, force: true })
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (xs: number[]): string => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`

const work = await mkdtemp(join(tmpdir(), 'sdte-bench-cold-files-'))
try {
  const files: Record<string, [string, number]> = {}
  files['2h'] = [await writeTwoHourExport(work), 838]
  const six = join(work, 'senate-6h.json')
  await writeFile(six, JSON.stringify(concatenated(convertRealFixture('senate-hearing-2h.dpe.json'), 3)))
  files['6h'] = [six, 2514]
  for (const size of sizes) {
    const [file, count] = files[size]
    const got = new Map<string, Open[]>(builds.map(([name]) => [name, []]))
    for (let i = 0; i < runs; i++) {
      // Rotate who goes first.
      for (let k = 0; k < builds.length; k++) {
        const [name, dir] = builds[(i + k) % builds.length]
        got.get(name)!.push(await coldOpen(dir, file, count))
      }
    }
    for (const [name, xs] of got) {
      console.log(`${size} ${name.padEnd(7)} data→interactive ${fmt(xs.map((x) => x.dataToInteractive))} ms; click→interactive ${fmt(xs.map((x) => x.clickToInteractive))} ms; longest open task ${fmt(xs.map((x) => x.longest))} ms  [n=${xs.length}]`)
    }
  }
} finally {
  await rm(work, { recursive: true, force: true })
}
