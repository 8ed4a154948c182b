import { describe, expect, it } from 'vitest'
import { parseTranscriptExport } from '../../../shared/api/parse-export'
import { normaliseTranscript, toTranscriptExport } from '../../../shared/transcript'
import { writeFormat } from '../../../shared/subtitles'
import { expectedTokens, otherShape, realNames, type RealName, type ShapeOptions } from './other-shapes'
import { smallTokens, smallTranscript, type TranscriptVariant } from './doc-exports'
import { srtTokens } from './srt-tokens'

/*
 * Conformance of parsing and normalisation with exports in shapes our own converter and fake
 * never produce (other-shapes.ts, doc-exports.ts): every body parses, normalises without
 * throwing, reads its time unit and confidence scale right, keeps every word once and in order
 * (model and SRT), and comes back JSON-equal when nothing was edited.
 */

const shapes: Array<[string, ShapeOptions]> = [
  ['seconds', {}],
  ['integer ms, 0..100', { unit: 'milliseconds', confidenceScale: 100 }],
  ['integer ticks', { unit: 'ticks' }],
  ['sparse', { sparse: true }],
  ['sparse, ms', { sparse: true, unit: 'milliseconds' }],
  ['original words only, ticks', { originalOnly: true, unit: 'ticks' }]
]

const cases: Array<[string, RealName, ShapeOptions]> = []
for (const name of realNames) for (const [label, options] of shapes) cases.push([`${name} ${label}`, name, options])

describe.each(cases)('%s', (_label, name, options) => {
  const body = otherShape(name, options)
  const text = JSON.stringify(body)

  it('parses, normalises, keeps every word once in order, and writes them all to SRT', async () => {
    const data = parseTranscriptExport(JSON.parse(text))
    const model = normaliseTranscript(data)
    expect(model.timeUnit).toBe(options.unit ?? 'seconds')
    expect(model.confidenceScale).toBe(options.confidenceScale ?? 1)
    const expected = expectedTokens(body)
    expect(model.segments.flatMap((s) => s.words.map((w) => w.text))).toEqual(expected)
    for (const seg of model.segments) for (const w of seg.words) {
      expect(w.endMs).toBeGreaterThanOrEqual(w.startMs)
      if (w.confidence !== null) expect(w.confidence).toBeLessThanOrEqual(1)
    }
    // Timed words keep their measured times (within the segment repairs); few are estimated.
    const all = model.segments.flatMap((s) => s.words)
    const estimated = all.filter((w) => w.estimated).length
    expect(estimated / all.length).toBeLessThan(0.02)
    const srt = (await writeFormat('srt', model)).content as string
    expect(srtTokens(srt)).toEqual(expected)
  })

  it('an unedited model exports back JSON-equal', () => {
    const data = parseTranscriptExport(JSON.parse(text))
    expect(JSON.parse(JSON.stringify(toTranscriptExport(normaliseTranscript(data))))).toEqual(JSON.parse(text))
  })
})

const small: Array<[string, TranscriptVariant]> = [
  ['seconds', {}],
  ['ms', { unit: 'milliseconds' }],
  ['ticks, 0..100', { unit: 'ticks', confidenceScale: 100 }],
  ['sparse ticks', { unit: 'ticks', sparse: true }],
  ['sparse ms', { unit: 'milliseconds', sparse: true }],
  ['extras, unsorted, ms', { unit: 'milliseconds', extras: true, unsorted: true }]
]

describe.each(small)('the documented small transcript, %s', (_label, variant) => {
  const text = JSON.stringify(smallTranscript(variant))

  it('reads right', async () => {
    const model = normaliseTranscript(parseTranscriptExport(JSON.parse(text)))
    expect(model.timeUnit).toBe(variant.unit ?? 'seconds')
    expect(model.segments.flatMap((s) => s.words.map((w) => w.text))).toEqual(smallTokens())
    // "Good" is at 0.52 s whatever the unit of the segments.
    expect(model.segments[0].words[0].startMs).toBe(520)
    expect(model.segments[0].startMs).toBe(420)
    // The speaker with no entry gets a visible placeholder; the listed ones keep their names.
    expect(model.speakers.map((s) => s.name).slice(0, variant.sparse ? 0 : 2)).toEqual(variant.sparse ? [] : ['Ana Lima', 'Bruno'])
    expect(model.speakers.every((s) => s.name !== '')).toBe(true)
    if (!variant.sparse) expect(model.annotations[0]).toMatchObject({ content: 'Applause', startMs: 2100, endMs: 2800 })
    expect(srtTokens((await writeFormat('srt', model)).content as string)).toEqual(smallTokens())
  })

  it('an unedited model exports back JSON-equal', () => {
    const model = normaliseTranscript(parseTranscriptExport(JSON.parse(text)))
    expect(JSON.parse(JSON.stringify(toTranscriptExport(model)))).toEqual(JSON.parse(text))
  })
})

