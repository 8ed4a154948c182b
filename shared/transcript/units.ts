import type { ApiWord, TranscriptExport } from '../api/transcript-export'
import { transcriptBody } from '../api/transcript-export'
import type { TimeUnit } from './model'

/*
 * The export's segment and annotation `start`/`end`/`duration` carry no unit
 * (docs/api.md#units-and-scales). Words are seconds by their field names, so each segment's start
 * is compared with its first word's offset (and its end with its last word's end): the ratio is ~1
 * for seconds, ~1000 for milliseconds, ~10^7 for .NET ticks. Segments vote; the majority wins.
 * Everything about units and confidence scales lives here and nowhere else.
 */

/** How many of each unit make one second. */
export const unitsPerSecond: Readonly<Record<TimeUnit, number>> = {
  seconds: 1,
  milliseconds: 1000,
  ticks: 10_000_000
}

/** The detected unit and how sure the detection is. */
export interface UnitDetection {
  readonly unit: TimeUnit
  /** False when no segment or duration could vote and seconds was assumed. */
  readonly confident: boolean
  readonly votes: Readonly<Record<TimeUnit, number>>
}

const units: readonly TimeUnit[] = ['seconds', 'milliseconds', 'ticks']

/** No recording is longer than this (two days), in seconds. */
const maxPlausibleSeconds = 172_800

/**
 * The unit whose factor is nearest (in decades) to `value / seconds`, or null when the pair
 * cannot vote (zero, too small to tell, or more than a decade and a half away from every unit).
 */
export function unitForRatio(value: number, seconds: number): TimeUnit | null {
  // Below 50 ms a word offset is too close to zero for a ratio to mean anything.
  if (!(Math.abs(seconds) >= 0.05) || !(Math.abs(value) > 0) || Math.sign(value) !== Math.sign(seconds)) return null
  const decades = Math.log10(value / seconds)
  let best: TimeUnit | null = null
  let bestDistance = Infinity
  for (const unit of units) {
    const distance = Math.abs(decades - Math.log10(unitsPerSecond[unit]))
    if (distance < bestDistance) {
      bestDistance = distance
      best = unit
    }
  }
  return bestDistance <= 1.5 ? best : null
}

/** Segments looked at between two pauses of the stepped detections (a 6-hour export walked in one go was a 30 ms step). */
const segmentsPerStep = 100

/** Runs a stepped detection to its end, without pausing. */
function atOnce<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** Detects the segment/annotation time unit of one export (see the file comment). */
export function detectTimeUnit(exp: TranscriptExport): UnitDetection {
  return atOnce(detectTimeUnitSteps(exp))
}

/** `detectTimeUnit` pausing (yielding) every few segments, for a caller that works in slices (normaliseTranscriptSteps). */
export function* detectTimeUnitSteps(exp: TranscriptExport): Generator<void, UnitDetection, void> {
  const votes: Record<TimeUnit, number> = { seconds: 0, milliseconds: 0, ticks: 0 }
  const body = transcriptBody(exp)
  let seen = 0
  for (const seg of body.transcripts ?? []) {
    if (++seen % segmentsPerStep === 0) yield
    // Only words with a measured offset can vote; a segment without start/end votes with what it has.
    // The first and last timed words, found without copying the list (this runs first on every open).
    const all = seg.displayWords?.length ? seg.displayWords : seg.originalWords
    if (!all?.length) continue
    let from = 0
    while (from < all.length && !isTimed(all[from])) from++
    if (from === all.length) continue
    let to = all.length - 1
    while (!isTimed(all[to])) to--
    const first = all[from] as ApiWord & { offsetInSeconds: number }
    const last = all[to] as ApiWord & { offsetInSeconds: number }
    const byStart = isNumber(seg.start) ? unitForRatio(seg.start, first.offsetInSeconds) : null
    if (byStart) votes[byStart]++
    const byEnd = isNumber(seg.end) ? unitForRatio(seg.end, last.offsetInSeconds + (last.durationInSeconds ?? 0)) : null
    if (byEnd) votes[byEnd]++
  }
  let total = votes.seconds + votes.milliseconds + votes.ticks
  // No timed words: the latest end (segments, else annotations) is all there is to go on.
  const ends = (body.transcripts ?? []).map((s) => s.end ?? s.start).filter(isNumber)
  const lastEnd = Math.max(0, ...(ends.length ? ends : (body.annotations ?? []).map((a) => a.end ?? a.start).filter(isNumber)))
  if (total === 0) {
    // The recording length is the next best clue.
    const total_s = exp.totalTimeInSeconds ?? 0
    const byDuration = total_s > 0 ? unitForRatio(lastEnd, total_s) : null
    if (byDuration) votes[byDuration]++
    total = votes.seconds + votes.milliseconds + votes.ticks
  }
  if (total === 0) {
    // Last resort, still "guessed": seconds unless that would make the recording longer than two
    // days, in which case the smallest unit that does not.
    const unit: TimeUnit = lastEnd <= maxPlausibleSeconds ? 'seconds' : lastEnd <= maxPlausibleSeconds * 1000 ? 'milliseconds' : 'ticks'
    return { unit, confident: false, votes }
  }
  const unit = units.reduce((a, b) => (votes[b] > votes[a] ? b : a), 'seconds' as TimeUnit)
  return { unit, confident: true, votes }
}

