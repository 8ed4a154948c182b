import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { AppError } from '../../../shared/errors'
import { writeFileAtomic } from '../fs/atomic-write'
import type { DecodePlan } from './decode-plan'
import type { WorkerReply } from './decode-worker'
import type { PeaksData } from './peak-accumulator'
import type { PeaksFileKey } from './peaks-file'
import type { DecoderKind } from './pcm-decoders'
import { bucketOf, gridRate, type PeaksBatch } from './segment-peaks'
import { localTime, prewarmWorkers, releaseWorker, takeWorkers, type DecodeWorker } from './warm-workers'

/*
 * Main's side of decoding: starts decode workers (worker threads with a memory limit), asks the
 * first for a plan that cuts the file at frame boundaries, decodes the parts in parallel and
 * merges their peaks as they arrive. Main only moves messages and merges min/max, so its event
 * loop stays free; a worker that crashes or runs out of memory is an error for this decode only.
 */

/** Options of one decode. */
export interface PoolDecodeOptions {
  readonly peaksPerSecond: number
  readonly maxBuckets: number
  /** Parallel workers (default: the cores available, at most 4). */
  readonly workers?: number
  /** Smaller files decode whole in one worker: a second one costs more to start than it saves (default 4 MiB). */
  readonly minSplitBytes?: number
  /** Old-generation heap limit of each worker (default 256 MB). */
  readonly memoryLimitMb?: number
  /** The worker's entry file (default: `workerEntry()`); a built .js or .mjs runs as is. */
  readonly workerEntry?: string
  readonly signal?: AbortSignal
  /** Fraction of the file decoded, 0..1. */
  readonly onProgress?: (fraction: number) => void
  /** Buckets merged so far; `peaks` is the whole (partly filled) result, updated in place. */
  readonly onPeaks?: (peaks: PeaksData, first: number, count: number) => void
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void
  /** Stages of the decode as they happen, at `performance.now()` of this thread (the benches' breakdown). */
  readonly onStage?: (stage: DecodeStage, at: number) => void
}

/** A stage of one decode (see `PoolDecodeOptions.onStage`). */
export type DecodeStage =
  | 'entry-ready'
  | 'workers-taken'
  | 'workers-reused'
  | 'plan'
  | 'decoder-ready'
  | 'first-chunk'
  | 'first-peaks'
  | 'decoded'

/** The parallel decode's default worker count: the cores available, at most 4. */
export function defaultWorkerCount(): number {
  return Math.min(4, availableParallelism())
}

/**
 * Starts decode workers ahead of a decode (when a task with a recording opens) and compiles
 * `kind`'s decoder in them, so the first peaks do not wait for thread start-up and WASM compiling.
 */
export async function prewarmDecodeWorkers(options: { readonly kind?: DecoderKind | null; readonly workers?: number; readonly memoryLimitMb?: number; readonly workerEntry?: string } = {}): Promise<void> {
  const entry = await runnableWorkerEntry(options.workerEntry ?? workerEntry())
  prewarmWorkers(entry, options.memoryLimitMb ?? 256, Math.max(1, options.workers ?? defaultWorkerCount()), options.kind ?? null)
}

