import type { Segment, TranscriptModel } from './model'

/*
 * Where a segment added by hand may go, and its bounds, before any edit is tried: the rules
 * behind "New segment" (at the playhead, or over a range picked on the waveform). Segments never
 * overlap, so a playhead inside a segment moves the new one to that segment's end; the messages
 * that explain a refusal live in the renderer (lib/editor-messages.ts).
 */

/** Length of a segment added by hand at the playhead (the reviewer drags its end to fit). */
export const newSegmentMs = 3000

/** Where a segment added at the playhead goes: its bounds, and the segment the playhead was inside (if any). */
export type PlayheadSlot =
  | { readonly ok: true; readonly startMs: number; readonly endMs: number; readonly inside: Segment | null }
  | { readonly ok: false; readonly inside: Segment | null }

/**
 * The slot for a segment added at `playheadMs`: `lengthMs` long, stopping at the next segment and
 * the recording's end; starting where the segment under the playhead ends, if there is one.
 */
export function slotAtPlayhead(model: TranscriptModel, playheadMs: number, lengthMs = newSegmentMs): PlayheadSlot {
  const playhead = Math.max(0, Math.round(playheadMs))
  const inside = model.segments.find((s) => s.startMs <= playhead && playhead < s.endMs) ?? null
  const startMs = inside ? inside.endMs : playhead
  const nextStart = model.segments.find((s) => s.startMs >= startMs && s !== inside)?.startMs ?? Infinity
  const recordingEnd = model.durationMs > 0 ? model.durationMs : Infinity
  const endMs = Math.min(startMs + lengthMs, nextStart, recordingEnd)
  return endMs > startMs ? { ok: true, startMs, endMs, inside } : { ok: false, inside }
}

/** Where a segment over a picked range goes, or why not: the range is empty, or covers a whole segment. */
export type RangeSlot =
  | { readonly ok: true; readonly startMs: number; readonly endMs: number }
  | { readonly ok: false; readonly reason: 'empty' }
  | { readonly ok: false; readonly reason: 'covers-segment'; readonly segment: Segment }

/**
 * The slot for a segment over `range` (either way round), rounded to whole ms and clipped to the
 * recording. Overlapping a neighbour's words is left to insertSegment, which trims or refuses.
 */
export function slotForRange(model: TranscriptModel, range: { readonly startMs: number; readonly endMs: number }): RangeSlot {
  const recordingEnd = model.durationMs > 0 ? model.durationMs : Infinity
  const startMs = Math.max(0, Math.round(Math.min(range.startMs, range.endMs)))
  const endMs = Math.min(recordingEnd, Math.round(Math.max(range.startMs, range.endMs)))
  if (!(endMs > startMs)) return { ok: false, reason: 'empty' }
  const covered = model.segments.find((s) => s.startMs >= startMs && s.endMs <= endMs)
  return covered ? { ok: false, reason: 'covers-segment', segment: covered } : { ok: true, startMs, endMs }
}
