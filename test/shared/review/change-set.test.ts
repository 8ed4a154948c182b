import { describe, expect, it } from 'vitest'
import { addAnnotation, deleteAnnotation, deleteSegment, editAnnotation, mergeSegments, normaliseTranscript, replaceText, retimeSegment, setSpeaker, splitSegment } from '../../../shared/transcript'
import type { TranscriptModel } from '../../../shared/transcript'
import { alignWords, buildChangeSet, changeSetToCsv, changeSetToJson, parseChangeSet } from '../../../shared/review/change-set'
import { convertRealFixture, realFixtureNames } from '../../fixtures/real-to-export'
import { smallExport, spkA, spkB } from './change-set-fixture'

/** The small export with three word edits: cat→dog, "on" removed, "big" added. */
function edited(): TranscriptModel {
  const m0 = normaliseTranscript(smallExport())
  const [a, b] = m0.segments
  let m = replaceText(m0, { segmentId: a.id, offset: 4 }, { segmentId: a.id, offset: 7 }, 'dog')
  m = replaceText(m, { segmentId: a.id, offset: 12 }, { segmentId: a.id, offset: 15 }, '')
  m = replaceText(m, { segmentId: b.id, offset: 6 }, { segmentId: b.id, offset: 6 }, 'big ')
  return m
}

const key = (k: string) => ({ key: k, startMs: null })

describe('word alignment', () => {
  it('finds the minimum edit distance, substitutions before insert+delete', () => {
    const steps = alignWords(['a', 'x', 'c', 'd'].map(key), ['a', 'b', 'c'].map(key))
    expect(steps.map((s) => s.op)).toEqual(['match', 'substitution', 'match', 'deletion'])
  })

  it('uses unchanged words at unchanged times as anchors, so a repeated word is not mis-paired', () => {
    // "the" appears twice; the reviewed "the" at 2000 ms is the recogniser's second one.
    const ref = [{ key: 'the', startMs: 2000 }]
    const hyp = [{ key: 'the', startMs: 0 }, { key: 'the', startMs: 2000 }]
    expect(alignWords(ref, hyp)).toEqual([{ op: 'insertion', hyp: 0 }, { op: 'match', ref: 0, hyp: 1 }])
  })

  it('covers every word exactly once on a gap too big for one table', () => {
    // 3,000 × 3,000 with nothing in common and no times: cut into pieces, never a 9M-cell table.
    const ref = Array.from({ length: 3000 }, (_, i) => key(`r${i % 7}`))
    const hyp = Array.from({ length: 3000 }, (_, i) => key(`h${i % 5}`))
    const steps = alignWords(ref, hyp)
    const refs = steps.flatMap((s) => ('ref' in s ? [s.ref] : []))
    const hyps = steps.flatMap((s) => ('hyp' in s ? [s.hyp] : []))
    expect(refs).toEqual(ref.map((_, i) => i))
    expect(hyps).toEqual(hyp.map((_, i) => i))
  })
})

