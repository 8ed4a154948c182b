import { describe, expect, it } from 'vitest'
import { parseTranscriptExport } from '../../../shared/api/parse-export'
import { exportFormats, qcReport, subtitleTrack, writeFormat } from '../../../shared/subtitles'
import { exportRefusal, joinSpeakerLabel, normaliseTranscript, NothingToExportError, speakerDisplayLabel } from '../../../shared/transcript'
import { readDocx } from '../subtitles/readers'

/*
 * Exports say what the reviewed transcript says: the reviewed layer (displayText /
 * displayWords) is the text, originalWords only lend timings; speaker labels join prefix, name
 * and suffix with spaces; a task with no transcript is refused instead of written empty; times
 * out of range are clamped on load and QC judges the cues that are written.
 */

const word = (text: string, offsetInSeconds: number, durationInSeconds = 0.3) => ({ text, offsetInSeconds, durationInSeconds, confidence: 0.9 })

function exportWith(segments: unknown[], speakers: unknown[] = [{ speakerId: 'A', speakerName: 'Maria', speakerPrefix: 'Dra.', speakerSuffix: '(moderadora)' }], extra: Record<string, unknown> = {}) {
  return parseTranscriptExport({ taskId: 77, displayName: 'Task', totalTimeInSeconds: 20, transcript: { transcripts: segments, speakers, annotations: [] }, metadata: {}, ...extra })
}

const kept = { speakerId: 'A', start: 0, end: 2, duration: 2, confidence: 0.9, displayText: 'Hello there.', displayWords: [word('Hello', 0.1), word('there.', 0.5)], originalWords: [word('Hello', 0.1), word('there.', 0.5)] }
const deleted = (displayText: string | null, displayWords: unknown[] | null) => ({ speakerId: 'A', start: 3, end: 5, duration: 2, confidence: 0.4, displayText, displayWords, originalWords: [word('Ghostly', 3.1), word('recognition', 3.6)] })

async function textOf(format: (typeof exportFormats)[number], exp: ReturnType<typeof exportWith>): Promise<string> {
  const out = (await writeFormat(format, normaliseTranscript(exp), { annotations: 'cues' })).content
  if (typeof out === 'string') return out
  return (await readDocx(out)).paragraphs.join('\n')
}

describe('a segment the reviewer emptied stays empty', () => {
  const cases: Array<[string, string | null, unknown[] | null]> = [
    ['empty displayText and displayWords', '', []],
    ['null displayText and displayWords', null, null],
    ['blank displayText, no displayWords', '   ', []]
  ]
  it.each(cases)('%s: no word in the model, timing from originalWords never becomes text', (_label, text, words) => {
    const model = normaliseTranscript(exportWith([kept, deleted(text, words)]))
    expect(model.segments.map((s) => s.words.map((w) => w.text))).toEqual([['Hello', 'there.'], []])
    expect(model.issues.filter((i) => i.kind === 'words-mismatch')).toEqual([])
  })

  it.each(exportFormats.filter((f) => f !== 'json'))('%s does not write the recogniser\'s words', async (format) => {
    const out = await textOf(format, exportWith([kept, deleted('', [])]))
    expect(out).toContain('Hello')
    expect(out).not.toMatch(/Ghostly|recognition/)
  })

  it('json writes the reviewed text as loaded (originalWords stay data)', async () => {
    const json = JSON.parse(await textOf('json', exportWith([kept, deleted('', [])])))
    expect(json.transcript.transcripts[1].displayText).toBe('')
    expect(json.transcript.transcripts[1].displayWords).toEqual([])
  })

  it('the recogniser still times reviewed text when displayWords is empty', () => {
    const model = normaliseTranscript(exportWith([{ ...deleted('Ghostly recognition', []) }]))
    expect(model.segments[0].words.map((w) => [w.text, w.startMs, w.estimated])).toEqual([['Ghostly', 3100, false], ['recognition', 3600, false]])
  })
})

describe('speaker labels', () => {
  it.each([
    ['Dra.', 'Maria', '(moderadora)', 'Dra. Maria (moderadora)'],
    ['Dra. ', 'Maria', ' (moderadora)', 'Dra. Maria (moderadora)'],
    ['', 'Maria', '', 'Maria'],
    ['Dr.', 'Silva', '', 'Dr. Silva'],
    ['', 'Silva', 'Jr.', 'Silva Jr.'],
    [null, 'Ana', undefined, 'Ana'],
    ['  ', 'Ana', '  ', 'Ana'],
    ['Sr.', '', '', 'Sr.']
  ])('%j + %j + %j → %j', (prefix, name, suffix, label) => {
    expect(joinSpeakerLabel(prefix, name, suffix)).toBe(label)
  })

  it('falls back to the id when the speaker has no name', () => {
    expect(speakerDisplayLabel({ prefix: 'Dr.', name: '', suffix: '' }, 'spk_1')).toBe('Dr. spk_1')
  })

  const labelled = exportWith([kept])
  it.each([
    ['txt', 'Dra. Maria (moderadora): Hello there.'],
    ['docx', 'Dra. Maria (moderadora): Hello there.'],
    ['vtt', '<v Dra. Maria (moderadora)>'],
    ['ttml', 'Dra. Maria (moderadora)'],
    ['ass', ',Dra. Maria (moderadora),']
  ] as const)('%s writes the joined label', async (format, expected) => {
    expect(await textOf(format, labelled)).toContain(expected)
  })

  it('subtitle speaker labels (new-cue style) use it too', () => {
    const model = normaliseTranscript(labelled)
    const track = subtitleTrack(model, { preset: 'web', overrides: { speakerLabels: true, speakerStyle: 'new-cue' } })
    expect(track.cues[0].lines.join(' ')).toContain('Dra. Maria (moderadora): Hello')
  })
})

