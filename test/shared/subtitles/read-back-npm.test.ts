import { describe, expect, it } from 'vitest'
import { loadRealExport, realFixtureNames } from '../../fixtures/real-to-export'
import { normaliseTranscript } from '../../../shared/transcript/normalise'
import type { Speaker, TranscriptModel } from '../../../shared/transcript/model'
import { presetNames, resolvePreset, subtitleTrack, writeFormat } from '../../../shared/subtitles/index'
import { transcriptExportSchema } from '../../../shared/api/transcript-export'
import type { Cue, ExportFormat, SubtitlePreset, WriteOptions } from '../../../shared/subtitles/index'
import { frameFraction } from '../../../shared/subtitles/presets'
import { speakerLabel, speakerNamesOf } from '../../../shared/subtitles/writers/speakers'
import { makeModel } from './make-model'
import type { W } from './make-model'
import { expectedLine, readAss, readDocx, readSbv, readSrt, readTtml, readVtt, undoLookAlikes } from './readers'
import type { ReadCue, ReadResult, SubtitleFormat } from './readers'

/*
 * What belongs here: the files the writers write, read back IN PROCESS by npm parsers and strict
 * grammars (readers.ts), fast enough to run on every fixture. A check that needs an installed
 * program (ffmpeg, xmllint, Chromium, LibreOffice) belongs in read-back-programs.test.ts.
 *
 * Every file we write, read back by independent parsers (readers.ts): the W3C WebVTT parser,
 * sandflow's imsc, ass-compiler, srt-parser-2 plus strict SRT/SBV grammars, mammoth. On every
 * real fixture (converted to the API's export shape, as fixtures.test.ts does) under every
 * preset, and on small adversarial transcripts (characters special to each format, Portuguese,
 * emoji, right-to-left text, control characters, times past 24 and 100 hours):
 *   - the reader reports no error and reads as many cues as we cut, at our times;
 *   - each cue's lines read back as we laid them out (after the format's documented
 *     substitutions, below), with the speaker where the format carries one;
 *   - from what the reader read, every word of the transcript appears once and in order;
 *   - times are monotonic with no overlap, and no line or cue breaks a hard limit.
 *
 * Substitutions: `expectedLine` in readers.ts (full-width look-alikes where a format has no escape
 * for text that players would read as markup).
 * Everywhere: control characters are dropped and unpaired surrogates become U+FFFD.
 */

const subtitleFormats: readonly SubtitleFormat[] = ['srt', 'vtt', 'ttml', 'sbv', 'ass']

/** A transcript word as every format must carry it: controls dropped, unpaired surrogates replaced. */
function cleanExpected(text: string): string[] {
  return text
    // eslint-disable-next-line no-control-regex -- the characters no format may carry
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .split(/[\s\u0085]+/)
    .filter(Boolean)
}

function read(format: SubtitleFormat, content: string): ReadResult {
  switch (format) {
    case 'srt':
      return readSrt(content)
    case 'vtt':
      return readVtt(content)
    case 'ttml':
      return readTtml(content)
    case 'sbv':
      return readSbv(content)
    case 'ass':
      return readAss(content)
  }
}

/**
 * The words a viewer reads in the speech cues: dialogue dashes, look-alikes and (where the
 * preset asks for them) the speaker label opening each turn taken off.
 */
