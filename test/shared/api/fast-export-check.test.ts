import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fastTranscriptExport } from '../../../shared/api/fast-export-check'
import { parseTranscriptExport, tooDeepAt } from '../../../shared/api/parse-export'
import { shareEqualWordLists } from '../../../shared/api/share-word-lists'
import { transcriptExportSchema } from '../../../shared/api/transcript-export'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import { parseTranscriptExport as parseExportText } from '../../../electron/services/files/read-export-file'
import { convertRealFixture, loadRealExport } from '../../fixtures/real-to-export'
import { wordListSharing } from '../../support/word-list-sharing'

/*
 * The one-walk check of a valid export (issue 21) must give exactly what the usual path gives —
 * the depth check, the schema, then the sharing of equal word lists — or nothing (then the usual
 * path runs): the same JSON, key order included, the same lists and words shared, and never an
 * export the schema refuses.
 */

/** The usual path: the export, or null when the depth check or the schema refuses it. */
function usual(body: unknown): TranscriptExport | null {
  if (tooDeepAt(body) !== null) return null
  const parsed = transcriptExportSchema.safeParse(body)
  return parsed.success ? shareEqualWordLists(parsed.data) : null
}

/** Checks the fast answer against the usual one; true when the fast path answered. */
function agrees(body: unknown): boolean {
  const fast = fastTranscriptExport(body)
  if (fast === null) return false
  const expected = usual(body)
  expect(expected, 'the fast check accepted what the usual path refuses').not.toBeNull()
  expect(JSON.stringify(fast)).toBe(JSON.stringify(expected))
  expect(wordListSharing(fast)).toEqual(wordListSharing(expected!))
  return true
}

/** `value` wrapped in `levels` one-key objects. */
const nested = (levels: number, value: unknown = 1): unknown => {
  let out = value
  for (let k = 0; k < levels; k++) out = { a: out }
  return out
}

/** An object of `entries` in the order given (an own `__proto__` included, as JSON.parse makes it). */
const objectOf = (entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> => Object.fromEntries(entries) as Record<string, unknown>

const number = fc.oneof({ arbitrary: fc.double({ noDefaultInfinity: true, noNaN: true }), weight: 4 }, { arbitrary: fc.integer(), weight: 4 }, { arbitrary: fc.constant(null), weight: 2 }, { arbitrary: fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, '1', undefined, true), weight: 1 })
const text = fc.oneof({ arbitrary: fc.string({ maxLength: 6 }), weight: 6 }, fc.constant(null), { arbitrary: fc.constantFrom<unknown>(3, undefined, {}), weight: 1 })
const extraValue = fc.oneof({ arbitrary: fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null), fc.constant({ kept: [1, 2] })), weight: 12 }, fc.constant(nested(205)))
const extraKey = fc.oneof({ arbitrary: fc.constantFrom('x', 'note', 'id'), weight: 12 }, fc.constant('__proto__'))
const extras = fc.oneof({ arbitrary: fc.constant([]), weight: 3 }, fc.array(fc.tuple(extraKey, extraValue), { maxLength: 2 }))

/** Entries in a random order (some dropped when `drop`) plus extras, as one object. */
const shuffled = (entries: fc.Arbitrary<Array<[string, unknown]>>, drop = true): fc.Arbitrary<Record<string, unknown>> =>
  fc.tuple(entries, extras, fc.boolean(), fc.func(fc.integer())).map(([own, more, reorder, rank]) => {
    const kept = drop ? own.filter((_, k) => rank(k) % 7 !== 0) : own
    const all = [...kept, ...more]
    return objectOf(reorder ? all.map((e, k) => ({ e, r: rank(k + 10) })).sort((a, b) => a.r - b.r).map((x) => x.e) : all)
  })

const plainWord = fc.record({ text: fc.string({ maxLength: 6 }), offsetInSeconds: fc.oneof(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.constant(null)), durationInSeconds: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constant(null)), confidence: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(null)) })
const oddWord = fc.oneof(
  shuffled(fc.tuple(text, number, number, number).map(([t, o, d, c]): Array<[string, unknown]> => [['text', t], ['offsetInSeconds', o], ['durationInSeconds', d], ['confidence', c]])),
  fc.constantFrom<unknown>(null, 'word', [], 5)
)
const word = fc.oneof({ arbitrary: plainWord, weight: 12 }, { arbitrary: oddWord, weight: 1 })
const words = fc.oneof({ arbitrary: fc.array(word, { maxLength: 5 }), weight: 16 }, fc.constantFrom<unknown>(null, undefined, 'words', { 0: {} }))

/** originalWords beside `display`: the same JSON (own objects), the very list, partly changed, or its own. */
const originalsFor = (display: unknown): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(Array.isArray(display) ? (JSON.parse(JSON.stringify(display)) as unknown) : display),
    fc.constant(display),
    fc.nat().map((k) => (Array.isArray(display) && display.length > 0 ? display.map((w, j) => (j === k % display.length ? { ...(w as object), text: 'changed' } : JSON.parse(JSON.stringify(w ?? null)) as unknown)) : display)),
    words
  )

