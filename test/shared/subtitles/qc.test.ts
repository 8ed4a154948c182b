import { describe, expect, it } from 'vitest'
import { resolvePreset } from '../../../shared/subtitles/presets'
import { describeBreach, formatQcText, runQc } from '../../../shared/subtitles/qc'
import type { QcRule } from '../../../shared/subtitles/qc'
import { formatVttTime } from '../../../shared/time'
import type { QcCue } from '../../../shared/subtitles/types'

const netflix = resolvePreset('netflix-en')
const ok = (startMs: number, endMs: number, lines: string[] = ['Fine text.']): QcCue => ({ startMs, endMs, lines })

describe('runQc', () => {
  it('passes clean cues', () => {
    const report = runQc([ok(0, 2000), ok(2084, 4000), ok(5000, 7000)], netflix)
    expect(report.breaches).toEqual([])
    expect(report.summary).toMatchObject({ cues: 3, hard: 0, soft: 0, softBreachShare: 0 })
  })

  // [label, cues, expected rule, severity, figure, limit, cue index]
  const table: [string, QcCue[], QcRule, 'hard' | 'soft', number, number, number][] = [
    ['too many characters', [ok(0, 5000, ['x'.repeat(43)])], 'chars-per-line', 'hard', 43, 42, 0],
    ['characters are code points', [ok(0, 5000, ['é'.repeat(42)]), ok(6000, 11000, ['😀'.repeat(43)])], 'chars-per-line', 'hard', 43, 42, 1],
    ['too many lines', [ok(0, 5000, ['one', 'two', 'three'])], 'lines', 'hard', 3, 2, 0],
    ['overlap', [ok(0, 2000), ok(1500, 4000)], 'overlap', 'hard', 500, 0, 1],
    ['order', [ok(3000, 4000), ok(1000, 2000)], 'order', 'hard', -2000, 0, 1],
    ['zero duration', [ok(1000, 1000)], 'duration', 'hard', 0, 1, 0],
    ['negative duration', [ok(1000, 900)], 'duration', 'hard', -100, 1, 0],
    ['empty', [ok(0, 2000, [''])], 'empty', 'hard', 0, 1, 0],
    ['reading speed', [ok(0, 1000, ['This line has thirty characters'])], 'reading-speed', 'soft', 31, 20, 0],
    ['short', [ok(0, 500, ['Hi.'])], 'min-duration', 'soft', 500, 833, 0],
    ['long', [ok(0, 8000)], 'max-duration', 'soft', 8000, 7000, 0],
    ['gap under 2 frames', [ok(0, 2000), ok(2040, 4000)], 'min-gap', 'soft', 40, 83, 1]
  ]
  it.each(table)('%s', (_label, cues, rule, severity, figure, limit, cueIndex) => {
    const report = runQc(cues, netflix)
    const breach = report.breaches.find((b) => b.rule === rule)
    expect(breach).toEqual({ rule, severity, figure, limit, cueIndex, startMs: cues[cueIndex].startMs, mediaMs: cues[cueIndex].startMs })
    expect(report.summary.byRule[rule]).toBe(1)
  })

  it('checks words per minute when the preset has that limit', () => {
    const bbc = resolvePreset('bbc')
    const report = runQc([ok(0, 2000, ['one two three four five six seven'])], bbc)
    expect(report.breaches.map((b) => [b.rule, b.figure])).toContainEqual(['words-per-minute', 210])
  })

  it('counts the soft-breach share per cue, not per breach', () => {
    const report = runQc([ok(0, 300, ['A very long text for 0.3 s']), ok(1000, 3000), ok(4000, 6000), ok(7000, 9000)], netflix)
    expect(report.summary.soft).toBe(2) // reading speed and min duration on the same cue
    expect(report.summary.cuesWithSoft).toBe(1)
    expect(report.summary.softBreachShare).toBe(0.25)
  })

  it('ignores the programme offset, and gives the media time of each breach', () => {
    const offset = 36_000_000
    expect(runQc([ok(offset, offset + 2000), ok(offset + 2084, offset + 4000)], netflix).breaches).toEqual([])
    const shifted = resolvePreset('netflix-en', { startOffsetMs: offset })
    const breaches = runQc([ok(offset + 5000, offset + 5100)], shifted).breaches
    expect(breaches.find((b) => b.rule === 'min-duration')).toMatchObject({ startMs: offset + 5000, mediaMs: 5000 })
  })

  it('describes a breach for people', () => {
    const [b] = runQc([ok(3_723_004, 3_724_004, ['x'.repeat(30)])], netflix).breaches
    expect(describeBreach(b, formatVttTime)).toBe('cue 1 at 01:02:03.004: reading-speed (soft) 30 chars/s > 20 chars/s')
  })
})

describe('formatQcText', () => {
  it('prints a summary, counts by rule and each breach', () => {
    const report = runQc([ok(0, 300, ['Hi.']), ok(200, 2000)], netflix)
    expect(formatQcText(report, formatVttTime)).toBe(
      'QC (netflix-en): 2 cues, 1 hard and 1 soft breaches; 50.0% of cues break a soft rule.\n' +
        '  min-duration (soft): 1\n' +
        '  overlap (hard): 1\n' +
        'cue 1 at 00:00:00.000: min-duration (soft) 300 ms < 833 ms\n' +
        'cue 2 at 00:00:00.200: overlap (hard) overlaps the previous cue by 100 ms\n'
    )
  })
})
