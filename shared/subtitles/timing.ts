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

/** A notice about one cue, kept with the cue's index so a later pass can splice them. */
export interface CueNotice {
  readonly cue: number
  readonly notice: Notice
}

/**
 * What a timing pass keeps, per cue, so the next one can redo only the cues whose inputs changed
 * (timing-local.ts): the starts after the ordering pre-pass, the times after the main loop and
 * after the chaining pass, what the loop carries from a cue to the next (lowest, reserve), the
 * lowest cue each loop step moved (`reach`, and its suffix minimum), and the notices by cue.
 */
export interface TimingState {
  readonly drafts: readonly DraftCue[]
  readonly pre: Float64Array
  readonly starts: Float64Array
  readonly loopEnds: Float64Array
  readonly ends: Float64Array
  readonly lowest: Float64Array
  readonly reserve: Float64Array
  readonly reach: Int32Array
  readonly minReach: Int32Array
  readonly preNotices: readonly CueNotice[]
  readonly loopNotices: readonly CueNotice[]
  readonly cues: readonly Cue[]
}

/** The preset's timing figures in frames, and the helpers every step uses. */
export interface TimingRules {
  readonly preset: SubtitlePreset
  readonly num: number
  readonly den: number
  readonly gap: number
  readonly minDur: number
  readonly maxDur: number
  readonly closing: number
}

/** The timing figures of `preset`. */
export function timingRules(preset: SubtitlePreset): TimingRules {
  const { num, den } = frameFraction(preset.frameRate)
  const ceil = (ms: number): number => Math.ceil((ms * den) / num - 1e-9)
  return { preset, num, den, gap: preset.minGapFrames, minDur: ceil(preset.minDurationMs), maxDur: Math.floor((preset.maxDurationMs * den) / num), closing: ceil(preset.gapClosingMs) }
}

const fixedEndOf = (d: DraftCue): boolean => d.lock !== null || d.nudgeOutMs !== 0
const pinnedOf = (d: DraftCue): boolean => d.lock !== null || d.nudgeInMs !== 0

/**
 * Pre-pass step: cue `k` starts at its first word (a locked cue where the reviewer put it), kept
 * strictly after the cue before with room for a gap (recognisers emit the odd out-of-order word).
 */
export function preStart(rules: TimingRules, drafts: readonly DraftCue[], k: number, previousPre: number, notices: CueNotice[]): number {
  const d = drafts[k]
  const own = msToFrame(d.lock ? d.lock.startMs : d.speechStartMs, rules.preset.frameRate)
  if (k === 0) return own
  const earliest = previousPre + 1 + rules.gap
  if (own < earliest && d.lock) notices.push({ cue: k, notice: notice('cut.lock-start-later', { cue: cueText(d) }) })
  return Math.max(own, earliest)
}

/** The main loop's working arrays (starts hold the pre-pass starts from the step's cue on). */
export interface TimingWork {
  readonly drafts: readonly DraftCue[]
  readonly starts: Float64Array
  readonly ends: Float64Array
  readonly lowest: Float64Array
  readonly reserve: Float64Array
  readonly reach: Int32Array
  readonly notices: CueNotice[]
  readonly followingStartMs: number
}

