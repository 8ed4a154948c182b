import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import type { CueDecision, TranscriptModel } from '../../../shared/transcript'
import {
  addCueDecision,
  anchorsOf,
  applyEdit,
  commit,
  createHistory,
  deleteSegment,
  mergeSegments,
  removeCueDecision,
  replaceText,
  retimeSegment,
  segmentText,
  setSpeaker,
  splitSegment,
  undo
} from '../../../shared/transcript'
import { makeModel, paced } from '../subtitles/make-model'

/*
 * Cue decisions are anchored to words and survive the edits around them: an anchor that goes
 * away moves to its neighbour or is dropped, with a notice (shared/transcript/cue-decisions.ts).
 */

// s0: w0..w5 "one two three four five six", s1: w6..w9 "seven eight nine ten" (speaker b).
const base = (): TranscriptModel => makeModel([['a', paced('one two three four five six', 0)], ['b', paced('seven eight nine ten', 3000)]])
const ids = (m: TranscriptModel): string[] => m.segments.flatMap((s) => s.words.map((w) => w.id))
const textOf = (m: TranscriptModel, id: string): string => m.segments.flatMap((s) => s.words).find((w) => w.id === id)!.text

function withAll(): TranscriptModel {
  let m = base()
  m = addCueDecision(m, { kind: 'break-before', wordId: 'w3' })
  m = addCueDecision(m, { kind: 'keep-together', fromWordId: 'w1', toWordId: 'w2' })
  m = addCueDecision(m, { kind: 'nudge', edge: 'out', wordId: 'w5', deltaMs: 300 })
  m = addCueDecision(m, { kind: 'lock', fromWordId: 'w6', toWordId: 'w7', startMs: 3000, endMs: 4500 })
  return m
}
const find = (m: TranscriptModel, kind: CueDecision['kind']): CueDecision | undefined => m.cueDecisions?.find((d) => d.kind === kind)

describe('adding and removing decisions', () => {
  it('adds with an id, replaces a decision on the same anchor, removes, and undoes', () => {
    let h = createHistory(base())
    h = commit(h, addCueDecision(h.present, { kind: 'nudge', edge: 'in', wordId: 'w0', deltaMs: -100 }))
    h = commit(h, addCueDecision(h.present, { kind: 'nudge', edge: 'in', wordId: 'w0', deltaMs: -200 }))
    expect(h.present.cueDecisions).toEqual([{ id: 'd2', kind: 'nudge', edge: 'in', wordId: 'w0', deltaMs: -200 }])
    h = commit(h, removeCueDecision(h.present, 'd2'))
    expect(h.present.cueDecisions).toEqual([])
    h = undo(h)
    expect(h.present.cueDecisions).toHaveLength(1)
  })

  it.each([
    [{ kind: 'break-before', wordId: 'nope' }, /no word "nope"/],
    [{ kind: 'break-before', wordId: 'w0' }, /nothing to break before/],
    [{ kind: 'keep-together', fromWordId: 'w4', toWordId: 'w2' }, /ends before it starts/],
    [{ kind: 'nudge', edge: 'in', wordId: 'w1', deltaMs: 5000 }, /within ±2000/],
    [{ kind: 'lock', fromWordId: 'w1', toWordId: 'w2', startMs: 900, endMs: 900 }, /before its end/]
  ] as const)('refuses %j', (decision, message) => {
    expect(() => addCueDecision(base(), decision)).toThrow(AppError)
    expect(() => addCueDecision(base(), decision)).toThrow(message)
  })
})

