import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reconcileWords } from '../../../shared/transcript'
import type { ApiWord } from '../../../shared/api/transcript-export'

/*
 * A segment whose text is its words joined by single spaces (most of every export) is reconciled
 * without tokenizing (issue 21: a 50 MB export's normalise). Tokens are runs of non-whitespace,
 * so the same words joined by other whitespace go the tokenizing way: both must give the same
 * model words, whatever the words hold (spaces, nothing, punctuation, no time).
 */

const wordText = fc.oneof({ arbitrary: fc.stringMatching(/^[A-Za-z']{1,6}[,.?]?$/), weight: 8 }, fc.constantFrom('', ' ', 'a b', '–', '…', '\u00a0x', 'ß', 'x\ty'), fc.constant(null))
const word = fc.record({
  text: wordText,
  offsetInSeconds: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 600 }).map((n) => n / 10), weight: 6 }, fc.constant(null)),
  durationInSeconds: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 30 }).map((n) => n / 10), weight: 6 }, fc.constant(null)),
  confidence: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(null))
}) as fc.Arbitrary<ApiWord>

describe('reconcileWords, text joined by single spaces', () => {
  it('gives the words the tokenizing way gives (property)', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), fc.constantFrom('  ', '\t', ' \u00a0'), fc.integer({ min: 0, max: 10_000 }), (words, gap, startMs) => {
        const texts = words.map((w) => w.text ?? '')
        const input = { displayWords: words, segStartMs: startMs, segEndMs: startMs + 60_000, scale: 1 as const, idPrefix: 's3w' }
        const joined = reconcileWords({ ...input, displayText: texts.join(' ') })
        const other = reconcileWords({ ...input, displayText: texts.join(gap) })
        expect(joined).toEqual(other)
      }),
      { numRuns: 2000, seed: 21 }
    )
  })

  it('keeps the words’ own strings as the model’s texts', () => {
    const words = [{ text: 'Hello,', offsetInSeconds: 1, durationInSeconds: 0.5, confidence: 0.9 }, { text: 'world.', offsetInSeconds: 1.5, durationInSeconds: null, confidence: null }]
    const rec = reconcileWords({ displayText: 'Hello, world.', displayWords: words, segStartMs: 1000, segEndMs: 3000, scale: 1, idPrefix: 's0w' })
    expect(rec.words.map((w) => [w.id, w.text, w.startMs, w.endMs, w.estimated, w.source])).toEqual([
      ['s0w0', 'Hello,', 1000, 1500, false, words[0]],
      ['s0w1', 'world.', 1500, 3000, true, words[1]]
    ])
  })
})
