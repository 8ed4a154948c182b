import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError, isErrorCode } from '../../../shared/errors'
import { isErrorReason } from '../../../shared/error-reasons'
import { writeFileAtomic } from '../fs/atomic-write'
import type { DecodePlan } from './decode-plan'
import type { WorkerJob, WorkerReply } from './decode-worker'
import type { PeaksData } from './peak-accumulator'
import type { PeaksFileKey } from './peaks-file'
import type { DecoderKind } from './pcm-decoders'
import { bucketOf, gridRate, type PeaksBatch } from './segment-peaks'

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
}

/** Decodes `path` in workers and returns its peaks; rejects with AppError. */
export async function decodePeaksInWorkers(path: string, kind: DecoderKind, options: PoolDecodeOptions): Promise<PeaksData> {
  const size = (await stat(path)).size
  const wanted = Math.max(1, Math.floor(options.workers ?? Math.min(4, availableParallelism())))
  const count = size < (options.minSplitBytes ?? 4 * 1024 * 1024) ? 1 : wanted
  const entry = await runnableEntry(options.workerEntry ?? workerEntry())
  const workers: DecodeWorker[] = []
  const spawn = (): DecodeWorker => {
    const worker = new DecodeWorker(entry, kind, options.memoryLimitMb ?? 256, options.signal)
    workers.push(worker)
    return worker
  }
  try {
    const lead = spawn()
    // The others start (and compile their WASM) while the lead walks the frame headers.
    for (let i = 1; i < count; i++) spawn()
    const plan = count > 1 ? ((await lead.run({ type: 'plan', path, kind, parts: count })).find((r) => r.type === 'plan')?.plan ?? null) : null
    if (plan) {
      const peaks = await decodeParts(path, kind, plan, workers, size, options)
      if (peaks) return peaks
      options.log?.('warn', `The parallel decode of ${path} did not add up; decoding it whole.`)
    }
    for (const extra of workers.slice(1)) void extra.terminate()
    return await decodeWhole(path, kind, lead, size, options)
  } finally {
    for (const worker of workers) void worker.terminate()
  }
}

/** The peaks cache file's bytes, encoded in a worker thread so main's loop is not held. */
export async function encodePeaksFileInWorker(key: PeaksFileKey, peaks: PeaksData, options: Pick<PoolDecodeOptions, 'workerEntry'> = {}): Promise<Uint8Array> {
  const worker = new DecodeWorker(await runnableEntry(options.workerEntry ?? workerEntry()), null, 256, undefined)
  try {
    const reply = (await worker.run({ type: 'encode', key, peaks })).find((r) => r.type === 'encoded')
    if (!reply) throw new AppError('io', 'The peaks file could not be encoded.', { reason: 'media_undecodable' })
    return reply.bytes
  } finally {
    void worker.terminate()
  }
}

