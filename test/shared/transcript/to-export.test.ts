import { describe, expect, it } from 'vitest'
import { transcriptBody, type ApiTranscriptBody } from '../../../shared/api/transcript-export'
import { edgeCases } from '../../fixtures/edge-cases'
import { convertRealFixture } from '../../fixtures/real-to-export'
import {
  addSpeaker,
  editAnnotation,
  insertSegment,
  mergeSegments,
  normaliseTranscript,
  renameSpeaker,
  replaceText,
  setSpeaker,
  splitSegment,
  toTranscriptExport
} from '../../../shared/transcript'

const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

describe('toTranscriptExport of an edited model', () => {
  it.each(['seconds', 'milliseconds', 'ticks'] as const)('differs only in the edited word of the edited segment (%s)', (timeUnit) => {
    const input = wire(convertRealFixture('kate-darling-ted.dpe.json', { timeUnit, confidenceScale: timeUnit === 'ticks' ? 100 : 1 }))
    const m = normaliseTranscript(input)
    const s = m.segments[5]
    const edited = replaceText(m, { segmentId: s.id, offset: 0 }, { segmentId: s.id, offset: s.words[0].text.length }, 'Changed')
    const out = toTranscriptExport(edited)
    const segsIn = input.transcript.transcripts!
    const segsOut = transcriptBody(out).transcripts!
    expect(segsOut).toHaveLength(segsIn.length)
    segsOut.forEach((seg, k) => {
      if (k === 5) return
      expect(seg).toBe(m.segments[k].source)
      expect(seg).toStrictEqual(segsIn[k])
    })
    const before = segsIn[5]
    const after = segsOut[5]
    expect(after.displayText).toBe(['Changed', ...before.displayText!.split(' ').slice(1)].join(' '))
    expect(after.displayWords!.slice(1)).toStrictEqual(before.displayWords!.slice(1))
    expect(after.displayWords![0]).toStrictEqual({ ...before.displayWords![0], text: 'Changed', confidence: null })
    expect(after.originalWords).toStrictEqual(before.originalWords)
    // Same start/end/duration, in the task's own unit.
    expect({ start: after.start, end: after.end, duration: after.duration, speakerId: after.speakerId, confidence: after.confidence }).toStrictEqual({
      start: before.start,
      end: before.end,
      duration: before.duration,
      speakerId: before.speakerId,
      confidence: before.confidence
    })
    const { transcript: _a, ...restOut } = out
    const { transcript: _b, ...restIn } = input
    expect(restOut).toStrictEqual(restIn)
    expect(transcriptBody(out).speakers).toStrictEqual(input.transcript.speakers)
    expect(transcriptBody(out).annotations).toStrictEqual(input.transcript.annotations)
  })

  it('splits and merges keep every originalWord exactly once', () => {
    const input = wire(convertRealFixture('soleio-interview.dpe.json'))
    const m = normaliseTranscript(input)
    let e = splitSegment(m, m.segments[10].id, { wordIndex: 3 })
    e = mergeSegments(e, e.segments[20].id, e.segments[23].id)
    const out = toTranscriptExport(e)
    const flat = (segs: ApiTranscriptBody["transcripts"]) => segs!.flatMap((s) => s.originalWords ?? [])
    expect(flat(transcriptBody(out).transcripts)).toStrictEqual(flat(input.transcript.transcripts))
    expect(transcriptBody(out).transcripts).toHaveLength(input.transcript.transcripts!.length + 1 - 3)
  })

  it('writes new speakers and segments, keeps unknown fields of edited ones', () => {
    const input = wire(edgeCases.unknownFields)
    const m = normaliseTranscript(input)
    let e = addSpeaker(m, { name: 'New Person', id: 'new-person' })
    e = setSpeaker(e, { segmentId: e.segments[0].id }, 'new-person')
    e = insertSegment(e, { startMs: 3000, endMs: 4000, speakerId: 'new-person', text: 'Hello again' })
    const out = toTranscriptExport(e)
    expect(out.futureTopLevel).toStrictEqual(input.futureTopLevel)
    expect(transcriptBody(out).version).toBe(3)
    expect(transcriptBody(out).transcripts![0]).toMatchObject({ speakerId: 'new-person', language: 'en-GB', displayText: 'Keep me.' })
    expect(transcriptBody(out).transcripts![0].displayWords![0]).toBe(input.transcript.transcripts![0].displayWords![0])
    expect(transcriptBody(out).transcripts![1]).toMatchObject({ speakerId: 'new-person', start: 3, end: 4, duration: 1, displayText: 'Hello again', originalWords: [] })
    expect(transcriptBody(out).speakers).toStrictEqual([input.transcript.speakers![0], { speakerId: 'new-person', speakerName: 'New Person', speakerPrefix: '', speakerSuffix: '' }])
  })

  it('keeps a null speakerId null and writes a renamed placeholder as a speaker', () => {
    const n = normaliseTranscript(wire(edgeCases.nullsEverywhere))
    const edited = replaceText(n, { segmentId: n.segments[0].id, offset: 0 }, { segmentId: n.segments[0].id, offset: 7 }, 'Something')
    const out = toTranscriptExport(edited)
    expect(transcriptBody(out).transcripts![0]).toMatchObject({ speakerId: null, displayText: 'Something known.' })
    expect(transcriptBody(out).speakers).toBeNull()
    const u = normaliseTranscript(wire(edgeCases.unknownSpeaker))
    const ghost = u.speakers.find((s) => s.placeholder)!
    const named = toTranscriptExport(renameSpeaker(u, ghost.id, 'Carol'))
    expect(transcriptBody(named).speakers!.map((s) => s.speakerName)).toEqual(['Alice Archer', 'Carol'])
    expect(transcriptBody(named).transcripts).toStrictEqual(edgeCases.unknownSpeaker.transcript.transcripts)
  })

  it('gives annotations with missing or repeated uniqueIds stand-in ids but writes their own back', () => {
    const base = edgeCases.annotationsOutside
    const anns = base.transcript.annotations!
    const input = wire({ ...base, transcript: { ...base.transcript, annotations: [{ ...anns[0], uniqueId: null }, anns[1], { ...anns[2], uniqueId: anns[1].uniqueId }] } })
    const m = normaliseTranscript(input)
    expect(new Set(m.annotations.map((a) => a.id)).size).toBe(3)
    expect(toTranscriptExport(m)).toStrictEqual(input)
    const out = toTranscriptExport(editAnnotation(editAnnotation(m, m.annotations[0].id, 'first'), m.annotations[2].id, 'third'))
    expect(transcriptBody(out).annotations!.map((a) => [a.uniqueId, a.content])).toEqual([
      [null, 'first'],
      [anns[1].uniqueId, anns[1].content],
      [anns[1].uniqueId, 'third']
    ])
  })

  it('emits an edited unsorted transcript in time order with repaired times', () => {
    const m = normaliseTranscript(wire(edgeCases.overlappingUnsorted))
    const e = replaceText(m, { segmentId: 's2', offset: 0 }, { segmentId: 's2', offset: 5 }, 'Fifth')
    const segs = transcriptBody(toTranscriptExport(e)).transcripts!
    expect(segs.map((s) => s.displayText)).toEqual(['First turn runs long.', 'Second turn here.', 'Fifth overlaps second.'])
    expect(segs[2]).toMatchObject({ start: 7.5, end: 10.4, duration: 2.9 })
  })
})