function wordsRead(readCues: readonly ReadCue[], cues: readonly Cue[], preset: SubtitlePreset, model: TranscriptModel): string[] {
  const out: string[] = []
  const names = speakerNamesOf(model)
  let previous: string | null | undefined
  readCues.forEach((rc, k) => {
    const cue = cues[k]
    if (!cue || cue.kind !== 'speech') return
    const dialogue = new Set(cue.lineSpeakers).size > 1
    const name = names(cue.lineSpeakers[0])
    const label = preset.speakerLabels && preset.speakerStyle === 'new-cue' && cue.lineSpeakers[0] !== previous && name ? `${expectedFormatName(name)}: ` : ''
    previous = cue.lineSpeakers[cue.lineSpeakers.length - 1]
    rc.lines.forEach((line, i) => {
      let text = undoLookAlikes(line)
      if (i === 0 && label) {
        if (!text.startsWith(label)) throw new Error(`cue ${k + 1} does not start with the label ${JSON.stringify(label)}: ${JSON.stringify(text)}`)
        text = text.slice(label.length)
      }
      out.push(...(dialogue && text.startsWith(preset.dialogueDash) ? text.slice(preset.dialogueDash.length) : text).split(/\s+/).filter(Boolean))
    })
  })
  return out
}

/** A name as it reads back once look-alikes are undone. */
const expectedFormatName = (name: string): string => undoLookAlikes(name)

function transcriptWords(model: TranscriptModel): string[] {
  return model.segments.flatMap((s) => s.words).flatMap((w) => cleanExpected(w.text))
}

/** Hard rules and timing checked on what the reader read (not on our cues). */
// Characters as a viewer sees them (grapheme clusters: an emoji family or a decomposed "é" is
// one), counted here with Intl.Segmenter directly rather than the engine's own charCount.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const seen = (text: string): number => [...segmenter.segment(text)].length

function ruleBreaches(readCues: readonly ReadCue[], preset: SubtitlePreset, format: SubtitleFormat): string[] {
  const out: string[] = []
  const { num, den } = frameFraction(preset.frameRate)
  // ASS keeps centiseconds (rounded up), so a gap may read up to 9 ms short there.
  const minGap = Math.floor((preset.minGapFrames * num) / den) - (format === 'ass' ? 10 : 0)
  const exactGap = (preset.minGapFrames * num) / den
  const slack = format === 'ass' ? 11 : 1
  readCues.forEach((c, k) => {
    if (!(c.endMs > c.startMs)) out.push(`cue ${k + 1}: ${c.startMs}..${c.endMs} has no duration`)
    if (c.lines.length > preset.maxLines) out.push(`cue ${k + 1}: ${c.lines.length} lines`)
    if (c.lines.length === 0 || c.lines.every((l) => !l.trim())) out.push(`cue ${k + 1}: empty`)
    // A single word longer than a line stands alone on it (QC reports it): not a cutting fault.
    for (const l of c.lines) if (seen(undoLookAlikes(l)) > preset.maxCharsPerLine && c.lines.join(' ').includes(' ')) out.push(`cue ${k + 1}: line of ${seen(l)} chars`)
    const prev = readCues[k - 1]
    if (prev) {
      if (c.startMs < prev.startMs) out.push(`cue ${k + 1}: starts before cue ${k}`)
      else if (c.startMs < prev.endMs) out.push(`cue ${k + 1}: overlaps cue ${k}`)
      else if (c.startMs - prev.endMs < minGap) out.push(`cue ${k + 1}: gap ${c.startMs - prev.endMs} ms < ${minGap}`)
      // Gaps under the closing threshold are chained down to the minimum gap where the cue
      // before can stretch that far (1 ms of slack for whole ms, 11 for ASS's centiseconds).
      else if (c.startMs - prev.endMs > exactGap + slack && c.startMs - prev.endMs < preset.gapClosingMs && c.startMs - exactGap - prev.startMs < preset.maxDurationMs - slack) {
        out.push(`cue ${k + 1}: a ${c.startMs - prev.endMs} ms gap left open`)
      }
    }
  })
  return out
}

interface Case {
  readonly model: TranscriptModel
  readonly options: WriteOptions
  readonly preset: SubtitlePreset
}