describe('change set', () => {
  it('lists exactly the known word edits with times and speakers, and the WER by hand', () => {
    const set = buildChangeSet(edited())
    expect(set.words).toEqual([
      { kind: 'substitution', startMs: expect.any(Number), endMs: expect.any(Number), speakerId: spkA, segmentId: 's0', recognised: 'cat', reviewed: 'dog' },
      { kind: 'insertion', startMs: 1500, endMs: 1900, speakerId: spkA, segmentId: 's0', recognised: 'on', reviewed: null },
      { kind: 'deletion', startMs: expect.any(Number), endMs: expect.any(Number), speakerId: spkB, segmentId: 's1', recognised: null, reviewed: 'big' }
    ])
    // The substituted word sits where "cat" was (0.5–0.9 s).
    expect(set.words[0].startMs).toBeGreaterThanOrEqual(500)
    expect(set.words[0].endMs).toBeLessThanOrEqual(900)
    // Reference N = 5 (A: The dog sat the mat) + 4 (B: Hello big world again) = 9; S+D+I = 3.
    expect(set.wer.overall).toEqual({ substitutions: 1, deletions: 1, insertions: 1, referenceWords: 9, recognisedWords: 9, wer: 3 / 9 })
    expect(set.wer.bySpeaker).toEqual([
      { speakerId: spkA, substitutions: 1, deletions: 0, insertions: 1, referenceWords: 5, recognisedWords: 6, wer: 2 / 5 },
      { speakerId: spkB, substitutions: 0, deletions: 1, insertions: 0, referenceWords: 4, recognisedWords: 3, wer: 1 / 4 }
    ])
    expect(set).toMatchObject({ reference: 'reviewed', recogniserWords: true, speakerReassignments: [], retimedSegments: [], annotations: [] })
    expect(set.review).toEqual({ durationMs: 10000, heardMs: null, heardPercent: null, timeSpentMs: null, finishReason: null })
  })

  it('ignores case and punctuation, and splits and merges of segments', () => {
    let m = normaliseTranscript(smallExport())
    m = replaceText(m, { segmentId: 's0', offset: 0 }, { segmentId: 's0', offset: 3 }, 'the')
    m = replaceText(m, { segmentId: 's1', offset: 0 }, { segmentId: 's1', offset: 5 }, 'Hello,')
    m = splitSegment(m, 's0', { wordIndex: 3 })
    m = mergeSegments(m, m.segments[1].id, m.segments[2].id)
    const set = buildChangeSet(m)
    expect(set.words).toEqual([])
    expect(set.wer.overall.wer).toBe(0)
  })

  it('reports speaker reassignments, retimed segments and annotation changes against the task as loaded', () => {
    let m = normaliseTranscript(smallExport())
    m = setSpeaker(m, { segmentId: 's1' }, spkA)
    m = retimeSegment(m, 's0', 'end', 3500)
    m = editAnnotation(m, 'note-1', 'checked')
    m = addAnnotation(m, { content: '=cmd', startMs: 7000, endMs: 8000, id: 'n2' })
    const set = buildChangeSet(m, { heardMs: 7300, timeSpentMs: 60000, finishReason: '  queue is fine ', createdAt: '2026-12-07T01:00:00Z' })
    expect(set.speakerReassignments).toEqual([{ segmentId: 's1', startMs: 4000, endMs: 5800, fromSpeakerId: spkB, toSpeakerId: spkA, words: 3, text: 'Hello world again' }])
    expect(set.retimedSegments).toEqual([{ segmentId: 's0', speakerId: spkA, before: { startMs: 0, endMs: 3000 }, after: { startMs: 0, endMs: 3500 } }])
    expect(set.annotations).toEqual([
      { change: 'changed', annotationId: 'note-1', before: { content: 'check', startMs: 1000, endMs: 2000 }, after: { content: 'checked', startMs: 1000, endMs: 2000 } },
      { change: 'added', annotationId: 'n2', before: null, after: { content: '=cmd', startMs: 7000, endMs: 8000 } }
    ])
    expect(set.review).toEqual({ durationMs: 10000, heardMs: 7300, heardPercent: 73, timeSpentMs: 60000, finishReason: 'queue is fine' })
    // Per speaker follows the speaker the words are under now.
    expect(set.wer.bySpeaker.map((s) => s.speakerId)).toEqual([spkA])
    expect(buildChangeSet(deleteAnnotation(m, 'note-1')).annotations.at(-1)).toMatchObject({ change: 'removed', annotationId: 'note-1', after: null })
  })

  it('counts a deleted segment’s recogniser words as insertions, under the speaker they had', () => {
    const set = buildChangeSet(deleteSegment(normaliseTranscript(smallExport()), 's1'))
    expect(set.words.map((w) => [w.kind, w.recognised, w.speakerId, w.segmentId, w.startMs])).toEqual([
      ['insertion', 'Hello', spkB, 's1', 4000],
      ['insertion', 'world', spkB, 's1', 4600],
      ['insertion', 'again', spkB, 's1', 5200]
    ])
    expect(set.wer.overall).toMatchObject({ insertions: 3, referenceWords: 6, recognisedWords: 9, wer: 0.5 })
  })

  it('round-trips through its JSON schema, and a wrong file is refused with the field named', () => {
    const set = buildChangeSet(edited(), { createdAt: '2026-12-07T01:00:00Z' })
    expect(parseChangeSet(JSON.parse(changeSetToJson(set)))).toEqual(set)
    expect(() => parseChangeSet({ ...set, version: 2 })).toThrow(/version/)
    expect(() => parseChangeSet({ ...set, words: [{ kind: 'oops' }] })).toThrow(/words\.0/)
  })

  it('writes one CSV row per change: RFC 4180, BOM, formulas guarded', () => {
    let m = edited()
    m = addAnnotation(m, { content: '=HYPERLINK("x")', startMs: 7000, endMs: 8000, id: 'n2' })
    const csv = changeSetToCsv(buildChangeSet(m))
    expect(csv.startsWith('\uFEFFChange,Kind,Start (s),End (s),Speaker,Recognised,Reviewed,Segment,Detail\r\n')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines).toHaveLength(1 + 4 + 1) // header, 3 words + 1 annotation, final CRLF
    expect(lines[2]).toBe('word,insertion,1.500,1.900,Ann,on,,s0,')
    expect(lines[3]).toMatch(/^word,deletion,[\d.]+,[\d.]+,Dr\. Bob,,big,s1,$/)
    expect(lines[4]).toBe(`annotation,added,7.000,8.000,,,"'=HYPERLINK(""x"")",n2,`)
  })

  it('gives WER 0 on every real fixture as loaded (their originalWords equal displayWords)', () => {
    for (const name of realFixtureNames) {
      const set = buildChangeSet(normaliseTranscript(convertRealFixture(name)))
      expect(set.words, name).toEqual([])
      expect(set.wer.overall.wer, name).toBe(0)
      expect(set.wer.overall.referenceWords, name).toBeGreaterThan(500)
    }
  })

  it('says the recogniser words are absent instead of counting every word as an error', () => {
    const exp = smallExport()
    const body = exp.transcript as { transcripts: Array<Record<string, unknown>> }
    for (const t of body.transcripts) delete t.originalWords
    const set = buildChangeSet(normaliseTranscript(exp))
    expect(set.recogniserWords).toBe(false)
    expect(set.words).toEqual([])
    expect(set.wer.overall.wer).toBeNull()
  })
})
