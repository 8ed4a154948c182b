import { describe, expect, it } from 'vitest'
import { parseTranscriptExport } from '../../../shared/api/parse-export'
import { transcriptBody, transcriptExportSchema } from '../../../shared/api/transcript-export'
import type { TranscriptModel } from '../../../shared/transcript'
import { addAnnotation, addSpeaker, checkInvariants, insertSegment, normaliseTranscript, replaceText, splitSegment, toTranscriptExport } from '../../../shared/transcript'
import { estimatedWordMaxMs } from '../../../shared/transcript/normalise'
import { annotationsOutside, emptyDisplayWords } from '../../fixtures/edge-cases'

/*
 * Transcript exports in shapes the schema used to refuse (docs/api.md#what-the-app-tolerates:
 * nullable or missing fields all occur in real exports; each gets defined, tested behaviour,
 * never a crash):
 * no transcript yet (null or missing), a bare array of segments, speaker entries without a
 * speakerId, words without a time, segments and annotations without start/end, a word whose
 * text is null. Each row: it parses, normalises into a sound model with the notice it owes, an
 * unedited export is JSON-equal to the input, and an edit exports the documented shape.
 */

type Body = Record<string, unknown>

/** A JSON copy (what the wire gives: no shared references, undefined keys gone). */
function wire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

function withTranscript(transcript: unknown, drop = false): Body {
  const { transcript: _t, ...top } = wire(emptyDisplayWords) as Body
  return drop ? top : { ...top, transcript }
}

const segs = () => wire(emptyDisplayWords.transcript.transcripts!) as Body[]
const speakers = () => wire(emptyDisplayWords.transcript.speakers!) as Body[]
const doc = (over: Partial<Record<'transcripts' | 'speakers' | 'annotations', unknown>>) => withTranscript({ transcripts: segs(), speakers: speakers(), annotations: [], ...over })

interface Row {
  readonly name: string
  readonly body: () => Body
  /** Issue kinds normalisation must report. */
  readonly issues: readonly string[]
  readonly check?: (m: TranscriptModel) => void
}