/** Writes `format` and checks everything above against what the reader read. */
async function checkFormat(format: SubtitleFormat, { model, options, preset }: Case): Promise<void> {
  const opts: WriteOptions = { ...options, annotations: format === 'vtt' && options.annotations === 'cues' ? 'notes' : options.annotations }
  const written = await writeFormat(format, model, opts)
  expect(typeof written.content).toBe('string')
  const content = written.content as string
  const track = subtitleTrack(model, opts)
  const result = read(format, content)
  expect(result.errors, `${format} reader errors`).toEqual([])
  expect(result.cues.length).toBe(track.cues.length)

  const cs = (ms: number): number => (format === 'ass' ? Math.ceil(ms / 10) * 10 : ms)
  expect(result.cues.map((c) => [c.startMs, c.endMs])).toEqual(track.cues.map((c) => [cs(c.startMs), cs(c.endMs)]))
  expect(result.cues.map((c) => c.lines)).toEqual(track.cues.map((c) => c.lines.map((l) => expectedLine(format, l))))
  expect(wordsRead(result.cues, track.cues, preset, model)).toEqual(transcriptWords(model))
  expect(ruleBreaches(result.cues, preset, format)).toEqual([])

  const names = speakerNamesOf(model)
  if (format === 'vtt' && options.voiceTags !== false) {
    // A voice per line of speech; annotations carry none.
    // Names with & < > { } \ in look-alikes (see vtt.ts).
    const voiceOf = (id: string | null): string | null => names(id)?.replace(/[&<>{}\\]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)) ?? null
    expect(result.cues.map((c) => c.voices)).toEqual(track.cues.map((c) => c.lineSpeakers.map((id) => (c.kind === 'speech' ? voiceOf(id) : null))))
    expect(result.notes ?? []).toEqual(track.notes.map((n) => n.text.replace(/-->/g, '->')))
  }
  if (format === 'ttml') {
    // Each speech cue points at the agents of its lines' speakers.
    const agents = result.cues.map((c) => c.voices?.[0] ?? null)
    track.cues.forEach((c, k) => expect(agents[k] === null, `cue ${k + 1} agent`).toBe(c.kind !== 'speech' || c.lineSpeakers.every((id) => names(id) === null)))
  }
  if (format === 'ass') {
    // Lines of different speakers have different styles; a named speaker never shares Default.
    track.cues.forEach((c, k) => {
      const styles = result.cues[k].voices ?? []
      c.lineSpeakers.forEach((id, i) => {
        if (i > 0) expect(styles[i] === styles[i - 1], `cue ${k + 1} line ${i + 1} style`).toBe(id === c.lineSpeakers[i - 1] || c.kind !== 'speech')
        if (c.kind === 'speech' && names(id) !== null) expect(styles[i]).not.toBe('Default')
      })
    })
  }
}

/** A transcript paragraph's words without its speaker label. */
function unlabelled(model: TranscriptModel, paragraph: string): string[] {
  const label = model.speakers.map((s) => `${speakerLabel(s, s.id)} `).find((l) => paragraph.startsWith(l))
  return (label ? paragraph.slice(label.length) : paragraph).split(' ').filter(Boolean)
}

// --- Every real fixture × every preset. ---

const fixtureModels = new Map<string, TranscriptModel>()
function fixtureModel(name: string): TranscriptModel {
  let model = fixtureModels.get(name)
  if (!model) {
    model = normaliseTranscript(loadRealExport(name))
    fixtureModels.set(name, model)
  }
  return model
}

/** The fixture with two annotations (one with characters special to every format). */
function withAnnotations(model: TranscriptModel): TranscriptModel {
  const third = Math.round(model.durationMs / 3)
  return {
    ...model,
    annotations: [
      { id: 'x1', content: 'laughter', startMs: third, endMs: third + 1000 },
      { id: 'x2', content: 'music --> <loud> & {\\an8} fades\n\nout', startMs: 2 * third, endMs: 2 * third + 2000 }
    ]
  }
}

