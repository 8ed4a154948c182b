/*
 * Every edit a reviewer makes, as pure functions `(model, ...) => model`. Each returns a new
 * model sharing untouched segments and words by reference (or the same model when the request
 * changes nothing) and throws AppError('bad_request') for a request it cannot apply. Split by
 * subject into edit-*.ts; this file is the one to import.
 */

export { replaceText, setSegmentText, splitSegment, mergeSegments, insertSegment, deleteSegment, originalWordsOf, joinSplit } from './edit-text'
export type { TextPosition, SplitAt, NewSegment, SplitRecord } from './edit-text'
export { setSpeaker, renameSpeaker, updateSpeaker, addSpeaker, newSpeakerId, mergeSpeakers, deleteSpeaker } from './edit-speakers'
export type { WordPosition, SpeakerTarget } from './edit-speakers'
export { retimeSegment, setReviewed } from './edit-timing'
export { addAnnotation, editAnnotation, retimeAnnotation, deleteAnnotation, newAnnotationId } from './edit-annotations'
export type { AnnotationAuthor } from './edit-annotations'
export { setReviewStatus, setSegmentNote, reviewStatusOf, nextReviewStatus, mergedReviewMarks, maxNoteLength } from './edit-review'
export type { ReviewStatus } from './edit-review'
export { acceptWord } from './edit-accept'
