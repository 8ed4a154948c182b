import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { transcriptBody, transcriptExportSchema } from '../../../shared/api/transcript-export'
import type { TranscriptModel } from '../../../shared/transcript'
import {
  addAnnotation,
  addSpeaker,
  checkInvariants,
  deleteAnnotation,
  deleteSegment,
  deleteSpeaker,
  editAnnotation,
  insertSegment,
  mergeSegments,
  mergeSpeakers,
  newSpeakerId,
  normaliseTranscript,
  renameSpeaker,
  replaceText,
  retimeAnnotation,
  retimeSegment,
  segmentText,
  setReviewed,
  setSpeaker,
  splitSegment,
  toTranscriptExport,
  updateSpeaker
} from '../../../shared/transcript'
import { convertRealFixture, realFixtureNames } from '../../fixtures/real-to-export'

/** An edit case: what to do to a loaded model and what must then be true. */
interface EditCase {
  name: string
  apply: (m: TranscriptModel) => TranscriptModel
  check: (before: TranscriptModel, after: TranscriptModel) => void
  /** Segment indices the edit may replace (others must be the very same objects). */
  touches?: (before: TranscriptModel) => number[]
}

/** The second segment with at least 4 words (every real fixture has one). */
function target(m: TranscriptModel): number {
  let seen = 0
  for (let k = 0; k < m.segments.length - 1; k++) if (m.segments[k].words.length >= 4 && ++seen === 2) return k
  throw new Error('no segment with 4 words')
}
const seg = (m: TranscriptModel) => m.segments[target(m)]
/** A caret one character into the first word (after the first) that is at least 2 characters long. */
function caretInsideWord(m: TranscriptModel): { offset: number; word: number } {
  const words = seg(m).words
  let offset = words[0].text.length + 1
  for (let j = 1; j < words.length; j++) {
    if (words[j].text.length >= 2) return { offset: offset + 1, word: j }
    offset += words[j].text.length + 1
  }
  throw new Error('no long word')
}
const otherSpeaker = (m: TranscriptModel) => {
  const s = seg(m)
  const other = m.speakers.find((x) => x.id !== s.speakerId)
  return other ? other.id : s.speakerId
}

