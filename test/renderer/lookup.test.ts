import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { firstAfter, firstIndexAtOrAfter, lastAtOrBefore } from '../../shared/transcript/binary-search'
import { buildWordIndex, playingWordAt } from '../../renderer/src/lib/word-index'
import { normaliseTranscript } from '../../shared/transcript'
import { sampleExport } from './support/fake-sdte'

describe('binary search', () => {
  it('finds the last element at or before a value', () => {
    const a = [0, 10, 10, 20, 30]
    expect(lastAtOrBefore(a, -1)).toBe(-1)
    expect(lastAtOrBefore(a, 0)).toBe(0)
    expect(lastAtOrBefore(a, 10)).toBe(2)
    expect(lastAtOrBefore(a, 19)).toBe(2)
    expect(lastAtOrBefore(a, 1000)).toBe(4)
    expect(lastAtOrBefore([], 5)).toBe(-1)
    expect(firstAfter(a, 10)).toBe(3)
  })

  it('agrees with a linear scan on any sorted array', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 })), fc.integer({ min: -1100, max: 1100 }), (values, x) => {
        const sorted = [...values].sort((p, q) => p - q)
        let expected = -1
        sorted.forEach((v, i) => {
          if (v <= x) expected = i
        })
        expect(lastAtOrBefore(sorted, x)).toBe(expected)
        // The first at or after x: the first index a scan finds, or the length.
        const first = sorted.findIndex((v) => v >= x)
        expect(firstIndexAtOrAfter(sorted.length, (i) => sorted[i], x)).toBe(first < 0 ? sorted.length : first)
      })
    )
  })
})

describe('playing word', () => {
  const model = normaliseTranscript(sampleExport())
  const index = buildWordIndex(model)

  it('indexes every word in time order', () => {
    expect(index.ids).toHaveLength(55)
    expect(Array.from(index.starts.slice(0, 3))).toEqual([500, 1150, 1536])
  })

  it('is the word started last, held through pauses inside a segment, none between segments', () => {
    const at = (ms: number) => {
      const k = playingWordAt(index, ms)
      return k < 0 ? null : model.segments[index.segment[k]].words[index.word[k]].text
    }
    expect(at(0)).toBeNull()
    expect(at(500)).toBe('Welcome')
    expect(at(1100)).toBe('Welcome') // the pause before "to"
    expect(at(1150)).toBe('to')
    expect(at(17418)).toBe('recogniser')
    expect(at(9000)).toBeNull() // after the first segment ends at 8794
    expect(at(30500)).toBeNull()
  })
})