/** Main-loop step for cue `k`: its in and out times, pulling the cues before it back when it comes in early. */
export function loopStep(rules: TimingRules, w: TimingWork, k: number): void {
  const { preset, num, den, gap, minDur, maxDur, closing } = rules
  const fps = preset.frameRate
  const { drafts, starts, ends, lowest, reserve, reach } = w
  const d = drafts[k]
  const frames = (ms: number): number => Math.round((ms * den) / num)
  reach[k] = k
  // A cue came in at `start`: the cues before it make room, each keeping its need and the gap.
  const pullBefore = (start: number): void => {
    for (let m = k - 1, bound = start - gap; m >= 0; m--, bound = starts[m + 1] - gap) {
      if (ends[m] <= bound) return
      reach[k] = m
      ends[m] = Math.max(bound, starts[m] + 1)
      if (fixedEndOf(drafts[m]) || pinnedOf(drafts[m]) || starts[m] + reserve[m] <= bound) return
      const pulled = Math.max(lowest[m], bound - reserve[m])
      if (pulled >= starts[m]) return
      starts[m] = pulled
      ends[m] = Math.max(bound, starts[m] + 1)
    }
  }
  let start = starts[k]
  const nextStart = k + 1 < drafts.length ? starts[k + 1] : w.followingStartMs === Infinity ? Infinity : msToFrame(w.followingStartMs, fps)
  const limit = nextStart - gap
  const need = Math.max(minDur, Math.ceil((readingTimeMs(d.chars, Math.max(d.wordCount, 1), preset) * den) / num - 1e-9))
  const spoken = Math.max(msToFrame(d.speechEndMs, fps), start + 1)
  let end = Math.min(Math.max(spoken, start + need), start + maxDur, limit)
  reserve[k] = 1
  if (d.lock) {
    end = Math.max(start + 1, Math.min(msToFrame(d.lock.endMs, fps), limit))
    if (end !== msToFrame(d.lock.endMs, fps)) w.notices.push({ cue: k, notice: notice('cut.lock-end-earlier', { cue: cueText(d) }) })
    ends[k] = end
    lowest[k] = start
    return
  }
  // Not enough room after the words: come in a little early, into silence or into the
  // slack of the cues before (each keeps its own reading time and minimum duration; they come
  // in earlier too where their own lead-in allows, so this one can).
  const lowestOwn = Math.min(start, Math.max(Math.ceil(((d.speechStartMs - preset.maxLeadInMs) * den) / num - 1e-9), 0))
  const previous = k === 0 ? 0 : fixedEndOf(drafts[k - 1]) ? ends[k - 1] + gap : lowest[k - 1] + reserve[k - 1] + gap
  const earliest = Math.max(lowestOwn, previous)
  if (end - start < need && start > 0) {
    const wanted = Math.max(Math.min(earliest, start), Math.min(start, end - need))
    if (wanted < start) {
      start = wanted
      starts[k] = start
      pullBefore(start)
    }
  }
  lowest[k] = Math.min(earliest, start)
  // What this cue keeps when a later one comes in early: enough to pass QC, or (already breaching
  // where it stands) one frame, as the planner assumed.
  if (meetsSoftRules(frameToMs(end, fps) - frameToMs(start, fps), d.chars, d.words, preset)) reserve[k] = passFrames(d.chars, d.words, preset, num, den)
  if (d.nudgeInMs !== 0) {
    // The reviewer's in-time: after the previous cue (which keeps a frame and the gap), before our end.
    const floor = k > 0 ? (fixedEndOf(drafts[k - 1]) ? ends[k - 1] + gap : starts[k - 1] + 1 + gap) : 0
    const wanted = start + frames(d.nudgeInMs)
    const got = Math.min(Math.max(wanted, floor), end - 1)
    if (got !== wanted) w.notices.push({ cue: k, notice: notice('cut.nudge-in-clamped', { cue: cueText(d), ms: Math.round(((got - start) * num) / den) }) })
    start = got
    starts[k] = start
    lowest[k] = start
    if (k > 0 && ends[k - 1] > start - gap) {
      ends[k - 1] = Math.max(start - gap, starts[k - 1] + 1)
      reach[k] = Math.min(reach[k], k - 1)
    }
  }
  if (d.nudgeOutMs !== 0) {
    const wanted = end + frames(d.nudgeOutMs)
    const got = Math.min(Math.max(wanted, start + 1), limit)
    if (got !== wanted) w.notices.push({ cue: k, notice: notice('cut.nudge-out-clamped', { cue: cueText(d), ms: Math.round(((got - end) * num) / den) }) })
    ends[k] = got
    return
  }
  // Chain across short gaps (flicker is worse than a slightly long cue), within the maximum.
  if (nextStart !== Infinity && nextStart - end < closing && limit - start <= maxDur) end = Math.max(end, limit)
  ends[k] = Math.max(end, start + 1)
}

