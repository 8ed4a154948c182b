import { describe, expect, it } from 'vitest'
import { normaliseTranscript, segmentIndexAt, wordIndexAt } from '../../../shared/transcript'
import { edgeCases } from '../../fixtures/edge-cases'
import { convertRealFixture } from '../../fixtures/real-to-export'

describe('playback lookups', () => {
  it('finds the segment under the playhead, -1 in gaps and outside', () => {
    const m = normaliseTranscript(edgeCases.emptyDisplayWords)
    expect([0, 499, 500, 2999, 3000, 7999, 8000, 9000].map((ms) => segmentIndexAt(m, ms))).toEqual([-1, -1, 0, 0, 1, 2, 2, -1])
  })

  it('agrees with a linear scan on the 2-hour fixture', () => {
    const m = normaliseTranscript(convertRealFixture('senate-hearing-2h.dpe.json'))
    for (let ms = 0; ms < m.durationMs; ms += 9_973) {
      const linear = m.segments.findIndex((s, k) => s.startMs <= ms && (ms < s.endMs || (k === m.segments.length - 1 && ms === s.endMs)))
      expect(segmentIndexAt(m, ms)).toBe(linear)
      if (linear >= 0) {
        const seg = m.segments[linear]
        const words = seg.words.map((w, k) => (w.startMs <= ms ? k : -1)).filter((k) => k >= 0)
        expect(wordIndexAt(seg, ms)).toBe(words.length ? words[words.length - 1] : -1)
      }
    }
  })
})