const cases: EditCase[] = [
  {
    name: 'replaceText: one word for one word keeps its time',
    apply: (m) => replaceText(m, { segmentId: seg(m).id, offset: 0 }, { segmentId: seg(m).id, offset: seg(m).words[0].text.length }, 'Zebra'),
    touches: (m) => [target(m)],
    check: (b, a) => {
      const before = seg(b)
      const after = a.segments[target(b)]
      expect(after.words[0]).toMatchObject({ id: before.words[0].id, text: 'Zebra', startMs: before.words[0].startMs, endMs: before.words[0].endMs, estimated: true })
      expect(after.words.slice(1)).toEqual(before.words.slice(1))
      after.words.slice(1).forEach((w, k) => expect(w).toBe(before.words[k + 1]))
    }
  },
  {
    name: 'replaceText: one word for three interpolates inside its span',
    apply: (m) => {
      const s = seg(m)
      const off = s.words[0].text.length + 1
      return replaceText(m, { segmentId: s.id, offset: off }, { segmentId: s.id, offset: off + s.words[1].text.length }, 'alpha beta gamma')
    },
    touches: (m) => [target(m)],
    check: (b, a) => {
      const old = seg(b).words[1]
      const made = a.segments[target(b)].words.slice(1, 4)
      expect(made.map((w) => w.text)).toEqual(['alpha', 'beta', 'gamma'])
      expect(made.every((w) => w.estimated && w.startMs >= old.startMs && w.endMs <= old.endMs)).toBe(true)
      expect(made[0].startMs).toBe(old.startMs)
      expect(made[2].endMs).toBe(old.endMs)
      expect(a.segments[target(b)].words).toHaveLength(seg(b).words.length + 2)
    }
  },
  {
    name: 'replaceText: deleting words removes them',
    apply: (m) => {
      const s = seg(m)
      return replaceText(m, { segmentId: s.id, offset: 0 }, { segmentId: s.id, offset: s.words[0].text.length + 1 + s.words[1].text.length + 1 }, '')
    },
    touches: (m) => [target(m)],
    check: (b, a) => {
      expect(a.segments[target(b)].words).toEqual(seg(b).words.slice(2))
    }
  },
  {
    name: 'replaceText: typing a word between two others goes in the gap',
    apply: (m) => {
      const s = seg(m)
      const off = s.words[0].text.length
      return replaceText(m, { segmentId: s.id, offset: off }, { segmentId: s.id, offset: off }, ' inserted')
    },
    touches: (m) => [target(m)],
    check: (b, a) => {
      const w = a.segments[target(b)].words
      expect(w[1]).toMatchObject({ text: 'inserted', estimated: true, startMs: seg(b).words[0].endMs })
      expect(w[0]).toBe(seg(b).words[0])
      expect(w[2]).toBe(seg(b).words[1])
    }
  },
  {
    name: 'replaceText: a range across two segments merges them into the first',
    apply: (m) => {
      const s = seg(m)
      const next = m.segments[target(m) + 1]
      return replaceText(m, { segmentId: s.id, offset: segmentText(s).length }, { segmentId: next.id, offset: 0 }, ' ')
    },
    touches: (m) => [target(m), target(m) + 1],
    check: (b, a) => {
      const k = target(b)
      expect(a.segments).toHaveLength(b.segments.length - 1)
      expect(a.segments[k].words).toEqual([...b.segments[k].words, ...b.segments[k + 1].words])
      expect(a.segments[k].endMs).toBe(b.segments[k + 1].endMs)
    }
  },
  {
    name: 'replaceText: the same text is no change at all',
    apply: (m) => replaceText(m, { segmentId: seg(m).id, offset: 0 }, { segmentId: seg(m).id, offset: seg(m).words[0].text.length }, seg(m).words[0].text),
    touches: () => [],
    check: (b, a) => expect(a).toBe(b)
  },
  {
    name: 'splitSegment at a word',
    apply: (m) => splitSegment(m, seg(m).id, { wordIndex: 2 }),
    touches: (m) => [target(m)],
    check: (b, a) => {
      const k = target(b)
      expect(a.segments).toHaveLength(b.segments.length + 1)
      expect(a.segments[k].words).toEqual(seg(b).words.slice(0, 2))
      expect(a.segments[k + 1].words).toEqual(seg(b).words.slice(2))
      expect(a.segments[k].endMs).toBe(a.segments[k + 1].startMs)
      expect(a.segments[k + 1].speakerId).toBe(seg(b).speakerId)
    }
  },
  {
    name: 'splitSegment at a caret inside a word splits the word',
    apply: (m) => splitSegment(m, seg(m).id, { offset: caretInsideWord(m).offset }),
    touches: (m) => [target(m)],
    check: (b, a) => {
      const k = target(b)
      const w = seg(b).words[caretInsideWord(b).word]
      expect(a.segments[k].words.at(-1)!.text).toBe(w.text.slice(0, 1))
      expect(a.segments[k + 1].words[0].text).toBe(w.text.slice(1))
      expect(segmentText(a.segments[k]) + segmentText(a.segments[k + 1])).toBe(segmentText(seg(b)))
    }
  },
  {
    name: 'mergeSegments joins a segment with the next',
    apply: (m) => mergeSegments(m, seg(m).id),
    touches: (m) => [target(m), target(m) + 1],
    check: (b, a) => {
      const k = target(b)
      expect(a.segments[k].words).toHaveLength(b.segments[k].words.length + b.segments[k + 1].words.length)
      expect(a.segments[k].speakerId).toBe(b.segments[k].speakerId)
    }
  },
  {
    name: 'insertSegment after the last one',
    apply: (m) => {
      const last = m.segments[m.segments.length - 1]
      return insertSegment({ ...m, durationMs: last.endMs + 5000 }, { startMs: last.endMs + 1000, endMs: last.endMs + 3000, speakerId: last.speakerId, text: 'a closing remark' })
    },
    touches: () => [],
    check: (b, a) => {
      const s = a.segments[a.segments.length - 1]
      expect(segmentText(s)).toBe('a closing remark')
      expect(s.words.every((w) => w.estimated)).toBe(true)
    }
  },
  {
    name: 'insertSegment into a gap trims the neighbours back to their words',
    apply: (m) => {
      // dpe words are contiguous, so make room by deleting the next segment first.
      const k = target(m)
      const gap = deleteSegment(m, m.segments[k + 1].id)
      const held = Math.max(...m.segments[k].words.map((w) => w.endMs))
      return insertSegment(gap, { startMs: held, endMs: m.segments[k + 2].words[0].startMs, speakerId: m.segments[k].speakerId, text: 'new words here' })
    },
    touches: (m) => [target(m), target(m) + 1, target(m) + 2],
    check: (b, a) => {
      const k = target(b)
      expect(a.segments).toHaveLength(b.segments.length)
      expect(segmentText(a.segments[k + 1])).toBe('new words here')
      expect(a.segments[k + 1].words.every((w) => w.estimated)).toBe(true)
      expect(a.segments[k].endMs).toBe(a.segments[k + 1].startMs)
      expect(a.segments[k + 2].startMs).toBe(a.segments[k + 1].endMs)
      expect(a.segments[k + 2].words).toBe(b.segments[k + 2].words)
    }
  },
  {
    name: 'deleteSegment removes it',
    apply: (m) => deleteSegment(m, seg(m).id),
    touches: (m) => [target(m)],
    check: (b, a) => expect(a.segments.map((s) => s.id)).not.toContain(seg(b).id)
  },
  {
    name: 'setSpeaker on a segment',
    apply: (m) => setSpeaker(m, { segmentId: seg(m).id }, otherSpeaker(m)),
    touches: (m) => [target(m)],
    check: (b, a) => expect(a.segments[target(b)].speakerId).toBe(otherSpeaker(b))
  },
  {
    name: 'setSpeaker on a word range inside a segment splits it in three',
    apply: (m) => {
      const s = seg(m)
      return setSpeaker(m, { from: { segmentId: s.id, wordIndex: 1 }, to: { segmentId: s.id, wordIndex: 2 } }, otherSpeaker(m))
    },
    touches: (m) => [target(m)],
    check: (b, a) => {
      const k = target(b)
      const n = seg(b).words.length
      expect(a.segments.slice(k, k + 3).map((s) => s.words.length)).toEqual(n > 3 ? [1, 2, n - 3] : [1, 2])
      expect(a.segments[k + 1].speakerId).toBe(otherSpeaker(b))
      expect(a.segments[k].speakerId).toBe(seg(b).speakerId)
    }
  },
  {
    name: 'setSpeaker on a word range across two segments',
    apply: (m) => {
      const s = seg(m)
      const next = m.segments[target(m) + 1]
      return setSpeaker(m, { from: { segmentId: s.id, wordIndex: s.words.length - 1 }, to: { segmentId: next.id, wordIndex: 0 } }, otherSpeaker(m))
    },
    touches: (m) => [target(m), target(m) + 1],
    check: (b, a) => {
      const k = target(b)
      expect(a.segments[k + 1].words).toEqual([seg(b).words.at(-1)])
      expect(a.segments[k + 1].speakerId).toBe(otherSpeaker(b))
      expect(a.segments[k + 2].speakerId).toBe(otherSpeaker(b))
      expect(a.segments[k + 2].words[0]).toBe(b.segments[k + 1].words[0])
    }
  },
  {
    name: 'retimeSegment start earlier shrinks the neighbour, never past its words',
    apply: (m) => retimeSegment(m, seg(m).id, 'start', 0),
    touches: (m) => [target(m) - 1, target(m)],
    check: (b, a) => {
      const k = target(b)
      const prev = b.segments[k - 1]
      const held = prev.words.length ? Math.max(...prev.words.map((w) => w.endMs)) : prev.startMs
      expect(a.segments[k].startMs).toBe(Math.max(held, prev.startMs))
      expect(a.segments[k - 1].endMs).toBe(a.segments[k].startMs)
    }
  },
  {
    name: 'retimeSegment end never cuts its own words',
    apply: (m) => retimeSegment(m, seg(m).id, 'end', 0),
    touches: (m) => [target(m)],
    check: (b, a) => expect(a.segments[target(b)].endMs).toBe(Math.max(...seg(b).words.map((w) => w.endMs)))
  },
  {
    name: 'setReviewed marks without changing the export',
    apply: (m) => setReviewed(m, seg(m).id, true),
    touches: (m) => [target(m)],
    check: (b, a) => {
      expect(a.segments[target(b)].reviewed).toBe(true)
      expect(toTranscriptExport(a)).toStrictEqual(toTranscriptExport(b))
    }
  },
  {
    name: 'renameSpeaker renames everywhere',
    apply: (m) => renameSpeaker(m, seg(m).speakerId, 'Dr. Renamed'),
    touches: () => [],
    check: (b, a) => {
      expect(a.speakers.find((s) => s.id === seg(b).speakerId)!.name).toBe('Dr. Renamed')
      expect(transcriptBody(toTranscriptExport(a)).speakers!.find((s) => s.speakerId === seg(b).speakerId)!.speakerName).toBe('Dr. Renamed')
    }
  },
  {
    name: 'updateSpeaker changes prefix and suffix, name kept',
    apply: (m) => updateSpeaker(m, seg(m).speakerId, { prefix: 'Prof.', suffix: 'PhD' }),
    touches: () => [],
    check: (b, a) => {
      const before = b.speakers.find((s) => s.id === seg(b).speakerId)!
      expect(a.speakers.find((s) => s.id === before.id)).toMatchObject({ name: before.name, prefix: 'Prof.', suffix: 'PhD', edited: true })
      expect(transcriptBody(toTranscriptExport(a)).speakers!.find((s) => s.speakerId === before.id)).toMatchObject({ speakerPrefix: 'Prof.', speakerSuffix: 'PhD' })
    }
  },
  {
    name: 'addSpeaker then mergeSpeakers back',
    apply: (m) => {
      const id = newSpeakerId(m)
      const added = setSpeaker(addSpeaker(m, { name: 'Guest', prefix: 'Ms.' }), { segmentId: seg(m).id }, id)
      return mergeSpeakers(added, id, seg(m).speakerId)
    },
    touches: (m) => [target(m)],
    check: (b, a) => {
      expect(a.speakers.map((s) => s.id)).toEqual(b.speakers.map((s) => s.id))
      expect(a.segments[target(b)].speakerId).toBe(seg(b).speakerId)
    }
  },
  {
    name: 'deleteSpeaker with a replacement moves its segments, prefix/suffix of the target kept',
    apply: (m) => {
      const withGuest = addSpeaker(m, { name: 'Guest', prefix: 'Sen.', suffix: '(R)', id: 'guest' })
      return deleteSpeaker(withGuest, seg(m).speakerId, 'guest')
    },
    touches: (m) => m.segments.map((_, k) => k),
    check: (b, a) => {
      expect(a.speakers.some((s) => s.id === seg(b).speakerId)).toBe(false)
      expect(a.segments.every((s) => s.speakerId !== seg(b).speakerId)).toBe(true)
      expect(a.speakers.find((s) => s.id === 'guest')).toMatchObject({ name: 'Guest', prefix: 'Sen.', suffix: '(R)' })
      const out = toTranscriptExport(a)
      expect(transcriptBody(out).speakers!.find((s) => s.speakerId === 'guest')).toEqual({ speakerId: 'guest', speakerName: 'Guest', speakerPrefix: 'Sen.', speakerSuffix: '(R)' })
    }
  },
  {
    name: 'annotations: add, edit, retime, delete',
    apply: (m) => {
      let n = addAnnotation(m, { content: 'New note', startMs: 1000, endMs: 2000, id: 'note-1' }, { userName: 'qa', userId: 5, at: '2026-04-01T10:00:00Z' })
      n = editAnnotation(n, 'note-1', 'Edited note')
      n = retimeAnnotation(n, 'note-1', 1500, 99_999_999)
      n = editAnnotation(n, m.annotations[0].id, 'Changed', { userName: 'qa', userId: 5, at: '2026-04-02T10:00:00.1234567Z' })
      return deleteAnnotation(n, m.annotations[1].id)
    },
    touches: () => [],
    check: (b, a) => {
      expect(a.annotations.map((x) => [x.content, x.startMs, x.endMs])).toEqual([
        ['Changed', b.annotations[0].startMs, b.annotations[0].endMs],
        ['Edited note', 1500, b.durationMs]
      ])
      const out = transcriptBody(toTranscriptExport(a)).annotations!
      expect(out[0]).toMatchObject({ content: 'Changed', modifiedByUserName: 'qa', modifiedOn: '2026-04-02T10:00:00.1234567Z', createdByUserName: b.annotations[0].source!.createdByUserName })
      expect(out[1]).toMatchObject({ uniqueId: 'note-1', content: 'Edited note', createdByUserName: 'qa', createdOn: '2026-04-01T10:00:00Z' })
    }
  }
]

