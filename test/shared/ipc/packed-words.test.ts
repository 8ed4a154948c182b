import { serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import { parseTranscriptExport } from '../../../shared/api/parse-export'
import { packWords, unpackWords } from '../../../shared/ipc/packed-words'
import { isKnownPlainList } from '../../../shared/api/plain-word-lists'
import { convertRealFixture, realFixtureNames } from '../../fixtures/real-to-export'

/*
 * The opened export's words cross IPC in columns (issue 21): what the renderer rebuilds is the
 * same JSON (key order, nulls, shared word objects), main's export is untouched, and the reply
 * is far smaller than the export as objects.
 */

/** The export as the renderer gets it: packed in main, cloned as IPC does, unpacked. */
function trip(data: TranscriptExport): TranscriptExport {
  const packed = packWords(data)
  if (!packed) return structuredClone(data)
  const received = structuredClone(packed)
  return unpackWords(received.data, received.words)
}

/** Each segment's lists: 'same' when originalWords is displayWords, else which original words are display words. */
function sharing(data: TranscriptExport): unknown[] {
  const body = Array.isArray(data.transcript) ? { transcripts: data.transcript } : (data.transcript ?? {})
  return (body.transcripts ?? []).map((s) => {
    if (s.originalWords === s.displayWords) return 'same'
    return (s.originalWords ?? []).map((w, k) => w === s.displayWords?.[k])
  })
}

const word = (text: string | null, offset: number | null, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ text, offsetInSeconds: offset, durationInSeconds: 0.25, confidence: 0.9, ...extra })