function isNumber(x: number | null | undefined): x is number {
  return typeof x === 'number'
}

/** True when a word carries a measured offset (real exports have words without one). */
export function isTimed(w: ApiWord): w is ApiWord & { offsetInSeconds: number } {
  return typeof w.offsetInSeconds === 'number'
}

/** A time in `unit` as integer milliseconds. */
export function unitToMs(value: number, unit: TimeUnit): number {
  if (unit === 'milliseconds') return Math.round(value)
  if (unit === 'ticks') return Math.round(value / 10_000)
  return Math.round(value * 1000)
}

/** Integer milliseconds in `unit` (seconds come out as a decimal number of seconds). */
export function msToUnit(ms: number, unit: TimeUnit): number {
  if (unit === 'milliseconds') return ms
  if (unit === 'ticks') return ms * 10_000
  return ms / 1000
}

/** Word seconds (offsetInSeconds/durationInSeconds) as integer milliseconds. */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1000)
}

/** Integer milliseconds as word seconds. */
export function msToSeconds(ms: number): number {
  return ms / 1000
}

/**
 * The scale of the word confidences (the ones the model keeps): 100 when any exceeds 1 (a
 * 0..100 scale), else 1. Ambiguous exports (every value 0 or 1) read as 0..1, which is what a
 * 0..1 writer would produce too. Segment confidences decide only when no word has one: "numeric
 * values are integers unless stated", so a segment's integer percentage beside 0..1 word
 * confidences must not turn 0.92 into 0.0092.
 */
export function detectConfidenceScale(exp: TranscriptExport): 1 | 100 {
  return atOnce(detectConfidenceScaleSteps(exp))
}

/** `detectConfidenceScale` pausing (yielding) every few segments, for a caller that works in slices. */
export function* detectConfidenceScaleSteps(exp: TranscriptExport): Generator<void, 1 | 100, void> {
  let wordSeen = false
  let segmentOver1 = false
  let seen = 0
  for (const seg of transcriptBody(exp).transcripts ?? []) {
    if (++seen % segmentsPerStep === 0) yield
    if ((seg.confidence ?? 0) > 1) segmentOver1 = true
    for (const list of [seg.displayWords, seg.originalWords]) {
      if (!list) continue
      for (const w of list) {
        if (w.confidence === null || w.confidence === undefined) continue
        if (w.confidence > 1) return 100
        wordSeen = true
      }
    }
  }
  return !wordSeen && segmentOver1 ? 100 : 1
}

/** A confidence from the export's scale to 0..1 (null stays null; out-of-range values are clamped). */
export function confidenceToUnit(value: number | null | undefined, scale: 1 | 100): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null
  return Math.min(1, Math.max(0, value / scale))
}

/** A 0..1 confidence back to the export's scale. */
export function confidenceFromUnit(value: number | null, scale: 1 | 100): number | null {
  if (value === null) return null
  return scale === 100 ? Math.round(value * 100 * 10000) / 10000 : value
}
