import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureLongRecording } from '../fixtures/audio/generate'
import type { Figure, Figures } from './stats'

/*
 * Waveform-ready time for a 3-hour recording (docs/architecture.md#the-media-scheme): peaks
 * computed in main on first open, then read from the disk cache on a reopened task, and the memory
 * the computation needs. Each measurement runs in a fresh child process, so its peak RSS is its
 * own; an idle child gives the baseline RSS of Node + tsx to subtract. The 3-hour WAV is always
 * measured; the 3-hour mp3 (WASM decoder) too unless SDTE_BENCH_SKIP_MP3=1, as it takes a minute or
 * more to encode the first time.
 * Decoding off main's thread: the first open is compared three ways, each in its own child: decode
 * workers (one per core, started from a bundled worker as in the app), one decoder on the process's
 * own thread (as main did before), and ffmpeg's own decode (`ffmpeg -i x -f null -`) as the
 * practical limit: time to the first peaks, to all of them, and the longest event-loop block.
 * Old against new (issue 21): MEDIA_RUNS rounds (default 3) alternate, each in fresh children,
 * this checkout's workers started ahead as the app does when a task opens ("warm"), the same
 * without that ("cold"), and the old checkout's code started ahead likewise, measured by this
 * checkout's harness (MEDIA_OLD_ROOT, default /tmp/wwf-old:
 * `git worktree add /tmp/wwf-old a886ab2 && cp -al node_modules /tmp/wwf-old/`); medians with
 * their spread, and the stage breakdown of the warm runs (ms from the request). The event loop's
 * longest block and its p99 are printed beside the ≤ 10 ms target, with the CPU time of all the
 * child's threads (the work done, which a loaded machine inflates far less than the wall time)
 * and main's thread's run-queue wait per turn on a core (/proc schedstat: what the decode threads'
 * competition costs main's loop; decode workers run at nice 10, `SDTE_DECODE_NICE=0` for the
 * way before). MEDIA_FORMATS=mp3 (or wav) measures one format only.
 * The mp3 decoder's own CPU per decoded hour (one worker's share of the work): MEDIA_DECODER_RUNS
 * (default 5) interleaved pairs of children, the package's public decode() with both channels
 * scanned (as before) against the samples read off its heap (mp3-direct.ts), with their ratio.
 */

const repo = resolve(fileURLToPath(import.meta.url), '../../..')
const worker = fileURLToPath(new URL('./media-peaks-worker.ts', import.meta.url))
const decoderCpu = fileURLToPath(new URL('./mp3-decoder-cpu.ts', import.meta.url))
/** Pairs of decoder-CPU children (mp3-decoder-cpu.ts), and the bytes each decodes (8 MiB: 35 min of the 3-hour mp3). */
const decoderRuns = Number(process.env.MEDIA_DECODER_RUNS ?? 5)
const decoderBytes = Number(process.env.MEDIA_DECODER_BYTES ?? 8 << 20)
const cachedRuns = 5
const abRuns = Number(process.env.MEDIA_RUNS ?? 3)
const oldRoot = process.env.MEDIA_OLD_ROOT ?? '/tmp/wwf-old'