describe('packed words', () => {
  it.each(realFixtureNames)('rebuilds the real export %s exactly, its shared word objects shared again', (name) => {
    const data = parseTranscriptExport(JSON.parse(JSON.stringify(convertRealFixture(name))))
    const before = JSON.stringify(data)
    const back = trip(data)
    expect(JSON.stringify(back)).toBe(before)
    expect(sharing(back)).toEqual(sharing(data))
    // Main's own export is left as it was.
    expect(JSON.stringify(data)).toBe(before)
  })

  it('sends the 2-hour export in less than half the bytes of the export as objects', () => {
    const data = parseTranscriptExport(JSON.parse(JSON.stringify(convertRealFixture('senate-hearing-2h.dpe.json'))))
    const packed = packWords(data)!
    expect(serialize(packed).length).toBeLessThan(serialize(data).length / 2)
  })

  it('leaves in place every list holding a word that would not rebuild exactly, and keeps the rest', () => {
    const text = JSON.stringify({
      taskId: 5,
      transcript: {
        transcripts: [
          { speakerId: 'a', start: 0, end: 1, displayWords: [word('no confidence', 0)].map(({ confidence: _c, ...w }) => w), originalWords: null },
          { speakerId: 'a', start: 1, end: 2, displayWords: [word('extra', 1, { speaker: 'x' })], originalWords: [word('extra', 1, { speaker: 'x' })] },
          { speakerId: 'a', start: 2, end: 3, displayWords: [{ offsetInSeconds: 2, text: 'order', durationInSeconds: 1, confidence: 1 }] },
          { speakerId: 'a', start: 3, end: 4, displayWords: [word(null, 3)] },
          { speakerId: 'a', displayWords: [word('nulls', null, { durationInSeconds: null, confidence: null }), word('', 3.5), word('Zoë 😀 “x”', -0)], originalWords: [word('nulls', null, { durationInSeconds: null, confidence: null }), word('other', 3.5)] },
          { speakerId: 'a', start: 5, end: 6, displayWords: [], originalWords: [word('only original', 5)], confidence: 0.5, unknown: { nested: [1, 2] } },
          { speakerId: 'a', start: 6, end: 7, displayWords: [word('a', 6)], originalWords: [word('a', 6), word('longer', 6.5)] },
          { speakerId: 'a', start: 7, end: 8, displayWords: null, originalWords: [word('b', 7)] }
        ],
        speakers: [{ speakerId: 'a', speakerName: 'A' }],
        annotations: null
      },
      metadata: { kept: true }
    })
    const data = parseTranscriptExport(JSON.parse(text))
    const before = JSON.stringify(data)
    const back = trip(data)
    expect(JSON.stringify(back)).toBe(before)
    expect(sharing(back)).toEqual(sharing(data))
  })

  it('keeps a word with an own __proto__ key (JSON.parse makes one) out of the columns', () => {
    const data = parseTranscriptExport(JSON.parse('{"taskId":1,"transcript":{"transcripts":[{"speakerId":"a","start":0,"end":1,"displayWords":[{"text":"x","offsetInSeconds":0,"durationInSeconds":1,"__proto__":{"a":1}}]}]}}'))
    const before = JSON.stringify(data)
    expect(JSON.stringify(trip(data))).toBe(before)
  })

  it('takes the export check’s word for plain lists, and never for a list it did not find plain', () => {
    // Checked by the fast export check: known plain, not walked again, packed the same.
    const checked = parseTranscriptExport({ taskId: 5, transcript: [{ speakerId: 'a', start: 0, end: 1, displayWords: [word('x', 0), word('y', 0.5)] }] })
    const words = (checked.transcript as Array<{ displayWords: unknown }>)[0].displayWords
    expect(isKnownPlainList(words)).toBe(true)
    expect(JSON.stringify(trip(checked))).toBe(JSON.stringify(checked))
    // Not plain as packing reads a word: a null text, an object of another prototype, extra keys.
    for (const odd of [word(null, 0), Object.assign(Object.create(null) as object, word('z', 0)), word('w', 0, { x: 1 })]) {
      const data = parseTranscriptExport({ taskId: 6, transcript: [{ speakerId: 'a', start: 0, end: 1, displayWords: [word('x', 0), odd] }] })
      const list = (data.transcript as Array<{ displayWords: unknown }>)[0].displayWords
      expect(isKnownPlainList(list)).toBe(false)
      expect(packWords(data)?.words.display[0] ?? -1).toBe(-1)
    }
  })

  it('packs the flat shape, and sends an export without segments as it is', () => {
    const flat = parseTranscriptExport({ taskId: 2, transcript: [{ speakerId: 'a', start: 0, end: 1, displayWords: [word('flat', 0)], originalWords: [word('flat', 0)] }] })
    expect(packWords(flat)).not.toBeNull()
    expect(JSON.stringify(trip(flat))).toBe(JSON.stringify(flat))
    for (const transcript of [null, undefined, { transcripts: [] }, { transcripts: null }]) {
      expect(packWords(parseTranscriptExport({ taskId: 3, ...(transcript === undefined ? {} : { transcript }) }))).toBeNull()
    }
  })

  it('refuses columns that do not fit the segments instead of showing a task with words missing', () => {
    const data = parseTranscriptExport({ taskId: 4, transcript: { transcripts: [{ speakerId: 'a', start: 0, end: 1, displayWords: [word('x', 0), word('y', 0.5)] }] } })
    const packed = structuredClone(packWords(data)!)
    expect(() => unpackWords(structuredClone(packed.data), { ...packed.words, display: new Int32Array([2, 1]) })).toThrow(/did not arrive whole/)
    expect(() => unpackWords(structuredClone(packed.data), { ...packed.words, display: new Int32Array([1]) })).toThrow(/did not arrive whole/)
    expect(() => unpackWords(structuredClone(packed.data), { ...packed.words, textIds: new Uint16Array([0, 2]) })).toThrow(/did not arrive whole/)
    expect(() => unpackWords(structuredClone(packed.data), { ...packed.words, texts: 'xyz' })).toThrow(/did not arrive whole/)
  })

  it('sends each distinct text once, in two bytes a word while the distinct texts allow', () => {
    const data = parseTranscriptExport(JSON.parse(JSON.stringify(convertRealFixture('senate-hearing-2h.dpe.json'))))
    const words = packWords(data)!.words
    const distinct = new Set<string>()
    for (const segment of Array.isArray(data.transcript) ? data.transcript : (data.transcript?.transcripts ?? [])) for (const w of [...(segment.displayWords ?? []), ...(segment.originalWords ?? [])]) distinct.add(w.text ?? '')
    expect(words.textLengths.length).toBe(distinct.size)
    expect(words.texts.length).toBe([...distinct].join('').length)
    expect(words.textIds).toBeInstanceOf(Uint16Array)
    expect(words.textIds.length).toBe(words.shared.length)
  })

  it('rebuilds exactly past 65,536 distinct texts (four bytes a word)', () => {
    const many = Array.from({ length: 70_000 }, (_, k) => word(`w${k}`, k / 10))
    const data = parseTranscriptExport({ taskId: 6, transcript: { transcripts: [{ speakerId: 'a', start: 0, end: 7000, displayWords: many.slice(0, 40_000) }, { speakerId: 'a', start: 4000, end: 7000, displayWords: many.slice(40_000), originalWords: [...many.slice(40_000, 40_010), word('w1', 1)] }] } })
    expect(packWords(data)!.words.textIds).toBeInstanceOf(Uint32Array)
    expect(JSON.stringify(trip(data))).toBe(JSON.stringify(data))
  })
})
