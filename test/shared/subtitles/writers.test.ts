import { describe, expect, it } from 'vitest'
import { exportFormats, formatInfo, subtitleTrack, writeFormat } from '../../../shared/subtitles/index'
import { toTranscriptExport } from '../../../shared/transcript/to-export'
import type { SubtitleTrack } from '../../../shared/subtitles/types'
import { writeAss } from '../../../shared/subtitles/writers/ass'
import { writeSbv } from '../../../shared/subtitles/writers/sbv'
import { writeSrt } from '../../../shared/subtitles/writers/srt'
import { writeTtml } from '../../../shared/subtitles/writers/ttml'
import { writeTxt } from '../../../shared/subtitles/writers/transcript'
import { writeVtt } from '../../../shared/subtitles/writers/vtt'
import { makeModel, paced } from './make-model'
import { readDocx, readTtml, readVtt } from './readers'

const names = (id: string | null): string | null => (id === null ? null : ({ a: 'Ana <Host>', b: 'Bo, Jr.' } as Record<string, string>)[id] ?? null)

const track: SubtitleTrack = {
  cues: [
    { startMs: 1000, endMs: 2500, lines: ['Fish & chips <b>?', 'no --> arrows'], lineSpeakers: ['a', 'a'], kind: 'speech', speechStartMs: 1000, speechEndMs: 2400, wordCount: 6 },
    { startMs: 90_000_000, endMs: 90_001_500, lines: ['-Day two?', '-Yes.'], lineSpeakers: ['a', 'b'], kind: 'speech', speechStartMs: 0, speechEndMs: 0, wordCount: 3 },
    { startMs: 90_002_000, endMs: 90_003_000, lines: ['[laughter]'], lineSpeakers: [null], kind: 'annotation', speechStartMs: 0, speechEndMs: 0, wordCount: 0 }
  ],
  notes: [{ startMs: 1500, text: 'music --> fades\nout' }]
}

