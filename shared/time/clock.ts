import { pad, splitMs } from './split'

/*
 * The clock people read in the app: `H:MM:SS`, no leading zero hours, minutes alone under an
 * hour. Not a file format (timestamps.ts) and not frames (timecode.ts).
 */

/** Milliseconds as h:mm:ss (or m:ss under an hour), seconds floored; negatives read 0:00. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mmss = `${String(m).padStart(h > 0 ? 2 : 1, '0')}:${pad(s, 2)}`
  return h > 0 ? `${h}:${mmss}` : mmss
}

/** Milliseconds as m:ss.t (h:mm:ss.t past an hour), tenths floored: the editor's playhead and rows. */
export function formatClockTenths(ms: number): string {
  const tenths = Math.floor(Math.max(0, Math.round(ms)) / 100)
  const t = tenths % 10
  const total = Math.floor(tenths / 10)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mmss = `${h > 0 ? pad(m, 2) : m}:${pad(s, 2)}.${t}`
  return h > 0 ? `${h}:${mmss}` : mmss
}

/** Milliseconds as h:mm:ss.mmm, always with hours: an exact time in a message. */
export function formatClockMs(ms: number): string {
  const p = splitMs(ms)
  return `${p.h}:${pad(p.m, 2)}:${pad(p.s, 2)}.${pad(p.ms, 3)}`
}

/**
 * Parses what a person types as a time: "h:mm:ss.t", "m:ss(.fff)", or a plain number read as
 * SECONDS ("12" is 12 s); milliseconds, or null when unreadable.
 */
export function parseClockOrSeconds(text: string): number | null {
  const m = /^\s*(?:(\d+):)?(?:(\d+):)?(\d+(?:\.\d{1,3})?)\s*$/.exec(text)
  if (!m) return null
  const parts = [m[1], m[2]].filter((p): p is string => p !== undefined).map(Number)
  const seconds = Number(m[3])
  let total = seconds
  if (parts.length === 2) total += parts[0] * 3600 + parts[1] * 60
  else if (parts.length === 1) total += parts[0] * 60
  return Math.round(total * 1000)
}
