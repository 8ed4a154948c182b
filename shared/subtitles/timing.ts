import type { SubtitlePreset } from './presets'
import { frameFraction, msToFrame, frameToMs } from './presets'
import type { Cue } from './types'
import { notice, type Notice } from '../i18n/notices'

/*
 * Timing of drafted cues (docs/subtitles.md#timing): whole frames of the preset's rate, in at
 * the first word (or up to the lead-in earlier when reading time needs it), out when read and
 * spoken, short gaps chained, never an overlap; then the reviewer's nudges and locks, clamped
 * so no hard rule breaks (each clamp said in `notices`). The programme offset is added last.
 */

/** Reading time a text needs under the preset, in ms (+1 so frame rounding never undershoots). */
export function readingTimeMs(chars: number, words: number, preset: SubtitlePreset): number {
  const byChars = (chars * 1000) / preset.maxCharsPerSecond
  const byWords = preset.maxWordsPerMinute ? (words * 60_000) / preset.maxWordsPerMinute : 0
  return Math.ceil(Math.max(byChars, byWords)) + 1
}

/**
 * True when a cue of `durationMs` (as written, whole ms) with `chars` characters and `words`
 * words meets the soft rules QC checks on one cue (qc.ts: reading speed, words per minute,
 * minimum duration, with QC's own tolerances). The planner counts breaches by it.
 */
export function meetsSoftRules(durationMs: number, chars: number, words: number, preset: SubtitlePreset): boolean {
  if (durationMs <= 0) return false
  if ((chars * 1000) / durationMs > preset.maxCharsPerSecond + 0.05) return false
  if (preset.maxWordsPerMinute !== null && (words * 60_000) / durationMs > preset.maxWordsPerMinute + 0.5) return false
  return durationMs + 1 >= preset.minDurationMs
}

/** The fewest frames a cue needs to pass QC's soft rules (with a ms of rounding to spare). */
export function passFrames(chars: number, words: number, preset: SubtitlePreset, num: number, den: number): number {
  const ms = Math.max(preset.minDurationMs - 1, (chars * 1000) / (preset.maxCharsPerSecond + 0.05), preset.maxWordsPerMinute === null ? 0 : (words * 60_000) / (preset.maxWordsPerMinute + 0.5)) + 1
  return Math.max(1, Math.ceil((ms * den) / num - 1e-9))
}

/** A cue as the plan drafted it: lines, speakers, speech span, and the reviewer's time decisions. */
export interface DraftCue {
  readonly lines: string[]
  readonly lineSpeakers: (string | null)[]
  readonly kind: 'speech' | 'annotation'
  readonly speechStartMs: number
  readonly speechEndMs: number
  readonly wordCount: number
  /** Characters and words as QC counts them in the lines. */
  readonly chars: number
  readonly words: number
  /** Reviewer's nudges of the in and out time, ms (0: none). */
  readonly nudgeInMs: number
  readonly nudgeOutMs: number
  /** Times the reviewer locked the cue to, media ms; null when not locked. */
  readonly lock: { readonly startMs: number; readonly endMs: number } | null
}

