import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { transcriptExportSchema } from '../../../shared/api/transcript-export'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import { checkInvariants, normaliseTranscript, toTranscriptExport } from '../../../shared/transcript'

/*
 * normaliseTranscript must never throw on schema-valid input, whatever the numbers say:
 * random segments (unsorted, overlapping, reversed, any unit), words anywhere, nulls (times
 * included), and the transcript as an object, a bare segment array or null.
 */

const time = fc.oneof(fc.double({ min: -10, max: 10_000, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1000, max: 100_000_000 }))
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null })
const wordArb = fc.record({
  text: fc.oneof(fc.constantFrom('hello', 'world.', '', ',', 'Ünïcode', 'a b', null), fc.string({ maxLength: 6 })),
  offsetInSeconds: fc.oneof({ weight: 4, arbitrary: fc.double({ min: -5, max: 8000, noNaN: true, noDefaultInfinity: true }) }, { weight: 1, arbitrary: fc.constant(null) }),
  durationInSeconds: maybe(fc.double({ min: -1, max: 30, noNaN: true, noDefaultInfinity: true })),
  confidence: maybe(fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }))
})
const segmentArb = fc.record({
  speakerId: maybe(fc.constantFrom('A', 'B', 'ghost', '')),
  start: maybe(time),
  end: maybe(time),
  duration: maybe(time),
  confidence: maybe(fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true })),
  displayText: maybe(fc.oneof(fc.constantFrom('hello world.', 'Hello,  world', ' ', ''), fc.string({ maxLength: 30 }))),
  displayWords: maybe(fc.array(wordArb, { maxLength: 6 })),
  originalWords: maybe(fc.array(wordArb, { maxLength: 3 }))
})
const exportArb: fc.Arbitrary<TranscriptExport> = fc.record({
  taskId: fc.integer({ min: 1, max: 1e6 }),
  totalTimeInSeconds: maybe(fc.double({ min: 0, max: 10_000, noNaN: true, noDefaultInfinity: true })),
  transcript: fc.oneof(
    { weight: 6, arbitrary: fc.record({
      transcripts: maybe(fc.array(segmentArb, { maxLength: 8 })),
      speakers: maybe(fc.array(fc.record({ speakerId: fc.constantFrom('A', 'B', 'C', null), speakerName: maybe(fc.string({ maxLength: 8 })), speakerPrefix: maybe(fc.constant('Dr.')), speakerSuffix: maybe(fc.constant('')) }), { maxLength: 3 })),
      annotations: maybe(fc.array(fc.record({ uniqueId: maybe(fc.uuid()), content: maybe(fc.string({ maxLength: 10 })), start: maybe(time), end: maybe(time) }), { maxLength: 3 }))
    }) },
    { weight: 1, arbitrary: fc.array(segmentArb, { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.constant(null) }
  )
})

describe('normaliseTranscript on random schema-valid exports', () => {
  it('never throws, keeps the invariants and round-trips unedited', () => {
    fc.assert(
      fc.property(exportArb, (raw) => {
        // As it arrives over the wire: plain objects (fast-check makes null-prototype ones).
        const exp = JSON.parse(JSON.stringify(raw)) as TranscriptExport
        fc.pre(transcriptExportSchema.safeParse(exp).success)
        const m = normaliseTranscript(exp)
        expect(checkInvariants(m)).toEqual([])
        expect(toTranscriptExport(m)).toStrictEqual(exp)
      }),
      { numRuns: 300, seed: 4 }
    )
  })
})
