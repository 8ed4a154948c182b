import type { SubtitlePreset } from './presets'
import { frameFraction } from './presets'
import type { QcCue } from './types'
import { charCount } from './text'
import { notice, noticeText, type Notice } from '../i18n/notices'

/*
 * Quality control: every cue checked against a preset. It reads only times and lines, so it
 * judges cues from any source (ours, a naive cutter's, a file someone else made).
 *
 * Hard rules are limits no delivery may break (characters per line, lines, overlap, order,
 * zero or negative duration). Soft rules are targets the speech may not leave room for
 * (reading speed, minimum/maximum duration, minimum gap): reported, never hidden.
 */

/** The rules QC checks. */
export type QcRule =
  | 'chars-per-line'
  | 'lines'
  | 'overlap'
  | 'order'
  | 'duration'
  | 'empty'
  | 'reading-speed'
  | 'words-per-minute'
  | 'min-duration'
  | 'max-duration'
  | 'min-gap'

/** Hard: a delivery must not break it. Soft: a target, reported when speech leaves no room. */
export type QcSeverity = 'hard' | 'soft'

/** Severity of each rule. */
export const qcRuleSeverity: Readonly<Record<QcRule, QcSeverity>> = {
  'chars-per-line': 'hard',
  lines: 'hard',
  overlap: 'hard',
  order: 'hard',
  duration: 'hard',
  empty: 'hard',
  'reading-speed': 'soft',
  'words-per-minute': 'soft',
  'min-duration': 'soft',
  'max-duration': 'soft',
  'min-gap': 'soft'
}

/** Units of each rule's figure and limit, for reports. */
export const qcRuleUnit: Readonly<Record<QcRule, string>> = {
  'chars-per-line': 'chars',
  lines: 'lines',
  overlap: 'ms',
  order: 'ms',
  duration: 'ms',
  empty: 'chars',
  'reading-speed': 'chars/s',
  'words-per-minute': 'words/min',
  'min-duration': 'ms',
  'max-duration': 'ms',
  'min-gap': 'ms'
}

/** One rule broken by one cue. */
export interface QcBreach {
  readonly rule: QcRule
  readonly severity: QcSeverity
  /** What the cue has (e.g. 23.4 chars/s); for `order` its start minus the previous start (negative). */
  readonly figure: number
  readonly limit: number
  /** Zero-based index into the cues checked. */
  readonly cueIndex: number
  /** The cue's start as written (programme offset included). */
  readonly startMs: number
  /** The same moment in the recording (start less the preset's programme offset): where an editor seeks. */
  readonly mediaMs: number
}

/** Counts over the whole report. */
export interface QcSummary {
  readonly cues: number
  readonly breaches: number
  readonly hard: number
  readonly soft: number
  readonly byRule: Readonly<Partial<Record<QcRule, number>>>
  readonly cuesWithHard: number
  readonly cuesWithSoft: number
  /** Share of cues (0..1) breaking at least one soft rule. */
  readonly softBreachShare: number
}

/** A QC report: the breaches in cue order and their summary. */
export interface QcReport {
  readonly preset: string
  /** Every number the cues were judged against (the preset with its overrides). */
  readonly settings: SubtitlePreset
  readonly breaches: readonly QcBreach[]
  readonly summary: QcSummary
}

const round1 = (x: number): number => Math.round(x * 10) / 10

/** Checks cues against the preset. Times may include the programme offset; only differences matter. */
export function runQc(cues: readonly QcCue[], preset: SubtitlePreset): QcReport {
  const breaches: QcBreach[] = []
  for (let k = 0; k < cues.length; k++) breaches.push(...cueBreaches(cues, k, preset))
  return { preset: preset.name, settings: preset, breaches, summary: qcSummary(cues.length, breaches) }
}