/** Decodes `path` in workers and returns its peaks; rejects with AppError. */
export async function decodePeaksInWorkers(path: string, kind: DecoderKind, options: PoolDecodeOptions): Promise<PeaksData> {
  const stage = (name: DecodeStage, at = performance.now()): void => options.onStage?.(name, at)
  const size = (await stat(path)).size
  const wanted = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()))
  const count = size < (options.minSplitBytes ?? 4 * 1024 * 1024) ? 1 : wanted
  const entry = await runnableWorkerEntry(options.workerEntry ?? workerEntry())
  stage('entry-ready')
  // Warm idle workers when there are (prewarmDecodeWorkers); new ones start (and compile their WASM) while the lead plans.
  const memoryLimitMb = options.memoryLimitMb ?? 256
  const { workers, reused: leadReused } = takeWorkers(entry, memoryLimitMb, 1, kind)
  let reused = leadReused
  let firstChunk = false
  const onStageReply = (reply: WorkerReply): void => {
    if (reply.type !== 'stage') return
    if (reply.name === 'decoder-ready') stage('decoder-ready', localTime(reply.at))
    else if (!firstChunk) {
      firstChunk = true
      stage('first-chunk', localTime(reply.at))
    }
  }
  let firstPeaks = false
  const tracked: PoolDecodeOptions = {
    ...options,
    onPeaks: (peaks, first, n) => {
      if (!firstPeaks) {
        firstPeaks = true
        stage('first-peaks')
      }
      options.onPeaks?.(peaks, first, n)
    }
  }
  try {
    const lead = workers[0]!
    const planning = count > 1 ? lead.run({ type: 'plan', path, kind, parts: count }, undefined, options.signal) : null
    // Awaited below; a rejection while the other workers start is not left unhandled.
    planning?.catch(() => undefined)
    // One new thread per turn of the loop, as when started ahead (prewarmWorkers): starting two in
    // one turn held main's loop twice as long. A warm idle worker costs no turn.
    while (workers.length < count && !options.signal?.aborted) {
      if (workers.length > reused) await new Promise((resolve) => setImmediate(resolve))
      const more = takeWorkers(entry, memoryLimitMb, 1, kind)
      workers.push(...more.workers)
      reused += more.reused
    }
    stage(reused > 0 ? 'workers-reused' : 'workers-taken')
    const plan = planning ? ((await planning).find((r) => r.type === 'plan')?.plan ?? null) : null
    stage('plan')
    if (plan) {
      const peaks = await decodeParts(path, kind, plan, workers, size, tracked, onStageReply)
      if (peaks) {
        stage('decoded')
        return peaks
      }
      options.log?.('warn', `The parallel decode of ${path} did not add up; decoding it whole.`)
    }
    const peaks = await decodeWhole(path, kind, lead, size, tracked, onStageReply)
    stage('decoded')
    return peaks
  } finally {
    for (const worker of workers) releaseWorker(worker)
  }
}

/** The peaks cache file's bytes, encoded in a worker thread so main's loop is not held. */
export async function encodePeaksFileInWorker(key: PeaksFileKey, peaks: PeaksData, options: Pick<PoolDecodeOptions, 'workerEntry'> = {}): Promise<Uint8Array> {
  const { workers } = takeWorkers(await runnableWorkerEntry(options.workerEntry ?? workerEntry()), 256, 1, null)
  const worker = workers[0]!
  try {
    // Shared arrays (a parallel decode's) cross without a copy; others are copied, not moved: the caller still answers from them.
    const reply = (await worker.run({ type: 'encode', key, peaks })).find((r) => r.type === 'encoded')
    if (!reply) throw new AppError('io', 'The peaks file could not be encoded.', { reason: 'media_undecodable' })
    return reply.bytes
  } finally {
    releaseWorker(worker)
  }
}

async function decodeWhole(path: string, kind: DecoderKind, worker: DecodeWorker, size: number, options: PoolDecodeOptions, onStage: (reply: WorkerReply) => void): Promise<PeaksData> {
  const progress = progressReporter(size, options)
  const replies = await worker.run(
    { type: 'whole', path, kind, pps: options.peaksPerSecond, maxBuckets: options.maxBuckets },
    (reply) => {
      if (reply.type === 'bytes') progress(0, reply.read)
      else onStage(reply)
    },
    options.signal
  )
  const done = replies.find((r) => r.type === 'done')
  if (!done?.peaks) throw new AppError('io', 'The decoder finished without peaks.', { reason: 'media_undecodable' })
  if (done.kept === 0) throw new AppError('io', 'The recording could not be decoded: no audio found in it.', { reason: 'media_undecodable' })
  return done.peaks
}