interface WorkerResult {
  status: string
  fromCache: boolean
  durationMs: number
  length: number
  elapsedMs: number
  firstPeaksMs: number
  maxRssMb: number
  peakHeapMb: number
  peakExternalMb: number
  maxLoopDelayMs: number
  /** The 99th percentile of the loop's delays. */
  p99LoopDelayMs?: number
  /** CPU time of the child's every thread over the compute (old harnesses: absent). */
  cpuMs?: number
  /** Main thread's time runnable but waiting for a core, over the compute (Linux schedstat). */
  mainWaitMs?: number
  /** Main thread's turns on a core over the compute. */
  mainSlices?: number
  stages?: Record<string, number>
}

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Figures> {
  const figures: Figures = {}
  const idle = await runWorker(['idle'])
  figures['baseline child RSS (node + tsx)'] = { value: round(idle.maxRssMb), unit: 'MB' }
  const formats = (process.env.MEDIA_FORMATS ?? (process.env.SDTE_BENCH_SKIP_MP3 === '1' ? 'wav' : 'wav,mp3')).split(',').filter((f): f is 'wav' | 'mp3' => f === 'wav' || f === 'mp3')
  for (const format of formats) {
    const file = await ensureLongRecording(3, format)
    const size = (await stat(file)).size
    const cacheDir = await mkdtemp(join(tmpdir(), 'sdte-bench-peaks-'))
    try {
      const first = await runWorker(['compute', file, cacheDir])
      if (first.status !== 'ready' || first.fromCache) throw new Error(`first open of ${format}: ${JSON.stringify(first)}`)
      const cached: number[] = []
      let cachedRss = 0
      for (let i = 0; i < cachedRuns; i++) {
        const again = await runWorker(['compute', file, cacheDir])
        if (!again.fromCache) throw new Error(`cached open of ${format} recomputed`)
        cached.push(again.elapsedMs)
        cachedRss = Math.max(cachedRss, again.maxRssMb)
      }
      const label = `3h ${format} (${round(size / 1024 / 1024)} MB, ${first.length} peaks at ${round(first.length / (first.durationMs / 1000))}/s)`
      figures[`${label}: waveform ready, first open (decode + cache)`] = { value: round(first.elapsedMs), unit: 'ms' }
      figures[`${label}: waveform ready, cached open`] = { value: round(median(cached)), unit: 'ms', median: round(median(cached)), p95: round(Math.max(...cached)), runs: cachedRuns }
      figures[`${label}: peak RSS while computing`] = { value: round(first.maxRssMb), unit: 'MB' }
      figures[`${label}: peak RSS above baseline while computing`] = { value: round(first.maxRssMb - idle.maxRssMb), unit: 'MB' }
      figures[`${label}: peak JS heap while computing`] = { value: round(first.peakHeapMb), unit: 'MB' }
      figures[`${label}: longest event-loop stall while computing`] = { value: round(first.maxLoopDelayMs), unit: 'ms' }
      figures[`${label}: peak RSS on cached open`] = { value: round(cachedRss), unit: 'MB' }
      await rm(cacheDir, { recursive: true, force: true })
      // Old and new interleaved: each round runs every way in fresh children, the order rotating.
      const haveOld = existsSync(join(oldRoot, 'electron/services/media/peaks.ts'))
      const ways: Record<string, WorkerResult[]> = { warm: [], cold: [], old: [], single: [] }
      const ffmpeg: number[] = []
      for (let round = 0; round < abRuns; round++) {
        const order = ['warm', 'cold', 'old', 'single'].filter((w) => w !== 'old' || haveOld)
        for (let k = 0; k < round % order.length; k++) order.push(order.shift()!)
        for (const way of order) {
          const dir = await mkdtemp(join(tmpdir(), 'sdte-bench-peaks-'))
          try {
            const mode = way === 'old' ? 'warm' : way === 'cold' ? 'compute' : way
            ways[way]!.push(await runWorker([mode, file, dir], way === 'old' ? oldRoot : repo))
          } finally {
            await rm(dir, { recursive: true, force: true })
          }
        }
        ffmpeg.push(await timeFfmpeg(file))
      }
      if (!haveOld) console.error(`media: no old checkout at ${oldRoot} (MEDIA_OLD_ROOT); the old column is the single thread`)
      const workers = `${Math.min(4, availableParallelism())} workers`
      type Key = 'firstPeaksMs' | 'elapsedMs' | 'maxLoopDelayMs' | 'p99LoopDelayMs' | 'cpuMs' | 'mainWaitPerSliceMs'
      const pick = (way: string, key: Key): number[] =>
        ways[way]!.map((r) => (key === 'mainWaitPerSliceMs' ? (r.mainWaitMs ?? NaN) / (r.mainSlices || NaN) : (r[key] ?? NaN)))
      const oldWay = haveOld ? 'old' : 'single'
      const ab = (way: string, key: Key, target?: number): Figure => {
        const values = pick(way, key)
        return { value: round(median(values)), unit: 'ms', median: round(median(values)), runs: values.length, min: round(Math.min(...values)), max: round(Math.max(...values)), old: round(median(pick(oldWay, key))), ...(target ? { target } : {}) }
      }
      figures[`${label}: ${workers}, started ahead: first peaks`] = ab('warm', 'firstPeaksMs', 500)
      figures[`${label}: ${workers}, started ahead: whole decode`] = ab('warm', 'elapsedMs', format === 'mp3' ? 4000 : undefined)
      figures[`${label}: ${workers}, started ahead: max event-loop block`] = ab('warm', 'maxLoopDelayMs', 10)
      figures[`${label}: ${workers}, started ahead: p99 event-loop delay`] = ab('warm', 'p99LoopDelayMs', 10)
      figures[`${label}: ${workers}, started ahead: CPU time, all threads`] = ab('warm', 'cpuMs')
      figures[`${label}: ${workers}, started ahead: main thread's wait for a core per turn`] = ab('warm', 'mainWaitPerSliceMs')
      figures[`${label}: ${workers}, started on the request: first peaks`] = ab('cold', 'firstPeaksMs', 500)
      figures[`${label}: ${workers}, started on the request: whole decode`] = ab('cold', 'elapsedMs')
      figures[`${label}: ${workers}, started on the request: max event-loop block`] = ab('cold', 'maxLoopDelayMs', 10)
      figures[`${label}: ${workers}, started on the request: p99 event-loop delay`] = ab('cold', 'p99LoopDelayMs', 10)
      figures[`${label}: single thread: first peaks (= whole)`] = ab('single', 'firstPeaksMs')
      figures[`${label}: single thread: max event-loop block`] = ab('single', 'maxLoopDelayMs')
      figures[`${label}: ffmpeg -f null: whole decode`] = { value: round(median(ffmpeg)), unit: 'ms', runs: ffmpeg.length, min: round(Math.min(...ffmpeg)), max: round(Math.max(...ffmpeg)) }
      // Where the first peaks' time goes (warm runs, medians, ms from the request).
      const names = [...new Set(ways.warm!.flatMap((r) => Object.keys(r.stages ?? {})))]
      const at = (name: string): number => median(ways.warm!.map((r) => r.stages?.[name] ?? NaN).filter(Number.isFinite))
      for (const name of names.sort((a, b) => at(a) - at(b))) figures[`${label}: started ahead, stage: ${name}`] = { value: round(at(name)), unit: 'ms' }
      if (format === 'mp3') Object.assign(figures, await decoderCpuFigures(file, label))
    } finally {
      await rm(cacheDir, { recursive: true, force: true })
    }
  }
  return figures
}