describe('decisions survive edits', () => {
  it('inserting a word before the anchor keeps every decision as it was', () => {
    const m = withAll()
    const { model, notices } = applyEdit(m, (x) => replaceText(x, { segmentId: 's0', offset: 0 }, { segmentId: 's0', offset: 0 }, 'zero '))
    expect(model.cueDecisions).toEqual(m.cueDecisions)
    expect(notices).toEqual([])
  })

  it('deleting the anchor of a forced break moves it to the next word, with a notice', () => {
    // "one two three four five six": delete "four " (offset 14..19).
    const { model, notices } = applyEdit(withAll(), (x) => replaceText(x, { segmentId: 's0', offset: 14 }, { segmentId: 's0', offset: 19 }, ''))
    const d = find(model, 'break-before')!
    expect(d.kind === 'break-before' && textOf(model, d.wordId)).toBe('five')
    expect(notices).toEqual([expect.objectContaining({ outcome: 'moved', message: 'The forced break at "four" moved to "five": its word was deleted.' })])
  })

  it('retyping the anchor word as two words moves the break to the first of them', () => {
    const { model } = applyEdit(withAll(), (x) => replaceText(x, { segmentId: 's0', offset: 14 }, { segmentId: 's0', offset: 18 }, 'for ever'))
    const d = find(model, 'break-before')!
    expect(d.kind === 'break-before' && textOf(model, d.wordId)).toBe('for')
  })

  it('deleting every word of a kept range drops it, with a notice', () => {
    const { model, notices } = applyEdit(withAll(), (x) => replaceText(x, { segmentId: 's0', offset: 4 }, { segmentId: 's0', offset: 14 }, ''))
    expect(find(model, 'keep-together')).toBeUndefined()
    expect(notices.find((n) => n.outcome === 'dropped')?.message).toBe('The keep-together at "two" was dropped: every word it held was deleted.')
  })

  it('deleting the last word of a nudged cue moves the out-time to the word before', () => {
    const { model, notices } = applyEdit(withAll(), (x) => replaceText(x, { segmentId: 's0', offset: 23 }, { segmentId: 's0', offset: 27 }, ''))
    const d = find(model, 'nudge')!
    expect(d.kind === 'nudge' && textOf(model, d.wordId)).toBe('five')
    expect(notices).toHaveLength(1)
  })

  it('split and merge the segment keep every anchor (word ids are kept)', () => {
    const m = withAll()
    const split = splitSegment(m, 's0', { wordIndex: 3 })
    expect(split.cueDecisions).toEqual(m.cueDecisions)
    const merged = mergeSegments(split, 's0')
    expect(merged.cueDecisions).toEqual(m.cueDecisions)
    const across = mergeSegments(m, 's0')
    expect(across.cueDecisions).toEqual(m.cueDecisions)
  })

  it('a split inside the anchor word keeps the break on its first half', () => {
    const m = withAll()
    // Caret inside "four" (offset 16): "fo" keeps the id.
    const split = splitSegment(m, 's0', { offset: 16 })
    expect(split.cueDecisions).toEqual(m.cueDecisions)
  })

  it('changing the speaker of the anchor keeps the decisions', () => {
    const m = withAll()
    const changed = setSpeaker(m, { from: { segmentId: 's0', wordIndex: 2 }, to: { segmentId: 's0', wordIndex: 4 } }, 'b')
    expect(changed.cueDecisions).toEqual(m.cueDecisions)
    expect(retimeSegment(m, 's1', 'end', 9000).cueDecisions).toEqual(m.cueDecisions)
  })

  it('deleting the segment of a lock drops it; deleting one holding a break moves the break on', () => {
    const { model, notices } = applyEdit(withAll(), (x) => deleteSegment(x, 's1'))
    expect(find(model, 'lock')).toBeUndefined()
    expect(notices.map((n) => n.outcome)).toEqual(['dropped'])
    const gone = applyEdit(withAll(), (x) => deleteSegment(x, 's0'))
    expect(gone.model.cueDecisions?.map((d) => d.kind)).toEqual(['lock'])
    expect(gone.notices.map((n) => n.outcome)).toEqual(['dropped', 'dropped', 'dropped'])
  })

  it('random edits never leave a decision anchored to a missing word', () => {
    const pick = fc.nat({ max: 1000 })
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), seg: pick, a: pick, b: pick, text: fc.constantFrom('', 'x', 'a b', 'new words here') }),
      fc.record({ kind: fc.constant('delete' as const), seg: pick }),
      fc.record({ kind: fc.constant('split' as const), seg: pick, at: pick }),
      fc.record({ kind: fc.constant('merge' as const), seg: pick }),
      fc.record({ kind: fc.constant('speaker' as const), seg: pick }),
      fc.record({ kind: fc.constant('decide' as const), a: pick, b: pick, kindOf: fc.nat({ max: 3 }) })
    )
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        let m = withAll()
        for (const e of edits) {
          const n = m.segments.length
          if (n === 0) break
          const seg = m.segments[('seg' in e ? e.seg : 0) % n]
          try {
            if (e.kind === 'replace') {
              const len = segmentText(seg).length
              const a = e.a % (len + 1)
              m = replaceText(m, { segmentId: seg.id, offset: a }, { segmentId: seg.id, offset: a + (e.b % (len - a + 1)) }, e.text)
            } else if (e.kind === 'delete') m = deleteSegment(m, seg.id)
            else if (e.kind === 'split') m = splitSegment(m, seg.id, { wordIndex: e.at % Math.max(1, seg.words.length) })
            else if (e.kind === 'merge') m = mergeSegments(m, seg.id)
            else if (e.kind === 'speaker') m = setSpeaker(m, { segmentId: seg.id }, seg.speakerId === 'a' ? 'b' : 'a')
            else {
              const all = ids(m)
              const [x, y] = [all[e.a % all.length], all[e.b % all.length]].sort((p, q) => all.indexOf(p) - all.indexOf(q))
              const kinds = [
                { kind: 'break-before', wordId: y },
                { kind: 'keep-together', fromWordId: x, toWordId: y },
                { kind: 'nudge', edge: 'out', wordId: x, deltaMs: 100 },
                { kind: 'lock', fromWordId: x, toWordId: y, startMs: 10, endMs: 2000 }
              ] as const
              m = addCueDecision(m, kinds[e.kindOf])
            }
          } catch (error) {
            if (!(error instanceof AppError)) throw error
          }
          const present = new Set(ids(m))
          for (const d of m.cueDecisions ?? []) for (const id of anchorsOf(d)) expect(present.has(id)).toBe(true)
          // Ranges stay in order.
          const order = ids(m)
          for (const d of m.cueDecisions ?? []) if (d.kind === 'keep-together' || d.kind === 'lock') expect(order.indexOf(d.fromWordId)).toBeLessThanOrEqual(order.indexOf(d.toWordId))
        }
      }),
      { numRuns: 200 }
    )
  })
})
