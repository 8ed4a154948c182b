import { describe, expect, it } from 'vitest'
import { emptyView, inRegionWindow, playheadAt, regionWindowOf, revealScrollTime, zoomStep } from '../../renderer/src/lib/waveform-geometry'
import type { WaveView } from '../../renderer/src/lib/waveform-geometry'
import { pageTurnAt } from '../../renderer/src/lib/playhead-follow'

// A 100 s recording at 40 px/s (4000 px), a 1000 px view (25 s) and a 500 px overview.
const view = (over: Partial<WaveView> = {}): WaveView => ({ left: 0, width: 1000, total: 4000, duration: 100, overview: 500, ...over })

describe('playheadAt (where the playhead is drawn)', () => {
  const rows: Array<[string, number, Partial<WaveView>, number, { progress: number; x: number; px: number; overviewPx: number } | null]> = [
    ['the start', 0, {}, 1, { progress: 0, x: 0, px: 0, overviewPx: 0 }],
    ['a quarter in', 25_000, {}, 1, { progress: 0.25, x: 1000, px: 1000, overviewPx: 125 }],
    ['on a 2x display, in device pixels', 25_000, {}, 2, { progress: 0.25, x: 1000, px: 2000, overviewPx: 250 }],
    ['a fraction of a pixel rounds to the nearest', 10_012, {}, 1, { progress: 0.10012, x: 400.48, px: 400, overviewPx: 50 }],
    ['before the start clamps to it', -500, {}, 1, { progress: 0, x: 0, px: 0, overviewPx: 0 }],
    ['past the end clamps to it', 250_000, {}, 1, { progress: 1, x: 4000, px: 4000, overviewPx: 500 }],
    ['no overview: nothing across it', 50_000, { overview: 0 }, 1, { progress: 0.5, x: 2000, px: 2000, overviewPx: 0 }],
    ['an unmeasured view (no duration)', 1000, { duration: 0 }, 1, null],
    ['an unmeasured view (no width)', 1000, { total: 0 }, 1, null]
  ]
  it.each(rows)('%s', (_, ms, over, dpr, expected) => {
    const at = playheadAt(ms, view(over), dpr)
    if (expected === null) return void expect(at).toBeNull()
    expect(at!.progress).toBeCloseTo(expected.progress, 9)
    expect(at!.x).toBeCloseTo(expected.x, 6)
    expect({ px: at!.px, overviewPx: at!.overviewPx }).toEqual({ px: expected.px, overviewPx: expected.overviewPx })
  })
})

describe('regionWindowOf (which segments get a region)', () => {
  const rows: Array<[string, Partial<WaveView>, { from: number; to: number; key: string }]> = [
    ['at the start: one view before (negative) to two after', { left: 0 }, { from: -25, to: 50, key: '0:40' }],
    ['within the first view width: the same window', { left: 999 }, { from: -25, to: 50, key: '0:40' }],
    ['a view width on: the next step', { left: 1000 }, { from: 0, to: 75, key: '1:40' }],
    ['zoomed in: another scale, another key', { total: 8000, left: 0 }, { from: -12.5, to: 25, key: '0:80' }],
    ['a wider view: wider steps', { width: 2000, left: 2000 }, { from: 0, to: 150, key: '1:40' }],
    ['unmeasured: everything', { duration: 0 }, { from: 0, to: Infinity, key: 'all' }],
    ['no visible width: everything', { width: 0 }, { from: 0, to: Infinity, key: 'all' }]
  ]
  it.each(rows)('%s', (_, over, expected) => {
    expect(regionWindowOf(view(over))).toEqual(expected)
  })

  const window = { from: 10, to: 20, key: 'k' }
  const spans: Array<[string, number, number, boolean]> = [
    ['inside', 12_000, 15_000, true],
    ['across the start', 5_000, 11_000, true],
    ['across the end', 19_000, 30_000, true],
    ['ending on the start', 5_000, 10_000, true],
    ['starting on the end', 20_000, 25_000, true],
    ['wholly before', 1_000, 9_999, false],
    ['wholly after', 20_001, 22_000, false],
    ['around it', 0, 100_000, true]
  ]
  it.each(spans)('inRegionWindow: a span %s', (_, startMs, endMs, expected) => {
    expect(inRegionWindow(startMs, endMs, window)).toBe(expected)
  })

  it('the unmeasured window takes every span', () => {
    expect(inRegionWindow(0, 1, regionWindowOf(emptyView()))).toBe(true)
    expect(inRegionWindow(9_000_000, 9_000_001, regionWindowOf(emptyView()))).toBe(true)
  })
})

describe('revealScrollTime (a seek while paused brings the time into view)', () => {
  // Scrolled to 10 s: 10 s to 35 s is in view; a page turns past 10 + 25 * pageTurnAt.
  const turn = 10 + 25 * pageTurnAt
  const rows: Array<[string, number, Partial<WaveView>, number | null]> = [
    ['in view: stays', 20_000, { left: 400 }, null],
    ['at the left edge: stays', 10_000, { left: 400 }, null],
    ['at the page-turn line: stays', turn * 1000, { left: 400 }, null],
    ['just past the page-turn line: centred', turn * 1000 + 100, { left: 400 }, turn + 0.1 - 12.5],
    ['before the view: centred', 5_000, { left: 400 }, 0],
    ['far after the view: centred', 80_000, { left: 400 }, 67.5],
    ['unmeasured: nothing', 80_000, { duration: 0 }, null]
  ]
  it.each(rows)('%s', (_, ms, over, expected) => {
    const t = revealScrollTime(ms, view(over))
    if (expected === null) expect(t).toBeNull()
    else expect(t).toBeCloseTo(expected, 6)
  })
})

describe('zoomStep', () => {
  const rows: Array<[number, 1 | -1, number, number]> = [
    [4, 1, 9, 5],
    [4, -1, 9, 3],
    [8, 1, 9, 8],
    [0, -1, 9, 0],
    [0, 1, 1, 0]
  ]
  it.each(rows)('from %i by %i of %i levels: %i', (index, step, count, expected) => {
    expect(zoomStep(index, step, count)).toBe(expected)
  })
})
