import { describe, expect, it } from 'vitest'
import { reconcileWords } from '../../../shared/transcript'

/*
 * `reconcileWords` takes one options object (no long positional lists); each field
 * keeps the meaning it had as a parameter.
 */

const w = (text: string, offsetInSeconds: number | null, durationInSeconds: number | null = 0.4) => ({ text, offsetInSeconds, durationInSeconds, confidence: 0.8 })

describe('reconcileWords', () => {
  it('times the reviewed text by the aligned words, with ids from idPrefix', () => {
    const rec = reconcileWords({ displayText: 'Hello there world', displayWords: [w('Hello', 1), w('world', 2)], segStartMs: 1000, segEndMs: 3000, scale: 1, idPrefix: 's0w' })
    expect(rec.mismatch).toBe(true)
    expect(rec.words.map((x) => [x.id, x.text, x.startMs, x.endMs, x.estimated])).toEqual([
      ['s0w0', 'Hello', 1000, 1400, false],
      ['s0w1', 'there', 1400, 2000, true],
      ['s0w2', 'world', 2000, 2400, false]
    ])
  })

  it('reads the text from textWords (default: the timing words) when displayText is missing', () => {
    const timing = [w('uh', 0), w('hi', 1)]
    expect(reconcileWords({ displayText: null, displayWords: timing, segStartMs: 0, segEndMs: 2000, scale: 1, idPrefix: 'x' }).words.map((x) => x.text)).toEqual(['uh', 'hi'])
    expect(reconcileWords({ displayText: null, displayWords: timing, textWords: [], segStartMs: 0, segEndMs: 2000, scale: 1, idPrefix: 'x' }).words).toEqual([])
  })

  it('clamps measured times into limitMs', () => {
    const rec = reconcileWords({ displayText: 'late', displayWords: [w('late', 10)], segStartMs: 0, segEndMs: 5000, scale: 1, idPrefix: 'x', limitMs: 5000 })
    expect(rec.words.map((x) => [x.startMs, x.endMs])).toEqual([[5000, 5000]])
  })
})
