import type { ApiAnnotation, ApiTranscriptSegment, ApiWord, TranscriptExport } from '../api/transcript-export'
import { transcriptBody, transcriptShape } from '../api/transcript-export'
import { formatClockMs } from '../time'
import { wordsMaxEnd } from './internal'
import type { Annotation, NormaliseIssue, Segment, Speaker, TimeUnit, TranscriptModel, Word } from './model'
import { measuredMs, reconcileWords } from './reconcile-words'
import { listedSpeakers, noSpeakerId, resolveSpeakers } from './speakers-from-export'
import { clampTimeMs, maxTimeMs, segmentTimesOutOfRange, timeLimitMs } from './time-range'
import { detectConfidenceScale, detectConfidenceScaleSteps, detectTimeUnit, detectTimeUnitSteps, isTimed, unitToMs } from './units'

/*
 * The API export → the editing model (docs/api.md#what-the-app-tolerates). Never throws on schema-valid input:
 * every oddity real exports contain gets a repair and an entry in `issues`.
 *
 * displayText is what people reviewed, so it decides the words; displayWords only lend their
 * timings to the tokens they align with (reconcile-words.ts). The speaker list is built in
 * speakers-from-export.ts.
 *
 * Ids are deterministic: segment `s<i>` and word `s<i>w<j>` by position in the export; edits
 * allocate `e<n>` from the model's counter.
 *
 * Missing pieces (docs/api.md#what-the-app-tolerates: nullable or missing fields all occur in real exports):
 * no transcript at all (null/missing: an empty model with a 'no-transcript' notice) or a bare
 * array of segments (see `transcriptBody`); a word without an offset (kept, time interpolated
 * between its timed neighbours, `estimated`); a word with an offset but no duration (lasts until
 * the next word or the segment end, at most estimatedWordMaxMs, `estimated`); a segment without start/end (from its timed words,
 * else its neighbours); a speaker entry without a speakerId (not a model speaker: nothing can
 * refer to it; to-export.ts writes it back); an annotation without start/end (placed at the time
 * it has, or at 0). Each is reported in `issues`; the export of anything unedited stays verbatim.
 */

export { noSpeakerId } from './speakers-from-export'
export { durationMissing, estimatedWordMaxMs, measuredMs, reconcileWords } from './reconcile-words'

/** Makes word starts non-decreasing and every end at or after its start (estimated when moved). */
function orderWords(words: Word[]): { words: Word[]; moved: boolean } {
  let moved = false
  let prevStart = -Infinity
  for (let k = 0; k < words.length; k++) {
    const w = words[k]
    const startMs = Math.max(w.startMs, prevStart)
    const endMs = Math.max(w.endMs, startMs)
    if (startMs !== w.startMs || endMs !== w.endMs) {
      words[k] = { ...w, startMs, endMs, estimated: true }
      moved = true
    }
    prevStart = startMs
  }
  return { words, moved }
}

/** Moves words to start at or after `minStart` (a repaired overlap), keeping their order. */
function pushWordsAfter(words: readonly Word[], minStart: number): Word[] {
  return words.map((w) => {
    if (w.startMs >= minStart) return w
    return { ...w, startMs: minStart, endMs: Math.max(w.endMs, minStart), estimated: true }
  })
}

/**
 * The words that time a segment. Empty displayWords (real exports have them) borrow their
 * timings from the recogniser's originalWords when those exist: displayText is aligned to them
 * exactly as it would be to displayWords, so only words the reviewer changed end up estimated.
 */
function timingWords(src: ApiTranscriptSegment): readonly ApiWord[] | null | undefined {
  return src.displayWords?.length ? src.displayWords : src.originalWords
}

/** A segment's start/end in ms as far as the segment itself tells (its fields, else its timed words). */
interface Bounds {
  startMs: number | null
  endMs: number | null
  /** What supplied a missing start or end, for the notice. */
  from: 'fields' | 'duration' | 'words' | 'neighbours'
}

