import type { ApiTranscriptSegment, ApiWord, TranscriptExport } from '../api/transcript-export'
import { transcriptBody } from '../api/transcript-export'
import type { TimeUnit } from './model'
import { isTimed, secondsToMs, unitToMs } from './units'

/*
 * The times a transcript may hold: from 0 to the recording's length when the export gives it,
 * else to 100 hours (longer than any hearing; beyond it a time is a corrupt number, not speech).
 * Real exports carry negative offsets and numbers like 1e300; every format would write those
 * wrongly (a negative cue clamped to zero length, "2.777e+296:40:16,552"), so normalise.ts
 * clamps them on load with a notice, and the editor, QC and every writer see the same times.
 */

/** The latest time any transcript may hold: 100 hours, in ms. */
export const maxTimeMs = 100 * 3_600_000

/** The valid range's end for a task whose recording lasts `totalMs` (0 = unknown). */
export function timeLimitMs(totalMs: number): number {
  return totalMs > 0 ? Math.min(totalMs, maxTimeMs) : maxTimeMs
}

/** `ms` inside [0, limitMs] (a non-finite value is 0). */
export function clampTimeMs(ms: number, limitMs: number = maxTimeMs): number {
  if (!Number.isFinite(ms)) return ms === Infinity ? limitMs : 0
  return Math.min(Math.max(0, ms), limitMs)
}

function outside(ms: number, limitMs: number): boolean {
  return !(ms >= 0 && ms <= limitMs)
}

/** How many segment and word times of an export lie outside [0, limitMs] (annotations have their own notice). */
export function timesOutOfRange(exp: TranscriptExport, unit: TimeUnit, limitMs: number): number {
  let count = 0
  for (const seg of transcriptBody(exp).transcripts ?? []) count += segmentTimesOutOfRange(seg, unit, limitMs)
  return count
}

/** How many of one segment's times (its start and end, its timing words') lie outside [0, limitMs]: `timesOutOfRange` one segment at a time. */
export function segmentTimesOutOfRange(seg: ApiTranscriptSegment, unit: TimeUnit, limitMs: number): number {
  let count = 0
  const check = (ms: number) => {
    if (outside(ms, limitMs)) count++
  }
  if (typeof seg.start === 'number') check(unitToMs(seg.start, unit))
  if (typeof seg.end === 'number') check(unitToMs(seg.end, unit))
  // The words that time the segment (normalise.ts `timingWords`).
  const words: readonly ApiWord[] = (seg.displayWords?.length ? seg.displayWords : seg.originalWords) ?? []
  for (const w of words) {
    if (!isTimed(w)) continue
    check(secondsToMs(w.offsetInSeconds))
    const dur = w.durationInSeconds ?? 0
    check(secondsToMs(w.offsetInSeconds + (dur > 0 ? dur : 0)))
  }
  return count
}
