import type { Notice } from '../i18n/notices'

/*
 * The values the subtitle engine hands between its steps: cues out of segmentation, into QC
 * and the writers. Times are integer milliseconds, already offset by the programme start.
 */

/** Whether a cue carries speech or an annotation shown as text (e.g. `[laughter]`). */
export type CueKind = 'speech' | 'annotation'

/** One subtitle cue. */
export interface Cue {
  readonly startMs: number
  readonly endMs: number
  /** Display lines, dialogue dashes included; at most the preset's lines per cue. */
  readonly lines: readonly string[]
  /** The speaker of each line (null when unknown); same length as `lines`. */
  readonly lineSpeakers: readonly (string | null)[]
  readonly kind: CueKind
  /** Start of the first word / end of the last word as spoken, before snapping and offset. */
  readonly speechStartMs: number
  readonly speechEndMs: number
  /** How many transcript words the cue holds (0 for annotations). */
  readonly wordCount: number
}

/** A WebVTT NOTE: an annotation kept out of the picture. */
export interface SubtitleNote {
  readonly startMs: number
  readonly text: string
}

/** What segmentation produces. */
export interface SubtitleTrack {
  readonly cues: readonly Cue[]
  readonly notes: readonly SubtitleNote[]
  /** Cue decisions refused or clamped to keep the hard rules, for people; absent when none. */
  readonly decisionNotices?: readonly Notice[]
}

/** What QC needs of a cue, so it can judge cues from any source. */
export interface QcCue {
  readonly startMs: number
  readonly endMs: number
  readonly lines: readonly string[]
}
