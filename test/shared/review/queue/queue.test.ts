import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { TranscriptModel } from '../../../../shared/transcript'
import { acceptWord, commit, createHistory, deleteSegment, mergeSegments, replaceText, retimeSegment, segmentText, setSegmentText, setSpeaker, splitSegment, undo, wordsText } from '../../../../shared/transcript'
import { buildQueue, compareItems, defaultWeights, queuedSegments, readWeights, scoreOf, updateQueue } from '../../../../shared/review/queue'
import type { QueueInputs, QueueItem, QueueState } from '../../../../shared/review/queue'
import { fixtureModel, inputsFor } from './support'

/*
 * The queue as a whole: the documented score and order, accept and correct, and the
 * incremental update, which must always equal a full rebuild (fast-check, random edits).
 */

const kate = 'kate-darling-ted.dpe.json'
const today = 'today-in-focus.amazon-transcribe.json'
let inputs: QueueInputs
let todayInputs: QueueInputs
beforeAll(async () => {
  inputs = await inputsFor(fixtureModel(kate))
  todayInputs = await inputsFor(fixtureModel(today))
})

/** Replaces the text of the word `wordId` (a correction), the way the editor's replaceWord does. */
function correct(m: TranscriptModel, wordId: string, text: string): TranscriptModel {
  const seg = m.segments.find((s) => s.words.some((w) => w.id === wordId))!
  const index = seg.words.findIndex((w) => w.id === wordId)
  const start = index === 0 ? 0 : wordsText(seg.words.slice(0, index)).length + 1
  return replaceText(m, { segmentId: seg.id, offset: start }, { segmentId: seg.id, offset: start + seg.words[index].text.length }, text)
}

describe('the score', () => {
  it('is the sum of weight × strength, and a weight of 0 turns a signal off', () => {
    const hits = [
      { wordIndex: 0, signal: 'low-confidence' as const, strength: 0.75, detail: '' },
      { wordIndex: 0, signal: 'number' as const, strength: 1, detail: '' }
    ]
    expect(scoreOf(hits, defaultWeights)).toBe(3 * 0.75 + 2)
    expect(scoreOf(hits, { ...defaultWeights, number: 0 })).toBe(2.25)
    const q = buildQueue(fixtureModel(today), { ...todayInputs, weights: { ...defaultWeights, 'low-confidence': 0 } })
    expect(q.items.some((i) => i.reasons.some((r) => r.signal === 'low-confidence'))).toBe(false)
  })

  it('orders by score, then time, then word id', () => {
    const q = buildQueue(fixtureModel(today), todayInputs)
    for (let k = 1; k < q.items.length; k++) expect(compareItems(q.items[k - 1], q.items[k])).toBeLessThan(0)
    const a = { score: 2, startMs: 500, wordId: 'b' } as QueueItem
    expect(compareItems(a, { ...a, score: 3 })).toBeGreaterThan(0)
    expect(compareItems(a, { ...a, startMs: 400 })).toBeGreaterThan(0)
    expect(compareItems(a, { ...a, wordId: 'a' })).toBeGreaterThan(0)
    // The top of the radio show: low confidence on a name that is not a common word.
    expect(q.items[0]).toMatchObject({ text: 'Onda', reasons: [{ signal: 'low-confidence' }, { signal: 'name' }, { signal: 'rare-word' }] })
  })

  it('reads stored weights, keeping defaults for anything out of range', () => {
    expect(readWeights({ number: 5, name: -1, overlap: 'x', 'rare-word': 11 })).toEqual({ ...defaultWeights, number: 5 })
    expect(readWeights(null)).toEqual(defaultWeights)
  })
})

describe('accept and correct', () => {
  it('accept: the word leaves the queue, is undoable, and survives a draft round trip (JSON)', () => {
    const m = fixtureModel(today)
    const q = buildQueue(m, todayInputs)
    const top = q.items[0]
    const accepted = acceptWord(m, top.wordId)
    expect(acceptWord(accepted, top.wordId)).toBe(accepted)
    const q2 = updateQueue(q, accepted)
    expect(q2.items.find((i) => i.wordId === top.wordId)).toBeUndefined()
    expect(q2.items).toHaveLength(q.items.length - 1)
    const reread = JSON.parse(JSON.stringify(accepted)) as TranscriptModel
    expect(buildQueue(reread, todayInputs).items.map((i) => i.wordId)).toEqual(q2.items.map((i) => i.wordId))
    const h = undo(commit(createHistory(m), accepted))
    expect(updateQueue(q2, h.present).items).toEqual(q.items)
    expect(() => acceptWord(m, 'no-such-word')).toThrow(/no word/)
  })

  it('a correction removes the item, a deleted word leaves none behind', () => {
    const m = fixtureModel(today)
    const q = buildQueue(m, todayInputs)
    const top = q.items[0]
    const fixed = correct(m, top.wordId, 'Honda')
    const q2 = updateQueue(q, fixed)
    expect(q2.items.find((i) => i.wordId === top.wordId)).toBeUndefined()
    expect(q2.items.some((i) => i.text === 'Honda')).toBe(false)
    const seg = m.segments.find((s) => s.id === top.segmentId)!
    const gone = deleteSegment(m, seg.id)
    const q3 = updateQueue(q, gone)
    expect(q3.items.some((i) => i.segmentId === seg.id)).toBe(false)
    expect(q3.items).toEqual(buildQueue(gone, todayInputs).items)
  })

  it('queuedSegments answers "has this segment open items" for the transcript filter', () => {
    const q = buildQueue(fixtureModel(today), todayInputs)
    const has = queuedSegments(q.items)
    expect(has(q.items[0].segmentId)).toBe(true)
    expect(has('nope')).toBe(false)
  })
})

