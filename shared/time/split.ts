/*
 * Times are whole ms split by integer arithmetic only: `Date` wraps at 24 hours and float
 * seconds drift, both of which ship broken subtitles for long recordings (STYLE.md pitfalls).
 */

/** Past this (about 2,800 hours) a time is a corrupt number: written, it would read "2.777e+296:40:16". */
export const maxWritableMs = 1e10

/** `ms` as whole, non-negative ms; throws `RangeError` for NaN, infinity or past `maxWritableMs`. */
export function checkMs(ms: number): number {
  if (!Number.isFinite(ms) || ms > maxWritableMs) throw new RangeError(`Not a time: ${ms} ms`)
  // Negative times cannot be written in any of the formats; clamp instead of emitting "-".
  return Math.max(0, Math.round(ms))
}

/** Splits integer ms into hours (unbounded), minutes, seconds and ms. */
export function splitMs(ms: number): { h: number; m: number; s: number; ms: number } {
  const t = checkMs(ms)
  return {
    h: Math.floor(t / 3_600_000),
    m: Math.floor(t / 60_000) % 60,
    s: Math.floor(t / 1000) % 60,
    ms: t % 1000
  }
}

/** `value` zero-padded to `width` digits. */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}