async function decodeWhole(path: string, kind: DecoderKind, worker: DecodeWorker, size: number, options: PoolDecodeOptions): Promise<PeaksData> {
  const progress = progressReporter(size, options)
  const replies = await worker.run({ type: 'whole', path, kind, pps: options.peaksPerSecond, maxBuckets: options.maxBuckets }, (reply) => {
    if (reply.type === 'bytes') progress(0, reply.read)
  })
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
  options: PoolDecodeOptions
): Promise<PeaksData | null> {
  const { sampleRate, totalSamples } = plan
  const pps = gridRate(totalSamples, sampleRate, options.peaksPerSecond, options.maxBuckets)
  const length = bucketOf(totalSamples - 1, sampleRate, pps) + 1
  const min = new Float32Array(length).fill(Infinity)
  const max = new Float32Array(length).fill(-Infinity)
  const peaks: PeaksData = { durationMs: Math.round((totalSamples * 1000) / sampleRate), sampleRate, peaksPerSecond: pps, length, min, max }
  const progress = progressReporter(size, options)
  const merge = (batch: PeaksBatch): void => {
    const end = Math.min(length, batch.first + batch.min.length)
    for (let i = batch.first, k = 0; i < end; i++, k++) {
      if (batch.min[k]! < min[i]!) min[i] = batch.min[k]!
      if (batch.max[k]! > max[i]!) max[i] = batch.max[k]!
    }
    if (end > batch.first) options.onPeaks?.(peaks, batch.first, end - batch.first)
  }
  const results = await Promise.all(
    plan.parts.map((part, k) =>
      workers[k]!.run({ type: 'part', path, kind, part, sampleRate, pps }, (reply) => {
        if (reply.type === 'peaks') merge(reply)
        else if (reply.type === 'bytes') progress(k, reply.read)
      })
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

/** One decode worker thread; runs one job at a time. */
class DecodeWorker {
  private readonly worker: Worker
  private failure: AppError | null = null
  private listener: ((reply: WorkerReply | AppError) => void) | null = null

  constructor(entry: string, kind: DecoderKind | null, memoryLimitMb: number, signal: AbortSignal | undefined) {
    this.worker = startWorker(entry, kind, memoryLimitMb)
    const fail = (error: AppError): void => {
      this.failure ??= error
      this.listener?.(this.failure)
    }
    this.worker.on('message', (reply: WorkerReply) => this.listener?.(reply))
    this.worker.on('error', (error: Error & { code?: string }) => {
      fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError('io', `Decoding the recording needed more than ${memoryLimitMb} MB and was stopped; the file may be damaged.`, { reason: 'media_undecodable' })
          : new AppError('io', `The decoder failed: ${error.message}`, { reason: 'media_undecodable' })
      )
    })
    this.worker.on('exit', (code) => fail(new AppError('io', `The decoder stopped unexpectedly (exit code ${code}).`, { reason: 'media_undecodable' })))
    if (signal) {
      const abort = (): void => fail(new AppError('cancelled', 'Cancelled.'))
      if (signal.aborted) abort()
      else signal.addEventListener('abort', abort, { once: true })
    }
  }

  /** Posts `job` and resolves with every reply up to its 'done'; rejects on an error reply or a crash. */
  run(job: WorkerJob, onReply?: (reply: WorkerReply) => void): Promise<WorkerReply[]> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure)
      const replies: WorkerReply[] = []
      this.listener = (reply) => {
        if (reply instanceof AppError) {
          this.listener = null
          return reject(reply)
        }
        if (reply.type === 'error') {
          this.listener = null
          // The worker's reason crosses the thread with its message, so the reviewer reads it in their language.
          const reason = isErrorReason(reply.reason) ? reply.reason : reply.code === 'cancelled' ? 'cancelled' : 'media_undecodable'
          return reject(new AppError(isErrorCode(reply.code) ? reply.code : 'io', reply.message, { reason, ...(reply.params ? { params: reply.params } : {}) }))
        }
        if (reply.type !== 'peaks' && reply.type !== 'bytes') replies.push(reply)
        onReply?.(reply)
        if (reply.type === 'done' || reply.type === 'plan' || reply.type === 'encoded') {
          this.listener = null
          resolve(replies)
        }
      }
      this.worker.postMessage(job)
    })
  }

  /** Stops the thread (whatever it is doing). */
  terminate(): Promise<number> {
    this.listener = null
    return this.worker.terminate()
  }
}

function startWorker(entry: string, kind: DecoderKind | null, memoryLimitMb: number): Worker {
  return new Worker(entry, {
    workerData: { warm: kind },
    resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb, maxYoungGenerationSizeMb: Math.min(32, memoryLimitMb) }
  })
}

const bundles = new Map<string, Promise<string>>()

/**
 * A JavaScript file a worker thread can start from `entry`. Run from source (tests, the
 * end-to-end harness, scripts under tsx) the .ts entry is bundled once per process with esbuild
 * (a dev dependency, never loaded by the built app) into the temp folder, named by its content:
 * starting each worker through a TypeScript loader instead cost seconds on a busy machine.
 */
async function runnableEntry(entry: string): Promise<string> {
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
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    // CommonJS inside the ESM bundle still needs a require.
    banner: { js: "import { createRequire as __sdteRequire } from 'node:module'; const require = __sdteRequire(import.meta.url);" }
  })
  const code = result.outputFiles[0]!.contents
  const dir = join(tmpdir(), 'sdte-decode-worker')
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