const pick = fc.nat({ max: 1_000_000 })
const text = fc.constantFrom('the', 'Robot', '42', 'dinosaur', 'Maria', 'xyzzy', 'hello world')
const command = fc.oneof(
  fc.record({ kind: fc.constant('correct' as const), item: pick, text }),
  fc.record({ kind: fc.constant('accept' as const), item: pick }),
  fc.record({ kind: fc.constant('type' as const), seg: pick, text }),
  fc.record({ kind: fc.constant('split' as const), seg: pick, at: pick }),
  fc.record({ kind: fc.constant('merge' as const), seg: pick }),
  fc.record({ kind: fc.constant('delete' as const), seg: pick }),
  fc.record({ kind: fc.constant('speaker' as const), seg: pick, spk: pick }),
  fc.record({ kind: fc.constant('retime' as const), seg: pick, delta: fc.integer({ min: -3000, max: 3000 }) }),
  fc.record({ kind: fc.constant('undo' as const) })
)
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never

function applyCommand(m: TranscriptModel, items: readonly QueueItem[], c: Command): TranscriptModel {
  const n = m.segments.length
  if (n === 0) return m
  const s = m.segments[(('seg' in c ? c.seg : 0) as number) % n]
  switch (c.kind) {
    case 'correct':
      return items.length ? correct(m, items[c.item % items.length].wordId, c.text) : m
    case 'accept':
      return items.length ? acceptWord(m, items[c.item % items.length].wordId) : m
    case 'type':
      return setSegmentText(m, s.id, segmentText(s) + ' ' + c.text)
    case 'split':
      return s.words.length > 1 ? splitSegment(m, s.id, { wordIndex: 1 + (c.at % (s.words.length - 1)) }) : m
    case 'merge':
      return mergeSegments(m, s.id)
    case 'delete':
      return deleteSegment(m, s.id)
    case 'speaker':
      return setSpeaker(m, { segmentId: s.id }, m.speakers[c.spk % m.speakers.length].id)
    case 'retime':
      return retimeSegment(m, s.id, 'start', s.startMs + c.delta)
    case 'undo':
      return m
  }
}

describe('the incremental queue (fast-check)', () => {
  it('equals a full rebuild after every random edit, and never holds an item for a missing or accepted word', () => {
    fc.assert(
      fc.property(fc.constantFrom(kate, today), fc.array(command, { minLength: 1, maxLength: 15 }), (file, commands) => {
        const ins = file === kate ? inputs : todayInputs
        let h = createHistory(fixtureModel(file))
        let q: QueueState = buildQueue(h.present, ins)
        for (const c of commands) {
          if (c.kind === 'undo') h = undo(h)
          else {
            let next: TranscriptModel
            try {
              next = applyCommand(h.present, q.items, c)
            } catch {
              continue // a refused edit (e.g. merging the last segment) changes nothing
            }
            h = commit(h, next)
          }
          q = updateQueue(q, h.present)
          expect(q.items).toEqual(buildQueue(h.present, ins).items)
          const words = new Map(h.present.segments.flatMap((sg) => sg.words.map((w) => [w.id, { w, sg: sg.id }] as const)))
          const accepted = new Set(h.present.acceptedWordIds ?? [])
          for (const item of q.items) {
            expect(words.get(item.wordId)?.sg).toBe(item.segmentId)
            expect(words.get(item.wordId)?.w.text).toBe(item.text)
            expect(accepted.has(item.wordId)).toBe(false)
          }
        }
      }),
      { numRuns: 25 }
    )
  })

  it('accepting or correcting every item (in any mix) empties the queue', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 50 }), fc.constantFrom('Maria', 'word', '7'), (choices, fix) => {
        let m = fixtureModel(today)
        let q = buildQueue(m, todayInputs)
        const words = m.segments.reduce((n, s) => n + s.words.length, 0)
        let steps = 0
        while (q.items.length > 0) {
          const item = q.items[0]
          m = choices[steps % choices.length] ? acceptWord(m, item.wordId) : correct(m, item.wordId, fix)
          q = updateQueue(q, m)
          expect(q.items.some((i) => i.wordId === item.wordId)).toBe(false)
          // Each step retires one recogniser word, so this ends: a bound, not a timing.
          expect(++steps).toBeLessThanOrEqual(words)
        }
        expect(buildQueue(m, todayInputs).items).toEqual([])
      }),
      { numRuns: 5 }
    )
  })
})
