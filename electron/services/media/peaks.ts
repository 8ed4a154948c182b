import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { toErrorData, type ErrorCode } from '../../../shared/errors'
import { writeFileAtomic } from '../fs/atomic-write'
import type { PeaksData } from './peak-accumulator'
import { detectDecoder } from './pcm-decoders'
import { decodePeaksInWorkers, encodePeaksFileInWorker, prewarmDecodeWorkers, type DecodeStage } from './decode-pool'
import { createFlights } from '../download/flights'
import { taskDirName } from './task-dir'
import { PartialLevels } from './partial-levels'
import { levelFactor, levelLengths, readPeaksHeader, readPeaksRange, type PeaksFileHeader, type PeaksRange } from './peaks-file'

/*
 * Waveform peaks, computed once in main and cached on disk per task, so a 3-hour recording is
 * never decoded whole in the renderer and a reopened task shows its waveform at once
 * (docs/architecture.md#data-flow). The cache file is keyed by the media file's path, size and
 * mtime: attaching another file or re-downloading a changed one recomputes.
 *
 * Cache format (`peaks-<pps>pps.bin`): multi-resolution, see peaks-file.ts. Int16 keeps a
 * 3-hour file's cache at about 4.6 MB; a view reads only the level and range it shows.
 */

export type { PeaksData } from './peak-accumulator'
export type { PeaksRange } from './peaks-file'
export { interleavePeaks } from './peak-accumulator'

/** What `getPeaks` answers; every outcome is data the UI can act on. */
export type PeaksResult =
  | { readonly status: 'ready'; readonly fromCache: boolean; readonly peaks: PeaksData }
  | { readonly status: 'unsupported'; readonly reason: string }
  | { readonly status: 'error'; readonly code: ErrorCode; readonly message: string }

/** Options for one `getPeaks` call. */
export interface PeaksRequestOptions {
  /** Fraction done, 0..1, at most once per percent. */
  readonly onProgress?: (fraction: number) => void
  /** Peaks as they are decoded (not from the cache): `peaks` fills in place, buckets [first, first + count) changed. */
  readonly onPeaks?: (peaks: PeaksData, first: number, count: number) => void
  readonly signal?: AbortSignal
  /** Stages of the computation at `performance.now()` (the benches' breakdown): the cache lookup, then the decode's own. */
  readonly onStage?: (stage: PeaksStage, at: number) => void
}

/** A stage of `getPeaks` (see `PeaksRequestOptions.onStage`). */
export type PeaksStage = 'cache-lookup' | 'detect' | DecodeStage | 'cache-written'

/** Ports and settings of the peaks service. */
export interface PeaksServicePorts {
  /** The media cache root (`<cacheDir>/<taskId>/peaks-…`), shared with MediaService. */
  readonly cacheDir: string
  /** Buckets per second of audio (default 100). */
  readonly peaksPerSecond?: number
  /** Most buckets kept; longer recordings get a coarser resolution (default 2^20). */
  readonly maxBuckets?: number
  /** Decode workers run in parallel (default: the cores available, at most 4). */
  readonly workers?: number
  /** Files smaller than this decode in one worker (default 4 MiB). */
  readonly minSplitBytes?: number
  /** Heap limit of each decode worker in MB (default 256). */
  readonly workerMemoryMb?: number
  /** The decode worker's entry file (default: found beside the main bundle, or the source). */
  readonly workerEntry?: string
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void
}

/** The peaks service (see `createPeaksService`). */
export interface PeaksService {
  /** The peaks of `mediaPath` for `taskId`: from the cache when it matches the file, else computed and cached. */
  getPeaks(taskId: string | number, mediaPath: string, options?: PeaksRequestOptions): Promise<PeaksResult>
  /** The cached peaks (the detail level) when they match the file, else null; never decodes. */
  readCached(taskId: string | number, mediaPath: string): Promise<PeaksData | null>
  /** The cached levels (0 = detail, last = overview) when they match the file, else null; never decodes. */
  readLevels(taskId: string | number, mediaPath: string): Promise<PeaksLevels | null>
  /** Buckets [start, end) of one cached level (clamped), read from disk alone; null without a matching cache. */
  readRange(taskId: string | number, mediaPath: string, level: number, start: number, end: number): Promise<PeaksRange | null>
  /**
   * Starts the decode workers before they are needed (a task with a recording opened), compiling
   * the decoder `mediaPath` needs (mp3's when there is no file yet: the usual case); never rejects.
   * With `taskId`, nothing starts when that task's peaks of `mediaPath` are cached already.
   */
  prewarm(mediaPath: string | null, taskId?: string | number): Promise<void>
}