const rows: Row[] = [
  {
    name: 'transcript null (not transcribed yet)',
    body: () => withTranscript(null),
    issues: ['no-transcript'],
    check: (m) => {
      expect(m.segments).toEqual([])
      expect(m.speakers).toEqual([])
      // The recording length still comes from the task, so the reviewer can listen and add.
      expect(m.durationMs).toBe(20_000)
      expect(m.issues[0].message).toMatch(/no transcript yet/)
    }
  },
  {
    name: 'transcript missing',
    body: () => withTranscript(undefined, true),
    issues: ['no-transcript'],
    check: (m) => expect(m.segments).toEqual([])
  },
  {
    name: 'transcript an object with no segments',
    body: () => withTranscript({ transcripts: null, speakers: [] }),
    issues: ['no-transcript'],
    check: (m) => expect(m.segments).toEqual([])
  },
  {
    name: 'transcript an empty bare array',
    body: () => withTranscript([]),
    issues: ['no-transcript', 'transcript-flat']
  },
  {
    name: 'transcript a bare array of segments',
    body: () => withTranscript(segs()),
    issues: ['transcript-flat', 'unknown-speaker'],
    check: (m) => {
      expect(m.segments.map((s) => s.words.map((w) => w.text).join(' '))).toEqual(['Hello there everyone.', 'Words were never timed here.', 'Nor here.'])
      expect(m.segments[0].words[0]).toMatchObject({ startMs: 500, endMs: 900, estimated: false })
      // No speaker list: the speakers are visible placeholders.
      expect(m.speakers.every((s) => s.placeholder && s.name !== '')).toBe(true)
    }
  },
  {
    name: 'speaker entries without a speakerId',
    body: () => doc({ speakers: [{ speakerId: null, speakerName: 'Nobody' }, ...speakers(), { speakerName: null }, { speakerId: 'x-no-name' }] }),
    issues: ['speaker-without-id'],
    check: (m) => {
      // The listed ones are speakers as before; the id-less ones are not (nothing can refer to them).
      expect(m.speakers.map((s) => [s.id, s.name])).toEqual([
        ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', 'Alice Archer'],
        ['7c9e6679-7425-40de-944b-e07fc1f90ae7', 'Bob Brown'],
        ['x-no-name', '']
      ])
      expect(m.issues.find((i) => i.kind === 'speaker-without-id')?.message).toMatch(/^2 speaker entries/)
    }
  },
  {
    name: 'words without offsetInSeconds (null, missing) and null durations',
    body: () => {
      const s = segs()
      s[0].displayWords = [
        { text: 'Hello', offsetInSeconds: 0.5, durationInSeconds: null, confidence: 0.9 },
        { text: 'there', offsetInSeconds: null, durationInSeconds: null, confidence: 0.8 },
        { text: 'everyone.', durationInSeconds: 0.4, confidence: null },
        { text: 'Now', offsetInSeconds: 2.5, durationInSeconds: 0.3, confidence: 0.9 }
      ]
      s[0].displayText = 'Hello there everyone. Now'
      return doc({ transcripts: s })
    },
    issues: ['word-time-missing'],
    check: (m) => {
      const w = m.segments[0].words
      expect(w.map((x) => x.text)).toEqual(['Hello', 'there', 'everyone.', 'Now'])
      expect(w.map((x) => x.estimated)).toEqual([true, true, true, false])
      // "Hello" (0.5 s, no duration) shares the room up to "Now" with the two untimed words after
      // it (a third each); those are spread by length over the rest.
      expect(w.map((x) => [x.startMs, x.endMs])).toEqual([[500, 1166], [1166, 1642], [1642, 2500], [2500, 2800]])
      expect(w[1].confidence).toBeCloseTo(0.8)
    }
  },
  ...durationRows(),
  {
    name: 'a segment whose words all lack a time',
    body: () => {
      const s = segs()
      s[0].displayWords = (s[0].displayWords as Body[]).map((w) => ({ ...w, offsetInSeconds: null }))
      return doc({ transcripts: s })
    },
    issues: ['words-missing'],
    check: (m) => {
      expect(m.segments[0].words.map((w) => [w.text, w.startMs, w.endMs, w.estimated])).toEqual([
        ['Hello', 500, 1158, true], ['there', 1158, 1816, true], ['everyone.', 1816, 3000, true]
      ])
    }
  },
  {
    name: 'segments without start/end: from the words, from duration, from the neighbours',
    body: () => {
      const s = segs()
      s[0].start = null
      delete s[0].end
      // start missing, end and duration given: start = end - duration.
      s[1].start = null
      // No time and no timed words: between its neighbours.
      s[2].start = null
      s[2].end = null
      return doc({ transcripts: s })
    },
    issues: ['segment-time-missing'],
    check: (m) => {
      expect(m.segments.map((s) => [s.startMs, s.endMs])).toEqual([[500, 2000], [3000, 6000], [6000, 20_000]])
      expect(m.issues.filter((i) => i.kind === 'segment-time-missing').map((i) => i.message)).toEqual([
        'Segment 1 has no start or end time; it was placed by its words.',
        'Segment 2 has no start or end time; it was placed by its duration.',
        'Segment 3 has no start or end time; it was placed between the segments around it.'
      ])
    }
  },
  {
    name: 'annotations without start/end',
    body: () => {
      const a = wire(annotationsOutside.transcript.annotations!) as Body[]
      a[0].start = null
      delete a[1].end
      a[2].start = null
      a[2].end = null
      return doc({ annotations: a })
    },
    issues: ['annotation-time-missing'],
    check: (m) => {
      // A missing edge is the other one; with neither, the note sits at 0 for the reviewer to move.
      expect(m.annotations.map((a) => [a.content, a.startMs, a.endMs])).toEqual([
        ['Before the start.', 1000, 1000],
        ['Past the end.', 18_000, 18_000],
        ['Entirely after.', 0, 0]
      ])
    }
  },
  {
    name: 'a word whose text is null',
    body: () => {
      const s = segs()
      ;(s[0].displayWords as Body[])[1].text = null
      return doc({ transcripts: s })
    },
    issues: [],
    check: (m) => {
      // displayText decides the words; the null-text entry lends no time to any of them.
      expect(m.segments[0].words.map((w) => w.text)).toEqual(['Hello', 'there', 'everyone.'])
      expect(m.segments[0].words[1].estimated).toBe(true)
    }
  }
]

