import type { Segment, Word } from '../../transcript/model'

/*
 * The values the review queue hands between its parts: what a signal sees (one segment and its
 * neighbours), what it says (hits on word indexes), and the items the queue shows.
 */

/** Every signal the queue knows, in the order the docs list them. */
export const signalNames = [
  'low-confidence',
  'number',
  'name',
  'rare-word',
  'speaker-change',
  'overlap',
  'long-silence',
  'stretched-word',
  'cue-breach',
  'estimated-timing'
] as const

/** One signal's name. */
export type SignalName = (typeof signalNames)[number]

/**
 * A hit's detail as a code and its figures, so the renderer words it in the reviewer's language
 * (shared/ has no translations; `detail` stays the English wording for sdte and logs).
 */
export interface ReasonNote {
  readonly code:
    | 'confidence' | 'number' | 'amount' | 'date' | 'code' | 'capitalised' | 'rare' | 'afterSpeakerChange' | 'beforeSpeakerChange'
    | 'overlap' | 'silence' | 'stretched' | 'estimated' | 'readingSpeed' | 'wordsPerMinute' | 'minDuration' | 'maxDuration'
  /** Figures the wording needs: a 0..1 fraction as `percent`, seconds, or a preset's figure and limit. */
  readonly values?: Readonly<Record<string, string | number>>
}

/** How much each signal counts in an item's score. */
export type SignalWeights = Readonly<Record<SignalName, number>>

/** A word a signal finds worth checking: its index in the segment, how strongly (0..1], and why. */
export interface SignalHit {
  readonly wordIndex: number
  readonly signal: SignalName
  /** 0 < strength ≤ 1: how sure the signal is (e.g. how far below the threshold a confidence is). */
  readonly strength: number
  /** A few words for the panel, e.g. "confidence 41%". */
  readonly detail: string
  /** The same as a code and figures, for the renderer's translation. */
  readonly note?: ReasonNote
}

/** A span of the recording where a subtitle cue breaks reading speed or duration. */
export interface CueBreachSpan {
  readonly startMs: number
  readonly endMs: number
  /** e.g. "reading speed 23.4 chars/s > 17". */
  readonly detail: string
  readonly note?: ReasonNote
}

/** A word list lookup: true when the (already folded) word is a common word of the language. */
export interface Lexicon {
  readonly language: 'en' | 'pt'
  has(folded: string): boolean
}

/** Everything a signal may read besides the segment. */
export interface SignalContext {
  /** Confidence (0..1) below which a word is low-confidence. */
  readonly threshold: number
  readonly language: 'en' | 'pt'
  /** The language's word list; null while it loads (the rare-word signal then stays silent). */
  readonly lexicon: Lexicon | null
  /** Cue breaches of the current preset, sorted by start; empty when not computed. */
  readonly cueBreaches: readonly CueBreachSpan[]
}

/** One segment as a signal sees it: itself and its neighbours (undefined at the ends). */
export interface SegmentView {
  readonly segment: Segment
  readonly prev: Segment | undefined
  readonly next: Segment | undefined
}

/** A signal: a pure function from one segment (with neighbours) to the words it flags. */
export type Signal = (view: SegmentView, ctx: SignalContext) => SignalHit[]

/** Why a word is in the queue: one signal and its detail. */
export interface QueueReason {
  readonly signal: SignalName
  readonly detail: string
  readonly note?: ReasonNote
}

/** One queue item: a word to check, why, and its score. */
export interface QueueItem {
  /** The word's id (one item per word). */
  readonly wordId: string
  readonly segmentId: string
  readonly text: string
  readonly startMs: number
  readonly endMs: number
  readonly reasons: readonly QueueReason[]
  readonly score: number
}

/** True for a word the reviewer typed (a correction or new words): what they heard, never queued. */
export function isReviewerWord(word: Word): boolean {
  return word.typed === true
}
