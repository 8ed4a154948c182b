import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolvePreset } from '../../../shared/subtitles/presets'
import type { DraftCue } from '../../../shared/subtitles/timing'
import { timeWithState } from '../../../shared/subtitles/timing'
import { retime } from '../../../shared/subtitles/timing-local'
import type { Notice } from '../../../shared/i18n/notices'

/*
 * The local timing pass (shared/subtitles/timing-local.ts) is exactly the whole pass: random
 * drafts (crowded and sparse, out-of-order words, locks, nudges in and out), random chains of
 * edits that replace a run of drafts, each re-timed from the previous re-time's state: the cues,
 * the notices and the state deep-equal `timeWithState` of the edited drafts.
 */

const draftArb = (): fc.Arbitrary<{ gap: number; dur: number; chars: number; words: number; nudgeIn: number; nudgeOut: number; lock: null | { from: number; len: number } }> =>
  fc.record({
    // Mostly forward, sometimes back (a recogniser's out-of-order word), sometimes a long pause.
    gap: fc.oneof(fc.integer({ min: -400, max: 300 }), fc.integer({ min: 0, max: 6000 })),
    dur: fc.integer({ min: 60, max: 5000 }),
    chars: fc.integer({ min: 1, max: 84 }),
    words: fc.integer({ min: 1, max: 16 }),
    nudgeIn: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -600, max: 600 }) }),
    nudgeOut: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -600, max: 600 }) }),
    lock: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ from: fc.integer({ min: -500, max: 500 }), len: fc.integer({ min: 50, max: 4000 }) }) })
  })
type Raw = fc.Arbitrary<ReturnType<typeof draftArb> extends fc.Arbitrary<infer T> ? T : never>

/** Drafts from raw figures, the first starting at `at` ms. */
function drafts(raw: readonly (Raw extends fc.Arbitrary<infer T> ? T : never)[], at: number): DraftCue[] {
  let t = at
  return raw.map((r) => {
    t = Math.max(0, t + r.gap)
    const d: DraftCue = {
      lines: [`${r.chars} chars`],
      lineSpeakers: [null],
      kind: 'speech',
      speechStartMs: t,
      speechEndMs: t + r.dur,
      wordCount: r.words,
      chars: r.chars,
      words: r.words,
      nudgeInMs: r.nudgeIn,
      nudgeOutMs: r.nudgeOut,
      lock: r.lock ? { startMs: Math.max(0, t + r.lock.from), endMs: Math.max(0, t + r.lock.from) + r.lock.len } : null
    }
    t += r.dur
    return d
  })
}

const editArb = fc.record({ at: fc.double({ min: 0, max: 0.999999, noNaN: true }), remove: fc.integer({ min: 0, max: 4 }), insert: fc.array(draftArb(), { maxLength: 4 }) })

describe('the local timing pass', () => {
  for (const presetName of ['netflix-en', 'bbc'] as const) {
    it(`equals the whole pass after random chains of edits (${presetName})`, () => {
      const preset = resolvePreset(presetName)
      fc.assert(
        fc.property(fc.array(draftArb(), { minLength: 1, maxLength: 40 }), fc.array(editArb, { minLength: 1, maxLength: 6 }), (base, edits) => {
          let list = drafts(base, 0)
          let state = timeWithState(list, preset).state
          for (const e of edits) {
            const keep = Math.floor(e.at * list.length)
            const kT = Math.min(list.length, keep + e.remove)
            const at = keep > 0 ? list[keep - 1].speechEndMs : 0
            const next = [...list.slice(0, keep), ...drafts(e.insert, at), ...list.slice(kT)]
            if (next.length === 0) continue
            const localNotices: Notice[] = []
            const wholeNotices: Notice[] = []
            const local = retime(state, next, preset, keep, kT, localNotices)
            const whole = timeWithState(next, preset, wholeNotices)
            expect(local.cues).toEqual(whole.cues)
            expect(localNotices).toEqual(wholeNotices)
            expect(local.state).toEqual(whole.state)
            list = next
            state = local.state
          }
        }),
        { numRuns: 400 }
      )
    })
  }

  it('keeps the cue objects away from the change', () => {
    const preset = resolvePreset('netflix-en')
    // Cues two seconds apart: the ripple of an edit stays within a cue or two.
    const list: DraftCue[] = Array.from({ length: 200 }, (_, k) => ({ lines: ['some words here'], lineSpeakers: [null], kind: 'speech', speechStartMs: k * 3000, speechEndMs: k * 3000 + 1000, wordCount: 3, chars: 15, words: 3, nudgeInMs: 0, nudgeOutMs: 0, lock: null }))
    const before = timeWithState(list, preset)
    const next = [...list]
    next[100] = { ...list[100], lines: ['other words'], chars: 11, speechEndMs: list[100].speechEndMs + 200 }
    const after = retime(before.state, next, preset, 100, 101)
    expect(after.cues).toEqual(timeWithState(next, preset).cues)
    const kept = after.cues.filter((c, k) => c === before.cues[k]).length
    expect(kept).toBeGreaterThanOrEqual(196)
  })
})
