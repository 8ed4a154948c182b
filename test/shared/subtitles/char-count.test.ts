import { describe, expect, it } from 'vitest'
import { charCount, resolvePreset, runQc, segmentCues } from '../../../shared/subtitles/index'
import type { QcCue } from '../../../shared/subtitles/index'
import { simpleCharRanges } from '../../../shared/subtitles/text'
import { makeModel, paced } from './make-model'

/*
 * Characters per line and reading speed count what a viewer sees: grapheme clusters. Portuguese
 * typed on a Mac or pasted from a PDF often arrives decomposed (NFD: "ç" as c + U+0327), emoji
 * carry skin tones and zero-width joiners, and none of that may make a line look longer to the
 * cutter or QC than it is on screen.
 */

const nfd = (text: string): string => text.normalize('NFD')

describe('charCount', () => {
  it.each([
    ['', 0],
    ['plain ASCII, with punctuation!', 30],
    ['ação', 4],
    [nfd('ação'), 4],
    [nfd('Não sei se ele já chegou à estação'), 34],
    ['e\u0301', 1],
    ['😀', 1],
    ['👍🏽', 1],
    ['👨‍👩‍👧', 1],
    ['🇵🇹', 1],
    ['中文字幕', 4],
    ['שלום', 4],
    ['\r\n', 1],
    ['a\u00a0b', 3]
  ])('%j has %i characters', (text, count) => {
    expect(charCount(text)).toBe(count)
  })

  it('the fast path is exact: every code point in its ranges is a cluster of its own, whatever its neighbours', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    const wrong: string[] = []
    for (const [from, to] of simpleCharRanges) {
      for (let code = from; code <= to; code++) {
        const c = String.fromCharCode(code)
        // Before a letter (not a prefix), after one (not a mark), doubled (not jamo or a pair).
        if ([...segmenter.segment(`${c}${c}a${c}`)].length !== 4) wrong.push(code.toString(16))
      }
    }
    expect(wrong).toEqual([])
  })

  it('decomposed text counts as its composed form', () => {
    const text = 'Você é muito gentil, senhor João! O coração da ação é o pão de açúcar.'
    expect(nfd(text).length).toBeGreaterThan(text.length)
    expect(charCount(nfd(text))).toBe(charCount(text))
  })
})

describe('the cutter and QC count the same characters', () => {
  // 42 characters composed, 52 UTF-16 units once decomposed.
  const line = 'Não é só ação: é coração, disse o João lá.'
  const words = (text: string) => paced(text, 0, 280, 40)

  it('an NFD line of exactly the limit stays one line and passes QC', () => {
    expect(charCount(line)).toBe(42)
    expect(nfd(line).length).toBe(52)
    const netflix = resolvePreset('netflix-en')
    const composed = segmentCues(makeModel([['A', words(line)]]), netflix).cues
    const decomposed = segmentCues(makeModel([['A', words(nfd(line))]]), netflix).cues
    expect(decomposed.map((c) => c.lines.map((l) => l.normalize('NFC')))).toEqual(composed.map((c) => c.lines))
    expect(decomposed[0].lines).toEqual([nfd(line)])
    expect(runQc(decomposed, netflix).breaches.filter((b) => b.rule === 'chars-per-line')).toEqual([])
    // Timing (reading time) does not change with the encoding either.
    expect(decomposed.map((c) => [c.startMs, c.endMs])).toEqual(composed.map((c) => [c.startMs, c.endMs]))
  })

  it('an emoji is one character on the line', () => {
    const netflix = resolvePreset('netflix-en')
    const text = `${'Thumbs up for the whole team this week'} 👍🏽👨‍👩‍👧` // 38 + 1 + 2 = 41
    expect(charCount(text)).toBe(41)
    const cues = segmentCues(makeModel([['A', words(text)]]), netflix).cues
    expect(cues.map((c) => c.lines)).toEqual([[text]])
    expect(runQc(cues, netflix).breaches.filter((b) => b.rule === 'chars-per-line')).toEqual([])
  })

  it('QC reports line length and reading speed in the same characters', () => {
    const netflix = resolvePreset('netflix-en')
    // 43 characters (one over), 53 UTF-16 units; shown for 1 s.
    const long: QcCue = { startMs: 0, endMs: 1000, lines: [nfd(`${line}!`)] }
    const report = runQc([long], netflix)
    expect(report.breaches.find((b) => b.rule === 'chars-per-line')?.figure).toBe(43)
    expect(report.breaches.find((b) => b.rule === 'reading-speed')?.figure).toBe(43)
    const emoji: QcCue = { startMs: 0, endMs: 1000, lines: ['👨‍👩‍👧'.repeat(25)] }
    expect(runQc([emoji], netflix).breaches.map((b) => [b.rule, b.figure])).toEqual([['reading-speed', 25]])
  })
})