describe('writers', () => {
  it('SRT: numbered, comma ms, past 24 h; tags and arrows defused with look-alikes', () => {
    expect(writeSrt(track)).toBe(
      '1\n00:00:01,000 --> 00:00:02,500\nFish & chips ＜b>?\nno --＞ arrows\n\n' +
        '2\n25:00:00,000 --> 25:00:01,500\n-Day two?\n-Yes.\n\n' +
        '3\n25:00:02,000 --> 25:00:03,000\n[laughter]\n'
    )
  })

  it('WebVTT: header, voice tags, escaping, NOTE blocks in time order', () => {
    expect(writeVtt(track, { speakerName: names })).toBe(
      'WEBVTT\n\n' +
        '1\n00:00:01.000 --> 00:00:02.500\n<v Ana ＜Host＞>Fish &amp; chips &lt;b&gt;?\nno --&gt; arrows\n\n' +
        'NOTE music -> fades out\n\n' +
        '2\n25:00:00.000 --> 25:00:01.500\n<v Ana ＜Host＞>-Day two?</v>\n<v Bo, Jr.>-Yes.</v>\n\n' +
        '3\n25:00:02.000 --> 25:00:03.000\n[laughter]\n'
    )
  })

  it('WebVTT without voice tags', () => {
    expect(writeVtt({ cues: track.cues.slice(0, 1), notes: [] })).toContain('\nFish &amp; chips &lt;b&gt;?\n')
  })

  it('TTML: IMSC1 text profile skeleton, XML escaping, <br/>', () => {
    const xml = writeTtml(track, { speakerName: names, title: 'T & T', language: 'pt' })
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tt xmlns="http:\/\/www.w3.org\/ns\/ttml"/)
    expect(xml).toContain('ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1/text"')
    expect(xml).toContain('xml:lang="pt"')
    expect(xml).toContain('<ttm:title>T &amp; T</ttm:title>')
    expect(xml).toContain('<region xml:id="bottom"')
    expect(xml).toContain('<p begin="00:00:01.000" end="00:00:02.500" ttm:agent="speaker1"><span style="text">Fish &amp; chips &lt;b&gt;?</span><br/><span style="text">no --&gt; arrows</span></p>')
    expect(xml).toContain('<p begin="25:00:00.000" end="25:00:01.500" ttm:agent="speaker1 speaker2">')
    expect(xml).toContain('<ttm:name type="full">Ana &lt;Host&gt;</ttm:name>')
  })

  it('TTML: imsc reads it with no error or warning (TTML alpha is 0-255), the text box on spans', () => {
    const xml = writeTtml(track, { speakerName: names, title: 'T & T' })
    expect(xml).toContain('tts:backgroundColor="rgba(0,0,0,204)"')
    const read = readTtml(xml)
    expect(read.errors).toEqual([])
    expect(read.cues.map((c) => c.lines)).toEqual(track.cues.map((c) => c.lines))
  })

  it('SBV', () => {
    expect(writeSbv(track).split('\n\n')[1]).toBe('25:00:00.000,25:00:01.500\n-Day two?\n-Yes.')
  })

  it('SRT and SBV: text that players read as markup stays text (look-alikes), the rest is kept', () => {
    const lines = ['<i>x</i> {\\an8}top \\N \\h a<b', 'a < b & c {laughs} back\\slash <3 -->']
    const cues = [{ ...track.cues[0], lines }]
    expect(writeSrt({ cues, notes: [] })).toBe('1\n00:00:01,000 --> 00:00:02,500\n＜i>x＜/i> ｛\\an8}top ＼N ＼h a＜b\na < b & c ｛laughs} back\\slash <3 --＞\n')
    expect(writeSbv({ cues, notes: [] })).toBe('0:00:01.000,0:00:02.500\n＜i>x＜/i> ｛\\an8}top ＼N ＼h a＜b\na < b & c {laughs} back\\slash <3 -->\n')
    // WebVTT escapes instead, losing nothing; the W3C parser reads back the very text.
    const vtt = writeVtt({ cues, notes: [] })
    expect(vtt).toContain('\n&lt;i&gt;x&lt;/i&gt; {\\an8}top \\N \\h a&lt;b\na &lt; b &amp; c {laughs} back\\slash &lt;3 --&gt;\n')
    const read = readVtt(vtt)
    expect(read.errors).toEqual([])
    expect(read.cues[0].lines).toEqual(lines)
  })

  it('ASS: a style per speaker, \\N line breaks, style switch inside a dialogue cue', () => {
    const ass = writeAss(track, { speakerName: names, title: 'Test' })
    expect(ass).toContain('[Script Info]\nTitle: Test\nScriptType: v4.00+')
    expect(ass).toContain('\nStyle: Default,Arial,')
    expect(ass).toContain('\nStyle: S1 Ana <Host>,Arial,54,&H00FFFFFF,')
    expect(ass).toContain('\nStyle: S2 Bo Jr.,Arial,54,&H0000FFFF,')
    expect(ass).toContain('\nDialogue: 0,0:00:01.00,0:00:02.50,S1 Ana <Host>,Ana <Host>,0,0,0,,Fish & chips <b>?\\Nno --> arrows\n')
    expect(ass).toContain('\nDialogue: 0,25:00:00.00,25:00:01.50,S1 Ana <Host>,Ana <Host>,0,0,0,,-Day two?\\N{\\rS2 Bo Jr.}-Yes.\n')
    expect(ass).toContain('\nDialogue: 0,25:00:02.00,25:00:03.00,Default,,0,0,0,,[laughter]\n')
  })

  it('ASS: speaker names with braces, backslashes and commas make safe style names', () => {
    const odd = (id: string | null): string | null => (id === null ? null : ({ a: 'A {\\b1}x\\N', b: 'B}, c' } as Record<string, string>)[id] ?? null)
    const ass = writeAss({ cues: [track.cues[1]], notes: [] }, { speakerName: odd })
    expect(ass).toContain('\nStyle: S1 A ｛＼b1｝x＼N,Arial,')
    expect(ass).toContain('\nStyle: S2 B｝ c,Arial,')
    expect(ass).toContain(',-Day two?\\N{\\rS2 B｝ c}-Yes.\n')
    const long = writeAss({ cues: [track.cues[0]], notes: [] }, { speakerName: () => `${'x'.repeat(56)}😀😀` })
    expect(long).toContain(`\nStyle: S1 ${'x'.repeat(56)}😀,Arial,`)
  })

  it('ASS: override braces in text cannot start a tag', () => {
    const ass = writeAss({ cues: [{ ...track.cues[0], lines: ['a {\\b1} b'] }], notes: [] })
    expect(ass).toContain(',,a ｛＼b1｝ b')
  })
})

