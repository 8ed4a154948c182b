import { describe, expect, it } from 'vitest'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { resolvePreset } from '../../../shared/subtitles/presets'
import type { Label, Plan, PlanContext, PlanToken } from '../../../shared/subtitles/planner'
import { bestLabel, planContext, planOf, runPlan } from '../../../shared/subtitles/planner'
import { planAll } from '../../../shared/subtitles/plan-whole'
import { cutConstraints } from '../../../shared/subtitles/decisions'
import { charCount } from '../../../shared/subtitles/text'
import { seededRandom } from '../../support/seeded-random'

/*
 * The whole cut folds the planner's fronts as it goes (plan-whole.ts): the same cues as keeping
 * every label, without holding a label per boundary (on a 50 MB export those labels were the
 * peak of `sdte export`).
 */

type Tok = PlanToken & { readonly wordId: string | null }

/** A deterministic stream of `n` words: varied lengths, pauses, sentence ends, speaker turns. */
function stream(n: number, seed: number): Tok[] {
  const rand = seededRandom(seed)
  const vocabulary = ['the', 'committee', 'will', 'come', 'to', 'order.', 'Senator', 'Smith,', 'and', 'a', 'hearing', 'on', 'budget', 'questions?', 'yes', 'I', 'think', 'so.']
  const tokens: Tok[] = []
  let t = 0
  let speaker = 'A'
  let paragraph = 0
  for (let k = 0; k < n; k++) {
    if (rand() < 0.02) {
      speaker = speaker === 'A' ? 'B' : 'A'
      paragraph++
    }
    const text = vocabulary[Math.floor(rand() * vocabulary.length)]
    const len = 120 + Math.floor(rand() * 400)
    t += rand() < 0.05 ? 1500 : Math.floor(rand() * 120)
    tokens.push({ text, len: charCount(text), startMs: t, endMs: t + len, speakerId: speaker, annotation: false, paragraph, words: 1, wordId: `w${k}` })
    t += len
  }
  return tokens
}

function contextOf(tokens: readonly Tok[], preset: string): PlanContext {
  const p = resolvePreset(preset)
  return planContext(tokens, p, 'en', new Array<string | null>(tokens.length).fill(null), charCount, cutConstraints(tokens, [], p))
}

/** The cut as the planner made it before folding: every boundary's labels kept, then the way back. */
function keptFrontsPlan(ctx: PlanContext): Plan[] {
  const n = ctx.tokens.length
  const fronts: Label[][] = new Array(n + 1)
  runPlan(ctx, fronts, 0, n)
  const plans: Plan[] = []
  for (let i = n, q = bestLabel(fronts[n]); i > 0; ) {
    const label = fronts[i][q]
    plans.push(planOf(ctx, label, i))
    q = label.p
    i = label.j
  }
  return plans.reverse()
}

describe('the whole cut (plan-whole.ts)', () => {
  it.each([
    ['netflix-en', 3000],
    ['bbc', 2000],
    ['web', 1500]
  ])('%s: the same cues as keeping every front, across many stretches', (preset, n) => {
    const ctx = contextOf(stream(n, n), preset)
    expect(planAll(ctx).plans).toEqual(keptFrontsPlan(ctx))
  })

  it('three-line cues and dialogue cues keep their line starts', () => {
    const tokens = stream(2500, 99)
    const p = { ...resolvePreset('netflix-en'), maxLines: 3, speakerStyle: 'dialogue-dashes' as const }
    const ctx = planContext(tokens, p, 'en', new Array<string | null>(tokens.length).fill(null), charCount, cutConstraints(tokens, [], p))
    const plans = planAll(ctx).plans
    expect(plans).toEqual(keptFrontsPlan(ctx))
    expect(plans.some((x) => x.dialogue)).toBe(true)
  })

  it('holds no label per boundary while it plans: the heap at the last boundary is near where it started', () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const n = 60_000
    const tokens = stream(n, 7)
    const ctx = contextOf(tokens, 'netflix-en')
    planAll(ctx) // compiled once, so code is not counted below
    let atLast = -1
    const last = tokens[n - 1]
    // The planner reads the last word's end when it plans the last boundary: every other front is planned by then.
    Object.defineProperty(last, 'endMs', {
      get: () => {
        if (atLast < 0) {
          gc()
          atLast = process.memoryUsage().heapUsed
        }
        return last.startMs + 200
      }
    })
    gc()
    const before = process.memoryUsage().heapUsed
    planAll(ctx)
    // Kept fronts held ~150 bytes a boundary (9 MB here); folded ones live in typed arrays, off this heap.
    expect(atLast - before).toBeLessThan(2_000_000)
  })
})
