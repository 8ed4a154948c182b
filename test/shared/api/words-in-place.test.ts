import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { transcriptExportSchema, wordSchema } from '../../../shared/api/transcript-export'
import { parseTranscriptExport } from '../../../shared/api/parse-export'
import { describeSchemaError } from '../../../shared/api/schema-issues'
import { convertRealFixture } from '../../fixtures/real-to-export'

/*
 * Words are validated in place: the validated export holds the very word objects and lists that
 * were parsed (no second copy of a million words), and a bad word is reported exactly as the
 * plain schema (`z.array(wordSchema)`) reports it.
 */

type Body = { transcript: { transcripts: Array<{ displayWords: unknown[]; originalWords?: unknown[] }> } }

const exportWith = (words: unknown, originalWords?: unknown): Record<string, unknown> => ({
  taskId: 7,
  transcript: { transcripts: [{ speakerId: 's1', start: 0, end: 1, displayWords: [{ text: 'ok', offsetInSeconds: 0 }] }, { speakerId: 's1', start: 1, end: 2, displayWords: words, ...(originalWords === undefined ? {} : { originalWords }) }] }
})

/** The export schema as it was, every word list through `z.array(wordSchema)`: the reference for messages. */
const plainSchema = transcriptExportSchema.extend({
  transcript: z
    .union([
      z.looseObject({ transcripts: z.array(z.looseObject({ displayWords: z.array(wordSchema).nullable().optional(), originalWords: z.array(wordSchema).nullable().optional() })).nullable().optional(), speakers: z.unknown().optional(), annotations: z.unknown().optional() }),
      z.array(z.looseObject({ displayWords: z.array(wordSchema).nullable().optional() }))
    ])
    .nullable()
    .optional()
})

const messageOf = (body: unknown): string => {
  try {
    parseTranscriptExport(body)
    return 'valid'
  } catch (error) {
    return (error as Error).message
  }
}

describe('word lists validated in place', () => {
  it('keeps the parsed word lists and word objects (no copy) for a real 2-hour export', () => {
    const body = JSON.parse(JSON.stringify(convertRealFixture('senate-hearing-2h.dpe.json'))) as Body
    const data = parseTranscriptExport(body) as unknown as Body
    const segments = body.transcript.transcripts
    expect(segments.length).toBeGreaterThan(100)
    segments.forEach((segment, k) => {
      expect(data.transcript.transcripts[k].displayWords).toBe(segment.displayWords)
      // The recogniser's list is the parsed one, or (the same JSON) the parsed displayWords (share-word-lists.ts).
      const original = data.transcript.transcripts[k].originalWords
      if (segment.originalWords) expect([segment.originalWords, segment.displayWords]).toContain(original)
    })
    expect(data.transcript.transcripts[3].displayWords[0]).toBe(segments[3].displayWords[0])
  })

  it('accepts and refuses exactly what the plain schema does, with its message and path', () => {
    const cases: Array<[unknown, unknown?]> = [
      [[{ text: 'a' }, { text: 3 }]],
      [[{ text: 'a', offsetInSeconds: 'x' }]],
      [[{ offsetInSeconds: 1 }]],
      [[null]],
      [[['text']]],
      [[{ text: 'a', durationInSeconds: Number.NaN }]],
      [[{ text: 'a', confidence: Number.POSITIVE_INFINITY }]],
      [[{ text: 'a', confidence: '0.9' }]],
      [[{ text: null, offsetInSeconds: null, durationInSeconds: null, confidence: null, extra: { kept: true } }]],
      [[{ text: 'a', offsetInSeconds: undefined }]],
      ['words'],
      [5],
      [null],
      [{ 0: { text: 'a' } }],
      [[{ text: 'fine' }], [{ text: 'fine' }, { text: 1 }]],
      [[{ text: 'bad', offsetInSeconds: 'x' }], [{ text: 2 }]]
    ]
    for (const [words, originalWords] of cases) {
      const body = exportWith(words, originalWords)
      const plain = plainSchema.safeParse(body)
      const expected = plain.success ? 'valid' : `The transcript export is not in the expected shape: ${describeSchemaError(plain.error)}`
      expect(messageOf(body), JSON.stringify(words)).toBe(expected)
    }
    expect(messageOf(exportWith([{ text: 'a' }, { text: 3 }]))).toBe('The transcript export is not in the expected shape: transcript.transcripts[1].displayWords[1].text: Invalid input: expected string, received number')
  })

  it('gives the same message for a bad word in a flat export (a bare array of segments)', () => {
    const body = { taskId: 7, transcript: [{ speakerId: 's1', displayWords: [{ text: 'a' }, { text: 'b', offsetInSeconds: 'late' }] }] }
    const plain = plainSchema.safeParse(body)
    expect(plain.success).toBe(false)
    expect(messageOf(body)).toBe(`The transcript export is not in the expected shape: ${describeSchemaError(plain.error!)}`)
  })
})
