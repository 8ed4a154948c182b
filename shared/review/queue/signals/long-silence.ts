import type { SignalHit, Signal } from '../types'

/*
 * A long silence inside a segment: either the recogniser dropped words there, or the turn
 * should be split. The word after the gap is flagged, strength growing with the gap.
 */

/** A gap between two words of one segment longer than this (ms) is worth checking. */
export const longSilenceMs = 2000

/** The word after each silence longer than `longSilenceMs` inside a segment. */
export const longSilence: Signal = ({ segment }) => {
  const hits: SignalHit[] = []
  const words = segment.words
  let lastEnd = words.length ? words[0].endMs : 0
  for (let i = 1; i < words.length; i++) {
    const gap = words[i].startMs - lastEnd
    if (gap > longSilenceMs) hits.push({ wordIndex: i, signal: 'long-silence', strength: Math.min(1, gap / (longSilenceMs * 3)), detail: `${(gap / 1000).toFixed(1)} s silence before`, note: { code: 'silence', values: { seconds: gap / 1000 } } })
    lastEnd = Math.max(lastEnd, words[i].endMs)
  }
  return hits
}
