import type { Segment, TranscriptModel } from '../../../shared/transcript'
import { lastAtOrBefore } from '../../../shared/transcript/binary-search'

/*
 * A flat, typed-array view of every word on the timeline, kept per model change so that "which
 * word is under the playhead" is one binary search per frame. After an edit only the segments
 * that changed are read again (`updateWordIndex`): the rest is copied in blocks, as a whole build
 * of a 2-hour task's index was a visible share of Enter's frame in the cue view.
 */

/** Every word of a model in time order, as parallel arrays. */
export interface WordIndex {
  readonly starts: Float64Array
  readonly ends: Float64Array
  /** Segment index of each word. */
  readonly segment: Int32Array
  /** Index of each word inside its segment. */
  readonly word: Int32Array
  /** End of each word's segment (ms): past it, no word is playing. */
  readonly segmentEnd: Float64Array
  readonly ids: readonly string[]
  /** Index of the first flat word of each segment. */
  readonly segmentFirst: Int32Array
}

/** Builds the flat index of a model's words. */
export function buildWordIndex(model: TranscriptModel): WordIndex {
  let total = 0
  for (const s of model.segments) total += s.words.length
  const starts = new Float64Array(total)
  const ends = new Float64Array(total)
  const segment = new Int32Array(total)
  const word = new Int32Array(total)
  const segmentEnd = new Float64Array(total)
  const segmentFirst = new Int32Array(model.segments.length)
  const ids: string[] = new Array<string>(total)
  const index = { starts, ends, segment, word, segmentEnd, ids, segmentFirst }
  fillWords(index, model.segments, 0, model.segments.length, 0)
  return index
}

/**
 * Writes the words of `segments[from, to)` into `index` from flat place `k`, their starts kept a
 * running maximum from the word before `k` (monotonic even if a repaired export left a word out
 * of order: the search stays valid); returns the place after the last word written. Plain loops:
 * a whole build runs in the task where a long model lands, before the code is optimised, and a
 * per-word callback was that task's heaviest function at 6 hours (open-profile.ts).
 */
function fillWords(index: WordIndex, segments: readonly Segment[], from: number, to: number, k: number): number {
  const { starts, ends, segment, word, segmentEnd, segmentFirst } = index
  const ids = index.ids as string[]
  let lastStart = k > 0 ? starts[k - 1] : -Infinity
  for (let si = from; si < to; si++) {
    const s = segments[si]
    const words = s.words
    segmentFirst[si] = k
    for (let wi = 0; wi < words.length; wi++) {
      const w = words[wi]
      if (w.startMs > lastStart) lastStart = w.startMs
      starts[k] = lastStart
      ends[k] = w.endMs
      segment[k] = si
      word[k] = wi
      segmentEnd[k] = s.endMs
      ids[k] = w.id
      k++
    }
  }
  return k
}

/**
 * The index of `model`, from `prev` (the index of the segments `before`) where segments are the
 * same objects at the start and the end: only the segments between are read. Equal to
 * `buildWordIndex(model)`. When the edit kept the number of segments and of words in each (a
 * word retyped), `prev`'s arrays are rewritten in place and shared by the new index (no 2-hour-sized
 * allocation in the key's frame): `prev` is not to be read after this call.
 */
export function updateWordIndex(prev: WordIndex, before: readonly Segment[], model: TranscriptModel): WordIndex {
  const after = model.segments
  if (after === before) return prev
  const max = Math.min(before.length, after.length)
  let head = 0
  while (head < max && before[head] === after[head]) head++
  let tail = 0
  while (tail < max - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++
  if (head === 0 && tail === 0) return buildWordIndex(model)
  const oldTotal = prev.ids.length
  const headWords = head < before.length ? prev.segmentFirst[head] : oldTotal
  const oldTailFrom = tail > 0 ? prev.segmentFirst[before.length - tail] : oldTotal
  const tailWords = oldTotal - oldTailFrom
  const midTo = after.length - tail
  let midWords = 0
  for (let i = head; i < midTo; i++) midWords += after[i].words.length
  const total = headWords + midWords + tailWords
  if (after.length === before.length && total === oldTotal && sameWordCounts(before, after, head, midTo)) return rewriteInPlace(prev, after, head, midTo, headWords)
  const starts = new Float64Array(total)
  const ends = new Float64Array(total)
  const segment = new Int32Array(total)
  const word = new Int32Array(total)
  const segmentEnd = new Float64Array(total)
  const segmentFirst = new Int32Array(after.length)
  const ids: string[] = prev.ids.slice(0, headWords)
  ids.length = total
  // The head: the same words at the same places.
  starts.set(prev.starts.subarray(0, headWords))
  ends.set(prev.ends.subarray(0, headWords))
  segment.set(prev.segment.subarray(0, headWords))
  word.set(prev.word.subarray(0, headWords))
  segmentEnd.set(prev.segmentEnd.subarray(0, headWords))
  segmentFirst.set(prev.segmentFirst.subarray(0, head))
  // The changed segments, read as a whole build reads them.
  const k = fillWords({ starts, ends, segment, word, segmentEnd, ids, segmentFirst }, after, head, midTo, headWords)
  // The tail: the same words, their segment numbers and first-word places shifted.
  const segShift = after.length - before.length
  const wordShift = total - oldTotal
  starts.set(prev.starts.subarray(oldTailFrom), k)
  ends.set(prev.ends.subarray(oldTailFrom), k)
  word.set(prev.word.subarray(oldTailFrom), k)
  segmentEnd.set(prev.segmentEnd.subarray(oldTailFrom), k)
  for (let j = 0; j < tailWords; j++) {
    segment[k + j] = prev.segment[oldTailFrom + j] + segShift
    ids[k + j] = prev.ids[oldTailFrom + j]
  }
  for (let si = midTo; si < after.length; si++) segmentFirst[si] = prev.segmentFirst[si - segShift] + wordShift
  reclampTail(starts, after, midTo, k)
  return { starts, ends, segment, word, segmentEnd, ids, segmentFirst }
}

// Starts are kept monotonic (a running maximum): the tail's (from segment `from`, flat word `k`)
// follow the new running maximum until one is as it was, after which all are.
function reclampTail(starts: Float64Array, after: readonly Segment[], from: number, k: number): void {
  for (let si = from; si < after.length && k < starts.length; si++) {
    for (const w of after[si].words) {
      const v = Math.max(k > 0 ? starts[k - 1] : -Infinity, w.startMs)
      if (v === starts[k]) return
      starts[k++] = v
    }
  }
}

function sameWordCounts(before: readonly Segment[], after: readonly Segment[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (before[i].words.length !== after[i].words.length) return false
  return true
}

// The same segments and words in number, segment by segment: segments [head, midTo) are written over their old places.
function rewriteInPlace(prev: WordIndex, after: readonly Segment[], head: number, midTo: number, k: number): WordIndex {
  // segmentFirst is written too, with the values it had (the same word counts before each segment).
  reclampTail(prev.starts, after, midTo, fillWords(prev, after, head, midTo, k))
  // A new object, so what derives from the index follows the edit.
  return { ...prev }
}

/**
 * The flat index of the word playing at `ms`: the last word started at or before it, held through
 * the short pauses between words of a segment, and none once the segment has ended.
 */
export function playingWordAt(index: WordIndex, ms: number): number {
  const k = lastAtOrBefore(index.starts, ms)
  if (k < 0) return -1
  if (ms >= index.segmentEnd[k] && ms >= index.ends[k]) return -1
  return k
}
