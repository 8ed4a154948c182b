import type { ApiAnnotation, ApiSpeaker, ApiTranscriptSegment, ApiWord, TranscriptExport } from '../api/transcript-export'
import type { CueDecision } from './cue-decisions'

/*
 * The editing model: what the editor, the subtitle engine and every export work on.
 *
 * Times are integer milliseconds from the start of the recording, always. The model is
 * immutable: every edit returns a new model and shares untouched segments/words by reference.
 * Anything an edit changes is marked `edited`; the JSON writer gives back the original API
 * object (`source`) verbatim for everything not so marked, which survives the model being
 * serialised to a draft and read back (no reliance on object identity).
 */

/** How segment/annotation `start`/`end` were expressed in the export (words are always seconds). */
export type TimeUnit = 'seconds' | 'milliseconds' | 'ticks'

/** A word on the timeline. */
export interface Word {
  /** Stable within a session; not sent to the API. */
  readonly id: string
  readonly text: string
  readonly startMs: number
  readonly endMs: number
  /** 0..1, or null when the recogniser gave none. */
  readonly confidence: number | null
  /** True when the timing was interpolated by an edit rather than measured by the recogniser. */
  readonly estimated: boolean
  /** The API word this came from, for a verbatim round trip; absent for words a reviewer typed. */
  readonly source?: ApiWord
  /** True when the reviewer typed this word's text (a correction or new words): the review queue leaves it alone. */
  readonly typed?: boolean
}

/** A paragraph / speaker turn. Words are in time order and lie inside [startMs, endMs]. */
export interface Segment {
  readonly id: string
  readonly speakerId: string
  readonly startMs: number
  readonly endMs: number
  readonly words: readonly Word[]
  /** The reviewer's "reviewed" mark (editor state, not part of the API shape). */
  readonly reviewed: boolean
  /** Marked for a second pass by the reviewer (editor state; when set, `reviewed` is false). */
  readonly secondPass?: boolean
  /** The reviewer's short note on this segment (editor state, at most 500 characters). */
  readonly note?: string
  /** The API segment this came from (carries originalWords and unknown fields); absent for new segments. */
  readonly source?: ApiTranscriptSegment
  /** True once an edit changed what the export would say (reviewed marks do not count); unset = emit `source` verbatim. */
  readonly edited?: boolean
  /** The recogniser's words for this segment when they differ from `source.originalWords` (after a split or merge). */
  readonly originalWords?: readonly ApiWord[] | null
}

/** A speaker. `placeholder` marks one invented for a speakerId the export did not list. */
export interface Speaker {
  readonly id: string
  readonly name: string
  readonly prefix: string
  readonly suffix: string
  readonly placeholder: boolean
  readonly source?: ApiSpeaker
  /** True once renamed or otherwise changed; unset = emit `source` verbatim. */
  readonly edited?: boolean
}

/** A time-ranged note on the recording. */
export interface Annotation {
  readonly id: string
  readonly content: string
  readonly startMs: number
  readonly endMs: number
  readonly source?: ApiAnnotation
  /** True once edited or retimed; unset = emit `source` verbatim. */
  readonly edited?: boolean
  /** Who made it and when, for annotations added or edited in the editor (ISO-8601 from the caller). */
  readonly createdByUserName?: string | null
  readonly createdBy?: number | null
  readonly createdOn?: string | null
  readonly modifiedByUserName?: string | null
  readonly modifiedBy?: number | null
  readonly modifiedOn?: string | null
}

/** Something normalisation repaired or could not model, shown to the reviewer. */
export interface NormaliseIssue {
  readonly kind:
    | 'unit-guessed'
    | 'segments-unsorted'
    | 'segment-overlap'
    | 'words-mismatch'
    | 'words-missing'
    | 'unknown-speaker'
    | 'annotation-clamped'
    | 'word-outside-segment'
    | 'no-transcript'
    | 'transcript-flat'
    | 'speaker-without-id'
    | 'segment-time-missing'
    | 'word-time-missing'
    | 'annotation-time-missing'
    | 'time-out-of-range'
  /** In English, for logs and `sdte`; the renderer words the issue by `kind` and `params`. */
  readonly message: string
  readonly segmentId?: string
  /** The figures the wording needs: `n` (an annotation's number, or how many entries), `placed` ('start' | 'time'). */
  readonly params?: Readonly<Record<string, string | number>>
}

/** The whole editable transcript of one task. */
export interface TranscriptModel {
  readonly taskId: number
  /** The export as loaded, kept whole so a JSON export can give back everything we do not model. */
  readonly source: TranscriptExport
  readonly timeUnit: TimeUnit
  /** 1 when confidences were 0..1 in the export, 100 when 0..100. */
  readonly confidenceScale: 1 | 100
  readonly durationMs: number
  readonly segments: readonly Segment[]
  readonly speakers: readonly Speaker[]
  readonly annotations: readonly Annotation[]
  readonly issues: readonly NormaliseIssue[]
  /** Counter for ids made by edits (deterministic: no clock, no randomness). */
  readonly nextId?: number
  /** Words the reviewer accepted from the review queue ("this word is right"); editor state, not exported. */
  readonly acceptedWordIds?: readonly string[]
  /** The reviewer's cue decisions (forced breaks, kept ranges, nudges, locks), anchored to word ids; not part of the API export. */
  readonly cueDecisions?: readonly CueDecision[]
}
