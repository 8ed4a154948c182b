import { open } from 'node:fs/promises'
import { endianness } from 'node:os'
import type { PeaksData } from './peak-accumulator'

/*
 * The on-disk peaks cache, multi-resolution: level 0 is
 * the detail the waveform draws when zoomed in; each next level merges `levelFactor` buckets of
 * the one before, down to an overview of at most `overviewBuckets`, so a view fetches only the
 * level and range it shows (a 3-hour overview is ~16 KB instead of the ~4 MB detail).
 *
 * Format: "SDPK", u32 LE header length, UTF-8 JSON header (padded to even), then per level
 * `length` Int16 LE mins followed by `length` Int16 LE maxes (value·32767), at the byte offset
 * the header gives. Ranges are read with positional reads, never the whole file.
 */

const magic = 'SDPK'
/** Version 2: multi-resolution. Version 1 files (one level) are recomputed. */
export const peaksFileVersion = 2
/** Buckets of a level merged into one bucket of the next. */
export const levelFactor = 8
/** Levels are added until one has at most this many buckets: the overview. */
export const overviewBuckets = 4096

/** Which media file a peaks file belongs to, and at what requested resolution. */
export interface PeaksFileKey {
  readonly path: string
  readonly size: number
  readonly mtimeMs: number
  readonly requestedPeaksPerSecond: number
}

/** One level of a peaks file. */
export interface PeaksLevelInfo {
  readonly peaksPerSecond: number
  readonly length: number
  /** Byte offset of its mins; its maxes follow. */
  readonly offset: number
}

/** The header of a peaks file. */
export interface PeaksFileHeader extends PeaksFileKey {
  readonly version: number
  readonly sampleRate: number
  readonly durationMs: number
  readonly levels: readonly PeaksLevelInfo[]
}

/** A range of one level's buckets. */
export interface PeaksRange {
  readonly level: number
  readonly peaksPerSecond: number
  /** First bucket of the range and the level's whole length. */
  readonly start: number
  readonly levelLength: number
  readonly min: Float32Array
  readonly max: Float32Array
}

/** The coarser levels of `peaks`, each `levelFactor` times coarser, down to the overview. */
export function buildLevels(peaks: Pick<PeaksData, 'min' | 'max' | 'length' | 'peaksPerSecond'>): Array<{ peaksPerSecond: number; min: Float32Array; max: Float32Array }> {
  const levels = [{ peaksPerSecond: peaks.peaksPerSecond, min: peaks.min.subarray(0, peaks.length), max: peaks.max.subarray(0, peaks.length) }]
  // Same lengths as levelLengths(), which a decode under way answers with.
  while (levels.at(-1)!.min.length > overviewBuckets) {
    const prev = levels.at(-1)!
    const length = Math.ceil(prev.min.length / levelFactor)
    const min = new Float32Array(length)
    const max = new Float32Array(length)
    for (let j = 0; j < length; j++) {
      let lo = Infinity
      let hi = -Infinity
      const end = Math.min(prev.min.length, (j + 1) * levelFactor)
      for (let i = j * levelFactor; i < end; i++) {
        if (prev.min[i]! < lo) lo = prev.min[i]!
        if (prev.max[i]! > hi) hi = prev.max[i]!
      }
      min[j] = lo
      max[j] = hi
    }
    levels.push({ peaksPerSecond: prev.peaksPerSecond / levelFactor, min, max })
  }
  return levels
}

/** The bytes of a peaks file for `peaks`. */
export function encodePeaksFile(key: PeaksFileKey, peaks: PeaksData): Uint8Array {
  const levels = buildLevels(peaks)
  const infos = (headerEnd: number): PeaksLevelInfo[] => {
    let offset = headerEnd
    return levels.map((level) => {
      const info = { peaksPerSecond: level.peaksPerSecond, length: level.min.length, offset }
      offset += level.min.length * 4
      return info
    })
  }
  const header = (headerEnd: number): PeaksFileHeader => ({
    version: peaksFileVersion,
    ...key,
    sampleRate: peaks.sampleRate,
    durationMs: peaks.durationMs,
    levels: infos(headerEnd)
  })
  // The offsets are in the header, so its length depends on them: settle it in two passes.
  let json = Buffer.from(JSON.stringify(header(0)), 'utf8')
  let headerLength = json.length + 64
  headerLength += headerLength % 2
  json = Buffer.from(JSON.stringify(header(8 + headerLength)), 'utf8')
  if (json.length > headerLength) throw new Error('peaks header grew past its padding')
  const total = 8 + headerLength + levels.reduce((sum, level) => sum + level.min.length * 4, 0)
  const out = Buffer.alloc(total)
  out.write(magic, 0, 'latin1')
  out.writeUInt32LE(headerLength, 4)
  json.copy(out, 8)
  out.fill(0x20, 8 + json.length, 8 + headerLength)
  // Typed-array stores, not Buffer.writeInt16LE: a 3-hour file's million values in a few ms of
  // main's time instead of a hundred. The header is padded even, so every series is aligned.
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength)
  const native = endianness() === 'LE' ? new Int16Array(out.buffer, out.byteOffset + 8 + headerLength, (total - 8 - headerLength) / 2) : null
  let index = 0
  for (const level of levels) {
    for (const series of [level.min, level.max]) {
      if (native) {
        for (let i = 0; i < series.length; i++) native[index++] = Math.round(series[i]! * 32767)
      } else {
        for (let i = 0; i < series.length; i++) view.setInt16(8 + headerLength + 2 * index++, Math.round(series[i]! * 32767), true)
      }
    }
  }
  return out
}

