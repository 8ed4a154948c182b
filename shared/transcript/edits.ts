import { keepAnchored } from './cue-decisions'
import * as text from './edit-text'
import * as speakers from './edit-speakers'
import * as timing from './edit-timing'

/*
 * Every edit a reviewer makes, as pure functions `(model, ...) => model`. Each returns a new
 * model sharing untouched segments and words by reference (or the same model when the request
 * changes nothing) and throws AppError('bad_request') for a request it cannot apply. Split by
 * subject into edit-*.ts; this file is the one to import. Edits that can delete or re-make words
 * keep the cue decisions anchored (cue-decisions.ts; `applyEdit` returns the notices).
 */

export const replaceText = keepAnchored(text.replaceText)
export const setSegmentText = keepAnchored(text.setSegmentText)
export const splitSegment = keepAnchored(text.splitSegment)
export const mergeSegments = keepAnchored(text.mergeSegments)
export const insertSegment = keepAnchored(text.insertSegment)
export const deleteSegment = keepAnchored(text.deleteSegment)
export const joinSplit = keepAnchored(text.joinSplit)
export const setSpeaker = keepAnchored(speakers.setSpeaker)
export const retimeSegment = keepAnchored(timing.retimeSegment)
export { originalWordsOf } from './edit-text'
export type { TextPosition, SplitAt, NewSegment, SplitRecord } from './edit-text'
export { renameSpeaker, updateSpeaker, addSpeaker, newSpeakerId, mergeSpeakers, deleteSpeaker } from './edit-speakers'
export type { WordPosition, SpeakerTarget } from './edit-speakers'
export { setReviewed } from './edit-timing'
export { addAnnotation, editAnnotation, retimeAnnotation, deleteAnnotation, newAnnotationId } from './edit-annotations'
export type { AnnotationAuthor } from './edit-annotations'
export { setReviewStatus, setSegmentNote, reviewStatusOf, nextReviewStatus, mergedReviewMarks, maxNoteLength } from './edit-review'
export type { ReviewStatus } from './edit-review'
export { acceptWord } from './edit-accept'
export { addCueDecision, removeCueDecision, applyEdit, reanchorCueDecisions, keepAnchored, maxNudgeMs, anchorsOf } from './cue-decisions'
export type { CueDecision, NewCueDecision, CueDecisionNotice } from './cue-decisions'
