/*
 * How the waveform follows playback: by pages, the way audio editors (Audition, Pro Tools) do.
 * The view stays put while the playhead crosses it and turns when the playhead nears its right
 * edge (or is outside it, after a seek), showing the playhead a little way in from the left.
 * Re-centring on every frame instead would scroll the waveform every frame, and every scroll
 * runs the scroll handlers of the waveform, its timeline, regions and overview.
 */

/** The view turns when the playhead is this far across it… */
export const pageTurnAt = 0.95
/** …and then shows the playhead this far in from its left edge. */
export const pageLead = 0.05

/**
 * The scroll offset that keeps a playhead at `x` in view (all in pixels of the whole waveform,
 * `width` visible of `total`, scrolled to `left`), or null when the view should stay put.
 */
export function followScroll(x: number, left: number, width: number, total: number): number | null {
  if (width <= 0 || total <= width) return null
  if (x >= left && x <= left + width * pageTurnAt) return null
  const next = Math.max(0, Math.min(total - width, x - width * pageLead))
  return Math.abs(next - left) >= 1 ? next : null
}
