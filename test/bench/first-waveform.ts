import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { ensureLongRecording } from '../fixtures/audio/generate'
import { startApp, writeTwoHourExport } from './editor'
import type { Figure } from './stats'

/*
 * The first waveform of a 3-hour recording (issue 21), in Chromium over the real handlers, the
 * built renderer (`npm run build` first): the 2-hour task opened, then a 3-hour WAV attached.
 *   - attach click → the first waveform canvas drawn (first peaks on screen, target ≤ 500 ms), and
 *     → all peaks drawn (the note gone);
 *   - where the time goes, stage by stage from the click (main's stages from the peaks service,
 *     the page's from its resource timings): media:peaks called, cache lookup, worker entry,
 *     workers taken (warm or new), plan, decoder ready, first chunk decoded, first peaks merged,
 *     the first `?levels` answered with peaks, the overview fetched, the canvas;
 *   - the cached open's peaks fetch (levels + overview + the view's detail range) against the
 *     whole detail level.
 * Old against new: each run is a fresh child process (fresh browser, fresh main side) per build,
 * the builds alternating; "old" is a whole checkout of the old commit (its main process and its
 * renderer), built, run in its own one-run mode: FIRST_WAVEFORM_OLD_ROOT (default /tmp/wwf-old when it
 * has out/renderer). The cached open is compared too.
 * Knobs: FIRST_WAVEFORM_RUNS (default 3).
 *   node --import tsx test/bench/first-waveform.ts          the A/B table
 *   node --import tsx test/bench/first-waveform.ts one      one run of this checkout, one JSON line
 */

const here = fileURLToPath(import.meta.url)
const repo = resolve(here, '../../..')

/** In the page: clicks `selector` and times, by rAF polling, the first waveform canvas and the note's end (ms from the click, and the click's wall time). */
async function timeWaveform(page: Page, selector: string): Promise<{ firstCanvas: number; complete: number; clickWall: number; levelsAt: number; overviewAt: number }> {
  return page.evaluate(async (sel) => {
    // (Inline, not named helpers: tsx would wrap a named function in __name, unknown in the page.)
    performance.clearResourceTimings()
    const t0 = performance.now()
    ;(document.querySelector(sel) as HTMLButtonElement).click()
    let firstCanvas = NaN
    for (;;) {
      const host = document.querySelector('[data-testid="waveform"] > div')
      if (Number.isNaN(firstCanvas) && host?.shadowRoot?.querySelector('canvas')) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
        firstCanvas = performance.now() - t0
      }
      if (!Number.isNaN(firstCanvas) && !document.querySelector('[data-testid="peaks-progress"]')) break
      if (performance.now() - t0 > 900_000) throw new Error('no complete waveform within 15 minutes')
      await new Promise((r) => requestAnimationFrame(r))
    }
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    const levels = entries.find((r) => r.name.includes('/peaks/') && r.name.endsWith('?levels') && (r.responseStatus ?? 200) === 200)
    const overview = entries.find((r) => r.name.includes('/peaks/') && r.name.includes('level='))
    return { firstCanvas, complete: performance.now() - t0, clickWall: performance.timeOrigin + t0, levelsAt: levels ? levels.responseEnd - t0 : NaN, overviewAt: overview ? overview.responseEnd - t0 : NaN }
  }, selector)
}

interface OneRun {
  firstCanvas: number
  complete: number
  stages: Record<string, number>
  cachedFirstCanvas: number
  fetchedNowKb: number
  fetchedWholeKb: number
  requests: string
}

/** One run of this checkout in this process: uncached attach, then the cached reopen. */
async function runOnce(): Promise<OneRun> {
  const work = await mkdtemp(join(tmpdir(), 'sdte-bench-first-waveform-'))
  const app = await startApp(join(work, 'data'))
  const { page, services } = app
  const stages: Record<string, number> = {}
  const wall = (): number => performance.timeOrigin + performance.now()
  // Main's stages, wall-clock, so they line up with the page's click.
  const getPeaks = services.peaks.getPeaks.bind(services.peaks)
  services.peaks.getPeaks = (taskId, mediaPath, options = {}) => {
    stages['getPeaks called (attach)'] ??= wall()
    return getPeaks(taskId, mediaPath, { ...options, onStage: (stage, at) => (stages[stage] ??= performance.timeOrigin + at) })
  }
  try {
    app.state.nextExportFile = await writeTwoHourExport(work)
    app.state.nextMediaFile = await ensureLongRecording(3, 'wav')
    await page.getByTestId('start-open-file').click()
    await page.getByTestId('attach-recording').waitFor()
    // The reviewer reads the task a moment before attaching (the app starts its decode workers meanwhile).
    await page.waitForTimeout(1000)
    const first = await timeWaveform(page, '[data-testid="attach-recording"]')
    const fromClick: Record<string, number> = {}
    for (const [name, at] of Object.entries(stages)) fromClick[name] = Math.round(at - first.clickWall)
    fromClick['page: first ?levels with peaks'] = Math.round(first.levelsAt)
    fromClick['page: overview fetched'] = Math.round(first.overviewAt)
    fromClick['page: first canvas'] = Math.round(first.firstCanvas)

    // Cached open: close and open again; the peaks come from the disk cache.
    await page.getByRole('button', { name: 'Close', exact: true }).click()
    await page.getByTestId('start-open-file').waitFor()
    const cached = await timeWaveform(page, '[data-testid="start-open-file"]')
    const sizes = await page.evaluate(async () => {
      // The view's detail range is asked for once wavesurfer has measured the view: wait for it (at most 10 s).
      const t0 = performance.now()
      while (!performance.getEntriesByType('resource').some((r) => r.name.includes('level=0')) && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50))
      const peaks = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/peaks/'))
      // Each distinct request once (a task opened twice in a row can ask for the overview twice).
      const now = [...new Map(peaks.map((r) => [r.name, r.encodedBodySize])).values()].reduce((n, size) => n + size, 0)
      // What the strip fetched before: the plain URL, the whole detail level.
      const plain = peaks[0]!.name.split('?')[0]!
      const whole = (await (await fetch(plain)).arrayBuffer()).byteLength
      return { now, whole, requests: [...new Set(peaks.map((r) => new URL(r.name).search))] }
    })
    return {
      firstCanvas: Math.round(first.firstCanvas),
      complete: Math.round(first.complete),
      stages: fromClick,
      cachedFirstCanvas: Math.round(cached.firstCanvas),
      fetchedNowKb: Math.round(sizes.now / 1024),
      fetchedWholeKb: Math.round(sizes.whole / 1024),
      requests: sizes.requests.join(' ')
    }
  } finally {
    await app.close()
    await rm(work, { recursive: true, force: true })
  }
}