/**
 * Chaining step for the pair (k - 1, k): a cue that came in early may have brought a gap under the
 * threshold that was not there when the cue before it was timed: chain across it too (within
 * the maximum duration). The out time of cue k - 1 after the loop's `loopEnd`.
 */
export function chainedEnd(rules: TimingRules, drafts: readonly DraftCue[], starts: Float64Array, loopEnd: number, k: number): number {
  const limit = starts[k] - rules.gap
  if (!fixedEndOf(drafts[k - 1]) && limit > loopEnd && starts[k] - loopEnd < rules.closing && limit - starts[k - 1] <= rules.maxDur) return limit
  return loopEnd
}

/** Cue `k` as written: frames to ms with the programme offset. */
export function cueAt(rules: TimingRules, d: DraftCue, start: number, end: number): Cue {
  const { frameRate, startOffsetMs } = rules.preset
  return { startMs: frameToMs(start, frameRate) + startOffsetMs, endMs: frameToMs(end, frameRate) + startOffsetMs, lines: d.lines, lineSpeakers: d.lineSpeakers, kind: d.kind, speechStartMs: d.speechStartMs, speechEndMs: d.speechEndMs, wordCount: d.wordCount }
}

/** Fills `minReach[k]` = the least of `reach[k..]`, for k below `from` (`minReach[from]` already set, unless from is the length). */
export function suffixMin(reach: Int32Array, minReach: Int32Array, from: number): void {
  for (let k = from - 1; k >= 0; k--) minReach[k] = k + 1 < reach.length ? Math.min(reach[k], minReach[k + 1]) : reach[k]
}

/** The whole timing pass, and the state a later pass re-times from (timing-local.ts). */
export function timeWithState(drafts: readonly DraftCue[], preset: SubtitlePreset, notices: Notice[] = [], followingStartMs = Infinity): { cues: Cue[]; state: TimingState } {
  const rules = timingRules(preset)
  const n = drafts.length
  const preNotices: CueNotice[] = []
  const pre = new Float64Array(n)
  for (let k = 0; k < n; k++) pre[k] = preStart(rules, drafts, k, k > 0 ? pre[k - 1] : 0, preNotices)
  const w: TimingWork = { drafts, starts: pre.slice(), ends: new Float64Array(n), lowest: new Float64Array(n), reserve: new Float64Array(n), reach: new Int32Array(n), notices: [], followingStartMs }
  for (let k = 0; k < n; k++) loopStep(rules, w, k)
  const ends = w.ends.slice()
  for (let k = 1; k < n; k++) ends[k - 1] = chainedEnd(rules, drafts, w.starts, w.ends[k - 1], k)
  const minReach = new Int32Array(n)
  suffixMin(w.reach, minReach, n)
  for (const x of preNotices) notices.push(x.notice)
  for (const x of w.notices) notices.push(x.notice)
  const cues = drafts.map((d, k) => cueAt(rules, d, w.starts[k], ends[k]))
  return { cues, state: { drafts, pre, starts: w.starts, loopEnds: w.ends, ends, lowest: w.lowest, reserve: w.reserve, reach: w.reach, minReach, preNotices, loopNotices: w.notices, cues } }
}

/** Times for drafted cues, in frames, then ms with the programme offset. */
export function time(drafts: readonly DraftCue[], preset: SubtitlePreset, notices: Notice[] = [], followingStartMs = Infinity): Cue[] {
  return timeWithState(drafts, preset, notices, followingStartMs).cues
}

/** A cue named for people by its first words (a notice quotes it). */
function cueText(d: DraftCue): string {
  const text = d.lines.join(' ')
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}
