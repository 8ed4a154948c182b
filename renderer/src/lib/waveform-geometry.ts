import { pageTurnAt } from './playhead-follow'

/*
 * The waveform's geometry as pure functions of a measured view (as wavesurfer's own
 * core/calculations.ts): where the playhead is drawn, which stretch of time gets segment regions,
 * where a seek scrolls to, the zoom step. The composable measures the view when it changes and
 * asks these; nothing here reads layout, so a frame costs arithmetic only.
 */

/**
 * The view in CSS pixels: `left` = scroll offset, `width` = visible width, `total` = the whole
 * waveform's width, `overview` = the overview strip's width; `duration` in seconds.
 */
export interface WaveView {
  left: number
  width: number
  total: number
  duration: number
  overview: number
}

/** An unmeasured view (before ready, after destroy). */
export const emptyView = (): WaveView => ({ left: 0, width: 0, total: 0, duration: 0, overview: 0 })

/** Where the playhead is at a time: its share of the recording, x in CSS px, and whole device pixels on the waveform and the overview. */
export interface PlayheadPlace {
  readonly progress: number
  readonly x: number
  readonly px: number
  readonly overviewPx: number
}

/** The playhead at `ms` in `view` with `dpr` device pixels per CSS pixel; null until the view is measured. */
export function playheadAt(ms: number, view: WaveView, dpr: number): PlayheadPlace | null {
  if (!view.duration || !view.total) return null
  const progress = Math.min(1, Math.max(0, ms / 1000 / view.duration))
  const x = progress * view.total
  return { progress, x, px: Math.round(x * dpr), overviewPx: Math.round(progress * view.overview * dpr) }
}

/** The stretch of time (s) whose segments get regions; `key` changes only when the stretch does. */
export interface RegionWindow {
  readonly from: number
  readonly to: number
  readonly key: string
}

/** Before the first measure: no window yet (every key differs from it). */
export const noRegionWindow: RegionWindow = { from: 0, to: Infinity, key: '' }

/**
 * The view and one view's width either side, moved in steps of one view width (so a re-sync
 * happens about once per screen); everything while the view is not measured.
 */
export function regionWindowOf(view: WaveView): RegionWindow {
  const { duration, width, total, left } = view
  if (!duration || !width || !total) return { from: 0, to: Infinity, key: 'all' }
  const pxPerSec = total / duration
  const seconds = width / pxPerSec
  const step = Math.floor(left / pxPerSec / seconds)
  return { from: (step - 1) * seconds, to: (step + 2) * seconds, key: `${step}:${pxPerSec}` }
}

/** True when a span (ms) overlaps the window (s), edges included. */
export function inRegionWindow(startMs: number, endMs: number, window: RegionWindow): boolean {
  return !(endMs / 1000 < window.from || startMs / 1000 > window.to)
}

/**
 * Where to scroll (the time at the view's left edge, s) to bring `ms` into view after a seek:
 * centred when it was off screen or past where playback turns a page; null when it is in view
 * or the view is not measured.
 */
export function revealScrollTime(ms: number, view: WaveView): number | null {
  const { duration, width, total, left } = view
  if (!duration || !width || !total) return null
  const pxPerSec = total / duration
  const visible = width / pxPerSec
  const start = left / pxPerSec
  const t = ms / 1000
  return t < start || t > start + visible * pageTurnAt ? Math.max(0, t - visible / 2) : null
}

/** The zoom level index one step from `index`, kept within `count` levels. */
export function zoomStep(index: number, step: 1 | -1, count: number): number {
  return Math.min(count - 1, Math.max(0, index + step))
}