/** Runs `test/bench/first-waveform.ts` of the checkout at `root` in a child; its stdout. */
function child(root: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    // An old checkout elsewhere (e.g. /tmp) finds the real fixtures where this one does.
    const env = { ...process.env, SDTE_SHARED_DIR: process.env.SDTE_SHARED_DIR ?? resolve(repo, '../shared') }
    const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/bench/first-waveform.ts'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    proc.on('error', fail)
    proc.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`first-waveform child in ${root} exited ${code}`))))
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function ab(values: number[], old: number[], target?: number): Figure {
  const m = Math.round(median(values))
  return { value: m, unit: 'ms', median: m, runs: values.length, min: Math.min(...values), max: Math.max(...values), ...(old.length ? { old: Math.round(median(old)) } : {}), ...(target ? { target } : {}) }
}

/** Runs the A/B; returns its figures. */
export async function run(): Promise<Record<string, Figure>> {
  const runs = Number(process.env.FIRST_WAVEFORM_RUNS ?? 3)
  const oldRoot = process.env.FIRST_WAVEFORM_OLD_ROOT ?? '/tmp/wwf-old'
  const haveOld = existsSync(join(oldRoot, 'out/renderer/index.html'))
  if (!haveOld) console.error(`first-waveform: no old build at ${oldRoot}/out (set FIRST_WAVEFORM_OLD_ROOT to a built checkout of the old commit); ours alone`)
  const ours: OneRun[] = []
  const old: OneRun[] = []
  for (let i = 0; i < runs; i++) {
    // The builds' order rotates, so neither always runs on the warmer machine.
    const order = i % 2 === 0 ? ['ours', 'old'] : ['old', 'ours']
    for (const build of order) {
      if (build === 'ours') ours.push(JSON.parse((await child(repo, ['one'])).trim().split('\n').at(-1)!) as OneRun)
      // The old checkout's own one-run mode (fresh browser, its main side and renderer).
      else if (haveOld) old.push(JSON.parse((await child(oldRoot, ['one'])).trim().split('\n').at(-1)!) as OneRun)
    }
  }
  const figures: Record<string, Figure> = {}
  figures['3h recording, uncached: attach → first peaks on screen'] = ab(ours.map((r) => r.firstCanvas), old.map((r) => r.firstCanvas), 500)
  figures['3h recording, uncached: attach → all peaks drawn'] = ab(ours.map((r) => r.complete), old.map((r) => r.complete))
  // The breakdown: each stage's median time from the click.
  const names = [...new Set(ours.flatMap((r) => Object.keys(r.stages)))]
  const at = (name: string): number => median(ours.map((r) => r.stages[name] ?? NaN).filter(Number.isFinite))
  for (const name of names.sort((a, b) => at(a) - at(b))) figures[`3h recording, uncached, stage (from the click): ${name}`] = { value: Math.round(at(name)), unit: 'ms' }
  figures['3h recording, cached open: open click → first peaks on screen'] = ab(ours.map((r) => r.cachedFirstCanvas), old.map((r) => r.cachedFirstCanvas), 500)
  figures[`3h recording, cached open: peaks fetched now (${ours[0]!.requests})`] = { value: ours[0]!.fetchedNowKb, unit: 'KB', old: ours[0]!.fetchedWholeKb }
  return figures
}

if (process.argv[1] && resolve(process.argv[1]) === here) {
  if (process.argv[2] === 'one') console.log(JSON.stringify(await runOnce()))
  else {
    const figures = await run()
    for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit}${f.old !== undefined ? ` (old ${f.old})` : ''}${f.target !== undefined ? ` (target ${f.target})` : ''}${f.runs ? ` [${f.min}–${f.max}, ${f.runs} runs]` : ''}`)
  }
}
