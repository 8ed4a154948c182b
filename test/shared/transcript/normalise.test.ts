import { describe, expect, it } from 'vitest'
import { edgeCases } from '../../fixtures/edge-cases'
import { checkInvariants, noSpeakerId, normaliseTranscript, segmentText } from '../../../shared/transcript'
import { convertRealFixture, realFixtureNames } from '../../fixtures/real-to-export'

const texts = (name: string) => normaliseTranscript(edgeCases[name]).segments.map((s) => s.words.map((w) => `${w.text}@${w.startMs}-${w.endMs}${w.estimated ? '*' : ''}`).join(' '))

describe('normaliseTranscript', () => {
  it.each([...realFixtureNames.map((n) => [n, convertRealFixture(n)] as const), ...Object.entries(edgeCases)])('%s satisfies every invariant', (_name, exp) => {
    expect(checkInvariants(normaliseTranscript(exp))).toEqual([])
  })

  it('keeps every word of the 2-hour fixture, in integer ms, ids deterministic', () => {
    const exp = convertRealFixture('senate-hearing-2h.dpe.json')
    const m = normaliseTranscript(exp)
    expect(m.segments).toHaveLength(838)
    expect(m.segments.reduce((n, s) => n + s.words.length, 0)).toBe(14_901)
    expect(m.issues).toEqual([])
    expect(m.durationMs).toBe(7_205_000)
    expect(normaliseTranscript(exp)).toStrictEqual(m)
    expect(m.segments[0].words[0]).toMatchObject({ id: 's0w0', text: 'Yeah,', startMs: 0, endMs: 280, estimated: false })
  })

  it('lets displayText win over displayWords, timing what aligns and estimating the rest', () => {
    expect(texts('textMismatch')).toEqual([
      // "um" was replaced by "really": one-for-one, so the measured time carries over.
      'I@100-300 really@300-700 like@700-1000 this.@1000-1600',
      // Punctuation timed as separate words is attached to the word before, keeping its time.
      'Yes,@3100-3400 of@3500-3700 course.@3700-4300',
      // "colour" replaces "color"; a detached "?" sits at the end of the word before.
      'What@6100-6400 colour@6400-6900 is@6900-7100 it@7100-7500 ?@7500-7500*',
      // Extra words at both ends and an empty word are dropped.
      'the@9200-9400 middle@9400-9900 part@9900-10300'
    ])
    const m = normaliseTranscript(edgeCases.textMismatch)
    expect(m.issues.filter((i) => i.kind === 'words-mismatch').map((i) => i.segmentId)).toEqual(['s0', 's2', 's3'])
  })

  it('estimates word times across the segment when displayWords is empty or null', () => {
    const m = normaliseTranscript(edgeCases.emptyDisplayWords)
    expect(texts('emptyDisplayWords')[1]).toBe('Words@3000-3625* were@3625-4125* never@4125-4750* timed@4750-5375* here.@5375-6000*')
    expect(segmentText(m.segments[2])).toBe('Nor here.')
    expect(m.issues.filter((i) => i.kind === 'words-missing')).toHaveLength(2)
  })

  it('sorts segments and repairs overlaps, widening a segment to hold its words', () => {
    const m = normaliseTranscript(edgeCases.overlappingUnsorted)
    expect(m.segments.map((s) => [s.id, s.startMs, s.endMs])).toEqual([
      ['s1', 0, 5000],
      ['s0', 5000, 7500],
      ['s2', 7500, 10400]
    ])
    expect(m.issues.map((i) => i.kind).sort()).toEqual(['segment-overlap', 'segment-overlap', 'segments-unsorted', 'word-outside-segment'])
  })

  it('pushes words after the earlier segment when their words overlap', () => {
    const base = edgeCases.overlappingUnsorted
    const exp = {
      ...base,
      transcript: {
        ...base.transcript,
        transcripts: [
          { ...base.transcript.transcripts![1], end: 3 },
          { ...base.transcript.transcripts![0], start: 1.2, displayWords: [{ text: 'Second', offsetInSeconds: 1.2, durationInSeconds: 0.5, confidence: 0.9 }, { text: 'turn', offsetInSeconds: 2.5, durationInSeconds: 0.5, confidence: 0.9 }, { text: 'here.', offsetInSeconds: 3, durationInSeconds: 0.5, confidence: 0.9 }] }
        ]
      }
    }
    const m = normaliseTranscript(exp)
    expect(checkInvariants(m)).toEqual([])
    expect(m.segments[1].startMs).toBe(2000)
    expect(m.segments[1].words[0]).toMatchObject({ startMs: 2000, estimated: true })
  })

  it('gives unlisted and missing speakers a visible placeholder', () => {
    const m = normaliseTranscript(edgeCases.unknownSpeaker)
    expect(m.speakers.map((s) => [s.name, s.placeholder])).toEqual([
      ['Alice Archer', false],
      ['Unknown speaker 1', true]
    ])
    const n = normaliseTranscript(edgeCases.nullsEverywhere)
    expect(n.segments.every((s) => s.speakerId === noSpeakerId)).toBe(true)
    expect(n.speakers).toEqual([{ id: noSpeakerId, name: 'Unknown speaker 1', prefix: '', suffix: '', placeholder: true }])
  })

  it('clamps annotations to the recording', () => {
    const m = normaliseTranscript(edgeCases.annotationsOutside)
    expect(m.annotations.map((a) => [a.startMs, a.endMs])).toEqual([
      [0, 1000],
      [18000, 20000],
      [20000, 20000]
    ])
    expect(m.issues.filter((i) => i.kind === 'annotation-clamped')).toHaveLength(3)
  })

  it('reads millisecond and tick exports into the same ms model', () => {
    const ms = normaliseTranscript(edgeCases.millisecondUnits)
    const ticks = normaliseTranscript(edgeCases.tickUnits)
    expect(ms.segments.map((s) => [s.startMs, s.endMs])).toEqual([[1200, 3400], [3400, 6000]])
    expect(ticks.segments.map((s) => [s.startMs, s.endMs])).toEqual([[1200, 3400], [3400, 6000]])
    expect(ms.annotations[0]).toMatchObject({ startMs: 1500, endMs: 2500 })
    expect(ticks.annotations[0]).toMatchObject({ startMs: 1500, endMs: 2500 })
  })

  it('handles an empty transcript', () => {
    const m = normaliseTranscript(edgeCases.emptyTranscript)
    expect(m.segments).toEqual([])
    expect(m.durationMs).toBe(20000)
    // Said to the reviewer like a task whose export has no transcript at all.
    expect(m.issues.map((i) => i.kind)).toEqual(['no-transcript'])
  })
})
