import type { ApiWord } from '../api/transcript-export'
import { allocateIds, badRequest, estimatedWords, interpolateTimes, segmentIndex, spliceSegments, wordsMaxEnd } from './internal'
import type { Segment, TranscriptModel, Word } from './model'
import { tokenize, wordsText } from './text'
import { mergedReviewMarks } from './edit-review'
import { secondsToMs } from './units'

/*
 * Text edits: replace any range of text, split, merge, insert and delete segments.
 *
 * Every edit is a pure function (model in, new model out) that shares untouched segments and
 * words by reference; an invalid request throws AppError('bad_request') with a message a person
 * can act on. Positions are character offsets into a segment's text (its words joined by single
 * spaces, see text.ts).
 */

/** A caret position: a character offset into one segment's text. */
export interface TextPosition {
  readonly segmentId: string
  readonly offset: number
}

/** The recogniser's words of a segment (its own override after a split/merge, else its source's). */
export function originalWordsOf(seg: Segment): readonly ApiWord[] | null {
  if (seg.originalWords !== undefined) return seg.originalWords
  return seg.source?.originalWords ?? null
}

function concatOriginal(segs: readonly Segment[]): readonly ApiWord[] | null {
  const lists = segs.map(originalWordsOf)
  if (lists.every((l) => l === null)) return null
  return lists.flatMap((l) => l ?? [])
}

/**
 * Replaces the text between two caret positions with `text`. Words wholly outside the changed
 * range keep their identity and times; words the change touches are replaced by the new
 * tokens, timed inside the span the old ones occupied (or the gap they are typed into) and
 * marked estimated. A range across segments merges them into the first (like deleting a
 * paragraph break). Replacing with identical text returns the same model.
 */
export function replaceText(model: TranscriptModel, from: TextPosition, to: TextPosition, text: string): TranscriptModel {
  const iFrom = segmentIndex(model, from.segmentId)
  const iTo = segmentIndex(model, to.segmentId)
  if (iTo < iFrom) badRequest('The end of the range is before its start.')
  const segs = model.segments.slice(iFrom, iTo + 1)

  // The combined text of the range's segments, joined by one space, with each word's place in it.
  const words: Word[] = []
  const starts: number[] = []
  let base = 0
  const bases: number[] = []
  for (const seg of segs) {
    bases.push(base)
    let pos = base
    for (const w of seg.words) {
      words.push(w)
      starts.push(pos)
      pos += w.text.length + 1
    }
    base += wordsText(seg.words).length + 1
  }
  const combined = segs.map((s) => wordsText(s.words)).join(' ')
  const fromLen = wordsText(segs[0].words).length
  const toLen = wordsText(segs[segs.length - 1].words).length
  if (from.offset < 0 || from.offset > fromLen || to.offset < 0 || to.offset > toLen) badRequest('The caret position is outside the segment text.')
  const a = bases[0] + from.offset
  const b = bases[bases.length - 1] + to.offset
  if (b < a) badRequest('The end of the range is before its start.')

  const next = combined.slice(0, a) + text + combined.slice(b)
  const tokens = tokenize(next)

  // Untouched prefix: same text and wholly before the change. Untouched suffix: the same, after it.
  let p = 0
  while (p < words.length && p < tokens.length && words[p].text === tokens[p].text && starts[p] + words[p].text.length <= a) p++
  let s = 0
  const shift = text.length - (b - a)
  while (
    s < words.length - p &&
    s < tokens.length - p &&
    words[words.length - 1 - s].text === tokens[tokens.length - 1 - s].text &&
    starts[words.length - 1 - s] >= b &&
    tokens[tokens.length - 1 - s].start === starts[words.length - 1 - s] + shift
  )
    s++
  const oldMid = words.slice(p, words.length - s)
  const newMid = tokens.slice(p, tokens.length - s).map((t) => t.text)
  if (oldMid.length === 0 && newMid.length === 0 && segs.length === 1) return model

  let nextId = model.nextId ?? 1
  let made: Word[]
  if (oldMid.length === newMid.length) {
    // One-for-one corrections keep each word's own measured span and its id.
    made = oldMid.map((w, k) => (w.text === newMid[k] ? w : { ...w, text: newMid[k], confidence: null, estimated: true, typed: true }))
    if (segs.length === 1 && made.every((w, k) => w === oldMid[k])) return model
  } else {
    let spanStart: number
    let spanEnd: number
    if (oldMid.length > 0) {
      spanStart = oldMid[0].startMs
      spanEnd = Math.max(...oldMid.map((w) => w.endMs))
    } else {
      const prev = p > 0 ? words[p - 1] : undefined
      const after = s > 0 ? words[words.length - s] : undefined
      spanStart = prev ? prev.endMs : segs[0].startMs
      spanEnd = after ? after.startMs : segs[segs.length - 1].endMs
      if (spanEnd < spanStart) spanStart = spanEnd
    }
    // Never start before the untouched word in front (words stay in time order).
    if (p > 0) spanStart = Math.max(spanStart, words[p - 1].startMs)
    if (s > 0) spanEnd = Math.min(spanEnd, words[words.length - s].startMs)
    if (spanEnd < spanStart) spanEnd = spanStart
    const alloc = allocateIds(model, 'e', newMid.length)
    nextId = alloc.nextId
    made = estimatedWords(newMid, spanStart, spanEnd, alloc.ids)
  }
  const newWords = [...words.slice(0, p), ...made, ...words.slice(words.length - s)]
  const first = segs[0]
  const last = segs[segs.length - 1]
  const merged: Segment = {
    ...first,
    endMs: last.endMs,
    words: newWords,
    edited: true,
    ...(segs.length > 1 ? { originalWords: concatOriginal(segs), ...mergedReviewMarks(segs) } : {})
  }
  return { ...model, segments: spliceSegments(model.segments, iFrom, iTo + 1, [merged]), nextId }
}