function ownBounds(src: ApiTranscriptSegment, unit: TimeUnit, limitMs: number): Bounds {
  const toMs = (v: number | null | undefined) => (typeof v === 'number' ? clampTimeMs(unitToMs(v, unit), limitMs) : null)
  let startMs = toMs(src.start)
  let endMs = toMs(src.end)
  if (startMs !== null && endMs !== null) return { startMs, endMs, from: 'fields' }
  const durMs = toMs(src.duration)
  // One edge and the duration give the other (duration is in the same unit as start/end).
  if (durMs !== null && durMs >= 0) {
    if (startMs === null && endMs !== null) return { startMs: clampTimeMs(endMs - durMs, limitMs), endMs, from: 'duration' }
    if (endMs === null && startMs !== null) return { startMs, endMs: clampTimeMs(startMs + durMs, limitMs), from: 'duration' }
  }
  const timedWords = (timingWords(src) ?? []).filter(isTimed).map((w) => measuredMs(w, limitMs))
  if (timedWords.length > 0) {
    startMs ??= Math.min(...timedWords.map((w) => w.startMs))
    endMs ??= Math.max(startMs, ...timedWords.map((w) => w.endMs))
    return { startMs, endMs, from: 'words' }
  }
  return { startMs, endMs, from: 'neighbours' }
}

/** A segment's start/end once the neighbours have filled what it lacked. */
type ResolvedBounds = { startMs: number; endMs: number; from: Bounds['from'] }

/**
 * Start/end for every segment: its own (fields, else timed words); what is still missing comes
 * from the neighbours in export order: a start from the end of the segment before (0 for the
 * first), an end from the start of the segment after (the recording's end, or the start, for the
 * last). A segment placed so gets a zero or short span; its words are spread across it.
 * Segment k's bounds need only segments 0..k+1, so they are worked out as the segments are
 * normalised (`at(k)`, k rising), with no pass over the whole export before the first screen.
 */
function boundsResolver(segments: readonly ApiTranscriptSegment[], unit: TimeUnit, totalMs: number, limitMs: number): (k: number) => ResolvedBounds {
  const own: Bounds[] = []
  const starts: number[] = []
  const ownAt = (k: number): Bounds => (own[k] ??= ownBounds(segments[k], unit, limitMs))
  const startAt = (k: number): number => {
    while (starts.length <= k) {
      const j = starts.length
      const prev = j > 0 ? (ownAt(j - 1).endMs ?? starts[j - 1]) : 0
      const o = ownAt(j)
      starts.push(o.startMs ?? Math.min(prev, o.endMs ?? prev))
    }
    return starts[k]
  }
  return (k) => {
    const startMs = startAt(k)
    const next = k + 1 < segments.length ? startAt(k + 1) : totalMs
    const o = ownAt(k)
    return { startMs, endMs: o.endMs ?? Math.max(startMs, next), from: o.from }
  }
}

/** What `normaliseSegment` needs besides the segment: its place, its bounds and the export-wide settings. */
interface SegmentContext {
  readonly index: number
  readonly bounds: ResolvedBounds
  readonly scale: 1 | 100
  readonly limitMs: number
  /** Repairs are reported here. */
  readonly issues: NormaliseIssue[]
}

function normaliseSegment(src: ApiTranscriptSegment, { index, bounds, scale, limitMs, issues }: SegmentContext): Segment {
  const id = `s${index}`
  let startMs = bounds.startMs
  let endMs = bounds.endMs
  if (endMs < startMs) endMs = startMs
  if (bounds.from !== 'fields') {
    const how = bounds.from === 'duration' ? 'by its duration' : bounds.from === 'words' ? 'by its words' : 'between the segments around it'
    issues.push({ kind: 'segment-time-missing', message: `Segment ${index + 1} has no start or end time; it was placed ${how}.`, segmentId: id })
  }
  const timedWords = timingWords(src)
  const rec = reconcileWords({ displayText: src.displayText, displayWords: timedWords, segStartMs: startMs, segEndMs: endMs, scale, idPrefix: `${id}w`, textWords: src.displayWords, limitMs })
  const hasText = rec.words.length > 0
  const measured = timedWords?.filter(isTimed).length ?? 0
  if (measured === 0 && hasText) {
    issues.push({ kind: 'words-missing', message: `Segment ${index + 1} has text but no timed words; word times were estimated.`, segmentId: id })
  } else if (rec.mismatch) {
    issues.push({ kind: 'words-mismatch', message: `Segment ${index + 1}: the text and its timed words disagree; the text was kept.`, segmentId: id })
  }
  if (measured > 0 && measured < (timedWords?.length ?? 0)) {
    issues.push({ kind: 'word-time-missing', message: `Segment ${index + 1}: some words have no time; their times were estimated from the words around them.`, segmentId: id })
  }
  const { words } = orderWords(rec.words)
  if (words.length > 0) {
    const first = words[0].startMs
    const last = wordsMaxEnd(words)!
    if (first < startMs || last > endMs) {
      issues.push({ kind: 'word-outside-segment', message: `Segment ${index + 1}: words lie outside its start/end; the segment was widened to hold them.`, segmentId: id })
      startMs = Math.min(startMs, first)
      endMs = Math.max(endMs, last)
    }
  }
  return { id, speakerId: src.speakerId ?? noSpeakerId, startMs, endMs, words, reviewed: false, source: src }
}

