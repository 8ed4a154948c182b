/*
 * The transcript domain's public API: normalise an export into the editing model, edit it with
 * pure functions, keep undo history, summarise changes, and write it back as an export.
 */

export type { TimeUnit, Word, Segment, Speaker, Annotation, NormaliseIssue, TranscriptModel } from './model'
export { normaliseTranscript, reconcileWords, noSpeakerId } from './normalise'
export { normaliseTranscriptSteps } from './normalise'
export type { NormalisePreview, PreviewRequest } from './normalise'
export { toTranscriptExport, wordToApi } from './to-export'
export * from './edits'
export { createHistory, commit, undo, redo, canUndo, canRedo, typingBurstMs } from './history'
export type { History, EditKind, CommitOptions } from './history'
export { buildChangeLog, diffCounts } from './changelog'
export type { ChangeLog, SegmentChange, WordChange, DiffCounts } from './changelog'
export { detectTimeUnit, detectConfidenceScale, unitToMs, msToUnit, secondsToMs, msToSeconds, confidenceToUnit, confidenceFromUnit, unitForRatio, unitsPerSecond } from './units'
export type { UnitDetection } from './units'
export { segmentText, wordsText, tokenize, wordKey } from './text'
export type { Token } from './text'
export { joinSpeakerLabel, speakerDisplayLabel } from './speaker-label'
export { exportRefusal, NothingToExportError } from './exportable'
export { checkInvariants } from './invariants'
export { segmentIndexAt, segmentStartedAt, wordIndexAt } from './lookup'
export { newSegmentMs, slotAtPlayhead, slotForRange } from './segment-slot'
export type { PlayheadSlot, RangeSlot } from './segment-slot'
export * from './workspace-speaker'
