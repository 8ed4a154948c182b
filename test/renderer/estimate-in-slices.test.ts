import { describe, expect, it } from 'vitest'
import { createEstimateCache, exactBudgetMs } from '../../renderer/src/lib/estimate-in-slices'
import { guessRowHeight } from '../../renderer/src/composables/use-row-estimate'
import { rowHeight } from '../../renderer/src/lib/row-height-model'
import type { RowLayout } from '../../renderer/src/lib/row-height-model'
import { normaliseTranscript } from '../../shared/transcript'
import type { Segment } from '../../shared/transcript'
import { convertRealFixture } from '../fixtures/real-to-export'

/*
 * Row-height estimates when a long model lands (issue 21: wrapping every row of a 6-hour task in
 * one go was a 141 ms task). Only a few ms of exact wrapping per task, the rest guessed and
 * wrapped in slices, then one `refined`. The clock is the test's own: each exact wrap costs it one
 * "millisecond", so what a task does is counted, never timed.
 */

const segments = normaliseTranscript(convertRealFixture('senate-hearing-2h.dpe.json')).segments
// The wide row's figures as read in Chromium (test/renderer/row-height-model.test.ts), a 700 px column.
const layout: RowLayout = { width: 700, line: 27.2, space: 4.4, textTop: 4, fixedBottom: 44, tail: 5, noteWidth: 670, noteLine: 15, noteExtra: 2 }
// A proportional font: narrow i/l/t/f/j/r and punctuation, wide m/w and capitals.
const charWidth = (c: string): number => ('iltfjr.,;:\'!'.includes(c) ? 4 : 'mwMW'.includes(c) ? 13 : c >= 'A' && c <= 'Z' ? 10.5 : 8.6)
const measure = (text: string): number => [...text].reduce((w, c) => w + charWidth(c), 0)
const sample = 'The quick brown fox jumps over the lazy dog, and then 12 more. Well, yes: I think so.'

function cacheOf(onRefined: () => void) {
  let clock = 0
  let exactCalls = 0
  const cache = createEstimateCache<Segment>({
    exact: (s) => {
      exactCalls++
      clock += 1
      return Math.round(rowHeight(s, layout, measure, measure))
    },
    guess: (s) => guessRowHeight(s, layout, measure(sample) / sample.length),
    always: (s) => !!s.note,
    refined: onRefined,
    now: () => clock
  })
  return { cache, exactCalls: () => exactCalls }
}

describe('row estimates when a long model lands', () => {
  it('wraps only the first rows in the task that asks for all of them, the rest in later slices, then says so once', async () => {
    let refinedCount = 0
    let refined!: () => void
    const done = new Promise<void>((r) => (refined = r))
    const { cache, exactCalls } = cacheOf(() => {
      refinedCount++
      refined()
    })
    // The virtualiser's one synchronous loop over every row.
    const first = segments.map((s) => cache.estimate(s))
    expect(exactCalls()).toBeLessThanOrEqual(exactBudgetMs + 1)
    expect(cache.guessed).toBe(segments.length - exactCalls())
    // The top rows (on screen at open) are exact from the start.
    expect(first[0]).toBe(Math.round(rowHeight(segments[0], layout, measure, measure)))
    await done
    expect(refinedCount).toBe(1)
    expect(cache.guessed).toBe(0)
    // Every row wrapped once, and the figures are now the exact ones.
    expect(exactCalls()).toBe(segments.length)
    expect(segments.map((s) => cache.estimate(s))).toEqual(segments.map((s) => Math.round(rowHeight(s, layout, measure, measure))))
    expect(exactCalls()).toBe(segments.length)
  })

  it('the guess is close to the wrap: the list\'s total moves by under 2 % when the exact figures come', () => {
    const exact = segments.reduce((sum, s) => sum + rowHeight(s, layout, measure, measure), 0)
    const guessed = segments.reduce((sum, s) => sum + guessRowHeight(s, layout, measure(sample) / sample.length), 0)
    expect(Math.abs(guessed - exact) / exact).toBeLessThan(0.02)
  })

  it('a reset while rows are being wrapped (the column\'s width changed) drops that work: only the new figures are refined', async () => {
    let refinedCount = 0
    let refined!: () => void
    const done = new Promise<void>((r) => (refined = r))
    const { cache } = cacheOf(() => {
      refinedCount++
      refined()
    })
    segments.forEach((s) => cache.estimate(s))
    cache.reset()
    expect(cache.guessed).toBe(0)
    // Asked again in a later task (the list re-estimates after the reset): a new budget, new guesses.
    await Promise.resolve()
    segments.forEach((s) => cache.estimate(s))
    expect(cache.guessed).toBeGreaterThan(segments.length - exactBudgetMs - 2)
    await done
    expect(refinedCount).toBe(1)
    expect(cache.guessed).toBe(0)
  })
})
