import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadRealExport, realFixtureNames } from '../../fixtures/real-to-export'
import { normaliseTranscript } from '../../../shared/transcript/normalise'
import type { TranscriptModel } from '../../../shared/transcript/model'
import { deleteSegment, mergeSegments, setSegmentText, setSpeaker, splitSegment } from '../../../shared/transcript/edits'
import { addCueDecision, removeCueDecision } from '../../../shared/transcript/cue-decisions'
import { resolvePreset } from '../../../shared/subtitles/presets'
import type { SegmentOptions } from '../../../shared/subtitles/segment'
import { cutWords } from '../../../shared/subtitles/segment'
import { canRecutLocally, recut, wholeCut } from '../../../renderer/src/lib/cue-recut'
import type { CueCut } from '../../../renderer/src/lib/cue-recut'

/*
 * The local re-cut (shared/subtitles/local-recut.ts, plan-resync.ts) is exactly the whole cut:
 * random chains of edits on the real fixtures, each re-cut from the previous re-cut (so the
 * ledger of offsets builds up), deep-equal `cutWords` of the edited transcript, cues and notices.
 */

type Edit =
  | { kind: 'type' | 'replace' | 'delete-word'; seg: number; word: number; text: string }
  | { kind: 'split' | 'merge' | 'delete-segment' | 'speaker'; seg: number; word: number }
  | { kind: 'break' | 'keep' | 'nudge' | 'lock'; seg: number; word: number; size: number; delta: number }
  | { kind: 'undecide'; seg: number }

const fraction = fc.double({ min: 0, max: 0.999999, noNaN: true })
const wordText = fc.constantFrom('indeed', 'a', 'extraordinarily', 'Senator,', 'no.', 'the', 'well-documented', 'and')
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('type' as const, 'replace' as const, 'delete-word' as const), seg: fraction, word: fraction, text: wordText }),
  fc.record({ kind: fc.constantFrom('split' as const, 'merge' as const, 'delete-segment' as const, 'speaker' as const), seg: fraction, word: fraction }),
  fc.record({ kind: fc.constantFrom('break' as const, 'keep' as const, 'nudge' as const, 'lock' as const), seg: fraction, word: fraction, size: fc.integer({ min: 1, max: 4 }), delta: fc.integer({ min: -600, max: 600 }) }),
  fc.record({ kind: fc.constant('undecide' as const), seg: fraction })
) as fc.Arbitrary<Edit>

const pick = <T,>(list: readonly T[], at: number): T => list[Math.floor(at * list.length)]

/** The model after `edit`, or the same model when the edit does not apply (a refused edit is no edit). */
function apply(model: TranscriptModel, edit: Edit): TranscriptModel {
  const segs = model.segments
  if (segs.length === 0) return model
  const seg = pick(segs, edit.seg)
  const texts = seg.words.map((w) => w.text)
  const k = Math.floor(('word' in edit ? edit.word : 0) * Math.max(1, texts.length))
  try {
    switch (edit.kind) {
      case 'type':
        return setSegmentText(model, seg.id, [...texts.slice(0, k), edit.text, ...texts.slice(k)].join(' '))
      case 'replace':
        return texts.length ? setSegmentText(model, seg.id, [...texts.slice(0, k), edit.text, ...texts.slice(k + 1)].join(' ')) : model
      case 'delete-word':
        return texts.length ? setSegmentText(model, seg.id, [...texts.slice(0, k), ...texts.slice(k + 1)].join(' ')) : model
      case 'split':
        return k > 0 && k < texts.length ? splitSegment(model, seg.id, { wordIndex: k }) : model
      case 'merge':
        return segs.indexOf(seg) + 1 < segs.length ? mergeSegments(model, seg.id) : model
      case 'delete-segment':
        return deleteSegment(model, seg.id)
      case 'speaker': {
        const others = model.speakers.filter((s) => s.id !== seg.speakerId)
        return others.length ? setSpeaker(model, { segmentId: seg.id }, pick(others, edit.word).id) : model
      }
      case 'undecide': {
        const list = model.cueDecisions ?? []
        return list.length ? removeCueDecision(model, pick(list, edit.seg).id) : model
      }
      default: {
        if (!seg.words.length) return model
        const w = seg.words[Math.min(k, seg.words.length - 1)]
        const last = seg.words[Math.min(k + edit.size - 1, seg.words.length - 1)]
        if (edit.kind === 'break') return addCueDecision(model, { kind: 'break-before', wordId: w.id })
        if (edit.kind === 'nudge') return addCueDecision(model, { kind: 'nudge', edge: edit.delta % 2 ? 'in' : 'out', wordId: w.id, deltaMs: edit.delta })
        if (edit.kind === 'keep') return addCueDecision(model, { kind: 'keep-together', fromWordId: w.id, toWordId: last.id })
        const startMs = Math.max(0, w.startMs + edit.delta)
        return addCueDecision(model, { kind: 'lock', fromWordId: w.id, toWordId: last.id, startMs, endMs: Math.max(startMs + 400, last.endMs) })
      }
    }
  } catch {
    return model
  }
}

const models = new Map<string, TranscriptModel>()
const modelOf = (name: string): TranscriptModel => {
  let m = models.get(name)
  if (!m) models.set(name, (m = normaliseTranscript(loadRealExport(name))))
  return m
}

