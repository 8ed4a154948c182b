import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import {
  commit,
  createHistory,
  mergeSegments,
  nextReviewStatus,
  normaliseTranscript,
  replaceText,
  reviewStatusOf,
  setReviewed,
  setReviewStatus,
  setSegmentNote,
  splitSegment,
  toTranscriptExport,
  undo
} from '../../../shared/transcript'
import type { ReviewStatus, TranscriptModel } from '../../../shared/transcript'
import { convertRealFixture } from '../../fixtures/real-to-export'

const model = (): TranscriptModel => normaliseTranscript(convertRealFixture('kate-darling-ted.dpe.json'))

describe('review status', () => {
  const cases: Array<[ReviewStatus, ReviewStatus, { reviewed: boolean; secondPass?: boolean }]> = [
    ['unreviewed', 'reviewed', { reviewed: true }],
    ['unreviewed', 'second-pass', { reviewed: false, secondPass: true }],
    ['second-pass', 'reviewed', { reviewed: true }],
    ['reviewed', 'unreviewed', { reviewed: false }],
    ['second-pass', 'unreviewed', { reviewed: false }]
  ]
  it.each(cases)('%s → %s', (from, to, fields) => {
    const m0 = model()
    const id = m0.segments[1].id
    const m1 = from === 'unreviewed' ? m0 : setReviewStatus(m0, id, from)
    const m2 = setReviewStatus(m1, id, to)
    const seg = m2.segments[1]
    expect(reviewStatusOf(seg)).toBe(to)
    expect(seg.reviewed).toBe(fields.reviewed)
    expect(seg.secondPass).toBe(fields.secondPass)
    expect(seg.edited).toBeUndefined()
    // Only that segment changed.
    m2.segments.forEach((s, k) => k !== 1 && expect(s).toBe(m1.segments[k]))
  })
  it('the same status is the same model (no undo step)', () => {
    const m = model()
    expect(setReviewStatus(m, m.segments[0].id, 'unreviewed')).toBe(m)
  })
  it('cycles unreviewed → reviewed → second pass → unreviewed', () => {
    expect(nextReviewStatus('unreviewed')).toBe('reviewed')
    expect(nextReviewStatus('reviewed')).toBe('second-pass')
    expect(nextReviewStatus('second-pass')).toBe('unreviewed')
  })
  it('setReviewed(true) settles a second pass', () => {
    const m0 = model()
    const id = m0.segments[0].id
    const m1 = setReviewed(setReviewStatus(m0, id, 'second-pass'), id, true)
    expect(reviewStatusOf(m1.segments[0])).toBe('reviewed')
    expect('secondPass' in m1.segments[0]).toBe(false)
  })
  it('refuses an unknown segment and an unknown status', () => {
    expect(() => setReviewStatus(model(), 'nope', 'reviewed')).toThrow(AppError)
    expect(() => setReviewStatus(model(), model().segments[0].id, 'done' as ReviewStatus)).toThrow(/Not a review status/)
  })
})

describe('notes', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['a note', 'Check the name', 'Check the name'],
    ['trimmed', '  spaced  ', 'spaced'],
    ['empty removes it', '   ', undefined],
    ['500 characters', 'x'.repeat(500), 'x'.repeat(500)]
  ]
  it.each(cases)('%s', (_n, note, expected) => {
    const m0 = model()
    const m = setSegmentNote(m0, m0.segments[2].id, note)
    expect(m.segments[2].note).toBe(expected)
    expect(m.segments[2].edited).toBeUndefined()
  })
  it('refuses 501 characters, naming the limit', () => {
    expect(() => setSegmentNote(model(), model().segments[2].id, 'y'.repeat(501))).toThrow(/at most 500 characters/)
  })
  it('removing a note leaves no empty field behind', () => {
    const m0 = model()
    const id = m0.segments[0].id
    const m1 = setSegmentNote(setSegmentNote(m0, id, 'a'), id, '')
    expect('note' in m1.segments[0]).toBe(false)
    expect(setSegmentNote(m1, id, '')).toBe(m1)
  })
  it('undo gives the note back', () => {
    const m0 = model()
    const id = m0.segments[0].id
    let h = createHistory(m0)
    h = commit(h, setSegmentNote(m0, id, 'first'))
    h = commit(h, setSegmentNote(h.present, id, 'second'))
    h = undo(h)
    expect(h.present.segments[0].note).toBe('first')
  })
})

describe('marks through splits, merges and the export', () => {
  it('a split keeps the status on both halves and the note on the first', () => {
    const m0 = model()
    const seg = m0.segments.find((s) => s.words.length >= 4)!
    const marked = setSegmentNote(setReviewStatus(m0, seg.id, 'second-pass'), seg.id, 'names?')
    const split = splitSegment(marked, seg.id, { wordIndex: 2 })
    const i = split.segments.findIndex((s) => s.id === seg.id)
    expect(reviewStatusOf(split.segments[i])).toBe('second-pass')
    expect(reviewStatusOf(split.segments[i + 1])).toBe('second-pass')
    expect(split.segments[i].note).toBe('names?')
    expect(split.segments[i + 1].note).toBeUndefined()
  })
  it('a merge joins notes, is a second pass when either was, reviewed only when both were', () => {
    const m0 = model()
    const [a, b] = m0.segments
    const m1 = setSegmentNote(setSegmentNote(setReviewStatus(setReviewStatus(m0, a.id, 'reviewed'), b.id, 'second-pass'), a.id, 'one'), b.id, 'two')
    const merged = mergeSegments(m1, a.id).segments[0]
    expect(merged.note).toBe('one / two')
    expect(reviewStatusOf(merged)).toBe('second-pass')
    const m2 = mergeSegments(setReviewStatus(setReviewStatus(m0, a.id, 'reviewed'), b.id, 'reviewed'), a.id).segments[0]
    expect(reviewStatusOf(m2)).toBe('reviewed')
    expect(m2.note).toBeUndefined()
  })
  it('typing across two segments merges their marks the same way', () => {
    const m0 = model()
    const [a, b] = m0.segments
    const m1 = setSegmentNote(m0, b.id, 'keep me')
    const m2 = replaceText(m1, { segmentId: a.id, offset: 0 }, { segmentId: b.id, offset: 0 }, '')
    expect(m2.segments[0].note).toBe('keep me')
  })
  it('the API export ignores statuses and notes', () => {
    const m0 = model()
    let m = m0
    for (const s of m0.segments.slice(0, 5)) m = setSegmentNote(setReviewStatus(m, s.id, 'second-pass'), s.id, 'look again')
    expect(JSON.stringify(toTranscriptExport(m))).toBe(JSON.stringify(toTranscriptExport(m0)))
  })
  it('they survive the draft round trip (the model as JSON)', () => {
    const m0 = model()
    const m = setSegmentNote(setReviewStatus(m0, m0.segments[3].id, 'second-pass'), m0.segments[3].id, 'ß ✓ note')
    const back = JSON.parse(JSON.stringify(m)) as TranscriptModel
    expect(back.segments[3]).toMatchObject({ secondPass: true, reviewed: false, note: 'ß ✓ note' })
  })
})