describe.each(realFixtureNames)('edits on %s', (name) => {
  const loaded = normaliseTranscript(convertRealFixture(name))
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const after = c.apply(loaded)
    expect(checkInvariants(after)).toEqual([])
    c.check(loaded, after)
    // Untouched segments are the very same objects (cheap edits, verbatim export).
    const touched = new Set(c.touches?.(loaded) ?? [])
    const afterIds = new Map(after.segments.map((s) => [s.id, s]))
    loaded.segments.forEach((s, k) => {
      if (!touched.has(k) && afterIds.has(s.id)) expect(afterIds.get(s.id)).toBe(s)
    })
    // The export is schema-valid and untouched segments come back verbatim.
    const out = toTranscriptExport(after)
    expect(transcriptExportSchema.safeParse(out).success).toBe(true)
    for (const s of after.segments) if (!s.edited && s.source) expect(transcriptBody(out).transcripts).toContain(s.source)
  })
})

describe('invalid requests are bad_request errors', () => {
  const m = normaliseTranscript(convertRealFixture('kate-darling-ted.dpe.json'))
  const s = m.segments[1]
  it.each([
    ['unknown segment', () => splitSegment(m, 'nope', { wordIndex: 1 })],
    ['split at the start', () => splitSegment(m, s.id, { wordIndex: 0 })],
    ['split past the end', () => splitSegment(m, s.id, { offset: 10_000 })],
    ['merge the last segment', () => mergeSegments(m, m.segments[m.segments.length - 1].id)],
    ['caret outside the text', () => replaceText(m, { segmentId: s.id, offset: -1 }, { segmentId: s.id, offset: 0 }, 'x')],
    ['range backwards', () => replaceText(m, { segmentId: m.segments[2].id, offset: 0 }, { segmentId: s.id, offset: 0 }, 'x')],
    ['unknown speaker', () => setSpeaker(m, { segmentId: s.id }, 'ghost')],
    ['delete a speaker still in use', () => deleteSpeaker(m, s.speakerId)],
    ['merge a speaker into itself', () => mergeSpeakers(m, s.speakerId, s.speakerId)],
    ['empty speaker name', () => renameSpeaker(m, s.speakerId, '  ')],
    ['insert over words', () => insertSegment(m, { startMs: s.words[0].startMs, endMs: s.words[0].endMs, speakerId: s.speakerId })],
    ['insert backwards', () => insertSegment(m, { startMs: 5000, endMs: 4000, speakerId: s.speakerId })],
    ['annotation ends before it starts', () => addAnnotation(m, { content: 'x', startMs: 5, endMs: 1 })],
    ['unknown annotation', () => deleteAnnotation(m, 'nope')]
  ])('%s', (_name, run) => {
    expect(run).toThrow(AppError)
    try {
      run()
    } catch (error) {
      expect((error as AppError).code).toBe('bad_request')
      expect((error as AppError).message.length).toBeGreaterThan(10)
    }
  })
})