/**
 * Sets a segment's whole text, as an editor that keeps its own text buffer (trailing spaces and
 * all) would send it on every keystroke. Only the characters that differ are replaced, so
 * untouched words keep their times exactly as with `replaceText`.
 */
export function setSegmentText(model: TranscriptModel, segmentId: string, text: string): TranscriptModel {
  const seg = model.segments[segmentIndex(model, segmentId)]
  const old = wordsText(seg.words)
  let prefix = 0
  const max = Math.min(old.length, text.length)
  while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++
  return replaceText(model, { segmentId, offset: prefix }, { segmentId, offset: old.length - suffix }, text.slice(prefix, text.length - suffix))
}

/** Where to split: before word `wordIndex`, or at a caret `offset` into the segment text. */
export type SplitAt = { readonly wordIndex: number } | { readonly offset: number }

/** Splits one word at a character inside it, sharing its time by length (both halves estimated). */
function splitWordAt(w: Word, at: number, newId: string): [Word, Word] {
  const left = w.text.slice(0, at)
  const right = w.text.slice(at)
  const [t1, t2] = interpolateTimes([left, right], w.startMs, w.endMs)
  return [
    { ...w, text: left, startMs: t1.startMs, endMs: t1.endMs, estimated: true },
    { id: newId, text: right, startMs: t2.startMs, endMs: t2.endMs, confidence: w.confidence, estimated: true }
  ]
}

/**
 * Splits a segment in two, before a word or at the caret (a caret inside a word splits the word
 * too). The second half gets a new id, the same speaker, and the recogniser's words after the
 * boundary. Splitting at the very start or end is a bad_request (nothing would move).
 */
export function splitSegment(model: TranscriptModel, segmentId: string, at: SplitAt): TranscriptModel {
  const index = segmentIndex(model, segmentId)
  const seg = model.segments[index]
  let words = seg.words.slice()
  let k: number
  let counter = model.nextId ?? 1
  if ('wordIndex' in at) {
    k = at.wordIndex
  } else {
    const text = wordsText(words)
    if (at.offset < 0 || at.offset > text.length) badRequest('The caret position is outside the segment text.')
    let pos = 0
    k = words.length
    for (let w = 0; w < words.length; w++) {
      const end = pos + words[w].text.length
      if (at.offset <= pos) {
        k = w
        break
      }
      if (at.offset < end) {
        // The caret is inside this word: it becomes two words.
        const [l, r] = splitWordAt(words[w], at.offset - pos, `e${counter++}`)
        words = [...words.slice(0, w), l, r, ...words.slice(w + 1)]
        k = w + 1
        break
      }
      pos = end + 1
    }
  }
  if (!Number.isInteger(k) || k <= 0 || k >= words.length) badRequest('Split inside the text: at the very start or end there is nothing to move.')
  const secondId = `e${counter++}`
  const boundary = words[k].startMs
  // Words before the boundary may not run past it (segments never overlap).
  const left = words.slice(0, k).map((w) => (w.endMs > boundary ? { ...w, endMs: Math.max(w.startMs, boundary), estimated: true } : w))
  const right = words.slice(k)
  const orig = originalWordsOf(seg)
  // A recogniser word without a time goes with the timed word before it (the first half if none).
  let before = true
  const inFirst = (orig ?? []).map((w) => (typeof w.offsetInSeconds === 'number' ? (before = secondsToMs(w.offsetInSeconds) < boundary) : before))
  const firstHalf: Segment = { ...seg, endMs: boundary, words: left, edited: true, originalWords: orig === null ? null : orig.filter((_, j) => inFirst[j]) }
  const secondHalf: Segment = {
    id: secondId,
    speakerId: seg.speakerId,
    startMs: boundary,
    endMs: seg.endMs,
    words: right,
    reviewed: seg.reviewed,
    ...(seg.secondPass ? { secondPass: true } : {}),
    ...(seg.source ? { source: seg.source } : {}),
    edited: true,
    originalWords: orig === null ? null : orig.filter((_, j) => !inFirst[j])
  }
  return { ...model, segments: spliceSegments(model.segments, index, index + 1, [firstHalf, secondHalf]), nextId: counter }
}

