import type { SignalHit, Signal } from '../types'

/*
 * Overlapping segments: two turns claiming the same stretch of audio (cross-talk, or a bad
 * segmentation). The words of this segment inside the shared stretch are flagged.
 */

/** Words of a segment that lie where its neighbour's time range overlaps it. */
export const overlap: Signal = ({ segment, prev, next }) => {
  const ranges: Array<[number, number]> = []
  if (prev && prev.endMs > segment.startMs) ranges.push([segment.startMs, Math.min(prev.endMs, segment.endMs)])
  if (next && next.startMs < segment.endMs) ranges.push([Math.max(next.startMs, segment.startMs), segment.endMs])
  if (ranges.length === 0) return []
  const hits: SignalHit[] = []
  segment.words.forEach((w, i) => {
    if (ranges.some(([a, b]) => w.startMs < b && w.endMs > a)) hits.push({ wordIndex: i, signal: 'overlap', strength: 1, detail: 'segments overlap here', note: { code: 'overlap' } })
  })
  return hits
}
