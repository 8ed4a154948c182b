import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addHeard, heardMs, heardPercent, nextUnheardGap, normaliseCoverage, unheardStretches } from '../../../shared/review/coverage'
import type { Coverage } from '../../../shared/review/coverage'
import { activeSpanMs } from '../../../shared/review/active-time'

describe('addHeard', () => {
  const cases: Array<[string, Coverage, [number, number], Coverage]> = [
    ['into an empty set', [], [100, 200], [[100, 200]]],
    ['an empty span changes nothing', [[0, 10]], [50, 50], [[0, 10]]],
    ['a backwards span changes nothing', [[0, 10]], [50, 40], [[0, 10]]],
    ['before, apart', [[100, 200]], [0, 50], [[0, 50], [100, 200]]],
    ['after, apart', [[100, 200]], [300, 400], [[100, 200], [300, 400]]],
    ['touching the end merges', [[100, 200]], [200, 300], [[100, 300]]],
    ['touching the start merges', [[100, 200]], [50, 100], [[50, 200]]],
    ['bridging two', [[0, 100], [200, 300]], [50, 250], [[0, 300]]],
    ['swallowing several', [[10, 20], [30, 40], [50, 60]], [0, 100], [[0, 100]]],
    ['inside one', [[0, 100]], [10, 20], [[0, 100]]],
    ['negative start clamps to 0', [], [-50, 20], [[0, 20]]],
    ['fractions round', [], [10.4, 20.6], [[10, 21]]]
  ]
  it.each(cases)('%s', (_name, set, [s, e], expected) => {
    expect(addHeard(set, s, e)).toEqual(expected)
  })
  it('gives back the same set when nothing is new (no save needed)', () => {
    const set: Coverage = [[0, 100]]
    expect(addHeard(set, 10, 90)).toBe(set)
  })
})

describe('heard time and gaps', () => {
  const set: Coverage = [[0, 1000], [5000, 6000], [20_000, 30_000]]
  it('counts heard ms, clipped to the duration', () => {
    expect(heardMs(set)).toBe(12_000)
    expect(heardMs(set, 25_000)).toBe(7000)
    expect(heardPercent(set, 40_000)).toBe(30)
    expect(heardPercent(set, 0)).toBe(0)
  })
  it('lists unheard stretches', () => {
    expect(unheardStretches(set, 40_000)).toEqual([[1000, 5000], [6000, 20_000], [30_000, 40_000]])
    expect(unheardStretches([], 500)).toEqual([[0, 500]])
  })
  const gapCases: Array<[string, number, number, { startMs: number; endMs: number } | null]> = [
    ['the next gap after the playhead', 0, 3000, { startMs: 1000, endMs: 5000 }],
    ['skips gaps shorter than the minimum', 0, 5000, { startMs: 6000, endMs: 20_000 }],
    ['moves on from the gap the playhead is in', 1000, 3000, { startMs: 6000, endMs: 20_000 }],
    ['inside a gap: the next one', 7000, 3000, { startMs: 30_000, endMs: 40_000 }],
    ['wraps to the first when none is left', 31_000, 3000, { startMs: 1000, endMs: 5000 }],
    ['none long enough', 0, 20_000, null]
  ]
  it.each(gapCases)('%s', (_name, from, min, expected) => {
    expect(nextUnheardGap(set, from, 40_000, min)).toEqual(expected)
  })
  it('finds the whole recording when nothing was heard', () => {
    expect(nextUnheardGap([], 0, 10_000, 3000)).toEqual({ startMs: 0, endMs: 10_000 })
  })
})

describe('coverage against a brute-force bitmap', () => {
  const span = fc.tuple(fc.integer({ min: -5, max: 200 }), fc.integer({ min: -5, max: 200 }))
  it('adding spans one by one equals marking them in a bitmap', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 40 }), (spans, from, min) => {
        const duration = 200
        let set: Coverage = []
        const bits = new Array<boolean>(duration + 10).fill(false)
        for (const [s, e] of spans) {
          set = addHeard(set, s, e)
          for (let t = Math.max(0, s); t < e; t++) bits[t] = true
        }
        // Invariants: sorted, disjoint, not touching.
        for (let k = 0; k < set.length; k++) {
          expect(set[k][1]).toBeGreaterThan(set[k][0])
          if (k > 0) expect(set[k][0]).toBeGreaterThan(set[k - 1][1])
        }
        expect(heardMs(set)).toBe(bits.filter(Boolean).length)
        expect(heardMs(set, duration)).toBe(bits.slice(0, duration).filter(Boolean).length)
        expect(normaliseCoverage([...spans].reverse().map(([s, e]) => [s, e] as const))).toEqual(set)
        // The next gap from the bitmap: maximal unheard runs in [0, duration).
        const runs: Array<[number, number]> = []
        for (let t = 0; t < duration; t++) {
          if (bits[t]) continue
          if (runs.length && runs[runs.length - 1][1] === t) runs[runs.length - 1][1] = t + 1
          else runs.push([t, t + 1])
        }
        const long = runs.filter(([s, e]) => e - s >= min)
        const expected = long.find(([s]) => s > from) ?? long[0]
        expect(nextUnheardGap(set, from, duration, min)).toEqual(expected ? { startMs: expected[0], endMs: expected[1] } : null)
      }),
      { numRuns: 300 }
    )
  })
})

describe('activeSpanMs', () => {
  const cases: Array<[string, number, number, number, boolean, number]> = [
    ['active throughout', 0, 1000, 0, true, 1000],
    ['unfocused counts nothing', 0, 1000, 0, false, 0],
    ['idle after a minute', 60_500, 61_500, 1000, true, 500],
    ['long idle counts nothing', 100_000, 101_000, 0, true, 0],
    ['a backwards clock counts nothing', 1000, 500, 1000, true, 0]
  ]
  it.each(cases)('%s', (_n, from, to, last, focused, expected) => {
    expect(activeSpanMs(from, to, last, focused)).toBe(expected)
  })
})