/**
 * Words with a start but a null or missing duration (segment 1 runs 0.5–3 s): each lasts until
 * the next word starts or the segment ends, at most estimatedWordMaxMs, and is estimated.
 */
function durationRows(): Row[] {
  const row = (name: string, words: Body[], expected: Array<[number, number, boolean]>): Row => ({
    name: `words without a duration: ${name}`,
    body: () => {
      const s = segs()
      s[0].displayWords = words
      return doc({ transcripts: s })
    },
    issues: [],
    check: (m) => {
      expect(m.segments[0].words.map((w) => [w.startMs, w.endMs, w.estimated])).toEqual(expected)
      expect(m.issues.filter((i) => i.segmentId === 's0')).toEqual([])
    }
  })
  return [
    row(
      'null and missing, up to the next word',
      [
        { text: 'Hello', offsetInSeconds: 0.5, durationInSeconds: null, confidence: 0.9 },
        { text: 'there', offsetInSeconds: 0.9, confidence: 0.8 },
        { text: 'everyone.', offsetInSeconds: 1.3, durationInSeconds: 0.7, confidence: 0.7 }
      ],
      [[500, 900, true], [900, 1300, true], [1300, 2000, false]]
    ),
    row(
      'capped before a long pause',
      [
        { text: 'Hello', offsetInSeconds: 0.5, durationInSeconds: 0.4, confidence: 0.9 },
        { text: 'there', offsetInSeconds: 0.9, durationInSeconds: null, confidence: 0.8 },
        { text: 'everyone.', offsetInSeconds: 2.7, durationInSeconds: 0.3, confidence: 0.7 }
      ],
      [[500, 900, false], [900, 900 + estimatedWordMaxMs, true], [2700, 3000, false]]
    ),
    row(
      'the last word, up to the segment end',
      [
        { text: 'Hello', offsetInSeconds: 0.5, durationInSeconds: 0.4, confidence: 0.9 },
        { text: 'there', offsetInSeconds: 0.9, durationInSeconds: 0.4, confidence: 0.8 },
        { text: 'everyone.', offsetInSeconds: 2.2, confidence: 0.7 }
      ],
      [[500, 900, false], [900, 1300, false], [2200, 3000, true]]
    ),
    row(
      'the last word, capped before the segment end',
      [
        { text: 'Hello', offsetInSeconds: 0.5, durationInSeconds: 0.4, confidence: 0.9 },
        { text: 'there', offsetInSeconds: 0.9, durationInSeconds: 0.4, confidence: 0.8 },
        { text: 'everyone.', offsetInSeconds: 1.3, durationInSeconds: null, confidence: 0.7 }
      ],
      [[500, 900, false], [900, 1300, false], [1300, 1300 + estimatedWordMaxMs, true]]
    ),
    row(
      'words out of order get no negative length',
      [
        { text: 'Hello', offsetInSeconds: 0.5, durationInSeconds: 0.4, confidence: 0.9 },
        { text: 'there', offsetInSeconds: 1.5, durationInSeconds: null, confidence: 0.8 },
        { text: 'everyone.', offsetInSeconds: 1.3, durationInSeconds: 0.7, confidence: 0.7 }
      ],
      // "there" has zero length (the next word starts before it); ordering then moves "everyone.".
      [[500, 900, false], [1500, 1500, true], [1500, 2000, true]]
    )
  ]
}

/** Edits a reviewer could make on any of the rows' tasks (an empty one included). */
function someEdit(m: TranscriptModel): TranscriptModel {
  if (m.segments.length === 0) {
    const withSpeaker = addSpeaker(m, { name: 'Reviewer added', id: 'spk-new' })
    return addAnnotation(insertSegment(withSpeaker, { startMs: 1000, endMs: 3000, speakerId: 'spk-new', text: 'First words' }), { content: 'Typed by hand', startMs: 0, endMs: 500, id: 'ann-new' })
  }
  const s = m.segments[0]
  return replaceText(m, { segmentId: s.id, offset: 0 }, { segmentId: s.id, offset: s.words[0].text.length }, 'Changed')
}

