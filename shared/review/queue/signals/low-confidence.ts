import type { Signal } from '../types'

/** Words whose recogniser confidence is below the threshold; the lower, the stronger. */
export const lowConfidence: Signal = ({ segment }, { threshold }) => {
  const hits = []
  for (let i = 0; i < segment.words.length; i++) {
    const c = segment.words[i].confidence
    if (c === null || c >= threshold) continue
    // Half strength at the threshold, full at zero: a 0.1 is worth more than a 0.65.
    hits.push({ wordIndex: i, signal: 'low-confidence' as const, strength: 0.5 + (0.5 * (threshold - c)) / threshold, detail: `confidence ${Math.round(c * 100)}%`, note: { code: 'confidence' as const, values: { percent: c } } })
  }
  return hits
}