/** Times for drafted cues, in frames, then ms with the programme offset. */
export function time(drafts: readonly DraftCue[], preset: SubtitlePreset, notices: Notice[] = [], followingStartMs = Infinity): Cue[] {
  const fps = preset.frameRate
  const { num, den } = frameFraction(fps)
  const msToFramesCeil = (ms: number): number => Math.ceil((ms * den) / num - 1e-9)
  const gap = preset.minGapFrames
  const minDur = msToFramesCeil(preset.minDurationMs)
  const maxDur = Math.floor((preset.maxDurationMs * den) / num)
  const closing = msToFramesCeil(preset.gapClosingMs)

  // Starts at the first word, kept strictly increasing with room for a gap (recognisers emit
  // the odd out-of-order word).
  // A locked cue starts where the reviewer put it.
  const starts = drafts.map((d) => msToFrame(d.lock ? d.lock.startMs : d.speechStartMs, fps))
  for (let k = 1; k < starts.length; k++) {
    const earliest = starts[k - 1] + 1 + gap
    if (starts[k] < earliest && drafts[k].lock) notices.push(notice('cut.lock-start-later', { cue: cueText(drafts[k]) }))
    starts[k] = Math.max(starts[k], earliest)
  }
  const frames = (ms: number): number => Math.round((ms * den) / num)
  // Cues whose out time the reviewer set (a lock or a nudge): nothing moves it afterwards.
  const fixedEnd = drafts.map((d) => d.lock !== null || d.nudgeOutMs !== 0)

  const ends: number[] = new Array(drafts.length)
  const needs: number[] = new Array(drafts.length)
  // The earliest frame each cue may still be pulled to, and cues whose start the reviewer set.
  const lowest: number[] = new Array(drafts.length)
  // What each cue keeps when a later one comes in early: enough to pass QC, or (already breaching
  // where it stands) one frame, as the planner assumed.
  const reserve: number[] = new Array(drafts.length).fill(1)
  const pinned = drafts.map((d) => d.lock !== null || d.nudgeInMs !== 0)
  // A cue came in at `start`: the cues before it make room, each keeping its need and the gap.
  const pullBefore = (k: number, start: number): void => {
    for (let m = k - 1, bound = start - gap; m >= 0; m--, bound = starts[m + 1] - gap) {
      if (ends[m] <= bound) return
      ends[m] = Math.max(bound, starts[m] + 1)
      if (fixedEnd[m] || pinned[m] || starts[m] + reserve[m] <= bound) return
      const pulled = Math.max(lowest[m], bound - reserve[m])
      if (pulled >= starts[m]) return
      starts[m] = pulled
      ends[m] = Math.max(bound, starts[m] + 1)
    }
  }
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k]
    let start = starts[k]
    const nextStart = k + 1 < drafts.length ? starts[k + 1] : followingStartMs === Infinity ? Infinity : msToFrame(followingStartMs, fps)
    const limit = nextStart - gap
    const need = Math.max(minDur, msToFramesCeil(readingTimeMs(d.chars, Math.max(d.wordCount, 1), preset)))
    needs[k] = need
    const spoken = Math.max(msToFrame(d.speechEndMs, fps), start + 1)
    let end = Math.min(Math.max(spoken, start + need), start + maxDur, limit)
    if (d.lock) {
      end = Math.max(start + 1, Math.min(msToFrame(d.lock.endMs, fps), limit))
      if (end !== msToFrame(d.lock.endMs, fps)) notices.push(notice('cut.lock-end-earlier', { cue: cueText(d) }))
      ends[k] = end
      lowest[k] = start
      continue
    }
    // Not enough room after the words: come in a little early, into silence or into the
    // slack of the cues before (each keeps its own reading time and minimum duration; they come
    // in earlier too where their own lead-in allows, so this one can).
    const lowestOwn = Math.min(start, Math.max(Math.ceil(((d.speechStartMs - preset.maxLeadInMs) * den) / num - 1e-9), 0))
    const previous = k === 0 ? 0 : fixedEnd[k - 1] ? ends[k - 1] + gap : lowest[k - 1] + reserve[k - 1] + gap
    const earliest = Math.max(lowestOwn, previous)
    if (end - start < need && start > 0) {
      const wanted = Math.max(Math.min(earliest, start), Math.min(start, end - need))
      if (wanted < start) {
        start = wanted
        starts[k] = start
        pullBefore(k, start)
      }
    }
    lowest[k] = Math.min(earliest, start)
    if (meetsSoftRules(frameToMs(end, fps) - frameToMs(start, fps), d.chars, d.words, preset)) reserve[k] = passFrames(d.chars, d.words, preset, num, den)
    if (d.nudgeInMs !== 0) {
      // The reviewer's in-time: after the previous cue (which keeps a frame and the gap), before our end.
      const floor = k > 0 ? (fixedEnd[k - 1] ? ends[k - 1] + gap : starts[k - 1] + 1 + gap) : 0
      const wanted = start + frames(d.nudgeInMs)
      const got = Math.min(Math.max(wanted, floor), end - 1)
      if (got !== wanted) notices.push(notice('cut.nudge-in-clamped', { cue: cueText(d), ms: Math.round(((got - start) * num) / den) }))
      start = got
      starts[k] = start
      lowest[k] = start
      if (k > 0 && ends[k - 1] > start - gap) ends[k - 1] = Math.max(start - gap, starts[k - 1] + 1)
    }
    if (d.nudgeOutMs !== 0) {
      const wanted = end + frames(d.nudgeOutMs)
      const got = Math.min(Math.max(wanted, start + 1), limit)
      if (got !== wanted) notices.push(notice('cut.nudge-out-clamped', { cue: cueText(d), ms: Math.round(((got - end) * num) / den) }))
      ends[k] = got
      continue
    }
    // Chain across short gaps (flicker is worse than a slightly long cue), within the maximum.
    if (nextStart !== Infinity && nextStart - end < closing && limit - start <= maxDur) end = Math.max(end, limit)
    ends[k] = Math.max(end, start + 1)
  }
  // A cue that came in early may have brought a gap under the threshold that was not there when
  // the cue before it was timed: chain across it too (within the maximum duration).
  for (let k = 1; k < drafts.length; k++) {
    const limit = starts[k] - gap
    if (!fixedEnd[k - 1] && limit > ends[k - 1] && starts[k] - ends[k - 1] < closing && limit - starts[k - 1] <= maxDur) ends[k - 1] = limit
  }
  return drafts.map((d, k) => ({
    startMs: frameToMs(starts[k], fps) + preset.startOffsetMs,
    endMs: frameToMs(ends[k], fps) + preset.startOffsetMs,
    lines: d.lines,
    lineSpeakers: d.lineSpeakers,
    kind: d.kind,
    speechStartMs: d.speechStartMs,
    speechEndMs: d.speechEndMs,
    wordCount: d.wordCount
  }))
}

/** A cue named for people by its first words (a notice quotes it). */
function cueText(d: DraftCue): string {
  const text = d.lines.join(' ')
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}
