import { checkMs, pad } from './split'

/*
 * SMPTE-style timecode `HH:MM:SS:FF`: frames at the nominal rate (24 for 23.976), as editors
 * show them, so `10:00:00:00` is 10 h whatever the rate.
 */

/** `ms` as timecode `HH:MM:SS:FF` at `frameRate` (frames floored). */
export function formatTimecode(ms: number, frameRate: number): string {
  const nominal = Math.round(frameRate)
  const frames = Math.floor((checkMs(ms) * nominal) / 1000)
  const totalSeconds = Math.floor(frames / nominal)
  return `${pad(Math.floor(totalSeconds / 3600), 2)}:${pad(Math.floor(totalSeconds / 60) % 60, 2)}:${pad(totalSeconds % 60, 2)}:${pad(frames % nominal, 2)}`
}

/**
 * Parses a programme start or any timecode into ms: `HH:MM:SS:FF` (or `;FF`, frames at the
 * nominal rate), `HH:MM:SS.mmm`, `HH:MM:SS,mmm`, `HH:MM:SS`, or a plain number read as MS.
 * Throws `RangeError` for anything else.
 */
export function parseTimecodeOrMs(text: string, frameRate = 25): number {
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
