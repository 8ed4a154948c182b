import type { Segment, TranscriptModel } from './model'
import { lastIndexAtOrBefore } from './binary-search'

/*
 * Playback lookups: which segment and word are under the playhead, by binary search (the
 * model is sorted and non-overlapping, so this is exact and O(log n) on a 6-hour task).
 */

/** Index of the segment containing `ms`, or -1 when `ms` falls between segments. */
export function segmentIndexAt(model: TranscriptModel, ms: number): number {
  const segs = model.segments
  let lo = 0
  let hi = segs.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (segs[mid].startMs > ms) hi = mid - 1
    else if (segs[mid].endMs <= ms && !(segs[mid].endMs === ms && mid === segs.length - 1)) lo = mid + 1
    else return mid
  }
  return -1
}

/** Index of the last word of `segment` starting at or before `ms`, or -1 when none has started. */
export function wordIndexAt(segment: Segment, ms: number): number {
  return lastIndexAtOrBefore(segment.words.length, (i) => segment.words[i].startMs, ms)
}

/** Index of the last segment started at or before `ms` (the one being followed through a gap), or -1. */
export function segmentStartedAt(model: TranscriptModel, ms: number): number {
  return lastIndexAtOrBefore(model.segments.length, (i) => model.segments[i].startMs, ms)
}
