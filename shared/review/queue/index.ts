/*
 * The ranked review queue's public API: signals that flag words worth checking, a documented
 * score (docs/review.md), and a builder that keeps the queue current per segment.
 */

export type { QueueItem, QueueReason, ReasonNote, SignalName, SignalWeights, SignalHit, SignalContext, SegmentView, Signal, CueBreachSpan, Lexicon } from './types'
export { signalNames, isReviewerWord } from './types'
export { defaultWeights, weightLimits, readWeights, scoreOf, compareItems } from './score'
export { buildQueue, updateQueue, segmentItems } from './build'
export { buildQueueSteps } from './build'
export { onlyCueBreachesDiffer, withCueBreaches } from './cue-breach-update'
export type { QueueInputs, QueueState } from './build'
export { signals } from './signals'
export { cueBreachSpans } from './signals/cue-breach'
export { foldWord, lexiconFrom, loadLexicon } from './lexicon'
export { taskLanguage, languageFromTag } from './language'

/** A predicate for filters: true when segment `segmentId` has at least one open item in `items`. */
export function queuedSegments(items: readonly { readonly segmentId: string }[]): (segmentId: string) => boolean {
  const set = new Set(items.map((i) => i.segmentId))
  return (segmentId) => set.has(segmentId)
}