/** Reads the header of the peaks file at `file`: null when absent or made for another media file; throws when damaged. */
export async function readPeaksHeader(file: string, expected: PeaksFileKey): Promise<PeaksFileHeader | null> {
  const handle = await open(file, 'r').catch(() => null)
  if (!handle) return null
  try {
    const head = await readAt(handle, 0, 8)
    if (head.length < 8 || head.toString('latin1', 0, 4) !== magic) throw new Error('bad magic')
    const headerLength = head.readUInt32LE(4)
    if (headerLength > 1 << 16) throw new Error('header too long')
    const header = JSON.parse((await readAt(handle, 8, headerLength)).toString('utf8')) as PeaksFileHeader
    if (
      header.version !== peaksFileVersion ||
      header.path !== expected.path ||
      header.size !== expected.size ||
      header.mtimeMs !== expected.mtimeMs ||
      header.requestedPeaksPerSecond !== expected.requestedPeaksPerSecond
    ) {
      return null
    }
    const last = header.levels.at(-1)
    const size = (await handle.stat()).size
    if (!last || size !== last.offset + last.length * 4) throw new Error('truncated')
    return header
  } finally {
    await handle.close()
  }
}

/** Buckets [start, end) of level `level` (clamped to the level), read from disk. */
export async function readPeaksRange(file: string, header: PeaksFileHeader, level: number, start: number, end: number): Promise<PeaksRange> {
  const info = header.levels[Math.max(0, Math.min(header.levels.length - 1, level))]!
  const from = Math.max(0, Math.min(info.length, Math.floor(start)))
  const to = Math.max(from, Math.min(info.length, Math.ceil(end)))
  const count = to - from
  const min = new Float32Array(count)
  const max = new Float32Array(count)
  const handle = await open(file, 'r')
  try {
    const mins = await readAt(handle, info.offset + from * 2, count * 2)
    const maxs = await readAt(handle, info.offset + info.length * 2 + from * 2, count * 2)
    if (mins.length !== count * 2 || maxs.length !== count * 2) throw new Error('truncated')
    const minView = new DataView(mins.buffer, mins.byteOffset, mins.byteLength)
    const maxView = new DataView(maxs.buffer, maxs.byteOffset, maxs.byteLength)
    for (let i = 0; i < count; i++) {
      min[i] = minView.getInt16(i * 2, true) / 32767
      max[i] = maxView.getInt16(i * 2, true) / 32767
    }
  } finally {
    await handle.close()
  }
  return { level: header.levels.indexOf(info), peaksPerSecond: info.peaksPerSecond, start: from, levelLength: info.length, min, max }
}

/** The bucket count of each level for a detail level of `length` buckets. */
export function levelLengths(length: number): number[] {
  const lengths = [length]
  while (lengths.at(-1)! > overviewBuckets) lengths.push(Math.ceil(lengths.at(-1)! / levelFactor))
  return lengths
}

/**
 * Buckets [start, end) of level `level` computed from detail peaks in memory: the peaks of a
 * decode still under way, whose buckets not yet decoded (zero, or ±Infinity) read as silence (0).
 */
export function rangeFromPeaks(peaks: Pick<PeaksData, 'min' | 'max' | 'length' | 'peaksPerSecond'>, level: number, start: number, end: number): PeaksRange {
  const lengths = levelLengths(peaks.length)
  const chosen = Math.max(0, Math.min(lengths.length - 1, level))
  const span = levelFactor ** chosen
  const from = Math.max(0, Math.min(lengths[chosen]!, Math.floor(start)))
  const to = Math.max(from, Math.min(lengths[chosen]!, Math.ceil(end)))
  const min = new Float32Array(to - from)
  const max = new Float32Array(to - from)
  for (let j = from; j < to; j++) {
    let lo = Infinity
    let hi = -Infinity
    for (let i = j * span, last = Math.min(peaks.length, (j + 1) * span); i < last; i++) {
      if (peaks.min[i]! < lo) lo = peaks.min[i]!
      if (peaks.max[i]! > hi) hi = peaks.max[i]!
    }
    min[j - from] = lo === Infinity ? 0 : lo
    max[j - from] = hi === -Infinity ? 0 : hi
  }
  return { level: chosen, peaksPerSecond: peaks.peaksPerSecond / span, start: from, levelLength: lengths[chosen]!, min, max }
}

async function readAt(handle: Awaited<ReturnType<typeof open>>, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await handle.read(buffer, 0, length, position)
  return buffer.subarray(0, bytesRead)
}
