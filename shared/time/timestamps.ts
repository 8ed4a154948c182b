import { formatClockMs } from './clock'
import { checkMs, pad, splitMs } from './split'

/*
 * Timestamps as each file format writes them. Every one takes ms, rounds to whole ms, clamps
 * negatives to 0 and throws `RangeError` for a corrupt time (split.ts).
 */

/** `HH:MM:SS<sep>mmm`, hours at least two digits (SRT: sep ",", WebVTT/TTML: sep "."). */
function formatHmsMs(ms: number, sep: ',' | '.'): string {
  const p = splitMs(ms)
  return `${pad(p.h, 2)}:${pad(p.m, 2)}:${pad(p.s, 2)}${sep}${pad(p.ms, 3)}`
}

/** SRT timestamp, e.g. `25:00:00,000`. */
export function formatSrtTime(ms: number): string {
  return formatHmsMs(ms, ',')
}

/** WebVTT (and TTML clock-time) timestamp, always with hours, e.g. `01:02:03.004`. */
export function formatVttTime(ms: number): string {
  return formatHmsMs(ms, '.')
}

/** SBV (YouTube) timestamp `H:MM:SS.mmm`. */
export function formatSbvTime(ms: number): string {
  return formatClockMs(ms)
}

/**
 * ASS timestamp `H:MM:SS.cc`, rounded up to the centisecond. Rounding every time the same way
 * keeps cue order and gaps (no overlap appears); rounding up keeps a time that starts a frame
 * inside that frame (a frame lasts over 10 ms at any rate we use), so at 23.976 or 29.97 fps a
 * cue shows on exactly the frames it was cut for, where rounding down would show it a frame early.
 */
export function formatAssTime(ms: number): string {
  const cs = Math.ceil(checkMs(ms) / 10)
  return `${Math.floor(cs / 360_000)}:${pad(Math.floor(cs / 6000) % 60, 2)}:${pad(Math.floor(cs / 100) % 60, 2)}.${pad(cs % 100, 2)}`
}

/** `HH:MM:SS` for transcripts (seconds floored). */
export function formatHms(ms: number): string {
  const p = splitMs(ms)
  return `${pad(p.h, 2)}:${pad(p.m, 2)}:${pad(p.s, 2)}`
}
