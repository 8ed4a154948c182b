import { t } from '../i18n'

/*
 * Loading the waveform's peaks from main's multi-resolution cache (docs/architecture.md#data-flow):
 * `/peaks/<key>?levels` describes the levels (0 = detail, last = overview of at most a few
 * thousand buckets), `?level=L&start=S&end=E` answers little-endian Float32 (min, max) pairs of
 * buckets [S, E). While main is still decoding, both answer from the peaks so far (undecoded
 * buckets are 0) and `?levels` answers 404 until the first buckets exist.
 *
 * So the first waveform is the overview (a 3-hour recording's is ~16 KB instead of the ~8 MB
 * detail level), drawn as soon as main has any peaks; only a zoomed-in view fetches the finer
 * buckets around what it shows. Wavesurfer takes one uniform peaks array for the whole
 * recording, so the finer range is laid over the overview stretched to that level's length.
 */

/** Decoded peaks: channel 0 = maxima (drawn above the centre), channel 1 = minima (below). */
export type PeakChannels = [Float32Array, Float32Array]

/** One level as `?levels` describes it. */
export interface PeaksLevelInfo {
  readonly peaksPerSecond: number
  readonly length: number
}

/** What `?levels` answers. */
export interface PeaksLevels {
  /** False while main is still decoding (absent in older answers: complete). */
  readonly complete: boolean
  readonly durationMs: number
  readonly levels: readonly PeaksLevelInfo[]
}

/** Buckets [start, start + channels[0].length) of one level. */
export interface PeaksSpan {
  readonly level: number
  readonly start: number
  readonly channels: PeakChannels
}

/** Deinterleaves little-endian Float32 (min, max) pairs into [max, min] channels. */
export function deinterleavePeaks(buffer: ArrayBuffer): PeakChannels {
  const view = new DataView(buffer)
  const pairs = Math.floor(buffer.byteLength / 8)
  const max = new Float32Array(pairs)
  const min = new Float32Array(pairs)
  for (let i = 0; i < pairs; i++) {
    min[i] = view.getFloat32(i * 8, true)
    max[i] = view.getFloat32(i * 8 + 4, true)
  }
  return [max, min]
}

const positive = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0
const count = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0

/** Checks a `?levels` answer; throws a message naming what is wrong (main is trusted, but a damaged answer must not draw nonsense). */
export function parseLevels(json: unknown): PeaksLevels {
  const data = json as { complete?: unknown; durationMs?: unknown; levels?: unknown } | null
  if (!data || typeof data !== 'object') throw new Error(t('editorPanels.peaks.notObject'))
  if (!positive(data.durationMs)) throw new Error(t('editorPanels.peaks.noDuration'))
  if (!Array.isArray(data.levels) || data.levels.length === 0) throw new Error(t('editorPanels.peaks.noLevels'))
  const levels = data.levels.map((level: { peaksPerSecond?: unknown; length?: unknown }, k) => {
    if (!level || !positive(level.peaksPerSecond) || !count(level.length)) throw new Error(t('editorPanels.peaks.badLevel', { k }))
    return { peaksPerSecond: level.peaksPerSecond, length: level.length }
  })
  return { complete: data.complete !== false, durationMs: data.durationMs, levels }
}

/**
 * The level a view at `pxPerSec` CSS pixels per second draws from: the coarsest with at least
 * one bucket per device pixel, else the detail level (0).
 */
export function levelForZoom(levels: readonly PeaksLevelInfo[], pxPerSec: number, pixelRatio = 1): number {
  const needed = pxPerSec * pixelRatio
  for (let k = levels.length - 1; k >= 0; k--) if (levels[k]!.peaksPerSecond >= needed) return k
  return 0
}

/** Buckets [start, end) of `level` covering seconds [startS, endS), clamped to the level. */
export function bucketRange(level: PeaksLevelInfo, startS: number, endS: number): [number, number] {
  const start = Math.max(0, Math.min(level.length, Math.floor(startS * level.peaksPerSecond)))
  const end = Math.max(start, Math.min(level.length, Math.ceil(endS * level.peaksPerSecond)))
  return [start, end]
}

/**
 * One uniform peaks array at `target`'s resolution: the overview stretched to its length, with
 * `detail` (buckets of that level) laid over it. Without detail, or when the target is the
 * overview itself, the overview's own arrays come back (no copy).
 */
export function composePeaks(target: PeaksLevelInfo, overview: PeaksSpan, overviewInfo: PeaksLevelInfo, detail: PeaksSpan | null): PeakChannels {
  if (!detail || target.length === overviewInfo.length) return overview.channels
  const max = new Float32Array(target.length)
  const min = new Float32Array(target.length)
  const [oMax, oMin] = overview.channels
  const ratio = overviewInfo.length / target.length
  for (let i = 0; i < target.length; i++) {
    const j = Math.min(oMax.length - 1, Math.floor(i * ratio))
    max[i] = oMax[j] ?? 0
    min[i] = oMin[j] ?? 0
  }
  const [dMax, dMin] = detail.channels
  const end = Math.min(target.length, detail.start + dMax.length)
  max.set(dMax.subarray(0, Math.max(0, end - detail.start)), detail.start)
  min.set(dMin.subarray(0, Math.max(0, end - detail.start)), detail.start)
  return [max, min]
}

