import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serialize } from 'node:v8'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { transcriptExportSchema } from '../../../../shared/api/transcript-export'
import type { ApiTranscriptSegment, DocumentedTranscriptExport } from '../../../../shared/api/transcript-export'
import { parseTranscriptExport as parseBody } from '../../../../shared/api/parse-export'
import { readTranscriptExportFile } from '../../../../electron/services/files/read-export-file'
import { hashExport } from '../../../../electron/services/drafts/export-hash'
import { normaliseTranscript, toTranscriptExport } from '../../../../shared/transcript'
import { convertRealFixture } from '../../../fixtures/real-to-export'

/*
 * Issue 21, big exports: where a segment's originalWords are the same JSON as its displayWords
 * (most segments of a real export), the opened export shares the word objects, so the export is
 * held once in main and crosses IPC once (structured clone writes a shared object once). Nothing
 * that writes the export may tell: JSON text, hash, model and JSON export stay the same.
 */

type Body = DocumentedTranscriptExport & { transcript: { transcripts: ApiTranscriptSegment[] } }

describe('opened exports share equal word lists', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sdte-shared-words-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('a real 2-hour export from a file: lists shared, the IPC copy about half, the text, hash, model and JSON export unchanged', async () => {
    const text = JSON.stringify(convertRealFixture('senate-hearing-2h.dpe.json'))
    const path = join(dir, 'hearing.json')
    await writeFile(path, text)
    const data = (await readTranscriptExportFile(path)).data as Body
    // What the schema alone gives: the export as it was opened before.
    const plain = transcriptExportSchema.parse(JSON.parse(text)) as Body
    const segments = data.transcript.transcripts
    expect(segments.length).toBeGreaterThan(100)
    const equal = segments.filter((s, k) => JSON.stringify(s.originalWords) === JSON.stringify(plain.transcript.transcripts[k].displayWords))
    expect(equal.length).toBeGreaterThan(segments.length / 2)
    for (const s of equal) if (s.originalWords) expect(s.originalWords).toBe(s.displayWords)
    expect(JSON.stringify(data)).toBe(JSON.stringify(plain))
    expect(hashExport(data)).toBe(hashExport(plain))
    expect(serialize(data).length).toBeLessThan(serialize(plain).length * 0.6)
    const model = normaliseTranscript(data)
    expect(JSON.stringify({ ...model, source: null })).toBe(JSON.stringify({ ...normaliseTranscript(plain), source: null }))
    expect(JSON.stringify(toTranscriptExport(model))).toBe(JSON.stringify(toTranscriptExport(normaliseTranscript(plain))))
  })

  it('shares word by word where only some words differ, and never a word that is not the same JSON', () => {
    const word = (text: string, at: number, extra: Record<string, unknown> = {}) => ({ text, offsetInSeconds: at, durationInSeconds: 0.5, confidence: 0.9, ...extra })
    const display = [word('one', 0), word('two', 1), word('three', 2), word('four', 3), { offsetInSeconds: 4, text: 'five', durationInSeconds: 0.5, confidence: 0.9 }, word('six', 5, { tags: [] }), word('seven', 0)]
    const original = [word('one', 0), word('too', 1), word('three', 2), word('four', 3), word('five', 4), word('six', 5, { tags: [] }), word('seven', 12345)]
    const flat = [
      { speakerId: 'a', start: 0, end: 6, displayText: 'one two three four five six seven', displayWords: display, originalWords: original },
      { speakerId: 'a', start: 6, end: 7, displayWords: [word('x', 6)], originalWords: [word('x', 6), word('y', 6.5)] },
      { speakerId: 'a', start: 7, end: 8, displayWords: null, originalWords: [word('z', 7)] }
    ]
    const body = JSON.parse(`{"taskId":1,"transcript":${JSON.stringify(flat).replace('12345', '-0')}}`) as { transcript: ApiTranscriptSegment[] }
    const parsedOriginal = body.transcript[0].originalWords!
    const before = JSON.stringify(body)
    const data = parseBody(body) as { transcript: ApiTranscriptSegment[] }
    const [first, second, third] = data.transcript
    // one, three, four shared; two (text), five (key order), six (an array inside), seven (-0) each keep their own.
    expect(first.originalWords).not.toBe(first.displayWords)
    expect(first.originalWords!.map((w, k) => w === first.displayWords![k])).toEqual([true, false, true, true, false, false, false])
    // The parsed lists themselves are left as they were.
    expect(parsedOriginal.some((w, k) => w === display[k])).toBe(false)
    expect(second.originalWords).toBe(body.transcript[1].originalWords)
    expect(third.originalWords).toBe(body.transcript[2].originalWords)
    expect(JSON.stringify(data)).toBe(before)
    expect(Object.is(first.originalWords![6].offsetInSeconds, -0)).toBe(true)
  })

  it('never shares a word with an own __proto__ member', () => {
    const text = '{"taskId":1,"transcript":{"transcripts":[{"displayWords":[{"text":"a","__proto__":{"x":1}}],"originalWords":[{"text":"a","__proto__":{"x":2}}]}]}}'
    const data = parseBody(JSON.parse(text)) as Body
    const s = data.transcript.transcripts[0]
    expect(s.originalWords![0]).not.toBe(s.displayWords![0])
    expect(hashExport(data)).toBe(hashExport(JSON.parse(text)))
  })
})