/**
 * Merges the segments from `firstId` through `lastId` (default: the one after `firstId`) into
 * the first: words joined, the first's speaker and id, the span of all of them.
 */
export function mergeSegments(model: TranscriptModel, firstId: string, lastId?: string): TranscriptModel {
  const iFrom = segmentIndex(model, firstId)
  const iTo = lastId === undefined ? iFrom + 1 : segmentIndex(model, lastId)
  if (iTo >= model.segments.length) badRequest('There is no segment after this one to merge with.')
  if (iTo <= iFrom) badRequest('Pick a later segment to merge with.')
  const segs = model.segments.slice(iFrom, iTo + 1)
  const merged: Segment = {
    ...segs[0],
    endMs: segs[segs.length - 1].endMs,
    words: segs.flatMap((x) => x.words),
    ...mergedReviewMarks(segs),
    edited: true,
    originalWords: concatOriginal(segs)
  }
  return { ...model, segments: spliceSegments(model.segments, iFrom, iTo + 1, [merged]) }
}

/** A split as it was made: the segment before, and the two halves it became. */
export interface SplitRecord {
  readonly original: Segment
  readonly first: Segment
  readonly second: Segment
}

/**
 * Joins the two halves of a split back into the segment they came from, exactly (word timings a
 * split had to trim come back too), when both halves are still untouched and side by side;
 * otherwise returns the model unchanged, and the caller merges them the ordinary way.
 */
export function joinSplit(model: TranscriptModel, split: SplitRecord): TranscriptModel {
  const i = model.segments.indexOf(split.first)
  if (i < 0 || model.segments[i + 1] !== split.second) return model
  return { ...model, segments: spliceSegments(model.segments, i, i + 2, [split.original]) }
}

/** A new segment: its time range, speaker and (optional) text. */
export interface NewSegment {
  readonly startMs: number
  readonly endMs: number
  readonly speakerId: string
  readonly text?: string
}

/**
 * Inserts a segment at a time range. Neighbours that reach into the range are trimmed back to
 * their words; if their words are in the way the request is a bad_request. The new segment's
 * words are spread across its range and marked estimated.
 */
export function insertSegment(model: TranscriptModel, input: NewSegment): TranscriptModel {
  const startMs = Math.round(input.startMs)
  const endMs = Math.round(input.endMs)
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || startMs < 0 || endMs <= startMs) badRequest('A new segment needs a start before its end, at or after 0.')
  if (model.durationMs > 0 && endMs > model.durationMs) badRequest('The new segment would end after the recording.')
  if (!model.speakers.some((s) => s.id === input.speakerId)) badRequest(`There is no speaker "${input.speakerId}".`)
  const segments = model.segments
  // Insert before the first segment starting at or after the new start.
  let at = segments.findIndex((x) => x.startMs >= startMs)
  if (at < 0) at = segments.length
  const replacement: Segment[] = []
  let from = at
  let to = at
  if (at > 0) {
    const prev = segments[at - 1]
    if (prev.endMs > startMs) {
      const held = wordsMaxEnd(prev.words) ?? prev.startMs
      if (held > startMs) badRequest('The new segment would overlap the words of the segment before it.')
      replacement.push({ ...prev, endMs: startMs, edited: true })
      from = at - 1
    }
  }
  const alloc = allocateIds(model, 'e', 1 + tokenize(input.text ?? '').length)
  const texts = tokenize(input.text ?? '').map((t) => t.text)
  replacement.push({
    id: alloc.ids[0],
    speakerId: input.speakerId,
    startMs,
    endMs,
    words: estimatedWords(texts, startMs, endMs, alloc.ids.slice(1)),
    reviewed: false,
    edited: true,
    originalWords: []
  })
  if (at < segments.length) {
    const after = segments[at]
    if (after.startMs < endMs) {
      const firstWord = after.words.length ? after.words[0].startMs : after.endMs
      if (firstWord < endMs || (at + 1 < segments.length && segments[at + 1].startMs < endMs)) badRequest('The new segment would overlap the words of the segment after it.')
      replacement.push({ ...after, startMs: endMs, endMs: Math.max(after.endMs, endMs), edited: true })
      to = at + 1
    }
  }
  return { ...model, segments: spliceSegments(segments, from, to, replacement), nextId: alloc.nextId }
}

/** Removes a segment and its words. */
export function deleteSegment(model: TranscriptModel, segmentId: string): TranscriptModel {
  const index = segmentIndex(model, segmentId)
  return { ...model, segments: spliceSegments(model.segments, index, index + 1, []) }
}
