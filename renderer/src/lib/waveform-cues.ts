import type { QcBreach, QcReport, QcSeverity } from '../../../shared/subtitles'
import type { CueRow } from './cue-rows'
import type { RegionWindow } from './waveform-geometry'

/*
 * What the waveform shows in the cue view, as pure functions of the cue rows: one region per cue
 * near the view (a 2-hour task has ~2,000 cues; wavesurfer's regions plugin does work per region
 * on every scroll and time update, so only the window the segment regions use gets any), coloured
 * by the cue's QC result, and the breach marks for the overview's lane. Times here are the
 * recording's (media ms): a cue's own times carry the preset's programme offset.
 */

/** One cue region as the waveform draws it. */
export interface CueRegionSpec {
  /** The cue's index in the rows (its region's id is `cue:<index>`). */
  readonly index: number
  /** Its first word, so a drag that ends after a re-cut can tell the cue is still the same. */
  readonly firstWordId: string | null
  readonly startMs: number
  readonly endMs: number
  readonly severity: QcSeverity | null
  readonly selected: boolean
  /** The rules it breaks, in QC order (empty when it passes). */
  readonly rules: readonly string[]
}

/** The fill of a cue region by QC result: CSS custom properties the strip defines per theme (WaveformStrip.vue). */
export function cueRegionColor(severity: QcSeverity | null): string {
  // var() rather than a computed colour: region elements live in wavesurfer's shadow root, which
  // inherits custom properties, so a theme switch recolours them without a re-sync.
  return severity === 'hard' ? 'var(--cue-hard)' : severity === 'soft' ? 'var(--cue-soft)' : 'var(--cue-fine)'
}

/** The region id of cue `index`. */
export const cueRegionId = (index: number): string => `cue:${index}`

/** The cue index of a region id, or -1 when the region is not a cue's. */
export function cueIndexOfRegion(id: string): number {
  if (!id.startsWith('cue:')) return -1
  const n = Number(id.slice(4))
  return Number.isInteger(n) && n >= 0 ? n : -1
}

/** The first row whose end (media ms) is at or after `ms`: rows are in time order and never overlap (the cutter's timing). */
function firstEndingFrom(rows: readonly CueRow[], ms: number, offsetMs: number): number {
  let lo = 0
  let hi = rows.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (rows[mid].cue.endMs - offsetMs < ms) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The cue regions for the rows overlapping `window` (seconds, as lib/waveform-geometry gives it),
 * found by a binary search so a scroll costs the cues in view, not the whole task.
 */
export function cueRegionsIn(rows: readonly CueRow[], window: RegionWindow, offsetMs: number, selectedCue: number): CueRegionSpec[] {
  const out: CueRegionSpec[] = []
  const fromMs = window.from * 1000
  const toMs = window.to * 1000
  for (let i = firstEndingFrom(rows, fromMs, offsetMs); i < rows.length; i++) {
    const r = rows[i]
    const startMs = r.cue.startMs - offsetMs
    if (startMs > toMs) break
    out.push({ index: i, firstWordId: r.words[0]?.id ?? null, startMs, endMs: r.cue.endMs - offsetMs, severity: r.severity, selected: i === selectedCue, rules: r.rules })
  }
  return out
}

/** A mark in the overview's breach lane: one or more breaching cues at the same spot. */
export interface BreachMark {
  /** Position in per mille of the recording. */
  readonly at: number
  /** The first breaching cue there (a click selects it). */
  readonly cue: number
  /** How many breaching cues share the spot. */
  readonly count: number
  /** The worst severity among them. */
  readonly severity: QcSeverity
  /** The breaches of the first cue (for its accessible name). */
  readonly breaches: readonly QcBreach[]
}

/**
 * The breach marks for a whole recording of `durationMs`: breaching cues closer than `stepPerMille`
 * of the recording share one mark (a 6-hour task under a strict preset can have hundreds; the lane
 * is ~1,000 px wide, so more marks than that would be unreadable and cost DOM for nothing).
 */
export function breachMarks(report: QcReport | null, durationMs: number, stepPerMille = 2): BreachMark[] {
  if (!report || !(durationMs > 0)) return []
  const byCue = new Map<number, QcBreach[]>()
  for (const b of report.breaches) byCue.set(b.cueIndex, [...(byCue.get(b.cueIndex) ?? []), b])
  const marks: Array<{ at: number; cue: number; count: number; severity: QcSeverity; breaches: QcBreach[] }> = []
  for (const [cue, breaches] of [...byCue].sort((a, b) => a[0] - b[0])) {
    const at = Math.round(Math.min(1000, Math.max(0, (Math.max(0, breaches[0].mediaMs) / durationMs) * 1000)) / stepPerMille) * stepPerMille
    const severity: QcSeverity = breaches.some((b) => b.severity === 'hard') ? 'hard' : 'soft'
    const last = marks[marks.length - 1]
    if (last && last.at === at) {
      last.count++
      if (severity === 'hard') last.severity = 'hard'
      continue
    }
    marks.push({ at, cue, count: 1, severity, breaches })
  }
  return marks
}
