import { describe, expect, it } from 'vitest'
import { newSegmentMs, slotAtPlayhead, slotForRange } from '../../../shared/transcript'
import type { Segment, TranscriptModel } from '../../../shared/transcript'

/** A model with segments at the given [start, end) ranges (no words: the slot rules only read bounds). */
function modelWith(ranges: readonly [number, number][], durationMs = 0): TranscriptModel {
  const segments: Segment[] = ranges.map(([startMs, endMs], i) => ({ id: `s${i}`, speakerId: 'a', startMs, endMs, words: [], reviewed: false }))
  return { taskId: 1, durationMs, speakers: [], segments, annotations: [], issues: [] } as unknown as TranscriptModel
}

describe('slotAtPlayhead (where "New segment" at the playhead goes)', () => {
  const m = modelWith([[1000, 2000], [2500, 6000], [6000, 9000]], 10_000)
  it.each([
    // playhead, expected start, expected end, inside segment index (or null)
    ['in a wide gap before everything', 0, 0, 1000, null],
    ['in the gap between two segments', 2100, 2100, 2500, null],
    ['inside a segment: starts where it ends', 1500, 2000, 2500, 0],
    ['after the last segment, cut at the recording end', 9500, 9500, 10_000, null],
    ['a fraction of a ms is rounded', 2100.4, 2100, 2500, null]
  ] as const)('%s', (_name, playhead, start, end, inside) => {
    const slot = slotAtPlayhead(m, playhead)
    expect(slot).toEqual({ ok: true, startMs: start, endMs: end, inside: inside === null ? null : m.segments[inside] })
  })

  it.each([
    ['inside a segment followed at once by another', 3000, 1],
    ['at the recording end', 10_000, null]
  ] as const)('refused %s', (_name, playhead, inside) => {
    expect(slotAtPlayhead(m, playhead)).toEqual({ ok: false, inside: inside === null ? null : m.segments[inside] })
  })

  it('is newSegmentMs long when nothing stops it, and unbounded without a known duration', () => {
    expect(slotAtPlayhead(modelWith([]), 5000)).toEqual({ ok: true, startMs: 5000, endMs: 5000 + newSegmentMs, inside: null })
    expect(slotAtPlayhead(modelWith([]), -20)).toEqual({ ok: true, startMs: 0, endMs: newSegmentMs, inside: null })
  })
})

describe('slotForRange (where "New segment" over a waveform selection goes)', () => {
  const m = modelWith([[1000, 2000], [2500, 6000]], 8000)
  it.each([
    ['a range in a gap', { startMs: 2100, endMs: 2400 }, { ok: true, startMs: 2100, endMs: 2400 }],
    ['a range picked right to left', { startMs: 2400, endMs: 2100 }, { ok: true, startMs: 2100, endMs: 2400 }],
    ['a range past the end is clipped', { startMs: 7000, endMs: 9000 }, { ok: true, startMs: 7000, endMs: 8000 }],
    ['a range overlapping a neighbour is left to insertSegment', { startMs: 1500, endMs: 2400 }, { ok: true, startMs: 1500, endMs: 2400 }],
    ['an empty range', { startMs: 3000, endMs: 3000.2 }, { ok: false, reason: 'empty' }],
    ['a range wholly after the recording', { startMs: 8500, endMs: 9000 }, { ok: false, reason: 'empty' }]
  ] as const)('%s', (_name, range, expected) => {
    expect(slotForRange(m, range)).toEqual(expected)
  })

  it('refuses a range over a whole segment, naming it', () => {
    expect(slotForRange(m, { startMs: 900, endMs: 2100 })).toEqual({ ok: false, reason: 'covers-segment', segment: m.segments[0] })
  })
})
