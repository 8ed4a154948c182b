import { describe, expect, it } from 'vitest'
import { addCueDecision } from '../../../shared/transcript/cue-decisions'
import type { NewCueDecision } from '../../../shared/transcript/cue-decisions'
import type { TranscriptModel } from '../../../shared/transcript/model'
import { qcReport, resolvePreset, subtitleTrack, writeFormat } from '../../../shared/subtitles/index'
import { makeModel, paced } from './make-model'
import { noticeText } from '../../../shared/i18n/notices'
import { readAss, readSbv, readSrt, readTtml, readVtt } from './readers'
import type { ReadResult, SubtitleFormat } from './readers'

/*
 * Cue decisions are honoured by every subtitle export: the files, read back by the same
 * independent parsers as read-back-npm.test.ts, show the forced break, the words kept together,
 * the nudged and locked times. A decision that would break a hard rule is refused or clamped,
 * with a notice on the track.
 */

const formats: readonly SubtitleFormat[] = ['srt', 'vtt', 'ttml', 'sbv', 'ass']
const readers: Record<SubtitleFormat, (text: string) => ReadResult> = { srt: readSrt, vtt: readVtt, ttml: readTtml, sbv: readSbv, ass: readAss }

// w0..w17, then w18..w20; 350 ms a word; two sentences, then a second passage after 3 s of silence.
const text = 'The quick brown fox jumps over the lazy dog. It was a sunny day and everyone was happy.'
const base = (): TranscriptModel => makeModel([['a', [...paced(text, 0, 300, 50), ...paced('Then silence fell.', 9000, 300, 50)]]])
const withDecisions = (...decisions: NewCueDecision[]): TranscriptModel => decisions.reduce(addCueDecision, base())

async function readBack(format: SubtitleFormat, model: TranscriptModel): Promise<ReadResult> {
  const file = await writeFormat(format, model, { preset: 'netflix-en' })
  const result = readers[format](file.content as string)
  expect(result.errors).toEqual([])
  return result
}
const firstWords = (r: ReadResult): string[] => r.cues.map((c) => c.lines.join(' ').replace(/^-/, '').split(' ')[0])
const words = (r: ReadResult): string[] => r.cues.map((c) => c.lines.join(' '))

describe.each(formats)('%s', (format) => {
  it('starts a cue at a forced break', async () => {
    expect(firstWords(await readBack(format, base()))).not.toContain('jumps')
    expect(firstWords(await readBack(format, withDecisions({ kind: 'break-before', wordId: 'w4' })))).toContain('jumps')
  })

  it('keeps words together that the cutter would part', async () => {
    const plain = words(await readBack(format, base()))
    expect(plain.some((c) => c.includes('dog. It'))).toBe(false)
    const kept = words(await readBack(format, withDecisions({ kind: 'keep-together', fromWordId: 'w8', toWordId: 'w9' })))
    expect(kept.some((c) => /dog\.\s+It/.test(c))).toBe(true)
  })

  it('moves a cue in and out by the nudges, and puts a locked cue where it was locked', async () => {
    const plain = await readBack(format, base())
    const last = plain.cues.length - 1
    const nudged = await readBack(format, withDecisions({ kind: 'nudge', edge: 'in', wordId: 'w18', deltaMs: -500 }, { kind: 'nudge', edge: 'out', wordId: 'w20', deltaMs: 1000 }))
    // Frames of 1001/24 ms, ASS in centiseconds: within a frame and a centisecond.
    expect(Math.abs(nudged.cues[last].startMs - (plain.cues[last].startMs - 500))).toBeLessThanOrEqual(52)
    expect(Math.abs(nudged.cues[last].endMs - (plain.cues[last].endMs + 1000))).toBeLessThanOrEqual(52)
    const locked = await readBack(format, withDecisions({ kind: 'lock', fromWordId: 'w18', toWordId: 'w20', startMs: 8500, endMs: 12_000 }))
    expect(Math.abs(locked.cues[last].startMs - 8500)).toBeLessThanOrEqual(52)
    expect(Math.abs(locked.cues[last].endMs - 12_000)).toBeLessThanOrEqual(52)
  })
})

describe('decisions that would break a hard rule', () => {
  it('refuses to keep together more than a cue can hold, and says so', () => {
    const model = withDecisions({ kind: 'keep-together', fromWordId: 'w0', toWordId: 'w17' })
    const track = subtitleTrack(model, { preset: 'netflix-en' })
    expect(track.decisionNotices?.map((n) => noticeText(n))).toEqual(['The words kept together "The" … "happy." do not fit one cue (2 lines of 42 characters); left out.'])
    expect(qcReport(model, { preset: 'netflix-en' }).summary.hard).toBe(0)
  })

  it('refuses a kept range across a speaker change where the preset starts a new cue', () => {
    const model = addCueDecision(makeModel([['a', paced('Hello there.', 0)], ['b', paced('Hi.', 800)]]), { kind: 'keep-together', fromWordId: 'w1', toWordId: 'w2' })
    expect(subtitleTrack(model, { preset: 'bbc' }).decisionNotices?.map((n) => noticeText(n))[0]).toMatch(/change of speaker/)
  })

  it('clamps nudges that would go before 0 or overlap the next cue, and QC finds no hard breach', () => {
    const model = withDecisions({ kind: 'nudge', edge: 'in', wordId: 'w0', deltaMs: -500 }, { kind: 'break-before', wordId: 'w9' }, { kind: 'nudge', edge: 'out', wordId: 'w8', deltaMs: 2000 })
    const track = subtitleTrack(model, { preset: 'netflix-en' })
    expect(track.cues[0].startMs).toBe(0)
    expect(track.decisionNotices?.map((n) => noticeText(n))).toEqual([expect.stringMatching(/^The in-time nudge of "The quick.*" was clamped to 0 ms/), expect.stringMatching(/^The out-time nudge of "The quick.*" was clamped to \d+ ms/)])
    expect(track.cues[1].startMs - track.cues[0].endMs).toBeGreaterThanOrEqual(83)
    expect(qcReport(model, { preset: 'netflix-en' }).summary.hard).toBe(0)
  })

  it('runs QC on the cut with decisions: a cue nudged short breaks the minimum duration', () => {
    const preset = resolvePreset('netflix-en')
    expect(qcReport(base(), { preset }).summary.byRule['min-duration']).toBeUndefined()
    const short = withDecisions({ kind: 'nudge', edge: 'out', wordId: 'w20', deltaMs: -2000 })
    expect(qcReport(short, { preset }).summary.byRule['min-duration']).toBe(1)
  })
})