describe.each(realFixtureNames)('%s read back by independent parsers', (name) => {
  describe.each(presetNames)('%s', (presetName) => {
    const preset = resolvePreset(presetName)
    it.each(subtitleFormats)('%s', async (format) => {
      await checkFormat(format, { model: fixtureModel(name), options: { preset: presetName }, preset })
    })

    // Speaker labels opening each turn, where the preset cuts a new cue per speaker.
    if (preset.speakerStyle === 'new-cue') {
      it.each(subtitleFormats)('%s with speaker labels', async (format) => {
        const overrides = { speakerLabels: true }
        await checkFormat(format, { model: fixtureModel(name), options: { preset: presetName, overrides }, preset: resolvePreset(presetName, overrides) })
      })
    }

    // Annotations as cues (NOTEs in WebVTT), and a programme start of 23:59:00 so the
    // programme crosses 24 hours.
    it.each(subtitleFormats)('%s with annotations, crossing 24 h', async (format) => {
      const overrides = { startOffsetMs: 86_340_000 }
      await checkFormat(format, { model: withAnnotations(fixtureModel(name)), options: { preset: presetName, overrides, annotations: 'cues' }, preset: resolvePreset(presetName, overrides) })
    })
  })

  it('DOCX: mammoth reads the transcript, speaker labels and timecodes', async () => {
    const model = fixtureModel(name)
    const options: WriteOptions = { timecodes: true, title: `Transcript of ${name}` }
    const docx = await writeFormat('docx', model, options)
    const { paragraphs, errors } = await readDocx(docx.content as Uint8Array)
    expect(errors).toEqual([])
    const txt = (await writeFormat('txt', model, options)).content as string
    expect(paragraphs).toEqual([`Transcript of ${name}`, ...txt.trimEnd().split('\n\n')])
    // Every word once, in order, once the timecodes and labels are taken off.
    expect(paragraphs.slice(1).flatMap((p) => unlabelled(model, p.replace(/^\[\d{2,}:\d\d:\d\d\] /, '')))).toEqual(transcriptWords(model))
  })

  it('JSON: parses as the API export shape and holds every word', async () => {
    const model = fixtureModel(name)
    const json = (await writeFormat('json', model)).content as string
    const parsed = transcriptExportSchema.parse(JSON.parse(json))
    expect(transcriptWords(normaliseTranscript(parsed))).toEqual(transcriptWords(model))
  })

  it('TXT: every word once, in order', async () => {
    const model = fixtureModel(name)
    const txt = (await writeFormat('txt', model)).content as string
    expect(txt.endsWith('\n') && !txt.includes('\r') && txt.charCodeAt(0) !== 0xfeff).toBe(true)
    expect(txt.trimEnd().split('\n\n').flatMap((p) => unlabelled(model, p))).toEqual(transcriptWords(model))
  })
})

// --- Adversarial transcripts. ---

/** Words at an even pace: each `wordMs` long, `gapMs` apart. */
function words(list: readonly string[], startMs: number, wordMs = 280, gapMs = 60): W[] {
  return list.map((t, k) => [t, startMs + k * (wordMs + gapMs), startMs + k * (wordMs + gapMs) + wordMs] as const)
}

const special = [
  'Fish', '&', 'chips', '&amp;', '<b>bold</b>', '<i>', 'a<b', 'x>y', '-->', '<v', 'Bob>', '<00:00:01.000>', '<c.yellow>', '</v>',
  '{\\an8}top', '{laughs}', '{', '}', '\\N', '\\n', '\\h', 'back\\slash', '\\', '-leading', '--', '->', '&lt;', '&#60;', '&nbsp;', ']]>',
  '"quoted"', "it's", 'NOTE', 'WEBVTT', '00:00:01,000', '0:00:01.000,0:00:02.000', '1', '', '   ', 'line\nbreak', 'blank\n\nline', 'tab\there', 'cr\rlf'
]
const portuguese = 'Não sei se ele já chegou à estação, mas a coração da ação é o pão de açúcar. Você é muito gentil, senhor João!'.split(' ')
const unicode = ['😀', '👍🏽', '👨‍👩‍👧', 'שלום', 'עולם', 'مرحبا', 'بالعالم', '中文字幕', 'e\u0301', 'Zoë', 'naïve', '\u200fRTL\u200e', 'nbsp\u00a0inside']
const controls = ['bell\u0007', 'nul\u0000x', 'esc\u001b[0m', 'lone\ud800', 'del\u007f', 'sep\u2028x', 'nel\u0085x', 'bom\ufeffx', 'nonchar\uffff']

