import { badRequest, segmentIndex, wordsMaxEnd } from './internal'
import type { Segment, TranscriptModel } from './model'

/*
 * Segment timing and review marks. Retiming clamps rather than refuses (a drag that goes too
 * far stops at the limit): a segment never starts after its first word or ends before its last,
 * and a neighbour it pushes into gives way only down to its own words.
 */

/** Moves a segment's start or end to `ms`, clamped to its words and its neighbours' words. */
export function retimeSegment(model: TranscriptModel, segmentId: string, edge: 'start' | 'end', ms: number): TranscriptModel {
  if (!Number.isFinite(ms)) badRequest('The new time is not a number.')
  const index = segmentIndex(model, segmentId)
  const seg = model.segments[index]
  const prev = index > 0 ? model.segments[index - 1] : undefined
  const next = index + 1 < model.segments.length ? model.segments[index + 1] : undefined
  const segments = model.segments.slice()
  let value = Math.round(ms)
  if (edge === 'start') {
    const lo = prev ? Math.max(prev.startMs, wordsMaxEnd(prev.words) ?? prev.startMs) : 0
    const hi = seg.words.length ? seg.words[0].startMs : seg.endMs
    value = Math.min(Math.max(value, lo), hi)
    if (value === seg.startMs) return model
    segments[index] = { ...seg, startMs: value, edited: true }
    if (prev && prev.endMs > value) segments[index - 1] = { ...prev, endMs: value, edited: true }
  } else {
    const lo = wordsMaxEnd(seg.words) ?? seg.startMs
    const recordingEnd = model.durationMs > 0 ? Math.max(model.durationMs, seg.endMs) : Infinity
    const hi = next ? Math.min(next.endMs, next.words.length ? next.words[0].startMs : next.endMs) : recordingEnd
    value = Math.min(Math.max(value, lo), hi)
    if (value === seg.endMs) return model
    segments[index] = { ...seg, endMs: value, edited: true }
    if (next && next.startMs < value) segments[index + 1] = { ...next, startMs: value, edited: true }
  }
  return { ...model, segments }
}

/** Marks a segment reviewed or not (editor state only: the export does not change). */
export function setReviewed(model: TranscriptModel, segmentId: string, reviewed: boolean): TranscriptModel {
  const index = segmentIndex(model, segmentId)
  const seg = model.segments[index]
  if (seg.reviewed === reviewed && !(reviewed && seg.secondPass)) return model
  const segments: Segment[] = model.segments.slice()
  // Reviewed settles a second pass (edit-review.ts has the three-way status).
  const { secondPass: _done, ...rest } = seg
  segments[index] = reviewed ? { ...rest, reviewed } : { ...seg, reviewed }
  return { ...model, segments }
}