describe.each(rows)('$name', ({ body, issues, check }) => {
  const text = JSON.stringify(body())

  it('parses, normalises into a sound model, and says what it repaired', () => {
    const m = normaliseTranscript(parseTranscriptExport(JSON.parse(text)))
    expect(checkInvariants(m)).toEqual([])
    expect(m.issues.map((i) => i.kind)).toEqual(expect.arrayContaining([...issues]))
    check?.(m)
  })

  it('an unedited model exports back JSON-equal (null stays null, missing stays missing)', () => {
    const out = toTranscriptExport(normaliseTranscript(parseTranscriptExport(JSON.parse(text))))
    expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse(text))
    expect('transcript' in JSON.parse(JSON.stringify(out))).toBe('transcript' in JSON.parse(text))
  })

  it('an edit exports the documented shape, which reads back with the edit', () => {
    const edited = someEdit(normaliseTranscript(parseTranscriptExport(JSON.parse(text))))
    const out = wire(toTranscriptExport(edited))
    const t = out.transcript as Record<string, unknown>
    expect(t !== null && typeof t === 'object' && !Array.isArray(t)).toBe(true)
    for (const key of ['transcripts', 'speakers', 'annotations']) expect(Array.isArray(t[key])).toBe(true)
    expect(transcriptExportSchema.safeParse(out).success).toBe(true)
    const again = normaliseTranscript(parseTranscriptExport(out))
    expect(again.segments.map((s) => s.words.map((w) => w.text).join(' '))).toEqual(edited.segments.map((s) => s.words.map((w) => w.text).join(' ')))
    expect(again.issues.map((i) => i.kind)).not.toContain('no-transcript')
  })
})

