import { describe, expect, it } from 'vitest'
import { loadRealExport } from '../fixtures/real-to-export'
import { normaliseTranscript } from '../../shared/transcript/normalise'
import { resolvePreset } from '../../shared/subtitles/presets'
import { runQc } from '../../shared/subtitles'
import { wholeCut } from '../../renderer/src/lib/cue-recut'
import { cueRows } from '../../renderer/src/lib/cue-rows'
import type { CueRow } from '../../renderer/src/lib/cue-rows'
import { breachMarks, cueIndexOfRegion, cueRegionColor, cueRegionId, cueRegionsIn } from '../../renderer/src/lib/waveform-cues'
import { regionWindowOf } from '../../renderer/src/lib/waveform-geometry'

/*
 * The cue view's regions on the waveform (lib/waveform-cues): on the real 2-hour hearing only the
 * cues near the view get a region (a few dozen of ~2,000), each coloured by its QC result, the
 * current one marked; breach marks for the overview lane, merged where the lane cannot show
 * them apart. Times are the recording's even under a programme offset.
 */

const hearing = normaliseTranscript(loadRealExport('senate-hearing-2h.dpe.json'))

function rowsOf(presetName: 'netflix-en' | 'bbc', overrides = {}): { rows: CueRow[]; preset: ReturnType<typeof resolvePreset>; report: ReturnType<typeof runQc> } {
  const preset = resolvePreset(presetName, overrides)
  const cut = wholeCut(hearing, preset)
  const report = runQc(cut.cues, preset)
  return { rows: cueRows(hearing, cut.cues, preset, report), preset, report }
}

describe('cue regions near the view', () => {
  const { rows, report } = rowsOf('bbc')
  const durationS = hearing.segments.at(-1)!.endMs / 1000

  it('gives regions only to the cues overlapping the window, found without walking the task', () => {
    expect(rows.length).toBeGreaterThan(1000)
    // A 1,000 px view at 40 px/s, scrolled to the middle of the recording.
    const total = durationS * 40
    const window = regionWindowOf({ left: total / 2, width: 1000, total, duration: durationS, overview: 1000 })
    const specs = cueRegionsIn(rows, window, 0, -1)
    const expected = rows.filter((r) => !(r.cue.endMs / 1000 < window.from || r.cue.startMs / 1000 > window.to)).map((r) => r.index)
    expect(specs.map((s) => s.index)).toEqual(expected)
    expect(specs.length).toBeGreaterThan(5)
    expect(specs.length).toBeLessThan(rows.length / 20)
    // Nothing before the window, nothing after.
    expect(cueRegionsIn(rows, { from: durationS + 10, to: durationS + 20, key: 'past' }, 0, -1)).toEqual([])
    expect(cueRegionsIn(rows, { from: -20, to: -10, key: 'before' }, 0, -1)).toEqual([])
  })

  it('colours each region by its QC result, as the cue list does, and marks the current cue', () => {
    const specs = cueRegionsIn(rows, { from: 0, to: Infinity, key: 'all' }, 0, 7)
    expect(specs.length).toBe(rows.length)
    const bySeverity = new Map(specs.map((s) => [s.index, s.severity]))
    for (const b of report.breaches) expect(bySeverity.get(b.cueIndex)).not.toBeNull()
    expect(specs.some((s) => s.severity === 'soft')).toBe(true)
    expect(specs.some((s) => s.severity === null)).toBe(true)
    expect(specs.filter((s) => s.selected).map((s) => s.index)).toEqual([7])
    expect(cueRegionColor('hard')).toBe('var(--cue-hard)')
    expect(cueRegionColor('soft')).toBe('var(--cue-soft)')
    expect(cueRegionColor(null)).toBe('var(--cue-fine)')
    expect(cueIndexOfRegion(cueRegionId(42))).toBe(42)
    expect(cueIndexOfRegion('seg-3')).toBe(-1)
  })

  it('places cues at the recording time under a programme offset', () => {
    const offset = rowsOf('netflix-en', { startOffsetMs: 36_000_000 })
    const plain = rowsOf('netflix-en')
    const window = { from: 3000, to: 3100, key: 'x' }
    const a = cueRegionsIn(offset.rows, window, 36_000_000, -1)
    const b = cueRegionsIn(plain.rows, window, 0, -1)
    expect(a.map((s) => [s.startMs, s.endMs])).toEqual(b.map((s) => [s.startMs, s.endMs]))
    expect(a.length).toBeGreaterThan(3)
    expect(a[0].startMs).toBeLessThan(3_100_000)
    expect(a.at(-1)!.endMs).toBeGreaterThan(3_000_000)
  })
})

describe('breach marks for the overview lane', () => {
  it('one mark per breaching cue, merged where the lane cannot show them apart, the worst severity kept', () => {
    const { report } = rowsOf('bbc')
    const duration = hearing.segments.at(-1)!.endMs
    const breaching = new Set(report.breaches.map((b) => b.cueIndex))
    const fine = breachMarks(report, duration, 0.001)
    expect(fine.length).toBe(breaching.size)
    const coarse = breachMarks(report, duration, 50)
    expect(coarse.length).toBeLessThanOrEqual(21)
    expect(coarse.reduce((n, m) => n + m.count, 0)).toBe(breaching.size)
    for (const m of coarse) expect(m.breaches.every((b) => b.cueIndex === m.cue)).toBe(true)
    expect(breachMarks(null, duration)).toEqual([])
    const hardOne = { ...report, breaches: [{ ...report.breaches[0], severity: 'soft' as const }, { ...report.breaches[0], cueIndex: report.breaches[0].cueIndex + 1, severity: 'hard' as const }] }
    expect(breachMarks(hardOne, duration, 50)).toMatchObject([{ count: 2, severity: 'hard', cue: report.breaches[0].cueIndex }])
  })

  it('the lane stays bounded on a long task: at most one mark per step', () => {
    const { report } = rowsOf('bbc', { maxCharsPerSecond: 5 })
    expect(report.breaches.length).toBeGreaterThan(1000)
    expect(breachMarks(report, hearing.segments.at(-1)!.endMs).length).toBeLessThanOrEqual(501)
  })
})