/** Sorts by start (stable) and repairs overlaps so each segment ends at or before the next starts. */
function repairOrder(segments: Segment[], issues: NormaliseIssue[]): Segment[] {
  let sorted = true
  for (let k = 1; k < segments.length; k++) if (segments[k].startMs < segments[k - 1].startMs) sorted = false
  if (!sorted) {
    issues.push({ kind: 'segments-unsorted', message: 'Segments were out of time order and have been sorted.' })
    segments = segments.map((s, k) => ({ s, k })).sort((x, y) => x.s.startMs - y.s.startMs || x.k - y.k).map((x) => x.s)
  }
  for (let k = 1; k < segments.length; k++) {
    const prev = segments[k - 1]
    const cur = segments[k]
    if (cur.startMs >= prev.endMs) continue
    const prevWordsEnd = wordsMaxEnd(prev.words) ?? prev.startMs
    if (prevWordsEnd <= cur.startMs) {
      segments[k - 1] = { ...prev, endMs: cur.startMs }
    } else {
      // The earlier segment's words run into this one: the boundary goes after them.
      segments[k - 1] = { ...prev, endMs: prevWordsEnd }
      const words = pushWordsAfter(cur.words, prevWordsEnd)
      const endMs = Math.max(cur.endMs, prevWordsEnd, wordsMaxEnd(words) ?? prevWordsEnd)
      segments[k] = { ...cur, startMs: prevWordsEnd, endMs, words }
    }
    issues.push({ kind: 'segment-overlap', message: `Two segments overlapped at ${formatClockMs(cur.startMs)}; the boundary was moved.`, segmentId: cur.id })
  }
  return segments
}

function normaliseAnnotation(src: ApiAnnotation, index: number, unit: TimeUnit, durationMs: number, issues: NormaliseIssue[]): Annotation {
  // A missing edge is the other one (a point in time); with neither, the note is still shown,
  // at the start of the recording, for the reviewer to move. Unedited, it is written back as loaded.
  const start = src.start ?? src.end
  const end = src.end ?? src.start
  if (typeof src.start !== 'number' || typeof src.end !== 'number') {
    const where = typeof start === 'number' ? 'at the time it has' : 'at the start of the recording'
    issues.push({ kind: 'annotation-time-missing', message: `Annotation ${index + 1} has no start or end time; it was placed ${where}.`, params: { n: index + 1, placed: typeof start === 'number' ? 'time' : 'start' } })
  }
  const rawStart = typeof start === 'number' ? unitToMs(start, unit) : 0
  const rawEnd = typeof end === 'number' ? unitToMs(end, unit) : 0
  const limit = durationMs > 0 ? durationMs : maxTimeMs
  let startMs = Math.min(Math.max(0, Math.min(rawStart, rawEnd)), limit)
  let endMs = Math.min(Math.max(0, Math.max(rawStart, rawEnd)), limit)
  if (endMs < startMs) endMs = startMs
  if (startMs !== rawStart || endMs !== rawEnd) {
    issues.push({ kind: 'annotation-clamped', message: `Annotation ${index + 1} lay outside the recording (or ended before it started) and was clamped.`, params: { n: index + 1 } })
  }
  startMs = Math.round(startMs)
  endMs = Math.round(endMs)
  return { id: src.uniqueId ?? `a${index}`, content: src.content ?? '', startMs, endMs, source: src }
}