/**
 * Re-cuts after each edit in turn and checks each against the whole cut: the live view's way (the
 * previous cut handed over, its arrays spliced in place) and a re-cut that keeps the previous cut
 * as it was (a copy spliced), both from the same previous cut.
 */
function check(name: string, presetName: string, edits: readonly Edit[], options: SegmentOptions = {}): void {
  const preset = resolvePreset(presetName)
  let model = modelOf(name)
  let cut: CueCut = wholeCut(model, preset, options)
  for (const edit of edits) {
    model = apply(model, edit)
    const kept = recut(cut, model, preset, options)
    cut = recut(cut, model, preset, options, true)
    const whole = cutWords(model, preset, options)
    expect(kept.cues).toStrictEqual(whole.cues)
    expect(cut.cues).toStrictEqual(whole.cues)
    expect([...cut.notices]).toStrictEqual(whole.notices)
  }
}

// The 2-hour hearing takes a whole cut per check, so it gets fewer runs than the short fixtures.
const runsOf = (name: string): number => (name.startsWith('senate') ? 4 : 12)

describe('the local re-cut equals the whole cut', () => {
  describe.each(['netflix-en', 'bbc', 'web'])('%s', (presetName) => {
    it.each(realFixtureNames)('%s: random chains of edits', (name) => {
      fc.assert(
        fc.property(fc.array(editArb, { minLength: 1, maxLength: 4 }), (edits) => check(name, presetName, edits)),
        { numRuns: runsOf(name) }
      )
    })
  })

  it('with annotations as cues and speaker labels', () => {
    const name = realFixtureNames.find((n) => modelOf(n).annotations.length > 0) ?? realFixtureNames[0]
    const labelled = resolvePreset('bbc', { speakerLabels: true })
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 4 }), (edits) => {
        let model = modelOf(name)
        let cut: CueCut = wholeCut(model, labelled, { annotations: 'cues' })
        for (const edit of edits) {
          model = apply(model, edit)
          cut = recut(cut, model, labelled, { annotations: 'cues' }, true)
          expect(cut.cues).toStrictEqual(cutWords(model, labelled, { annotations: 'cues' }).cues)
        }
      }),
      { numRuns: 8 }
    )
  })

  it('re-plans only a few segments after a one-word edit on the 2-hour hearing', () => {
    const model = modelOf('senate-hearing-2h.dpe.json')
    const preset = resolvePreset('netflix-en')
    const first = wholeCut(model, preset)
    const seg = model.segments[400]
    const edited = setSegmentText(model, seg.id, seg.words.map((w) => w.text).join(' ') + ' indeed')
    const next = recut(first, edited, preset)
    expect(next.passage).not.toBeNull()
    expect(next.passage!.fromSegment).toBeLessThanOrEqual(400)
    expect(next.passage!.toSegment).toBeGreaterThanOrEqual(400)
    expect(next.passage!.toSegment - next.passage!.fromSegment).toBeLessThan(40)
    expect(next.cues).toStrictEqual(cutWords(edited, preset).cues)
  })

  it('a chain of one-word edits over the 2-hour hearing, each cut handed over to the next (the cue-view bench), stays the whole cut', () => {
    // The benchmark's edits, whose re-cuts had a tail of 10-20 ms (a scavenge every few edits of
    // the arrays each re-cut copied): the state is now spliced in place, edit after edit.
    let model = modelOf('senate-hearing-2h.dpe.json')
    const preset = resolvePreset('bbc')
    let cut = wholeCut(model, preset)
    const runs = 24
    for (let i = 0; i < runs; i++) {
      const seg = model.segments[Math.floor(((i + 0.5) * model.segments.length) / runs)]
      const texts = seg.words.map((w) => w.text)
      // Appends, replacements and deletions: the token stream grows, keeps its length and shrinks.
      const text = i % 3 === 0 ? [...texts, 'indeed'] : i % 3 === 1 ? [...texts.slice(0, -1), 'Senator,'] : texts.slice(1)
      model = setSegmentText(model, seg.id, text.join(' '))
      const previous = cut
      cut = recut(previous, model, preset, {}, true)
      expect(canRecutLocally(previous)).toBe(false)
      expect(cut.work).not.toBeNull()
      expect(cut.work!.boundaries).toBeLessThan(400)
      if (i % 8 === 7) expect(cut.cues).toStrictEqual(cutWords(model, preset).cues)
    }
  })

  it('a paste of thousands of words and its removal, handed over, is the whole cut', () => {
    const name = 'soleio-interview.dpe.json'
    const preset = resolvePreset('netflix-en')
    let model = modelOf(name)
    let cut = wholeCut(model, preset)
    const seg = model.segments[Math.floor(model.segments.length / 2)]
    const texts = seg.words.map((w) => w.text)
    const pasted = Array.from({ length: 5000 }, (_, k) => (k % 11 === 10 ? 'no.' : 'indeed'))
    model = setSegmentText(model, seg.id, [...texts, ...pasted].join(' '))
    cut = recut(cut, model, preset, {}, true)
    expect(cut.cues).toStrictEqual(cutWords(model, preset).cues)
    model = setSegmentText(model, seg.id, texts.join(' '))
    cut = recut(cut, model, preset, {}, true)
    expect(cut.cues).toStrictEqual(cutWords(model, preset).cues)
  })
})
