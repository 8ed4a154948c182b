import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { AppError, isErrorCode } from '../../../shared/errors'
import { isErrorReason } from '../../../shared/error-reasons'
import type { WorkerJob, WorkerReply } from './decode-worker'
import type { DecoderKind } from './pcm-decoders'

/*
 * Decode worker threads, kept warm between decodes. Starting a thread costs 50–80 ms and
 * compiling the mp3 decoder's WASM in it another ~50 ms; a 3-hour recording's first peaks
 * waited for both after the click. So workers can be started ahead (`prewarmDecodeWorkers`, when a
 * task with a recording opens), their decoder compiled while nobody waits, and a worker that
 * finished its job cleanly goes back to an idle list (unref'd: it never keeps the process
 * alive) until it has idled `idleMs`. A worker that crashed, ran out of memory or was cancelled
 * mid-job is terminated, never reused.
 */

/** How long an idle warm worker is kept before it is stopped. */
const idleMs = 60_000

/** One decode worker thread; runs one job at a time. */
export class DecodeWorker {
  private readonly worker: Worker
  private failure: AppError | null = null
  private listener: ((reply: WorkerReply | AppError) => void) | null = null
  private idleTimer: ReturnType<typeof setTimeout> | null = null
  /** Decoders this worker has compiled (or is compiling). */
  readonly warmed = new Set<DecoderKind>()

  constructor(
    readonly entry: string,
    readonly memoryLimitMb: number
  ) {
    this.worker = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb, maxYoungGenerationSizeMb: Math.min(32, memoryLimitMb) } })
    live.add(this)
    this.worker.once('exit', () => live.delete(this))
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
  }

  /** True once the thread crashed, exited or was cancelled: it is never reused. */
  get broken(): boolean {
    return this.failure !== null
  }

  /** True while a job runs (its reply listener is set). */
  get busy(): boolean {
    return this.listener !== null
  }

  /** Compiles `kind`'s decoder in the thread ahead of its first job (queued before any job). */
  warm(kind: DecoderKind): void {
    if (kind === 'wav' || this.warmed.has(kind)) return
    this.warmed.add(kind)
    this.worker.postMessage({ type: 'warm', kind } satisfies WorkerJob)
  }

  /**
   * Posts `job` and resolves with every reply up to its 'done'; rejects on an error reply, a
   * crash or `signal` (which also stops the thread: it may be deep in a decode).
   */
  run(job: WorkerJob, onReply?: (reply: WorkerReply) => void, signal?: AbortSignal): Promise<WorkerReply[]> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure)
      if (signal?.aborted) return reject(this.cancel())
      const replies: WorkerReply[] = []
      const onAbort = (): void => {
        this.listener = null
        reject(this.cancel())
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.listener = (reply) => {
        const settle = (): void => {
          this.listener = null
          signal?.removeEventListener('abort', onAbort)
        }
        if (reply instanceof AppError) {
          settle()
          return reject(reply)
        }
        if (reply.type === 'error') {
          settle()
          // The worker's reason crosses the thread with its message, so the reviewer reads it in their language.
          const reason = isErrorReason(reply.reason) ? reply.reason : reply.code === 'cancelled' ? 'cancelled' : 'media_undecodable'
          return reject(new AppError(isErrorCode(reply.code) ? reply.code : 'io', reply.message, { reason, ...(reply.params ? { params: reply.params } : {}) }))
        }
        if (reply.type !== 'peaks' && reply.type !== 'bytes' && reply.type !== 'stage') replies.push(reply)
        onReply?.(reply)
        if (reply.type === 'done' || reply.type === 'plan' || reply.type === 'encoded') {
          settle()
          resolve(replies)
        }
      }
      this.worker.ref()
      this.worker.postMessage(job)
    })
  }

  /** Marks the worker cancelled and stops its thread; returns the cancellation error. */
  private cancel(): AppError {
    this.failure ??= new AppError('cancelled', 'Cancelled.')
    void this.terminate()
    return this.failure
  }

  /** Parks the worker idle: unref'd, stopped after `idleMs` unless taken again. */
  park(onExpire: () => void): void {
    this.worker.unref()
    this.idleTimer = setTimeout(onExpire, idleMs)
    this.idleTimer.unref()
  }

  /** Takes the worker out of the idle list. */
  unpark(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
  }

  /** Stops the thread (whatever it is doing). */
  terminate(): Promise<number> {
    this.unpark()
    this.failure ??= new AppError('cancelled', 'Stopped.')
    // A job still running is told (its listener rejects and clears itself).
    this.listener?.(this.failure)
    this.listener = null
    const stopped = this.worker.terminate().finally(() => {
      live.delete(this)
      stopping.delete(stopped)
    })
    stopping.add(stopped)
    return stopped
  }
}

