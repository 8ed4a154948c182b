import type { SignalHit, Signal } from '../types'

/*
 * Words whose timing was estimated (the export's text had words the recogniser's timings did
 * not cover): the highlight and the subtitles place them by guess. Words the reviewer typed are
 * estimated too but never reach a signal (see isReviewerWord).
 */

/** Words with interpolated rather than measured timing. */
export const estimatedTiming: Signal = ({ segment }) => {
  const hits: SignalHit[] = []
  segment.words.forEach((w, i) => {
    if (w.estimated) hits.push({ wordIndex: i, signal: 'estimated-timing', strength: 1, detail: 'timing estimated', note: { code: 'estimated' } })
  })
  return hits
}
