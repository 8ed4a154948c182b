import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { toErrorData, type ErrorCode } from '../../../shared/errors'
import { writeFileAtomic } from '../fs/atomic-write'
import { PeakAccumulator, type PeaksData } from './peak-accumulator'
import { decodeFile, detectDecoder } from './pcm-decoders'
import { createFlights } from '../download/flights'
import { taskDirName } from './task-dir'

/*
 * Waveform peaks, computed once in main and cached on disk per task, so a 3-hour recording is
 * never decoded whole in the renderer and a reopened task shows its waveform at once
 * (docs/architecture.md#data-flow). The cache file is keyed by the media file's path, size and
 * mtime: attaching another file or re-downloading a changed one recomputes.
 *
 * Cache format (`peaks-<pps>pps.bin`): "SDPK", u32 LE header length, UTF-8 JSON header, then
 * `length` Int16 LE mins followed by `length` Int16 LE maxes (value·32767). Int16 keeps a
 * 3-hour file's cache at about 4 MB and reads back in milliseconds.
 */

export type { PeaksData } from './peak-accumulator'
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
  readonly signal?: AbortSignal
}

/** Ports and settings of the peaks service. */
export interface PeaksServicePorts {
  /** The media cache root (`<cacheDir>/<taskId>/peaks-…`), shared with MediaService. */
  readonly cacheDir: string
  /** Buckets per second of audio (default 100). */
  readonly peaksPerSecond?: number
  /** Most buckets kept; longer recordings get a coarser resolution (default 2^20). */
  readonly maxBuckets?: number
  readonly log?: (level: 'info' | 'warn' | 'error', message: string) => void
}

/** The peaks service (see `createPeaksService`). */
export interface PeaksService {
  /** The peaks of `mediaPath` for `taskId`: from the cache when it matches the file, else computed and cached. */
  getPeaks(taskId: string | number, mediaPath: string, options?: PeaksRequestOptions): Promise<PeaksResult>
  /** The cached peaks when they match the file, else null; never decodes. */
  readCached(taskId: string | number, mediaPath: string): Promise<PeaksData | null>
}

const magic = 'SDPK'
const formatVersion = 1

interface CacheHeader {
  readonly version: number
  readonly path: string
  readonly size: number
  readonly mtimeMs: number
  readonly requestedPeaksPerSecond: number
  readonly peaksPerSecond: number
  readonly sampleRate: number
  readonly durationMs: number
  readonly length: number
}

/** Makes the peaks service. */
export function createPeaksService(ports: PeaksServicePorts): PeaksService {
  const pps = ports.peaksPerSecond ?? 100
  const maxBuckets = ports.maxBuckets ?? 1 << 20
  const log = ports.log ?? (() => undefined)
  const cachePath = (taskId: string | number): string => join(ports.cacheDir, taskDirName(taskId), `peaks-${pps}pps.bin`)

  async function readCached(taskId: string | number, mediaPath: string): Promise<PeaksData | null> {
    const info = await stat(mediaPath).catch(() => null)
    if (!info) return null
    let bytes: Buffer
    try {
      bytes = await readFile(cachePath(taskId))
    } catch {
      return null
    }
    try {
      return decodeCache(bytes, { path: mediaPath, size: info.size, mtimeMs: info.mtimeMs, requestedPeaksPerSecond: pps })
    } catch (error) {
      log('warn', `Ignoring an unreadable peaks cache for task ${String(taskId)}: ${(error as Error).message}`)
      return null
    }
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
    return flights(key, (signal, onProgress) => computeOrRead(taskId, mediaPath, { signal, onProgress }), options)
  }

  async function computeOrRead(taskId: string | number, mediaPath: string, options: PeaksRequestOptions): Promise<PeaksResult> {
    try {
      const info = await stat(mediaPath)
      const cached = await readCached(taskId, mediaPath)
      if (cached) {
        options.onProgress?.(1)
        return { status: 'ready', fromCache: true, peaks: cached }
      }
      const decoder = await detectDecoder(mediaPath)
      if (decoder.kind === 'unsupported') return { status: 'unsupported', reason: decoder.reason }
      const accumulator = new PeakAccumulator(pps, maxBuckets)
      let reported = -1
      await decodeFile(mediaPath, decoder.kind, (channels, frames, sampleRate) => accumulator.add(channels, frames, sampleRate), {
        signal: options.signal,
        onBytes: (read, total) => {
          const percent = total > 0 ? Math.floor((read / total) * 100) : 0
          if (percent > reported) {
            reported = percent
            options.onProgress?.(Math.min(1, percent / 100))
          }
        }
      })
      const peaks = accumulator.finish()
      // The file may have changed while we decoded; then the result is not worth caching.
      const after = await stat(mediaPath)
      if (after.size === info.size && after.mtimeMs === info.mtimeMs) {
        const header: CacheHeader = {
          version: formatVersion,
          path: mediaPath,
          size: info.size,
          mtimeMs: info.mtimeMs,
          requestedPeaksPerSecond: pps,
          peaksPerSecond: peaks.peaksPerSecond,
          sampleRate: peaks.sampleRate,
          durationMs: peaks.durationMs,
          length: peaks.length
        }
        await writeFileAtomic(cachePath(taskId), encodeCache(header, peaks))
      }
      return { status: 'ready', fromCache: false, peaks }
    } catch (error) {
      const data = toErrorData(error)
      if (data.code !== 'cancelled') log('error', `Peaks for task ${String(taskId)} failed: ${data.message}`)
      return { status: 'error', ...data }
    }
  }

  return { getPeaks, readCached }
}

function encodeCache(header: CacheHeader, peaks: PeaksData): Uint8Array {
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  // Pad the header so the Int16 data starts on an even offset.
  const headerLength = json.length + (json.length % 2)
  const out = Buffer.alloc(8 + headerLength + peaks.length * 4)
  out.write(magic, 0, 'latin1')
  out.writeUInt32LE(headerLength, 4)
  json.copy(out, 8)
  out.fill(0x20, 8 + json.length, 8 + headerLength)
  let offset = 8 + headerLength
  for (const series of [peaks.min, peaks.max]) {
    for (let i = 0; i < peaks.length; i++, offset += 2) out.writeInt16LE(Math.round(series[i]! * 32767), offset)
  }
  return out
}

function decodeCache(bytes: Buffer, expected: Pick<CacheHeader, 'path' | 'size' | 'mtimeMs' | 'requestedPeaksPerSecond'>): PeaksData | null {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== magic) throw new Error('bad magic')
  const headerLength = bytes.readUInt32LE(4)
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as CacheHeader
  if (
    header.version !== formatVersion ||
    header.path !== expected.path ||
    header.size !== expected.size ||
    header.mtimeMs !== expected.mtimeMs ||
    header.requestedPeaksPerSecond !== expected.requestedPeaksPerSecond
  ) {
    return null
  }
  const start = 8 + headerLength
  if (bytes.length !== start + header.length * 4) throw new Error('truncated')
  const min = new Float32Array(header.length)
  const max = new Float32Array(header.length)
  for (let i = 0, o = start; i < header.length; i++, o += 2) min[i] = bytes.readInt16LE(o) / 32767
  for (let i = 0, o = start + header.length * 2; i < header.length; i++, o += 2) max[i] = bytes.readInt16LE(o) / 32767
  return {
    durationMs: header.durationMs,
    sampleRate: header.sampleRate,
    peaksPerSecond: header.peaksPerSecond,
    length: header.length,
    min,
    max
  }
}