const adversarialSpeakers: Speaker[] = [
  { id: 'ana', name: 'Ana <Host> & "Co", Jr.', prefix: '', suffix: '', placeholder: false },
  { id: 'bo', name: 'Bo\n{\\b1}Bold\\N', prefix: '', suffix: '', placeholder: false },
  { id: 'cy', name: 'João --> Ção', prefix: '', suffix: '', placeholder: false },
  { id: 'dee', name: '   ', prefix: '', suffix: '', placeholder: false }
]

function adversarialModel(offset = 0): TranscriptModel {
  const base = makeModel(
    [
      ['ana', words(special.slice(0, 22), offset + 1000)],
      ['bo', words(['Yes.'], offset + 9000)],
      ['ana', words(['No.'], offset + 9500)],
      ['bo', words(special.slice(22), offset + 10_500)],
      ['cy', words(portuguese, offset + 20_000)],
      ['dee', words(unicode, offset + 30_000)],
      ['ana', words(controls, offset + 36_000)],
      ['bo', words(['Short.'], offset + 40_000)],
      ['cy', words(['Quick', 'reply.'], offset + 40_400)],
      // Short exchanges: every speaker on the second line of a dialogue cue (netflix-en).
      ...(['ana', 'bo', 'cy', 'bo', 'dee', 'cy', 'ana', 'dee', 'bo'] as const).map((id, k): [string, W[]] => [id, words([['Right?', 'Sure.', 'Sim.', 'OK.', 'Hm.', 'Tá.', 'Ok!', 'So?', 'Fim.'][k]], offset + 44_000 + k * 700)])
    ],
    [
      { id: 'n1', content: 'music --> <loud> & {\\an8}\n\nfades', startMs: offset + 8000, endMs: offset + 8900 },
      { id: 'n2', content: '[applause]', startMs: offset + 35_000, endMs: offset + 35_900 },
      { id: 'n3', content: 'bell\u0007 & nul\u0000', startMs: offset + 39_000, endMs: offset + 39_500 }
    ]
  )
  return { ...base, speakers: adversarialSpeakers }
}

