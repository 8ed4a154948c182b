import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { transcriptExportSchema } from '../../../shared/api/transcript-export'
import type { History, TranscriptModel } from '../../../shared/transcript'
import {
  addAnnotation,
  addSpeaker,
  canRedo,
  canUndo,
  checkInvariants,
  commit,
  createHistory,
  deleteAnnotation,
  deleteSegment,
  insertSegment,
  mergeSegments,
  mergeSpeakers,
  normaliseTranscript,
  redo,
  renameSpeaker,
  replaceText,
  retimeAnnotation,
  retimeSegment,
  segmentText,
  setReviewed,
  setSegmentText,
  setSpeaker,
  splitSegment,
  toTranscriptExport,
  undo
} from '../../../shared/transcript'
import { edgeCases } from '../../fixtures/edge-cases'
import { convertRealFixture } from '../../fixtures/real-to-export'

const inputs = {
  kate: convertRealFixture('kate-darling-ted.dpe.json'),
  amazonMs: convertRealFixture('today-in-focus.amazon-transcribe.json', { timeUnit: 'milliseconds' }),
  overlapping: edgeCases.overlappingUnsorted,
  mismatch: edgeCases.textMismatch,
  nulls: edgeCases.nullsEverywhere
}

const word = fc.constantFrom('the', 'robot', 'Hello,', 'yes.', '?', 'dinosaur', 'a', 'don’t', '—')
const phrase = fc.array(word, { minLength: 0, maxLength: 4 }).map((w) => w.join(' '))
const pick = fc.nat({ max: 1_000_000 })

/** One edit as data; `apply` resolves the picks against whatever model it meets. */
const command = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), seg: pick, span: fc.nat({ max: 2 }), a: pick, b: pick, text: phrase }),
  fc.record({ kind: fc.constant('type' as const), seg: pick, text: phrase, at: fc.nat({ max: 3000 }) }),
  fc.record({ kind: fc.constant('split' as const), seg: pick, at: pick, caret: fc.boolean() }),
  fc.record({ kind: fc.constant('merge' as const), seg: pick }),
  fc.record({ kind: fc.constant('insert' as const), seg: pick, text: phrase }),
  fc.record({ kind: fc.constant('delete' as const), seg: pick }),
  fc.record({ kind: fc.constant('speaker' as const), seg: pick, spk: pick, range: fc.option(fc.tuple(pick, pick, fc.nat({ max: 2 }))) }),
  fc.record({ kind: fc.constant('retime' as const), seg: pick, end: fc.boolean(), delta: fc.integer({ min: -5000, max: 5000 }) }),
  fc.record({ kind: fc.constant('speakers' as const), op: fc.constantFrom('add', 'rename', 'merge'), a: pick, b: pick }),
  fc.record({ kind: fc.constant('annotation' as const), op: fc.constantFrom('add', 'retime', 'delete'), a: pick, ms: fc.nat({ max: 800_000 }) }),
  fc.record({ kind: fc.constant('reviewed' as const), seg: pick, value: fc.boolean() })
)
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never