/** The API export as the editing model (see the file comment). */
export function normaliseTranscript(exp: TranscriptExport): TranscriptModel {
  const steps = normaliseTranscriptSteps(exp)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * The first rows of a long task, normalised before the rest (renderer/src/lib/normalise-in-slices.ts
 * paints them first): the first `count` segments as the whole model will have them when the
 * export is in time order (they are repaired among themselves only), the speakers they name, and
 * how many segments there are in all. For showing only: nothing edits a preview.
 */
export interface NormalisePreview {
  readonly segments: readonly Segment[]
  readonly speakers: readonly Speaker[]
  /** Segments in the whole export. */
  readonly total: number
  /** For each segment not in the preview, how many words time it (to estimate the rows still to come). */
  readonly pendingWords: readonly number[]
}

/**
 * Asks `normaliseTranscriptSteps` for a preview of the first `count` segments, handed to `take`
 * as soon as they are normalised; `take(null)` before the first pause when there will be none
 * (the segment starts are out of order).
 */
export interface PreviewRequest {
  readonly count: number
  readonly take: (preview: NormalisePreview | null) => void
}

/** True when every segment has a numeric start and the starts never go back (the model keeps export order then). */
function startsInOrder(segments: readonly ApiTranscriptSegment[]): boolean {
  let prev = -Infinity
  for (const s of segments) {
    if (typeof s.start !== 'number' || !(s.start >= prev)) return false
    prev = s.start
  }
  return true
}

function previewOf(raw: readonly Segment[], done: number, count: number, listed: readonly Speaker[], srcSegments: readonly ApiTranscriptSegment[]): NormalisePreview {
  // Repaired and given speakers on a copy, with its own issues: the model's own passes run later over every segment.
  const scratch: NormaliseIssue[] = []
  const { segments, speakers } = resolveSpeakers(repairOrder(raw.slice(0, done), scratch), listed, scratch)
  const shown = Math.min(count, done)
  const pendingWords = new Array<number>(srcSegments.length - shown)
  for (let k = shown; k < srcSegments.length; k++) pendingWords[k - shown] = timingWords(srcSegments[k])?.length ?? 0
  return { segments: segments.slice(0, shown), speakers, total: srcSegments.length, pendingWords }
}

/**
 * `normaliseTranscript` in steps: it pauses (yields) after each segment and between its
 * whole-export passes, so a caller can hand the thread back to the page between slices and a
 * 6-hour task never opens as one long task (renderer/src/lib/normalise-in-slices.ts). The
 * result is the same model. Nothing before the first segment walks every word (bounds and
 * out-of-range times are worked out segment by segment), so a `preview` of the first rows comes
 * after a few ms, whatever the task's length. No preview when the export's segment starts are
 * not in order (the whole model may then open with other rows first).
 */
export function* normaliseTranscriptSteps(exp: TranscriptExport, preview?: PreviewRequest): Generator<void, TranscriptModel, void> {
  // The notices keep the order they always had: the export's shape, the unit, the speaker list,
  // out-of-range times, then each segment's; they are put together once the segments are done.
  const head: NormaliseIssue[] = []
  const body = transcriptBody(exp)
  const shape = transcriptShape(exp)
  // An object with no segments is the same "not transcribed yet" to the reviewer (and needs the same way in).
  if (shape === 'null' || shape === 'missing' || !body.transcripts?.length) {
    head.push({ kind: 'no-transcript', message: 'This task has no transcript yet. You can listen to the recording and add segments, speakers and annotations.' })
  }
  if (shape === 'flat') {
    head.push({ kind: 'transcript-flat', message: 'The transcript came as a bare list of segments, with no speaker list or annotations; the segments were read as the transcript.' })
  }
  const speakerIssues: NormaliseIssue[] = []
  const listed = listedSpeakers(body.speakers ?? [], speakerIssues)

  const totalMs = exp.totalTimeInSeconds && exp.totalTimeInSeconds > 0 ? Math.round(exp.totalTimeInSeconds * 1000) : 0
  const srcSegments = body.transcripts ?? []
  // Times outside [0, limit] cannot be played or written (a negative cue, "2.777e+296:40:16"):
  // they are clamped here, once, so the editor, QC and every writer see the same times. Counted
  // segment by segment below; the notice goes ahead of the segments' own.
  const limitMs = timeLimitMs(totalMs)
  // The preview's rows and the one after them (an overlap with it moves their last end).
  const previewAfter = preview && startsInOrder(srcSegments) ? Math.min(preview.count + 1, srcSegments.length) : -1
  if (preview && previewAfter < 0) preview.take(null)

  /** The segments normalised so far under one unit and confidence scale. */
  const pass = (unit: TimeUnit, scale: 1 | 100) => {
    const boundsAt = boundsResolver(srcSegments, unit, totalMs, limitMs)
    const state = { unit, scale, raw: new Array<Segment>(srcSegments.length), done: 0, outside: 0, issues: [] as NormaliseIssue[] }
    const next = (): void => {
      const index = state.done++
      state.outside += segmentTimesOutOfRange(srcSegments[index], unit, limitMs)
      state.raw[index] = normaliseSegment(srcSegments[index], { index, bounds: boundsAt(index), scale, limitMs, issues: state.issues })
    }
    return { state, next }
  }
  let work: ReturnType<typeof pass> | null = null
  if (previewAfter > 0) {
    // The first rows need only their own unit and scale (each a walk over every word of the
    // export otherwise): read from them, then checked against the whole export below.
    const first = { ...exp, transcript: shape === 'flat' ? srcSegments.slice(0, previewAfter) : { ...body, transcripts: srcSegments.slice(0, previewAfter) } }
    work = pass(detectTimeUnit(first).unit, detectConfidenceScale(first))
    while (work.state.done < previewAfter) work.next()
    preview!.take(previewOf(work.state.raw, previewAfter, preview!.count, listed, srcSegments))
  }
  yield
  // Both walk every word of the export: paused every few segments too.
  const detection = yield* detectTimeUnitSteps(exp)
  yield
  const scale = yield* detectConfidenceScaleSteps(exp)
  yield
  // The whole export says otherwise (a unit or scale the first rows did not show): start again.
  if (!work || work.state.unit !== detection.unit || work.state.scale !== scale) work = pass(detection.unit, scale)
  while (work.state.done < srcSegments.length) {
    work.next()
    yield
  }
  const { raw, outside, unit } = work.state
  const issues: NormaliseIssue[] = head
  if (!detection.confident && srcSegments.length > 0) {
    issues.push({ kind: 'unit-guessed', message: `No timed words to tell the unit of segment times from; ${unit} assumed.` })
  }
  issues.push(...speakerIssues)
  if (outside > 0) {
    issues.push({ kind: 'time-out-of-range', message: `${outside === 1 ? 'One time lay' : `${outside} times lay`} outside the recording (before 0 or after ${formatClockMs(limitMs)}) and ${outside === 1 ? 'was' : 'were'} moved to its edge.` })
  }
  for (const issue of work.state.issues) issues.push(issue)
  yield
  const ordered = repairOrder(raw, issues)
  yield
  const { segments, speakers } = resolveSpeakers(ordered, listed, issues)
  yield

  const lastEnd = segments.reduce((max, s) => Math.max(max, s.endMs), 0)
  const durationMs = Math.max(totalMs, lastEnd)
  const annotationIds = new Set<string>()
  const annotations = (body.annotations ?? []).map((a, index) => {
    const annotation = normaliseAnnotation(a, index, unit, totalMs > 0 ? durationMs : 0, issues)
    // Edits address annotations by id, so a missing or repeated uniqueId gets a stand-in.
    const id = annotationIds.has(annotation.id) ? `${annotation.id}#${index}` : annotation.id
    annotationIds.add(id)
    return id === annotation.id ? annotation : { ...annotation, id }
  })

  return {
    taskId: exp.taskId,
    source: exp,
    timeUnit: unit,
    confidenceScale: scale,
    durationMs,
    segments,
    speakers,
    annotations,
    issues,
    nextId: 1
  }
}
