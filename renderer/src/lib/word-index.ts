import type { TranscriptModel } from '../../../shared/transcript'
import { lastAtOrBefore } from '../../../shared/transcript/binary-search'

/*
 * A flat, typed-array view of every word on the timeline, rebuilt once per model change (a few
 * hundred microseconds for 15k words) so that "which word is under the playhead" is one binary
 * search per frame.
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
  let k = 0
  let lastStart = -Infinity
  // Plain loops: this runs in the task where a long model lands, before the code is optimised,
  // and the per-word callback was that task's heaviest function at 6 hours (open-profile.ts).
  const segments = model.segments
  for (let si = 0; si < segments.length; si++) {
    const s = segments[si]
    const words = s.words
    segmentFirst[si] = k
    for (let wi = 0; wi < words.length; wi++) {
      const w = words[wi]
      // Monotonic even if a repaired export left a word out of order: the search stays valid.
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
  return { starts, ends, segment, word, segmentEnd, ids, segmentFirst }
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