function apply(m: TranscriptModel, c: Command, step: number): TranscriptModel {
  const n = m.segments.length
  const segAt = (p: number) => m.segments[p % n]
  if (n === 0 && c.kind !== 'speakers' && c.kind !== 'annotation') return m
  switch (c.kind) {
    case 'replace': {
      const i = c.seg % n
      const j = Math.min(n - 1, i + c.span)
      const fromLen = segmentText(m.segments[i]).length
      const toLen = segmentText(m.segments[j]).length
      const fromOff = c.a % (fromLen + 1)
      const toOff = i === j ? fromOff + (c.b % (fromLen - fromOff + 1)) : c.b % (toLen + 1)
      return replaceText(m, { segmentId: m.segments[i].id, offset: fromOff }, { segmentId: m.segments[j].id, offset: toOff }, c.text)
    }
    case 'type': {
      const s = segAt(c.seg)
      return setSegmentText(m, s.id, segmentText(s) + ' ' + c.text)
    }
    case 'split': {
      const s = segAt(c.seg)
      return splitSegment(m, s.id, c.caret ? { offset: c.at % (segmentText(s).length + 1) } : { wordIndex: c.at % (s.words.length + 1) })
    }
    case 'merge':
      return mergeSegments(m, segAt(c.seg).id)
    case 'insert': {
      const s = segAt(c.seg)
      const held = s.words.length ? Math.max(...s.words.map((w) => w.endMs)) : s.startMs
      return insertSegment(m, { startMs: held, endMs: held + 500, speakerId: s.speakerId, text: c.text })
    }
    case 'delete':
      return deleteSegment(m, segAt(c.seg).id)
    case 'speaker': {
      const spk = m.speakers[c.spk % m.speakers.length].id
      if (!c.range) return setSpeaker(m, { segmentId: segAt(c.seg).id }, spk)
      const i = c.seg % n
      const j = Math.min(n - 1, i + c.range[2])
      const a = m.segments[i]
      const b = m.segments[j]
      if (!a.words.length || !b.words.length) return m
      const from = c.range[0] % a.words.length
      const to = i === j ? from + (c.range[1] % (a.words.length - from)) : c.range[1] % b.words.length
      return setSpeaker(m, { from: { segmentId: a.id, wordIndex: from }, to: { segmentId: b.id, wordIndex: to } }, spk)
    }
    case 'retime': {
      const s = segAt(c.seg)
      return retimeSegment(m, s.id, c.end ? 'end' : 'start', (c.end ? s.endMs : s.startMs) + c.delta)
    }
    case 'speakers': {
      if (c.op === 'add') return addSpeaker(m, { name: `Guest ${step}` })
      const a = m.speakers[c.a % m.speakers.length]
      if (c.op === 'rename') return renameSpeaker(m, a.id, `Renamed ${step}`)
      return mergeSpeakers(m, a.id, m.speakers[c.b % m.speakers.length].id)
    }
    case 'annotation': {
      if (c.op === 'add' || m.annotations.length === 0) return addAnnotation(m, { content: `note ${step}`, startMs: c.ms, endMs: c.ms + 1000 })
      const a = m.annotations[c.a % m.annotations.length]
      return c.op === 'retime' ? retimeAnnotation(m, a.id, c.ms, c.ms + 10) : deleteAnnotation(m, a.id)
    }
    case 'reviewed':
      return setReviewed(m, segAt(c.seg).id, c.value)
  }
}

describe('random edit sequences (fast-check)', () => {
  it('keep the invariants, and undo/redo walk the whole history exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(inputs) as Array<keyof typeof inputs>)), fc.array(command, { minLength: 1, maxLength: 25 }), (name, commands) => {
        const loaded = normaliseTranscript(inputs[name])
        const snapshot = structuredClone(loaded)
        let h: History = createHistory(loaded)
        const presents: TranscriptModel[] = [loaded]
        commands.forEach((c, step) => {
          let next: TranscriptModel
          try {
            next = apply(h.present, c, step)
          } catch (error) {
            // A refused request must be a clear bad_request, never a crash.
            if (error instanceof AppError && error.code === 'bad_request') return
            throw error
          }
          expect(checkInvariants(next)).toEqual([])
          const before = h
          h = commit(h, next, c.kind === 'type' ? { kind: 'typing', at: step * 100, key: 'k' } : { kind: 'edit' })
          if (h.past.length > before.past.length) presents.push(h.present)
          else presents[presents.length - 1] = h.present
        })
        const final = h.present
        expect(transcriptExportSchema.safeParse(toTranscriptExport(final)).success).toBe(true)
        // Undo every step: each intermediate present comes back, ending at the loaded model.
        for (let k = presents.length - 1; k > 0; k--) {
          expect(h.present).toBe(presents[k])
          h = undo(h)
        }
        expect(canUndo(h)).toBe(false)
        expect(h.present).toBe(loaded)
        expect(h.present).toStrictEqual(snapshot)
        expect(toTranscriptExport(h.present)).toStrictEqual(inputs[name])
        while (canRedo(h)) h = redo(h)
        expect(h.present).toBe(final)
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 100), ...(process.env.PROP_SEED ? {} : { seed: 20261123 }) }
    )
  }, 120_000)
})
