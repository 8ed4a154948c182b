import { badRequest, segmentIndex } from './internal'
import type { Segment, TranscriptModel } from './model'

/*
 * The reviewer's marks on a segment: its review status and a short note. Editor state, not part
 * of the API shape: these never set `edited`, so the export stays byte-for-byte what the server
 * sent; they travel in the draft (the draft's document is the model) and undo like any edit.
 */

/** Where a segment stands in review. */
export type ReviewStatus = 'unreviewed' | 'reviewed' | 'second-pass'

/** The longest note a segment may carry, in characters. */
export const maxNoteLength = 500

/** A segment's review status ("second pass" wins over a stale reviewed mark). */
export function reviewStatusOf(seg: Pick<Segment, 'reviewed' | 'secondPass'>): ReviewStatus {
  if (seg.secondPass) return 'second-pass'
  return seg.reviewed ? 'reviewed' : 'unreviewed'
}

/** The status after `status` in the cycle unreviewed → reviewed → second pass → unreviewed. */
export function nextReviewStatus(status: ReviewStatus): ReviewStatus {
  return status === 'unreviewed' ? 'reviewed' : status === 'reviewed' ? 'second-pass' : 'unreviewed'
}

/** Sets a segment's review status; the same model when it already has it. */
export function setReviewStatus(model: TranscriptModel, segmentId: string, status: ReviewStatus): TranscriptModel {
  if (status !== 'unreviewed' && status !== 'reviewed' && status !== 'second-pass') badRequest(`Not a review status: ${String(status)}`)
  const index = segmentIndex(model, segmentId)
  const seg = model.segments[index]
  if (reviewStatusOf(seg) === status && seg.reviewed === (status === 'reviewed')) return model
  const { secondPass: _drop, ...rest } = seg
  const next: Segment = status === 'second-pass' ? { ...rest, reviewed: false, secondPass: true } : { ...rest, reviewed: status === 'reviewed' }
  const segments = model.segments.slice()
  segments[index] = next
  return { ...model, segments }
}

/** Sets a segment's note (trimmed; empty removes it); longer than `maxNoteLength` is a bad_request. */
export function setSegmentNote(model: TranscriptModel, segmentId: string, note: string): TranscriptModel {
  if (typeof note !== 'string') badRequest('A note is text.')
  const text = note.trim()
  if (text.length > maxNoteLength) badRequest(`A note may be at most ${maxNoteLength} characters; this one is ${text.length}.`)
  const index = segmentIndex(model, segmentId)
  const seg = model.segments[index]
  if ((seg.note ?? '') === text) return model
  const { note: _drop, ...rest } = seg
  const segments = model.segments.slice()
  segments[index] = text ? { ...rest, note: text } : rest
  return { ...model, segments }
}

/**
 * The review marks of segments merged into one: reviewed only when all were, a second pass when
 * any needed one, and their notes joined (cut to the limit) so no remark is lost.
 */
export function mergedReviewMarks(segs: readonly Segment[]): Pick<Segment, 'reviewed' | 'secondPass' | 'note'> {
  const secondPass = segs.some((s) => s.secondPass === true)
  const notes = segs.map((s) => s.note).filter((n): n is string => !!n)
  const note = notes.join(' / ').slice(0, maxNoteLength)
  return { reviewed: !secondPass && segs.every((x) => x.reviewed), ...(secondPass ? { secondPass } : {}), ...(note ? { note } : {}) }
}