/** What a multi-resolution peaks cache holds. */
export interface PeaksLevels {
  /** False while the recording is still being decoded: buckets not reached yet read as 0. */
  readonly complete: boolean
  readonly durationMs: number
  readonly sampleRate: number
  readonly levels: ReadonlyArray<{ readonly peaksPerSecond: number; readonly length: number }>
}


/** Makes the peaks service. */
export function createPeaksService(ports: PeaksServicePorts): PeaksService {
  const pps = ports.peaksPerSecond ?? 100
  const maxBuckets = ports.maxBuckets ?? 1 << 20
  const log = ports.log ?? (() => undefined)
  const cachePath = (taskId: string | number): string => join(ports.cacheDir, taskDirName(taskId), `peaks-${pps}pps.bin`)

  /** The matching cache file's header, or null (a damaged one is logged and ignored). */
  async function header(taskId: string | number, mediaPath: string): Promise<PeaksFileHeader | null> {
    const info = await stat(mediaPath).catch(() => null)
    if (!info) return null
    try {
      return await readPeaksHeader(cachePath(taskId), { path: mediaPath, size: info.size, mtimeMs: info.mtimeMs, requestedPeaksPerSecond: pps })
    } catch (error) {
      log('warn', `Ignoring an unreadable peaks cache for task ${String(taskId)}: ${(error as Error).message}`)
      return null
    }
  }

  // Peaks of decodes under way (with their coarser levels kept up to date), by cache file and
  // media path, so a view can draw them as they arrive.
  const partial = new Map<string, PartialLevels>()
  const partialKey = (taskId: string | number, mediaPath: string): string => `${cachePath(taskId)}\n${mediaPath}`

  async function readRange(taskId: string | number, mediaPath: string, level: number, start: number, end: number): Promise<PeaksRange | null> {
    // A decode under way means there is no matching cache yet; checked before any await, so a
    // caller reacting to onPeaks reads the peaks of that moment.
    const inProgress = partial.get(partialKey(taskId, mediaPath))
    if (inProgress) return inProgress.range(level, start, end)
    const found = await header(taskId, mediaPath)
    if (!found) return null
    try {
      return await readPeaksRange(cachePath(taskId), found, level, start, end)
    } catch (error) {
      log('warn', `Ignoring an unreadable peaks cache for task ${String(taskId)}: ${(error as Error).message}`)
      return null
    }
  }

  async function readLevels(taskId: string | number, mediaPath: string): Promise<PeaksLevels | null> {
    const inProgress = partial.get(partialKey(taskId, mediaPath))
    if (inProgress) {
      const { durationMs, sampleRate, peaksPerSecond, length } = inProgress.peaks
      const levels = levelLengths(length).map((length, k) => ({ peaksPerSecond: peaksPerSecond / levelFactor ** k, length }))
      return { complete: false, durationMs, sampleRate, levels }
    }
    const found = await header(taskId, mediaPath)
    if (!found) return null
    return { complete: true, durationMs: found.durationMs, sampleRate: found.sampleRate, levels: found.levels.map(({ peaksPerSecond, length }) => ({ peaksPerSecond, length })) }
  }

  async function readCached(taskId: string | number, mediaPath: string): Promise<PeaksData | null> {
    const found = await header(taskId, mediaPath)
    const detail = found?.levels[0]
    if (!found || !detail) return null
    const range = await readRange(taskId, mediaPath, 0, 0, detail.length)
    if (!range) return null
    return { durationMs: found.durationMs, sampleRate: found.sampleRate, peaksPerSecond: detail.peaksPerSecond, length: detail.length, min: range.min, max: range.max }
  }

  // One computation per task and file at a time; a second request joins it.
  const flights = createFlights<PeaksResult, number>(() => ({ status: 'error', code: 'cancelled', message: 'Cancelled.' }))

  async function getPeaks(taskId: string | number, mediaPath: string, options: PeaksRequestOptions = {}): Promise<PeaksResult> {
    let key: string
    try {
      key = `${taskDirName(taskId)}\n${mediaPath}`
    } catch (error) {
      return { status: 'error', ...toErrorData(error) }
    }
    // Partial peaks go to the request that started the computation; a joining one gets the result.
    return flights(key, (signal, onProgress) => computeOrRead(taskId, mediaPath, { signal, onProgress, onPeaks: options.onPeaks, onStage: options.onStage }), options)
  }

  async function computeOrRead(taskId: string | number, mediaPath: string, options: PeaksRequestOptions): Promise<PeaksResult> {
    const stage = (name: PeaksStage): void => options.onStage?.(name, performance.now())
    try {
      const info = await stat(mediaPath)
      const cached = await readCached(taskId, mediaPath)
      stage('cache-lookup')
      if (cached) {
        options.onProgress?.(1)
        return { status: 'ready', fromCache: true, peaks: cached }
      }
      const decoder = await detectDecoder(mediaPath)
      stage('detect')
      if (decoder.kind === 'unsupported') return { status: 'unsupported', reason: decoder.reason }
      const key = partialKey(taskId, mediaPath)
      let mine: PartialLevels | null = null
      const peaks = await decodePeaksInWorkers(mediaPath, decoder.kind, {
        peaksPerSecond: pps,
        maxBuckets,
        workers: ports.workers,
        minSplitBytes: ports.minSplitBytes,
        memoryLimitMb: ports.workerMemoryMb,
        workerEntry: ports.workerEntry,
        signal: options.signal,
        onProgress: options.onProgress,
        onPeaks: (partialPeaks, first, count) => {
          // Made at the first merge, while every other bucket still reads 0.
          if (mine?.peaks !== partialPeaks) mine = new PartialLevels(partialPeaks)
          mine.update(first, count)
          partial.set(key, mine)
          options.onPeaks?.(partialPeaks, first, count)
        },
        log,
        onStage: options.onStage
        // A cancelled decode winding down leaves alone the peaks of the one that replaced it.
      }).finally(() => partial.get(key) === mine && partial.delete(key))
      options.onProgress?.(1)
      // The file may have changed while we decoded; then the result is not worth caching.
      const after = await stat(mediaPath)
      if (after.size === info.size && after.mtimeMs === info.mtimeMs) {
        const fileKey = { path: mediaPath, size: info.size, mtimeMs: info.mtimeMs, requestedPeaksPerSecond: pps }
        await writeFileAtomic(cachePath(taskId), await encodePeaksFileInWorker(fileKey, peaks, { workerEntry: ports.workerEntry }))
        stage('cache-written')
      }
      return { status: 'ready', fromCache: false, peaks }
    } catch (error) {
      const data = toErrorData(error)
      if (data.code !== 'cancelled') log('error', `Peaks for task ${String(taskId)} failed: ${data.message}`)
      return { status: 'error', ...data }
    }
  }

  async function prewarm(mediaPath: string | null, taskId?: string | number): Promise<void> {
    try {
      // A reopened task draws from its cache: two threads compiling a decoder would only compete
      // with the page for the cores while it renders the task.
      if (mediaPath && taskId !== undefined && (await header(taskId, mediaPath))) return
      const decoder = mediaPath ? await detectDecoder(mediaPath) : { kind: 'mp3' as const }
      if (decoder.kind === 'unsupported') return
      await prewarmDecodeWorkers({ kind: decoder.kind, workers: ports.workers, memoryLimitMb: ports.workerMemoryMb, workerEntry: ports.workerEntry })
    } catch (error) {
      log('warn', `Could not start the decode workers ahead: ${(error as Error).message}`)
    }
  }

  return { getPeaks, readCached, readLevels, readRange, prewarm }
}