describe('a task with no transcript', () => {
  const base = { taskId: 41, displayName: 'Empty', totalTimeInSeconds: 10, metadata: {} }
  it.each([
    ['transcript missing', base, 'task 41 has no transcript yet'],
    ['transcript null', { ...base, transcript: null }, 'task 41 has no transcript yet'],
    ['no segments', { ...base, transcript: { transcripts: [], speakers: [], annotations: [] } }, 'task 41 has no transcript yet'],
    ['a document export', { taskId: 41, displayName: 'Invoice', totalPages: 2, chunks: [], metadata: {} }, 'task 41 is a document task']
  ])('%s: every subtitle and transcript format refuses, JSON still writes the data', async (_label, body, reason) => {
    const model = normaliseTranscript(parseTranscriptExport(body))
    expect(exportRefusal(model)).toBe(reason)
    for (const format of exportFormats.filter((f) => f !== 'json')) {
      const error = await writeFormat(format, model).then(() => null, (e: unknown) => e)
      expect([format, error instanceof NothingToExportError, (error as NothingToExportError).reason]).toEqual([format, true, reason])
    }
    expect(JSON.parse((await writeFormat('json', model)).content as string).taskId).toBe(41)
  })

  it('the app message says the same in a sentence', () => {
    expect(new NothingToExportError('task 41 has no transcript yet').message).toBe('Task 41 has no transcript yet: there is nothing to export.')
  })
})

describe('times out of range', () => {
  const negative = { ...kept, start: -5, end: -2, duration: 3, displayWords: [word('Hello', -4.9), word('there.', -4.5)], originalWords: [] }
  const huge = { ...kept, speakerId: 'A', start: 1e300, end: 1e300, duration: 0, displayText: 'Far away.', displayWords: [word('Far', 1e300), word('away.', 1e300)], originalWords: [] }
  const later = { ...kept, start: 6, end: 8, duration: 2, displayText: 'Later on.', displayWords: [word('Later', 6.1), word('on.', 6.6)] }

  it.each([
    ['negative', [negative, later], 20_000],
    ['near 1e300 s, duration known', [later, huge], 20_000],
    ['near 1e300 s, duration unknown', [later, huge], 360_000_000]
  ] as const)('%s: clamped into [0, limit] with a notice', (_label, segments, limit) => {
    const exp = exportWith([...segments], undefined, limit === 20_000 ? {} : { totalTimeInSeconds: null })
    const model = normaliseTranscript(exp)
    const times = model.segments.flatMap((s) => [s.startMs, s.endMs, ...s.words.flatMap((w) => [w.startMs, w.endMs])])
    expect(Math.min(...times)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...times)).toBeLessThanOrEqual(limit)
    expect(model.issues.filter((i) => i.kind === 'time-out-of-range')).toHaveLength(1)
  })

  it('no timecode in any subtitle format holds an exponent or a minus sign', async () => {
    const exp = exportWith([later, huge], undefined, { totalTimeInSeconds: null })
    for (const format of ['srt', 'vtt', 'sbv', 'ass', 'ttml'] as const) {
      const out = await textOf(format, exp)
      expect([format, /\d[eE][+-]?\d|-\d+:/.test(out)]).toEqual([format, false])
    }
    // The far segment sits at the 100-hour bound (its cue lasts as long as the engine needs).
    expect(await textOf('srt', exp)).toMatch(/^100:00:00,\d{3} --> 100:00:0\d,\d{3}\nFar away\.$/m)
  })

  it('QC judges exactly the cues the writer writes', async () => {
    const model = normaliseTranscript(exportWith([negative, later]))
    const report = qcReport(model, { preset: 'netflix-en' })
    const track = subtitleTrack(model, { preset: 'netflix-en' })
    expect(report.summary.cues).toBe(track.cues.length)
    expect(track.cues.every((c) => c.startMs >= 0 && c.endMs >= c.startMs)).toBe(true)
    // The written SRT times are the cue times QC saw.
    const srt = await textOf('srt', exportWith([negative, later]))
    const written = [...srt.matchAll(/(\d+):(\d\d):(\d\d),(\d{3}) --> (\d+):(\d\d):(\d\d),(\d{3})/g)].map((m) => {
      const ms = (h: string, mi: string, s: string, f: string) => ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 + Number(f)
      return [ms(m[1], m[2], m[3], m[4]), ms(m[5], m[6], m[7], m[8])]
    })
    expect(written).toEqual(track.cues.map((c) => [c.startMs, c.endMs]))
    // A zero-length cue would be breached by QC, not rated clean.
    for (const c of track.cues) if (c.endMs - c.startMs < 1) expect(report.breaches.some((b) => b.cueIndex === track.cues.indexOf(c))).toBe(true)
  })
})

describe('a model that skipped normalise (a crafted draft) cannot write an absurd time', () => {
  it('the timecode writers refuse instead of writing an exponent', async () => {
    const { formatSrtTime } = await import('../../../shared/time')
    expect(formatSrtTime(360_000_000)).toBe('100:00:00,000')
    expect(() => formatSrtTime(1e303)).toThrow(/Not a time/)
  })
})