describe('round trip details', () => {
  it('an empty task the reviewer filled in writes its segment, speaker and annotation', () => {
    const m = normaliseTranscript(parseTranscriptExport(withTranscript(null)))
    const out = toTranscriptExport(someEdit(m))
    expect(transcriptBody(out)).toMatchObject({
      transcripts: [{ speakerId: 'spk-new', start: 1, end: 3, displayText: 'First words', originalWords: [] }],
      speakers: [{ speakerId: 'spk-new', speakerName: 'Reviewer added' }],
      annotations: [{ uniqueId: 'ann-new', content: 'Typed by hand', start: 0, end: 0.5 }]
    })
  })

  it('a flat transcript with an edit writes the documented object, placeholders left out', () => {
    const m = normaliseTranscript(parseTranscriptExport(withTranscript(segs())))
    const out = toTranscriptExport(someEdit(m))
    expect(transcriptBody(out).speakers).toEqual([])
    expect(transcriptBody(out).annotations).toEqual([])
    expect(transcriptBody(out).transcripts!.map((s) => s.displayText)).toEqual(['Changed there everyone.', 'Words were never timed here.', 'Nor here.'])
    // The segments nobody touched are the loaded objects.
    expect(transcriptBody(out).transcripts![1]).toBe(transcriptBody(m.source).transcripts![1])
  })

  it('id-less speaker entries stay in the list when a listed speaker is renamed', () => {
    const body = doc({ speakers: [{ speakerId: null, speakerName: 'Nobody' }, ...speakers()] })
    const m = normaliseTranscript(parseTranscriptExport(body))
    const renamed = addSpeaker(m, { name: 'Carol', id: 'carol' })
    expect(transcriptBody(toTranscriptExport(renamed)).speakers!.map((s) => [s.speakerId, s.speakerName])).toEqual([
      ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', 'Alice Archer'],
      ['7c9e6679-7425-40de-944b-e07fc1f90ae7', 'Bob Brown'],
      ['carol', 'Carol'],
      [null, 'Nobody']
    ])
  })

  it('words loaded without a time: written back without one while their segment is edited elsewhere, with a time once changed', () => {
    const s = segs()
    const loaded = [
      { text: 'Hello', offsetInSeconds: 0.5, durationInSeconds: 0.4, confidence: 0.9 },
      { text: 'there', offsetInSeconds: null, durationInSeconds: null, confidence: 0.8 },
      { text: 'everyone.', confidence: 0.7 }
    ]
    s[0].displayWords = loaded
    const m = normaliseTranscript(parseTranscriptExport(doc({ transcripts: s })))
    // "Hello" → "Changed": the segment is rebuilt, the untimed words keep their loaded objects.
    const words = transcriptBody(toTranscriptExport(someEdit(m))).transcripts![0].displayWords!
    expect(words[0]).toMatchObject({ text: 'Changed', offsetInSeconds: 0.5 })
    expect(words.slice(1)).toEqual(loaded.slice(1))
    // Retyping "there" makes it a new word with the estimated time.
    const seg = m.segments[0]
    const retyped = transcriptBody(toTranscriptExport(replaceText(m, { segmentId: seg.id, offset: 6 }, { segmentId: seg.id, offset: 11 }, 'where'))).transcripts![0].displayWords!
    expect(retyped[1]).toMatchObject({ text: 'where', offsetInSeconds: seg.words[1].startMs / 1000 })
  })

  it('words loaded without a duration: written back as loaded while only the segment around them is edited, with a duration once retyped', () => {
    const s = segs()
    const loaded = [
      { text: 'Hello', offsetInSeconds: 0.5, durationInSeconds: 0.4, confidence: 0.9 },
      { text: 'there', offsetInSeconds: 0.9, durationInSeconds: null, confidence: 0.8 },
      { text: 'everyone.', offsetInSeconds: 1.3, confidence: 0.7 }
    ]
    s[0].displayWords = loaded
    const m = normaliseTranscript(parseTranscriptExport(wire(doc({ transcripts: s }))))
    const words = transcriptBody(toTranscriptExport(someEdit(m))).transcripts![0].displayWords!
    expect(words[0]).toMatchObject({ text: 'Changed', offsetInSeconds: 0.5 })
    expect(wire(words.slice(1))).toEqual(loaded.slice(1))
    // Retyping "there" writes the estimate as a measured duration (the documented word shape).
    const seg = m.segments[0]
    const retyped = transcriptBody(toTranscriptExport(replaceText(m, { segmentId: seg.id, offset: 6 }, { segmentId: seg.id, offset: 11 }, 'where'))).transcripts![0].displayWords!
    expect(retyped[1]).toMatchObject({ text: 'where', offsetInSeconds: 0.9, durationInSeconds: 0.4 })
    expect(retyped[2]).toEqual(loaded[2])
  })

  it('a split puts recogniser words without a time with the timed word before them', () => {
    const s = segs()
    const orig = [
      { text: 'Hello', offsetInSeconds: 0.5, durationInSeconds: 0.4 },
      { text: 'there', offsetInSeconds: null },
      { text: 'everyone.', offsetInSeconds: 1.3, durationInSeconds: 0.7 }
    ]
    s[0].originalWords = orig
    const m = normaliseTranscript(parseTranscriptExport(doc({ transcripts: s })))
    const split = splitSegment(m, 's0', { wordIndex: 2 })
    const out = transcriptBody(toTranscriptExport(split)).transcripts!
    expect(out[0].originalWords).toEqual(orig.slice(0, 2))
    expect(out[1].originalWords).toEqual(orig.slice(2))
  })

  it('a transcript that is neither an object nor an array of segments is still refused, naming the field', () => {
    expect(() => parseTranscriptExport(withTranscript('none'))).toThrow(/transcript/)
    expect(() => parseTranscriptExport(withTranscript({ transcripts: [{ start: 'zero' }] }))).toThrow(/transcript\.transcripts\[0\]\.start/)
    expect(() => parseTranscriptExport(withTranscript([{ start: 'zero' }]))).toThrow(/transcript\[0\]\.start/)
  })

  it('a taskId as a numeric string is still refused, by name (ids are not coerced)', () => {
    expect(() => parseTranscriptExport({ ...withTranscript(null), taskId: '90001' })).toThrow(/taskId/)
  })
})
