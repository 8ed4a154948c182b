import type { SignalHit, Signal } from '../types'

/*
 * A word stretched far beyond its length: a recogniser that lost sync spreads one word over
 * a pause or over speech it did not hear. Expected length: ~90 ms a character plus 200 ms.
 */

/** A word lasting more than this many times its expected length (and over 1.5 s) is stretched. */
export const stretchFactor = 3

/** How long a word of `chars` characters takes to say, roughly (ms). */
export function expectedWordMs(chars: number): number {
  return 200 + 90 * chars
}

/** Words lasting far longer than their length calls for. */
export const stretchedWord: Signal = ({ segment }) => {
  const hits: SignalHit[] = []
  segment.words.forEach((w, i) => {
    const duration = w.endMs - w.startMs
    const expected = expectedWordMs(w.text.length)
    if (duration > 1500 && duration > stretchFactor * expected) {
      hits.push({ wordIndex: i, signal: 'stretched-word', strength: Math.min(1, duration / (expected * stretchFactor * 2)), detail: `lasts ${(duration / 1000).toFixed(1)} s`, note: { code: 'stretched', values: { seconds: duration / 1000 } } })
    }
  })
  return hits
}