describe('adversarial transcripts read back by independent parsers', () => {
  const cases: [string, WriteOptions][] = presetNames.flatMap((p): [string, WriteOptions][] => [
    [`${p}`, { preset: p, title: 'T & <t> {\\b1}, "x"\n' }],
    [`${p} with speaker labels`, { preset: p, overrides: { speakerLabels: true }, annotations: 'cues' }],
    [`${p} with annotation cues`, { preset: p, annotations: 'cues' }],
    [`${p} in Portuguese`, { preset: p, language: 'pt' }],
    [`${p} without voice tags`, { preset: p, voiceTags: false }]
  ])
  describe.each(cases)('%s', (_label, options) => {
    it.each(subtitleFormats)('%s', async (format) => {
      const preset = resolvePreset(options.preset as string, options.overrides)
      await checkFormat(format, { model: adversarialModel(), options, preset })
    })
  })

  describe.each([
    ['past 24 hours', 24 * 3_600_000 - 20_000],
    ['past 99 hours', 99 * 3_600_000 + 59 * 60_000 + 40_000]
  ])('%s', (_label, offset) => {
    it.each(subtitleFormats)('%s', async (format) => {
      const preset = resolvePreset('netflix-en', { startOffsetMs: offset })
      await checkFormat(format, { model: adversarialModel(), options: { preset: 'netflix-en', overrides: { startOffsetMs: offset }, annotations: 'cues' }, preset })
    })
  })

  // Recogniser timing at its worst: words out of order, overlapping speakers, zero-length and
  // backwards words, a word lasting minutes, words at 0 ms.
  const messy = makeModel([
    ['ana', [['Zero', 0, 0], ['start.', 0, 10], ['Backwards', 900, 500], ['word', 400, 600], ['here.', 1000, 1000]]],
    ['bo', [['Overlapping', 800, 1200], ['speaker', 1100, 1300], ['talks.', 1250, 1400]]],
    ['ana', [['A', 1500, 181_500], ['very', 181_500, 181_600], ['long', 181_600, 181_700], ['word.', 181_700, 181_800]]],
    ['cy', [['Same', 182_000, 182_000], ['time', 182_000, 182_000], ['for', 182_000, 182_000], ['every', 182_000, 182_000], ['word.', 182_000, 182_000]]]
  ])
  describe.each(presetNames)('messy timing, %s', (p) => {
    it.each(subtitleFormats)('%s', async (format) => {
      await checkFormat(format, { model: messy, options: { preset: p }, preset: resolvePreset(p) })
    })
  })

  it.each(subtitleFormats)('%s: a transcript with no words still reads without error', async (format) => {
    const empty = makeModel([['a', [['', 0, 100], [' \n ', 200, 300]]]])
    const content = (await writeFormat(format, empty, { preset: 'netflix-en', annotations: format === 'vtt' ? 'notes' : 'omit' })).content as string
    const result = read(format, content)
    expect(result.errors).toEqual([])
    expect(result.cues).toEqual([])
  })

  it('timestamps past 99 hours keep every digit (SRT, WebVTT, TTML, SBV, ASS)', async () => {
    const options: WriteOptions = { preset: 'web', overrides: { startOffsetMs: 100 * 3_600_000 } }
    const model = adversarialModel()
    const text = async (f: ExportFormat): Promise<string> => (await writeFormat(f, model, options)).content as string
    expect(await text('srt')).toMatch(/^1\n100:00:01,000 --> 100:00:0\d,\d{3}\n/)
    expect(await text('vtt')).toMatch(/\n100:00:01\.000 --> 100:00:0\d\.\d{3}\n/)
    expect(await text('ttml')).toMatch(/<p begin="100:00:01\.000" end="100:00:0\d\.\d{3}"/)
    expect(await text('sbv')).toMatch(/^100:00:01\.000,100:00:0\d\.\d{3}\n/)
    expect(await text('ass')).toMatch(/\nDialogue: 0,100:00:01\.00,100:00:0\d\.\d\d,/)
  })

  it('DOCX: mammoth reads speaker labels, timecodes and every special character', async () => {
    const model = adversarialModel(90_000_000)
    for (const annotations of ['omit', 'cues'] as const) {
      const options: WriteOptions = { timecodes: true, labelEveryParagraph: true, annotations, title: 'T & <t> {\\b1}\u0007' }
      const docx = await writeFormat('docx', model, options)
      const { paragraphs, errors } = await readDocx(docx.content as Uint8Array)
      expect(errors).toEqual([])
      const txt = (await writeFormat('txt', model, options)).content as string
      expect(paragraphs).toEqual(['T & <t> {\\b1}', ...txt.trimEnd().split('\n\n')])
      expect(paragraphs[1]).toMatch(/^\[25:00:01\] Ana <Host> & "Co", Jr\.: Fish & chips &amp; <b>bold<\/b>/)
    }
  })

  it('TXT: control characters dropped, everything else kept', async () => {
    const txt = (await writeFormat('txt', adversarialModel(), { annotations: 'cues' })).content as string
    // eslint-disable-next-line no-control-regex -- the characters no format may carry
    expect(txt).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    expect(txt).toContain('Bo {\\b1}Bold\\N: Yes.')
    expect(txt).toContain('[music --> <loud> & {\\an8} fades]')
    for (const w of [...special, ...portuguese, ...unicode].flatMap(cleanExpected)) expect(txt).toContain(w)
  })
})
