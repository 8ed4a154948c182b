import type { FrameRate } from './presets'

/*
 * Timecode formatting by integer arithmetic only: `Date` wraps at 24 hours and float seconds
 * drift, both of which ship broken subtitles for long recordings
 * (docs/subtitles.md#timecodes-frame-rates-and-start-offset).
 */

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

/** Past this (about 2,800 hours) a time is a corrupt number: written, it would read "2.777e+296:40:16". */
const maxWritableMs = 1e10

function checkMs(ms: number): number {
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

/** `HH:MM:SS<sep>mmm`, hours at least two digits (SRT: sep ",", WebVTT/TTML: sep "."). */
export function formatClock(ms: number, sep: ',' | '.' = '.'): string {
  const p = splitMs(ms)
  return `${pad(p.h, 2)}:${pad(p.m, 2)}:${pad(p.s, 2)}${sep}${pad(p.ms, 3)}`
}

/** SRT timestamp, e.g. `25:00:00,000`. */
export function formatSrtTime(ms: number): string {
  return formatClock(ms, ',')
}

/** WebVTT timestamp, always with hours, e.g. `01:02:03.004`. */
export function formatVttTime(ms: number): string {
  return formatClock(ms, '.')
}

/** SBV (YouTube) timestamp `H:MM:SS.mmm`. */
export function formatSbvTime(ms: number): string {
  const p = splitMs(ms)
  return `${p.h}:${pad(p.m, 2)}:${pad(p.s, 2)}.${pad(p.ms, 3)}`
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

/**
 * SMPTE-style `HH:MM:SS:FF` at the nominal rate (24 for 23.976): timecode labels, as editors
 * show them, so `10:00:00:00` is 10 h whatever the rate.
 */
export function formatSmpte(ms: number, frameRate: FrameRate): string {
  const nominal = Math.round(frameRate)
  const frames = Math.floor((checkMs(ms) * nominal) / 1000)
  const totalSeconds = Math.floor(frames / nominal)
  return `${pad(Math.floor(totalSeconds / 3600), 2)}:${pad(Math.floor(totalSeconds / 60) % 60, 2)}:${pad(totalSeconds % 60, 2)}:${pad(frames % nominal, 2)}`
}

/**
 * Parses a programme start or any timecode into ms: `HH:MM:SS:FF` (frames at the nominal rate),
 * `HH:MM:SS.mmm`, `HH:MM:SS,mmm`, `HH:MM:SS`, or a plain number of ms.
 */
export function parseTimecode(text: string, frameRate: FrameRate = 25): number {
  const trimmed = text.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const smpte = /^(\d+):([0-5]\d):([0-5]\d)[:;](\d{1,2})$/.exec(trimmed)
  if (smpte) {
    const nominal = Math.round(frameRate)
    const [h, m, s, f] = smpte.slice(1).map(Number)
    if (f >= nominal) throw new RangeError(`Frame ${f} is out of range at ${frameRate} fps: "${text}"`)
    return ((h * 60 + m) * 60 + s) * 1000 + Math.round((f * 1000) / nominal)
  }
  const clock = /^(\d+):([0-5]\d):([0-5]\d)(?:[.,](\d{1,3}))?$/.exec(trimmed)
  if (clock) {
    const [h, m, s] = clock.slice(1, 4).map(Number)
    const frac = clock[4] ? Number(clock[4].padEnd(3, '0')) : 0
    return ((h * 60 + m) * 60 + s) * 1000 + frac
  }
  throw new RangeError(`Not a timecode: "${text}" (expected HH:MM:SS:FF, HH:MM:SS.mmm or ms)`)
}
