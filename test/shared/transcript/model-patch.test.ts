import { describe, expect, it } from 'vitest'
import { convertRealFixture } from '../../fixtures/real-to-export'
import { normaliseTranscript, type TranscriptModel } from '../../../shared/transcript'
import { deleteSegment, mergeSegments, setSegmentText, splitSegment } from '../../../shared/transcript/edit-text'
import { renameSpeaker } from '../../../shared/transcript/edit-speakers'
import { applyModelPatch, diffModel, isEmptyPatch } from '../../../shared/transcript/model-patch'

/*
 * Autosave sends what changed between two models (identity compare, structural sharing): the
 * patch applied to the old model must give the new one exactly, whatever the edit.
 */

const model = normaliseTranscript(convertRealFixture('senate-hearing-2h.dpe.json'))
/** The model after `patch` has made the round trip main's journal makes (JSON). */
const roundTrip = (from: TranscriptModel, to: TranscriptModel): TranscriptModel => applyModelPatch(JSON.parse(JSON.stringify(from)) as TranscriptModel, JSON.parse(JSON.stringify(diffModel(from, to))))

describe('model patches', () => {
  it('a one-word edit sends that one segment, no order and no other field', () => {
    const seg = model.segments[100]!
    const next = setSegmentText(model, seg.id, 'Changed words here')
    const patch = diffModel(model, next)
    expect(patch.segments?.changed.map((s) => s['id'])).toEqual([seg.id])
    expect(patch.segments?.order).toBeUndefined()
    expect(patch.segments?.removed).toEqual([])
    expect(Object.keys(patch.set).filter((k) => (model as unknown as Record<string, unknown>)[k] !== (next as unknown as Record<string, unknown>)[k])).toEqual(Object.keys(patch.set))
    expect(patch.set['source']).toBeUndefined()
    expect(JSON.stringify(patch).length).toBeLessThan(5_000)
    expect(roundTrip(model, next)).toEqual(next)
  })

  it('splits, merges, deletes and speaker renames round-trip exactly', () => {
    let next = splitSegment(model, model.segments[3]!.id, { wordIndex: 2 })
    next = mergeSegments(next, next.segments[10]!.id, next.segments[12]!.id)
    next = deleteSegment(next, next.segments[20]!.id)
    next = renameSpeaker(next, next.speakers[0]!.id, 'The Chair')
    const patch = diffModel(model, next)
    expect(patch.segments?.order).toHaveLength(next.segments.length)
    expect(patch.segments!.removed.length).toBeGreaterThan(0)
    expect(patch.set['speakers']).toBe(next.speakers)
    expect(roundTrip(model, next)).toEqual(next)
  })

  it('carries any top-level field, added, changed or removed, without knowing its name', () => {
    const withFields = { ...model, acceptedWordIds: ['w1', 'w2'], cueDecisions: [{ at: 1 }] } as unknown as TranscriptModel
    expect(diffModel(model, withFields).set).toEqual({ acceptedWordIds: ['w1', 'w2'], cueDecisions: [{ at: 1 }] })
    expect(roundTrip(model, withFields)).toEqual(withFields)
    const { cueDecisions: _gone, ...without } = withFields as TranscriptModel & { cueDecisions: unknown }
    expect(diffModel(withFields, without as TranscriptModel).unset).toEqual(['cueDecisions'])
    expect(roundTrip(withFields, without as TranscriptModel)).toEqual(without)
  })

  it('the same model is an empty patch; a patch that does not fit its base is refused', () => {
    expect(isEmptyPatch(diffModel(model, model))).toBe(true)
    expect(isEmptyPatch(diffModel(model, { ...model }))).toBe(true)
    expect(() => applyModelPatch(model, { set: {}, unset: [], segments: { changed: [], removed: [], order: ['no-such-segment'] } })).toThrow(/no-such-segment/)
    expect(() => applyModelPatch(model, { set: {}, unset: [], segments: { changed: [{ id: 'stranger' }], removed: [] } })).toThrow(/not in the draft/)
  })
})