describe('transcripts', () => {
  const model = {
    ...makeModel(
      [
        ['a', paced('Hello there.', 1000)],
        ['a', paced('Second paragraph.', 5000)],
        ['b', paced('Hi Ana.', 90_000_000)]
      ],
      [{ id: 'n', content: 'applause', startMs: 4000, endMs: 4500 }]
    ),
    speakers: [
      { id: 'a', name: 'Ana', prefix: 'Dr. ', suffix: '', placeholder: false },
      { id: 'b', name: 'Bo', prefix: '', suffix: ' (guest):', placeholder: false }
    ]
  }

  it('TXT: labels where the speaker changes, prefix/suffix, paragraphs', () => {
    expect(writeTxt(model)).toBe('Dr. Ana: Hello there.\n\nSecond paragraph.\n\nBo (guest): Hi Ana.\n')
  })

  it('TXT: timecodes past 24 h, every label, annotations', () => {
    expect(writeTxt(model, { timecodes: true, labels: 'every', annotations: true })).toBe(
      '[00:00:01] Dr. Ana: Hello there.\n\n[00:00:04] [applause]\n\n[00:00:05] Dr. Ana: Second paragraph.\n\n[25:00:00] Bo (guest): Hi Ana.\n'
    )
  })

  it('TXT: no label for a segment without any speaker', () => {
    expect(writeTxt(makeModel([['', paced('Nobody said this.', 0)]]))).toBe('Nobody said this.\n')
  })

  it('DOCX: a zip package as a Uint8Array, no Node Buffer', async () => {
    const out = await writeFormat('docx', model, { timecodes: true })
    expect(out.content).toBeInstanceOf(Uint8Array)
    expect(Buffer.isBuffer(out.content)).toBe(false)
    const bytes = out.content as Uint8Array
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK')
    expect(out).toMatchObject({ extension: 'docx', mime: formatInfo.docx.mime })
  })

  it('DOCX: packs with no Node Buffer at all (as in the renderer)', async () => {
    const g = globalThis as { Buffer?: unknown }
    const saved = g.Buffer
    delete g.Buffer
    try {
      const out = await writeFormat('docx', model)
      expect((out.content as Uint8Array).length).toBeGreaterThan(1000)
    } finally {
      g.Buffer = saved
    }
  })
})

describe('text every format can carry', () => {
  // Control characters are illegal in XML (TTML, DOCX), ffmpeg ends an ASS event at a NUL, and
  // an unpaired surrogate cannot be encoded as UTF-8: none may reach a file.
  const dirty = {
    ...makeModel(
      [['a', [['bell\u0007', 0, 300], ['nul\u0000x', 400, 700], ['lone\ud800', 800, 1100], ['nel\u0085next', 1200, 1500], ['ação😀', 1600, 1900]]]],
      [{ id: 'n', content: 'esc\u001b[0m', startMs: 2000, endMs: 2500 }]
    ),
    speakers: [{ id: 'a', name: 'Ana\u0000\u0007', prefix: '', suffix: '\u0008', placeholder: false }]
  }
  // eslint-disable-next-line no-control-regex -- the characters that must not be written
  const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])/

  it.each(exportFormats.filter((f) => f !== 'json' && f !== 'docx'))('%s', async (format) => {
    const out = (await writeFormat(format, dirty, { annotations: 'cues', title: 'Title\u0007' })).content as string
    expect(out).not.toMatch(forbidden)
    expect(out).toContain('bell nulx lone\ufffd nel next ação😀')
  })

  it('docx', async () => {
    const out = await writeFormat('docx', dirty, { annotations: 'cues', title: 'Title\u0007' })
    const { paragraphs, errors } = await readDocx(out.content as Uint8Array)
    expect(errors).toEqual([])
    expect(paragraphs).toEqual(['Title', 'Ana: bell nulx lone\ufffd nel next ação😀', '[esc[0m]'])
  })
})

describe('writeFormat', () => {
  const model = makeModel([['a', paced('One sentence here. And another one after it.', 0)]])

  it.each(exportFormats.filter((f) => f !== 'json' && f !== 'docx'))('%s gives text with its extension', async (format) => {
    const out = await writeFormat(format, model, { preset: 'web' })
    expect(typeof out.content).toBe('string')
    expect(out.extension).toBe(formatInfo[format].extension)
    expect(out.content).toContain('One sentence here.')
  })

  it('json is the transcript module\'s API-shaped export, with no slot to fill first', async () => {
    await expect(writeFormat('json', model)).resolves.toEqual({ content: JSON.stringify(toTranscriptExport(model), null, 2) + '\n', extension: 'json', mime: 'application/json' })
  })

  it('passes preset, overrides and offset through', async () => {
    const out = await writeFormat('srt', model, { preset: 'bbc', overrides: { startOffsetMs: 36_000_000 } })
    expect(out.content).toMatch(/^1\n10:00:00,000 --> /)
    expect(subtitleTrack(model, { preset: 'bbc', overrides: { maxCharsPerLine: 20 } }).cues.every((c) => c.lines.every((l) => l.length <= 20))).toBe(true)
    await expect(writeFormat('srt', model, { preset: 'nope' })).rejects.toThrow(/Unknown subtitle preset/)
  })
})
