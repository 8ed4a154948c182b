import { describe, expect, it } from 'vitest'
import { formatSrtTime } from '../../../shared/time'
import { describeBreach, resolvePreset, runQc, segmentCues, writeFormat } from '../../../shared/subtitles/index'
import type { Cue, SubtitlePreset } from '../../../shared/subtitles/index'
import { linesFor } from '../../../shared/subtitles/segment'
import { makeModel, paced } from './make-model'
import type { W } from './make-model'

/*
 * A word longer than a line (a URL, a German compound): the cutter neither crashes, loops nor
 * drops or chops it. Defined behaviour: the word stands whole on a line of its own, in a cue of
 * its own, and QC reports that line as a characters-per-line breach naming the cue.
 */

const url = 'https://www.example.com/reports/2024/annual-summary-final-v2.pdf' // 64 chars
const compound = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft' // 80 letters

/** Words at an even pace, with `long` said in the middle of a sentence. */
function sentenceAround(long: string): W[] {
  const before = paced('For the details please see', 0)
  const at = before[before.length - 1][2] + 50
  const after = paced('which we sent to everyone last week.', at + 1500)
  return [...before, [long, at, at + 1400], ...after]
}

const speech = (cues: readonly Cue[]): string[] => cues.flatMap((c) => c.lines.join(' ').split(' '))

describe('a word longer than a line', () => {
  const cases: [string, string, SubtitlePreset][] = [
    ['URL, netflix-en', url, resolvePreset('netflix-en')],
    ['compound, bbc', compound, resolvePreset('bbc')],
    ['compound, one line per cue', compound, resolvePreset('web', { maxLines: 1 })],
    ['URL, three lines per cue', url, resolvePreset('web', { maxLines: 3, maxCharsPerLine: 20 })],
    ['longer than the whole cue (lines × chars)', 'z'.repeat(300), resolvePreset('netflix-en')]
  ]

  it.each(cases)('%s: kept whole on its own line, every other word in place', (_label, long, preset) => {
    const words = sentenceAround(long)
    const { cues } = segmentCues(makeModel([['A', words]]), preset)
    expect(speech(cues)).toEqual(words.map((w) => w[0]))
    const own = cues.findIndex((c) => c.lines.some((l) => l.includes(long)))
    expect(cues[own].lines).toEqual([long])
    // Every other line keeps to the limit.
    const others = cues.flatMap((c, k) => (k === own ? [] : c.lines))
    expect(others.filter((l) => l.length > preset.maxCharsPerLine)).toEqual([])

    const report = runQc(cues, preset)
    const lineBreaches = report.breaches.filter((b) => b.rule === 'chars-per-line')
    expect(lineBreaches).toMatchObject([{ cueIndex: own, figure: [...long].length, limit: preset.maxCharsPerLine, severity: 'hard' }])
    expect(report.breaches.filter((b) => b.severity === 'hard')).toHaveLength(1)
    expect(describeBreach(lineBreaches[0], formatSrtTime)).toMatch(new RegExp(`^cue ${own + 1} at \\d\\d:\\d\\d:\\d\\d,\\d{3}: chars-per-line \\(hard\\) ${[...long].length} chars > ${preset.maxCharsPerLine} chars$`))
  })

  it('alone as a whole transcript, and several in a row, each gets a cue', () => {
    const preset = resolvePreset('netflix-en')
    expect(segmentCues(makeModel([['A', [[compound, 0, 2000]]]]), preset).cues.map((c) => c.lines)).toEqual([[compound]])
    const { cues } = segmentCues(makeModel([['A', [[url, 0, 2000], [compound, 2100, 4000], [url, 4100, 6000]]]]), preset)
    expect(cues.map((c) => c.lines)).toEqual([[url], [compound], [url]])
    expect(runQc(cues, preset).breaches.filter((b) => b.rule === 'chars-per-line').map((b) => b.cueIndex)).toEqual([0, 1, 2])
  })

  it('with a speaker label, in a dialogue and in SRT: still whole', async () => {
    const labelled = resolvePreset('bbc', { speakerLabels: true })
    const one = segmentCues(makeModel([['Ana', [[compound, 0, 2000], ['ja.', 2050, 2300]]]]), labelled).cues
    expect(one[0].lines).toEqual([`Ana: ${compound}`])
    const netflix = resolvePreset('netflix-en')
    const model = makeModel([['A', [['Link?', 0, 400]]], ['B', [[url, 450, 2000]]]])
    const dialogue = segmentCues(model, netflix).cues
    expect(dialogue.flatMap((c) => c.lines)).toContain(url)
    const srt = (await writeFormat('srt', model, { preset: 'netflix-en' })).content as string
    expect(srt).toContain(`\n${url}\n`)
  })

  it('in an annotation: whole, never cut inside; lines past the limit join the last one', () => {
    const preset = resolvePreset('netflix-en')
    expect(linesFor(`[${compound} noise]`, preset)).toEqual([`[${compound}`, 'noise]'])
    // Three lines' worth in a two-line cue: nothing dropped, QC reports the long last line.
    expect(linesFor(`[sound of ${compound} machinery]`, preset)).toEqual(['[sound of', `${compound} machinery]`])
  })
})
