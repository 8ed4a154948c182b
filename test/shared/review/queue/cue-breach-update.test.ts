import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildQueue, cueBreachSpans, onlyCueBreachesDiffer, updateQueue, withCueBreaches } from '../../../../shared/review/queue'
import type { CueBreachSpan, QueueInputs } from '../../../../shared/review/queue'
import { setSegmentText, segmentText } from '../../../../shared/transcript'
import { fixtureModel, inputsFor } from './support'

/*
 * New cue breach spans re-score only the segments whose cue-breach hits they change, and the
 * queue is then exactly the whole build under the new spans: real spans of two presets, random
 * subsets of them, spans moved in time, after random typing (fast-check).
 */

const kate = 'kate-darling-ted.dpe.json'
const today = 'today-in-focus.amazon-transcribe.json'
const base = new Map<string, QueueInputs>()
const spanSets = new Map<string, CueBreachSpan[]>()
beforeAll(async () => {
  for (const file of [kate, today]) {
    const m = fixtureModel(file)
    base.set(file, await inputsFor(m))
    spanSets.set(file, [...cueBreachSpans(m, { preset: 'netflix-en' }), ...cueBreachSpans(m, { preset: 'bbc' }), ...cueBreachSpans(m, { preset: 'netflix-en', maxCharsPerLine: 20 } as never)].sort((a, b) => a.startMs - b.startMs))
  }
})

describe('cue breach spans replaced', () => {
  it('tells a change of spans only from a change of anything else', async () => {
    const a = base.get(kate)!
    expect(onlyCueBreachesDiffer(a, { ...a, cueBreaches: [] })).toBe(true)
    expect(onlyCueBreachesDiffer(a, a)).toBe(false)
    expect(onlyCueBreachesDiffer(a, { ...a, cueBreaches: [], threshold: 0.5 })).toBe(false)
    expect(onlyCueBreachesDiffer(a, { ...a, weights: { ...a.weights } })).toBe(false)
    expect(() => withCueBreaches(buildQueue(fixtureModel(kate), a), { ...a, threshold: 0.1 })).toThrow(/more than the cue breach spans/)
  })

  it('equals a whole build under the new spans, after random typing and random span sets (fast-check)', () => {
    const span = (file: string) => fc.subarray(spanSets.get(file)!, { minLength: 0 }).chain((xs) => fc.integer({ min: -800, max: 800 }).map((shift) => xs.map((s, i) => (i % 3 === 0 ? { ...s, startMs: s.startMs + shift, endMs: s.endMs + shift } : s)).sort((a, b) => a.startMs - b.startMs)))
    fc.assert(
      fc.property(
        fc.constantFrom(kate, today).chain((file) => fc.tuple(fc.constant(file), fc.array(fc.tuple(fc.nat(), fc.constantFrom('Yes', 'twenty', 'Maria', 'a very long word indeed')), { maxLength: 4 }), fc.array(span(file), { minLength: 1, maxLength: 4 }))),
        ([file, edits, sets]) => {
          let model = fixtureModel(file)
          let ins = base.get(file)!
          let q = buildQueue(model, ins)
          for (let i = 0; i < sets.length; i++) {
            const edit = edits[i]
            if (edit) {
              const s = model.segments[edit[0] % model.segments.length]
              model = setSegmentText(model, s.id, `${segmentText(s)} ${edit[1]}`)
            }
            // As the store does: the edit with the old spans, then the new spans.
            const next = { ...ins, cueBreaches: sets[i] }
            q = withCueBreaches(updateQueue(q, model, ins), next)
            ins = next
            expect(q.items).toEqual(buildQueue(model, ins).items)
            expect(q.inputs).toBe(ins)
          }
        }
      ),
      { numRuns: 30 }
    )
  })

  it('keeps the untouched segments\' items as they were (only the changed ones are scored again)', () => {
    const model = fixtureModel(today)
    const spans = spanSets.get(today)!
    const ins = { ...base.get(today)!, cueBreaches: spans }
    const q = buildQueue(model, ins)
    expect(spans.length).toBeGreaterThan(2)
    const next = { ...ins, cueBreaches: spans.slice(1) }
    const r = withCueBreaches(q, next)
    const changed = r.entries.filter((e, i) => e !== q.entries[i])
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.length).toBeLessThanOrEqual(2)
    expect(r.items).toEqual(buildQueue(model, next).items)
  })
})