describe('text and timed words that differ', () => {
  it('a 2-hour single-turn segment with dashes in its text keeps the measured times', () => {
    // The hearing has one speaker, so merged turns make one 14,901-word segment; a reviewer's
    // dashes near both ends are tokens that match no timed word.
    const body = otherShape('senate-hearing-2h.dpe.json') as { transcript: { transcripts: Array<{ displayText: string }> } }
    const seg = body.transcript.transcripts[0]
    expect(body.transcript.transcripts).toHaveLength(1)
    const tokens = seg.displayText.split(/\s+/)
    tokens.splice(tokens.length - 5, 0, '–')
    tokens.splice(5, 0, '—')
    seg.displayText = tokens.join(' ')
    const model = normaliseTranscript(parseTranscriptExport(body))
    const words = model.segments[0].words
    expect(words.map((w) => w.text)).toEqual(tokens)
    expect(words.filter((w) => w.estimated).length).toBe(2)
  })

  it('timings come from originalWords when displayWords is empty', () => {
    const body = smallTranscript() as { transcript: { transcripts: Array<Record<string, unknown>> } }
    body.transcript.transcripts[1].displayWords = []
    const model = normaliseTranscript(parseTranscriptExport(body))
    expect(model.segments[1].words.map((w) => [w.text, w.startMs, w.estimated])).toEqual([
      ['Thank', 2900, false], ['you', 3120, false], ['for', 3300, false], ['coming', 3450, false], ['São', 3950, false], ['Paulo!', 4300, false]
    ])
  })

  it('an empty displayText beside timed words keeps the words', async () => {
    const body = smallTranscript({ unit: 'milliseconds' }) as { transcript: { transcripts: Array<Record<string, unknown>> } }
    body.transcript.transcripts[0].displayText = ''
    const model = normaliseTranscript(parseTranscriptExport(body))
    expect(model.segments.flatMap((s) => s.words.map((w) => w.text))).toEqual(smallTokens())
    expect(srtTokens((await writeFormat('srt', model)).content as string)).toEqual(smallTokens())
  })
})

describe('time unit without a single timed word', () => {
  const untimed = (unit: 'seconds' | 'milliseconds' | 'ticks', totalTimeInSeconds: number | null) => {
    const body = otherShape('kate-darling-ted.dpe.json', { unit, sparse: true }) as { totalTimeInSeconds: number | null; transcript: { transcripts: Array<Record<string, unknown>> } }
    body.totalTimeInSeconds = totalTimeInSeconds
    for (const seg of body.transcript.transcripts) {
      seg.displayText = (seg.displayWords as Array<{ text: string }>).map((w) => w.text).join(' ')
      seg.displayWords = []
    }
    return parseTranscriptExport(body)
  }

  it.each(['seconds', 'milliseconds', 'ticks'] as const)('%s, with the recording length, is read from it', (unit) => {
    expect(normaliseTranscript(untimed(unit, 704)).timeUnit).toBe(unit)
  })

  it.each(['seconds', 'milliseconds', 'ticks'] as const)('%s without a recording length is not read as a days-long recording, and the guess is said', (unit) => {
    const model = normaliseTranscript(untimed(unit, null))
    expect(model.timeUnit).toBe(unit)
    expect(Math.round(model.durationMs / 1000)).toBe(704)
    expect(model.issues.find((i) => i.kind === 'unit-guessed')?.message).toContain(`${unit} assumed`)
  })
})

describe('speaker ids', () => {
  it('a GUID speakerId in other letter case is the listed speaker, and the export still comes back as loaded', () => {
    const body = smallTranscript() as { transcript: { transcripts: Array<Record<string, unknown>> } }
    body.transcript.transcripts[1].speakerId = (body.transcript.transcripts[1].speakerId as string).toUpperCase()
    const text = JSON.stringify(body)
    const model = normaliseTranscript(parseTranscriptExport(JSON.parse(text)))
    expect(model.segments[1].speakerId).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301')
    expect(model.speakers.filter((s) => s.placeholder).map((s) => s.id)).toEqual(['c56a4180-65aa-42ec-a945-5fd21dec0538'])
    expect(JSON.parse(JSON.stringify(toTranscriptExport(model)))).toEqual(JSON.parse(text))
  })
})

describe('confidence scales', () => {
  it('integer percent segment confidences beside 0..1 word confidences leave the words at 0..1', () => {
    const body = smallTranscript({ unit: 'milliseconds' }) as { transcript: { transcripts: Array<Record<string, unknown>> } }
    for (const seg of body.transcript.transcripts) seg.confidence = 90
    const text = JSON.stringify(body)
    const model = normaliseTranscript(parseTranscriptExport(JSON.parse(text)))
    expect(model.segments[0].words[0].confidence).toBeCloseTo(0.8)
    expect(JSON.parse(JSON.stringify(toTranscriptExport(model)))).toEqual(JSON.parse(text))
  })

  it('0..100 word confidences are read as percent', () => {
    const model = normaliseTranscript(parseTranscriptExport(smallTranscript({ confidenceScale: 100 })))
    expect(model.confidenceScale).toBe(100)
    expect(model.segments[0].words[0].confidence).toBeCloseTo(0.8)
  })
})