/** The breaches of cue `k` alone (it and its gap to cue k-1), in report order: what runQc adds for it. */
export function cueBreaches(cues: readonly QcCue[], k: number, preset: SubtitlePreset): QcBreach[] {
  const breaches: QcBreach[] = []
  const { num, den } = frameFraction(preset.frameRate)
  // Frame edges are rounded to whole ms when written: allow that 1 ms, never more.
  const minGapMs = Math.floor((preset.minGapFrames * num) / den)
  const tolerance = 1
  const cue = cues[k]
  const add = (rule: QcRule, figure: number, limit: number): void => {
    const startMs = cue.startMs
    breaches.push({ rule, severity: qcRuleSeverity[rule], figure, limit, cueIndex: k, startMs, mediaMs: Math.max(0, startMs - preset.startOffsetMs) })
  }
  const widths = cue.lines.map(charCount)
  const widest = Math.max(0, ...widths)
  const chars = widths.reduce((a, b) => a + b, 0)
  const duration = cue.endMs - cue.startMs
  if (widest > preset.maxCharsPerLine) add('chars-per-line', widest, preset.maxCharsPerLine)
  if (cue.lines.length > preset.maxLines) add('lines', cue.lines.length, preset.maxLines)
  if (chars === 0 || cue.lines.every((l) => !l.trim())) add('empty', 0, 1)
  if (duration <= 0) add('duration', duration, 1)
  if (k > 0) {
    const prev = cues[k - 1]
    if (cue.startMs < prev.startMs) add('order', cue.startMs - prev.startMs, 0)
    else if (cue.startMs < prev.endMs) add('overlap', prev.endMs - cue.startMs, 0)
    else if (cue.startMs - prev.endMs < minGapMs) add('min-gap', cue.startMs - prev.endMs, minGapMs)
  }
  if (duration > 0) {
    const cps = (chars * 1000) / duration
    if (cps > preset.maxCharsPerSecond + 0.05) add('reading-speed', round1(cps), preset.maxCharsPerSecond)
    if (preset.maxWordsPerMinute !== null) {
      const words = cue.lines.join(' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
      const wpm = (words * 60_000) / duration
      if (wpm > preset.maxWordsPerMinute + 0.5) add('words-per-minute', Math.round(wpm), preset.maxWordsPerMinute)
    }
    if (duration + tolerance < preset.minDurationMs) add('min-duration', duration, preset.minDurationMs)
    if (duration > preset.maxDurationMs + tolerance) add('max-duration', duration, preset.maxDurationMs)
  }
  return breaches
}

/** The summary of a report with `cueTotal` cues and these breaches. */
export function qcSummary(cueTotal: number, breaches: readonly QcBreach[]): QcSummary {
  const byRule: Partial<Record<QcRule, number>> = {}
  const hardCues = new Set<number>()
  const softCues = new Set<number>()
  for (const b of breaches) {
    byRule[b.rule] = (byRule[b.rule] ?? 0) + 1
    ;(b.severity === 'hard' ? hardCues : softCues).add(b.cueIndex)
  }
  const hard = breaches.filter((b) => b.severity === 'hard').length
  return {
    cues: cueTotal,
    breaches: breaches.length,
    hard,
    soft: breaches.length - hard,
    byRule,
    cuesWithHard: hardCues.size,
    cuesWithSoft: softCues.size,
    softBreachShare: cueTotal === 0 ? 0 : softCues.size / cueTotal
  }
}

/** A breach as a notice (code `qc.<rule>`): the cue's number, its start as `time`, figure and limit. */
export function breachNotice(breach: QcBreach): Notice {
  // `order` says how far before the previous cue, a positive number of ms.
  const figure = breach.rule === 'order' ? -breach.figure : breach.figure
  return notice(`qc.${breach.rule}`, { cue: breach.cueIndex + 1, time: breach.startMs, figure, limit: breach.limit })
}

/** A one-line description of a breach for people, e.g. "cue 12 at 00:01:02.000: reading speed 23.4 chars/s > 20". */
export function describeBreach(breach: QcBreach, formatTime: (ms: number) => string): string {
  return noticeText(breachNotice(breach), { formatTime })
}

/** A human-readable QC report (for `sdte qc`): a summary line, counts by rule, then each breach. */
export function formatQcText(report: QcReport, formatTime: (ms: number) => string): string {
  const s = report.summary
  const lines = [
    `QC (${report.preset}): ${s.cues} cues, ${s.hard} hard and ${s.soft} soft breaches; ${(s.softBreachShare * 100).toFixed(1)}% of cues break a soft rule.`
  ]
  for (const [rule, count] of Object.entries(s.byRule)) lines.push(`  ${rule} (${qcRuleSeverity[rule as QcRule]}): ${count}`)
  for (const b of report.breaches) lines.push(describeBreach(b, formatTime))
  return lines.join('\n') + '\n'
}
