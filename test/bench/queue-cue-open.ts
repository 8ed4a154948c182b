import { mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startApp, writeTwoHourExport } from './editor'

/*
 * Issue 21, the review queue's cue cut: the longest task on the page from the open click until the
 * review queue has settled (word list in, cues cut, queue built), opening the 2-hour task cold (a
 * fresh browser per run), A/B interleaved over the builds in SDTE_BENCH_BUILDS (name=folder,
 * comma-separated; default ours, /tmp/cq-before-renderer (this branch without the worker) and
 * /work/base/out/renderer), the order rotating every run. Also: the long tasks (> 50 ms) in that
 * span and the time to settled. `node --import tsx test/bench/queue-cue-open.ts`; BENCH_RUNS (5).
 */

const repoRoot = resolve(import.meta.dirname, '../..')
const builds = (process.env['SDTE_BENCH_BUILDS'] ?? `ours=${join(repoRoot, 'out/renderer')},before=/tmp/cq-before-renderer,base=/work/base/out/renderer`)
  .split(',')
  .map((pair) => pair.split('=') as [string, string])
  .filter(([, dir]) => existsSync(join(dir, 'index.html')))
const runs = Number(process.env['BENCH_RUNS'] ?? 5)

/** What one cold open measured, in ms. */
interface Open {
  longest: number
  longTasks: number[]
  toSettled: number
}

async function coldOpen(renderer: string, file: string): Promise<Open> {
  const work = await mkdtemp(join(tmpdir(), 'sdte-bench-queue-'))
  const app = await startApp(join(work, 'data'), renderer)
  try {
    app.state.nextExportFile = file
    await app.page.getByTestId('start-open-file').waitFor()
    await app.page.waitForTimeout(300)
    return await app.page.evaluate(async () => {
      const long: PerformanceEntry[] = []
      const po = new PerformanceObserver((list) => long.push(...list.getEntries()))
      po.observe({ type: 'longtask', buffered: false })
      const t0 = performance.now()
      ;(document.querySelector('[data-testid="start-open-file"]') as HTMLButtonElement).click()
      // The queue panel shows `data-settled`: open it as soon as its toggle is there.
      let toggle: HTMLButtonElement | null = null
      while (!(toggle = document.querySelector('[data-testid="review-queue-toggle"]'))) await new Promise((r) => requestAnimationFrame(r))
      toggle.click()
      while (document.querySelector('[data-testid="review-queue"]')?.getAttribute('data-settled') !== 'true') await new Promise((r) => setTimeout(r, 10))
      const t1 = performance.now()
      // Long tasks are reported after they end: one more frame and task for the last of them.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))
      po.disconnect()
      const durations = long.filter((e) => e.startTime >= t0 && e.startTime <= t1).map((e) => Math.round(e.duration))
      return { longest: Math.max(0, ...durations), longTasks: durations, toSettled: t1 - t0 }
    })
  } finally {
    await app.close()
    await rm(work, { recursive: true, force: true })
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (xs: number[]): string => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`

const work = await mkdtemp(join(tmpdir(), 'sdte-bench-queue-files-'))
try {
  const file = await writeTwoHourExport(work)
  const got = new Map<string, Open[]>(builds.map(([name]) => [name, []]))
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < builds.length; k++) {
      const [name, dir] = builds[(i + k) % builds.length]
      const o = await coldOpen(dir, file)
      got.get(name)!.push(o)
      console.log(`run ${i} ${name}: longest ${o.longest} ms, long tasks [${o.longTasks.join(', ')}], settled after ${o.toSettled.toFixed(0)} ms`)
    }
  }
  for (const [name, xs] of got) {
    console.log(`2h ${name.padEnd(7)} longest task click→queue settled ${fmt(xs.map((x) => x.longest))} ms; long tasks ${fmt(xs.map((x) => x.longTasks.length))}; click→settled ${fmt(xs.map((x) => x.toSettled))} ms  [n=${xs.length}]`)
  }
} finally {
  await rm(work, { recursive: true, force: true })
}
