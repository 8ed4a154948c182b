/*
 * Time spent reviewing, counted as active time: a span of wall-clock time counts while the
 * window has focus and the reviewer typed, clicked or played within the last `idleMs` (one
 * minute). Playing counts as activity for as long as it lasts, so listening without typing is
 * review time; a window left open over lunch is not. Pure: the caller passes the clock.
 */

/** How long after the last key, click or playback the reviewer still counts as active. */
export const activeIdleMs = 60_000

/**
 * The part of [fromMs, toMs) that counts as active, given the last activity (a key, a click,
 * or a frame of playback) and whether the window had focus over the span.
 */
export function activeSpanMs(fromMs: number, toMs: number, lastActivityMs: number, focused: boolean, idleMs = activeIdleMs): number {
  if (!focused || !(toMs > fromMs)) return 0
  const until = Math.min(toMs, lastActivityMs + idleMs)
  return Math.max(0, until - fromMs)
}