/** The `?levels` URL of a peaks URL. */
export function levelsUrl(url: string): string {
  return withQuery(url, 'levels')
}

/** The URL of buckets [start, end) of `level`. */
export function rangeUrl(url: string, level: number, start: number, end: number): string {
  return withQuery(url, `level=${level}&start=${start}&end=${end}`)
}

function withQuery(url: string, query: string): string {
  return `${url.split('?')[0]}?${query}`
}

/** What the view shows: seconds [startS, endS) at `pxPerSec`. */
export interface PeaksView {
  readonly startS: number
  readonly endS: number
  readonly pxPerSec: number
  readonly pixelRatio?: number
}

/** What one load step gives the waveform to draw. */
export interface PeaksFrame {
  readonly levels: PeaksLevels
  readonly channels: PeakChannels
  /** Bytes of peaks fetched for this frame (the levels answer excluded). */
  readonly bytes: number
}

/** Loads peaks from one peaks URL; see the file comment. */
export interface PeaksLoader {
  /**
   * The levels and the overview as main has them now; null while main has none yet (404). With
   * `view`, a zoomed-in view gets its finer range in the same frame (one redraw, not two).
   */
  overview(view?: PeaksView): Promise<PeaksFrame | null>
  /**
   * The peaks for `view`: the overview when that is fine enough, else the overview with the
   * finer buckets around the view laid over it. Null when nothing needs redrawing (the view is
   * inside what was drawn last, at the same level), or before `overview()` found any peaks.
   */
  forView(view: PeaksView): Promise<PeaksFrame | null>
}

/** A level index past any real one: main answers the overview (levels and buckets are clamped). */
const overviewLevel = 99
/** A bucket index past any level's end (clamped likewise). */
const overviewEnd = 2 ** 31

/** Makes a loader for `url` over `fetchImpl` (the page's fetch). */
export function createPeaksLoader(url: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): PeaksLoader {
  let levels: PeaksLevels | null = null
  let overviewSpan: PeaksSpan | null = null
  /** What the last frame drew: its level and the buckets of that level it holds at full resolution. */
  let drawn: { level: number; start: number; end: number } | null = null

  async function fetchSpan(level: number, start: number, end: number): Promise<{ span: PeaksSpan; bytes: number }> {
    const response = await fetchImpl(rangeUrl(url, level, start, end))
    if (!response.ok) throw new Error(t('editorPanels.peaks.peaksHttp', { status: response.status }))
    const buffer = await response.arrayBuffer()
    return { span: { level, start, channels: deinterleavePeaks(buffer) }, bytes: buffer.byteLength }
  }

  async function overview(view?: PeaksView): Promise<PeaksFrame | null> {
    // The levels and the overview in one round trip: a level past the last reads the overview.
    const [response, guess] = await Promise.all([fetchImpl(levelsUrl(url)), fetchSpan(overviewLevel, 0, overviewEnd).catch(() => null)])
    if (response.status === 404) return null
    if (!response.ok) throw new Error(t('editorPanels.peaks.levelsHttp', { status: response.status }))
    const next = parseLevels(await response.json())
    const last = next.levels.length - 1
    // Main answered both from the same peaks unless they changed in between (rare): then ask by level.
    const fits = guess !== null && guess.span.channels[0].length === next.levels[last]!.length
    const { span: fetched, bytes } = fits ? guess : await fetchSpan(last, 0, next.levels[last]!.length)
    const span = { ...fetched, level: last }
    levels = next
    overviewSpan = span
    drawn = null
    const finer = view ? await forView(view) : null
    if (finer) return { ...finer, bytes: bytes + finer.bytes }
    drawn = { level: last, start: 0, end: next.levels[last]!.length }
    return { levels: next, channels: span.channels, bytes }
  }

  async function forView(view: PeaksView): Promise<PeaksFrame | null> {
    if (!levels || !overviewSpan) return null
    const last = levels.levels.length - 1
    const level = levelForZoom(levels.levels, view.pxPerSec, view.pixelRatio)
    const info = levels.levels[level]!
    const [start, end] = bucketRange(info, view.startS, view.endS)
    if (drawn && drawn.level === level && start >= drawn.start && end <= drawn.end) return null
    if (level === last) {
      drawn = { level, start: 0, end: info.length }
      return { levels, channels: overviewSpan.channels, bytes: 0 }
    }
    // Two views' widths either side, so scrolling (and playback's page turns) refetch rarely.
    const margin = Math.max(end - start, 1) * 2
    const from = Math.max(0, start - margin)
    const to = Math.min(info.length, end + margin)
    const { span, bytes } = await fetchSpan(level, from, to)
    drawn = { level, start: from, end: to }
    return { levels, channels: composePeaks(info, overviewSpan, levels.levels[last]!, span), bytes }
  }

  return { overview, forView }
}