/** CPU per decoded hour of the package's decode() against the direct path, interleaved pairs in fresh children. */
async function decoderCpuFigures(file: string, label: string): Promise<Figures> {
  const ways: Record<'package' | 'direct', number[]> = { package: [], direct: [] }
  const ratios: number[] = []
  for (let k = 0; k < decoderRuns; k++) {
    const order = k % 2 === 0 ? (['package', 'direct'] as const) : (['direct', 'package'] as const)
    const pair: Record<string, number> = {}
    for (const way of order) {
      const result = JSON.parse(await runChild([decoderCpu, way, file, String(decoderBytes)])) as { cpuMsPerHour: number }
      pair[way] = result.cpuMsPerHour
      ways[way].push(result.cpuMsPerHour)
    }
    ratios.push(pair.direct! / pair.package!)
  }
  const spread = (values: number[]): Figure => ({ value: round(median(values)), unit: 'ms', median: round(median(values)), runs: values.length, min: round(Math.min(...values)), max: round(Math.max(...values)) })
  return {
    [`${label}: one decoder's CPU per decoded hour, package decode() + 2 channels (before)`]: spread(ways.package),
    [`${label}: one decoder's CPU per decoded hour, off the heap + mono (now)`]: { ...spread(ways.direct), old: round(median(ways.package)) },
    [`${label}: one decoder's CPU, now / before (paired ratio)`]: { value: Math.round(median(ratios) * 1000) / 1000, unit: 'x', runs: ratios.length, min: Math.round(Math.min(...ratios) * 1000) / 1000, max: Math.round(Math.max(...ratios) * 1000) / 1000 }
  }
}

/** The last line a `node --import tsx` child prints. */
function runChild(args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) => (code === 0 ? done(out.trim().split('\n').at(-1)!) : fail(new Error(`${args[0]} exited ${code}`))))
  })
}

/** Wall time of ffmpeg decoding `file` to nothing: the practical floor for a native decoder. */
function timeFfmpeg(file: string): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now()
    const child = spawn('ffmpeg', ['-loglevel', 'error', '-i', file, '-f', 'null', '-'], { stdio: 'ignore' })
    child.on('error', fail)
    child.on('close', (code) => (code === 0 ? done(performance.now() - started) : fail(new Error(`ffmpeg exited ${code}`))))
  })
}

function runWorker(args: string[], root = repo): Promise<WorkerResult> {
  return new Promise((done, fail) => {
    // One harness for both: this checkout's, measuring the code at `root`.
    const env = { ...process.env, SDTE_BENCH_CODE_ROOT: root }
    const child = spawn(process.execPath, ['--import', 'tsx', worker, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) => {
      if (code !== 0) fail(new Error(`peaks worker exited ${code}`))
      else done(JSON.parse(out.trim().split('\n').at(-1)!) as WorkerResult)
    })
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [name, f] of Object.entries(figures)) {
    const spread = f.min !== undefined ? ` [${f.min}–${f.max}]` : f.p95 !== undefined ? ` (max ${f.p95})` : ''
    console.log(`${name}: ${f.value} ${f.unit}${f.runs ? ` (median of ${f.runs})` : ''}${spread}${f.old !== undefined ? ` old ${f.old}` : ''}${f.target !== undefined ? ` target ${f.target}` : ''}`)
  }
}