/** A segment's number: valid much more often than not (one bad field refuses the whole export). */
const segmentNumber = fc.oneof({ arbitrary: fc.double({ min: 0, max: 1e4, noNaN: true }), weight: 12 }, number)
const segment = words.chain((display) =>
  fc.tuple(fc.oneof({ arbitrary: fc.string({ maxLength: 4 }), weight: 8 }, fc.constant(null), fc.constant(7)), segmentNumber, segmentNumber, segmentNumber, segmentNumber, fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null)), originalsFor(display)).chain(([speakerId, start, end, duration, confidence, displayText, original]) =>
    shuffled(
      fc.constant<Array<[string, unknown]>>([
        ['speakerId', speakerId],
        ['start', start],
        ['end', end],
        ['duration', duration],
        ['confidence', confidence],
        ['displayText', displayText],
        ['displayWords', display],
        ['originalWords', original]
      ])
    )
  )
)
const segments = fc.oneof({ arbitrary: fc.array(segment, { maxLength: 4 }), weight: 16 }, fc.constantFrom<unknown>(null, [null], 'segments'))
const speakers = fc.oneof({ arbitrary: fc.constant([{ speakerId: 's', speakerName: 'Ana' }]), weight: 8 }, fc.constant([{ speakerId: 3 }]), fc.constant(null), fc.constant([{ speakerName: nested(205) }]))
const body = fc.oneof(
  { arbitrary: fc.tuple(segments, speakers).chain(([transcripts, spk]) => shuffled(fc.constant<Array<[string, unknown]>>([['transcripts', transcripts], ['speakers', spk], ['annotations', [{ uniqueId: 'a', start: 1, end: 2 }]]]))), weight: 6 },
  { arbitrary: segments, weight: 2 },
  fc.constantFrom<unknown>(null, undefined, 'text', 5)
)
const metadata = fc.oneof({ arbitrary: fc.constantFrom<unknown>(null, { a: 1 }), weight: 8 }, fc.constantFrom<unknown>({ deep: nested(205) }, [1]))
const exportBody = fc.tuple(fc.oneof({ arbitrary: fc.integer(), weight: 12 }, fc.constantFrom<unknown>('41', 1.5, null)), body, metadata, fc.boolean()).chain(([taskId, transcript, metadata, withTranscript]) =>
  shuffled(fc.constant<Array<[string, unknown]>>([['taskId', taskId], ['displayName', 'task'], ['totalTimeInSeconds', 60], ...(withTranscript ? [['transcript', transcript] as [string, unknown]] : []), ['metadata', metadata]]))
)

describe('the fast export check', () => {
  it('gives exactly what the depth check, the schema and the sharing give, or leaves it to them (property)', () => {
    let answered = 0
    let valid = 0
    fc.assert(
      fc.property(exportBody, (exp) => {
        // As a parsed file gives it: JSON.parse, which also makes own `__proto__` keys.
        const parsed: unknown = JSON.parse(JSON.stringify(exp))
        if (agrees(parsed)) answered++
        agrees(exp)
        if (usual(parsed) !== null) valid++
      }),
      { numRuns: 1500, seed: 21 }
    )
    // Most generated exports are valid: the property above looked at the answers, not at refusals only.
    // …and answered for nearly every valid one (not those with an own `__proto__`, left to the schema).
    expect(answered).toBeGreaterThan(valid * 0.9)
  })

  it('answers for the real exports, word lists shared as before', () => {
    const names = ['senate-hearing-2h.dpe.json', 'kate-darling-ted.dpe.json', 'soleio-interview.dpe.json']
    for (const name of names) expect(agrees(JSON.parse(JSON.stringify(convertRealFixture(name)))), name).toBe(true)
    for (const name of ['ted-talk.speechmatics.json', 'today-in-focus.amazon-transcribe.json']) expect(agrees(JSON.parse(JSON.stringify(loadRealExport(name)))), name).toBe(true)
  })

  it('leaves refusals to the usual path, whose messages are the schema’s own', () => {
    const deep = { taskId: 1, transcript: { transcripts: [{ start: 0, end: 1, displayWords: [{ text: 'a', extra: nested(205) }] }] } }
    expect(fastTranscriptExport(deep)).toBeNull()
    expect(() => parseTranscriptExport(deep)).toThrow(/nests values more than 200 levels deep \(at transcript\.transcripts\.0\.displayWords\.0\.extra/)
    const badWord = { taskId: 1, transcript: [{ start: 0, end: 1, displayWords: [{ text: 'a' }, { text: 3 }] }] }
    expect(fastTranscriptExport(badWord)).toBeNull()
    expect(() => parseExportText(JSON.stringify(badWord), 'x.json')).toThrow('x.json is not a transcript export: transcript[0].displayWords[1].text:')
    expect(fastTranscriptExport({ taskId: '1', transcript: [] })).toBeNull()
  })
})
