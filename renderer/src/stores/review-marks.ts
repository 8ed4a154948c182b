import { nextReviewStatus, reviewStatusOf, setReviewStatus as setReviewStatusEdit, setSegmentNote } from '../../../shared/transcript'
import type { ReviewStatus } from '../../../shared/transcript'
import type { Cursor, EditorContext } from './editor-context'

/*
 * The reviewer's marks on segments: the review status (unreviewed → reviewed → second pass) and
 * a short note, each one undo step (shared/transcript/edit-review.ts). Part of the editor store
 * (editor-store.ts composes it). Which segment the note editor is open on is UI state here too,
 * so the key and the row's button open the same editor.
 */

/** The review-mark commands over an editor context; `position` is where keys act. */
export function createReviewMarks(ctx: EditorContext, position: () => Cursor | null) {
  /** The segment a command acts on: the one named, else the cursor's. */
  function target(segmentId?: string): string | null {
    const id = segmentId ?? position()?.segmentId
    return id && ctx.segmentById(id) ? id : null
  }

  /** Sets a segment's review status (default: the current segment). */
  function setReviewStatus(status: ReviewStatus, segmentId?: string): boolean {
    const id = target(segmentId)
    if (!id) return false
    return ctx.apply((m) => setReviewStatusEdit(m, id, status))
  }

  /** Moves a segment's status one step round unreviewed → reviewed → second pass (default: the current segment). */
  function cycleReviewStatus(segmentId?: string): boolean {
    const id = target(segmentId)
    const seg = id ? ctx.segmentById(id) : undefined
    if (!id || !seg) return false
    return ctx.apply((m) => setReviewStatusEdit(m, id, nextReviewStatus(reviewStatusOf(seg))))
  }

  /** Sets a segment's note (empty removes it); false when refused (too long: `lastError` says so). */
  function setNote(segmentId: string, note: string): boolean {
    if (!ctx.segmentById(segmentId)) return false
    return ctx.apply((m) => setSegmentNote(m, segmentId, note))
  }

  return { setReviewStatus, cycleReviewStatus, setNote }
}