async function decodeParts(
  path: string,
  kind: DecoderKind,
  plan: DecodePlan,
  workers: DecodeWorker[],
  size: number,
  options: PoolDecodeOptions,
  onStage: (reply: WorkerReply) => void
): Promise<PeaksData | null> {
  const { sampleRate, totalSamples } = plan
  const pps = gridRate(totalSamples, sampleRate, options.peaksPerSecond, options.maxBuckets)
  const length = bucketOf(totalSamples - 1, sampleRate, pps) + 1
  // Shared memory: the cache encoder's worker reads these arrays without a copy (cloning 8 MB held
  // main's loop 17–28 ms). Left zero, not filled with ±Infinity: touching 8 MB of fresh pages up
  // front held it 10–25 ms; `merged` tells a bucket's first part from a neighbour's second half.
  const min = new Float32Array(new SharedArrayBuffer(length * 4))
  const max = new Float32Array(new SharedArrayBuffer(length * 4))
  const merged = new Uint8Array(length)
  const peaks: PeaksData = { durationMs: Math.round((totalSamples * 1000) / sampleRate), sampleRate, peaksPerSecond: pps, length, min, max }
  const progress = progressReporter(size, options)
  const merge = (batch: PeaksBatch): void => {
    const end = Math.min(length, batch.first + batch.min.length)
    for (let i = batch.first, k = 0; i < end; i++, k++) {
      if (merged[i] === 0) {
        merged[i] = 1
        min[i] = batch.min[k]!
        max[i] = batch.max[k]!
        continue
      }
      if (batch.min[k]! < min[i]!) min[i] = batch.min[k]!
      if (batch.max[k]! > max[i]!) max[i] = batch.max[k]!
    }
    if (end > batch.first) options.onPeaks?.(peaks, batch.first, end - batch.first)
  }
  const results = await Promise.all(
    plan.parts.map((part, k) =>
      workers[k]!.run(
        { type: 'part', path, kind, part, sampleRate, pps, mono: plan.mono },
        (reply) => {
          if (reply.type === 'peaks') merge(reply)
          else if (reply.type === 'bytes') progress(k, reply.read)
          else onStage(reply)
        },
        options.signal
      )
    )
  )
  // Each part must have produced exactly the samples the plan counted, else a cut was wrong.
  const exact = results.every((replies, k) => replies.find((r) => r.type === 'done')?.kept === plan.parts[k]!.keep)
  return exact ? peaks : null
}

/** Reports overall progress from each part's bytes read, at most once per percent. */
function progressReporter(size: number, options: PoolDecodeOptions): (part: number, read: number) => void {
  const read: number[] = []
  let reported = -1
  return (part, bytes) => {
    read[part] = bytes
    const total = read.reduce((sum, value) => sum + (value ?? 0), 0)
    const percent = size > 0 ? Math.min(100, Math.floor((total / size) * 100)) : 0
    if (percent > reported) {
      reported = percent
      options.onProgress?.(percent / 100)
    }
  }
}

const bundles = new Map<string, Promise<string>>()

/**
 * A JavaScript file a worker thread can start from `entry`. Run from source (tests, the
 * end-to-end harness, scripts under tsx) the .ts entry is bundled once per process with esbuild
 * (a dev dependency, never loaded by the built app) into node_modules/.cache (else the temp
 * folder), named by its content:
 * starting each worker through a TypeScript loader instead cost seconds on a busy machine.
 */
export async function runnableWorkerEntry(entry: string = workerEntry()): Promise<string> {
  if (!entry.endsWith('.ts')) return entry
  let bundle = bundles.get(entry)
  if (!bundle) {
    bundle = bundleEntry(entry)
    bundles.set(entry, bundle)
    bundle.catch(() => bundles.delete(entry))
  }
  return bundle
}

async function bundleEntry(entry: string): Promise<string> {
  const { build } = await import('esbuild')
  // Beside the source's node_modules the packages stay imports, loaded lazily as in the built
  // app; inlined, the four WASM decoders made a 4.5 MB bundle that every worker parsed at start.
  const modules = join(dirname(entry), '../../../node_modules')
  const external = existsSync(modules)
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    ...(external ? { packages: 'external' as const } : {}),
    // CommonJS inside the ESM bundle still needs a require.
    banner: { js: "import { createRequire as __sdteRequire } from 'node:module'; const require = __sdteRequire(import.meta.url);" }
  })
  const code = result.outputFiles[0]!.contents
  const dir = external ? join(modules, '.cache', 'sdte-decode-worker') : join(tmpdir(), 'sdte-decode-worker')
  const file = join(dir, `${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`)
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true })
    await writeFileAtomic(file, code)
  }
  return file
}

/** The decode worker's entry file: built (`out/main/decode-worker.js`, beside the main bundle) or the source. */
export function workerEntry(): string {
  const here = fileURLToPath(import.meta.url)
  const dir = dirname(here)
  if (here.endsWith('.ts')) return join(dir, 'decode-worker.ts')
  // The bundler may place this module in out/main/index.js or in a chunk one folder down.
  const candidates = [join(dir, 'decode-worker.js'), join(dir, '..', 'decode-worker.js')]
  const found = candidates.find((candidate) => existsSync(candidate))
  if (!found) throw new AppError('io', `The decode worker is missing from the build (looked for ${candidates.join(', ')}).`, { reason: 'media_undecodable' })
  return found
}