const idle: DecodeWorker[] = []
/** Threads started and not yet exited, and the stops under way. */
const live = new Set<DecodeWorker>()
const stopping = new Set<Promise<number>>()

/** The decode threads alive now, idle or in a job, once every stop under way has finished (tests). */
export async function liveWorkerCount(): Promise<number> {
  while (stopping.size > 0) await Promise.allSettled([...stopping])
  return live.size
}

/** `count` workers for `entry`: warm idle ones first, new ones for the rest, each warming `kind`'s decoder. */
export function takeWorkers(entry: string, memoryLimitMb: number, count: number, kind: DecoderKind | null): { workers: DecodeWorker[]; reused: number } {
  const workers: DecodeWorker[] = []
  // Those already warm for this decoder first.
  idle.sort((a, b) => Number(kind !== null && b.warmed.has(kind)) - Number(kind !== null && a.warmed.has(kind)))
  for (let i = 0; i < idle.length && workers.length < count; ) {
    const worker = idle[i]!
    if (worker.entry === entry && worker.memoryLimitMb === memoryLimitMb && !worker.broken) {
      idle.splice(i, 1)
      worker.unpark()
      workers.push(worker)
    } else i++
  }
  const reused = workers.length
  while (workers.length < count) workers.push(new DecodeWorker(entry, memoryLimitMb))
  if (kind) for (const worker of workers) worker.warm(kind)
  return { workers, reused }
}

/** Gives a worker back after its job: healthy ones are kept warm; broken ones, and ones still in a job (another part failed), are stopped. */
export function releaseWorker(worker: DecodeWorker): void {
  if (worker.broken || worker.busy) {
    void worker.terminate()
    return
  }
  idle.push(worker)
  worker.park(() => {
    const at = idle.indexOf(worker)
    if (at >= 0) idle.splice(at, 1)
    void worker.terminate()
  })
}

/** Starts up to `count` idle workers for `entry` ahead of a decode, compiling `kind`'s decoder. */
export function prewarmWorkers(entry: string, memoryLimitMb: number, count: number, kind: DecoderKind | null): void {
  const have = idle.filter((w) => w.entry === entry && w.memoryLimitMb === memoryLimitMb && !w.broken).length
  if (kind) for (const w of idle) if (w.entry === entry) w.warm(kind)
  if (have >= count) return
  // One new thread per turn of the loop: starting one holds main's loop a few ms (more on a busy
  // machine), and two in one turn added up to the longest block of a whole decode.
  const worker = new DecodeWorker(entry, memoryLimitMb)
  if (kind) worker.warm(kind)
  releaseWorker(worker)
  if (count > have + 1) setImmediate(() => prewarmWorkers(entry, memoryLimitMb, count, kind))
}

/** How many warm workers are idle now (tests). */
export function idleWorkerCount(): number {
  return idle.length
}

/** Stops every idle worker (tests, app quit). */
export async function stopIdleWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((worker) => worker.terminate()))
}

/** Converts a worker's wall-clock stamp (`performance.timeOrigin + now()` there) to this thread's `performance.now()`. */
export function localTime(wallMs: number): number {
  return wallMs - performance.timeOrigin
}
