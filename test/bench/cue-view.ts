import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { loadRealExport } from '../fixtures/real-to-export'
import { normaliseTranscript } from '../../shared/transcript/normalise'
import { setSegmentText } from '../../shared/transcript/edits'
import { resolvePreset, runQc } from '../../shared/subtitles/index'
import { recut, wholeCut } from '../../renderer/src/lib/cue-recut'
import type { CueCut } from '../../renderer/src/lib/cue-recut'
import type { TranscriptModel } from '../../shared/transcript/model'
import type { SubtitlePreset } from '../../shared/subtitles/index'
import { cutWords } from '../../shared/subtitles/segment'
import { cueRows } from '../../renderer/src/lib/cue-rows'
import { fullCueView, updateCueView } from '../../renderer/src/lib/cue-rows-update'
import { summarise, timeRuns } from './stats'
import type { Figures } from './stats'

/*
 * The live cue view on the 2-hour hearing (one speaker, no long pauses: ONE passage under every
 * preset) and on the interview (many passages under `bbc`): the re-cut after a one-word edit
 * (lib/cue-recut.ts; target < 4 ms: median, p95 and max beside it, and the slowest five edits
 * with what each re-planned), timed along a chain of edits as the live view re-cuts them, each
 * cut handed over to the next (its arrays spliced in place) against the same chain keeping each
 * cut (copied first, what every re-cut cost before: 'old'), interleaved; and the rows and QC the view builds from the new cut before
 * it paints: the old way (every row and every cue's QC rebuilt, split into its two parts, which
 * is where the time went) and the new (lib/cue-rows-update.ts: the changed run spliced), timed
 * interleaved on the same edits. The re-cut is the local one (shared/subtitles/local-recut.ts: the
 * plan redone from the edit until it meets the old one), equal to a whole cut; the whole cut that
 * keeps its state for it (wholeCut) is timed against the exporters' `cutWords`, interleaved.
 * The chain runs three times from a fresh whole cut: p95, max and CPU p95 per run, with the spread.
 * Key-to-paint in Chromium: test/bench/cue-view-keys.ts.
 *
 *   node --import tsx test/bench/cue-view.ts
 */

/** One timed re-cut: wall and CPU ms, and what it redid. */
interface Timed {
  readonly ms: number
  readonly cpu: number
  readonly segments: number
  readonly boundaries: number
  readonly cues: number
}

function timedRecut(previous: CueCut, model: TranscriptModel, preset: SubtitlePreset, handOver: boolean, out: Timed[]): CueCut {
  const cpu = process.cpuUsage()
  const t = performance.now()
  const next = recut(previous, model, preset, {}, handOver)
  const ms = performance.now() - t
  const segments = next.passage ? next.passage.toSegment - next.passage.fromSegment + 1 : model.segments.length
  out.push({ ms, cpu: process.cpuUsage(cpu).user / 1000, segments, boundaries: next.work?.boundaries ?? -1, cues: next.work?.cues ?? -1 })
  return next
}

/** The median of per-run figures with their smallest and largest (the spread across runs). */
function spread(values: readonly number[]): { value: number; unit: string; min: number; max: number; runs: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const round = (x: number): number => Math.round(x * 1000) / 1000
  return { value: round(sorted[Math.floor(sorted.length / 2)]), unit: 'ms', min: round(sorted[0]), max: round(sorted[sorted.length - 1]), runs: sorted.length }
}

function edits(name: string, presetName: string, runs: number, wholeRuns = 4, chainRuns = 3): Figures {
  const model = normaliseTranscript(loadRealExport(name))
  const preset = resolvePreset(presetName)
  const base = wholeCut(model, preset)
  // Each run edits a different segment (one word appended), spread over the transcript.
  const edited = Array.from({ length: runs }, (_, i) => {
    const seg = model.segments[Math.floor(((i + 0.5) * model.segments.length) / runs)]
    return setSegmentText(model, seg.id, seg.words.map((w) => w.text).join(' ') + ' indeed')
  })
  // The live view's way: one edit after another, each re-cut from the cut before it. The same
  // chain of models is re-cut twice, interleaved: handing the previous cut over (its arrays
  // spliced in place, as the view does) and keeping it (its arrays copied first: what every
  // re-cut cost before the hand-over). A warm-up chain of 10 edits first, not timed.
  const chain: TranscriptModel[] = []
  let m = model
  for (let i = 0; i < 10 + runs; i++) {
    const at = i < 10 ? (i + 0.25) / 10 : (i - 10 + 0.5) / runs
    const seg = m.segments[Math.floor(at * m.segments.length)]
    m = setSegmentText(m, seg.id, seg.words.map((w) => w.text).join(' ') + (i < 10 ? ' too' : ' indeed'))
    chain.push(m)
  }
  // The chain is run `chainRuns` times from a fresh whole cut (the spread across runs is printed).
  const handedTimes: Timed[] = []
  const keptTimes: Timed[] = []
  const warm: Timed[] = []
  const perRun: { p95: number; max: number; cpuP95: number }[] = []
  for (let run = 0; run < chainRuns; run++) {
    let handed = wholeCut(model, preset)
    let kept = wholeCut(model, preset)
    const mine: Timed[] = []
    chain.forEach((next, i) => {
      const a = (): void => void (handed = timedRecut(handed, next, preset, true, i < 10 ? warm : mine))
      const b = (): void => void (kept = timedRecut(kept, next, preset, false, i < 10 ? warm : keptTimes))
      if ((i + run) % 2) {
        a()
        b()
      } else {
        b()
        a()
      }
    })
    handedTimes.push(...mine)
    perRun.push({ p95: summarise(mine.map((t) => t.ms)).p95 ?? NaN, max: Math.max(...mine.map((t) => t.ms)), cpuP95: summarise(mine.map((t) => t.cpu)).p95 ?? NaN })
  }
  const slowest = [...handedTimes].sort((x, y) => y.ms - x.ms).slice(0, 5)
  const ms = handedTimes.map((t) => t.ms)
  const passages = handedTimes.reduce((sum, t) => sum + t.segments, 0)
  // Rows + QC after each edit's re-cut, old and new way interleaved (the same cuts, alternating order).
  const baseView = fullCueView(base.model, base.cues, preset)
  const cuts = edited.map((m) => recut(base, m, preset))
  const full: number[] = []
  const qcOnly: number[] = []
  const rowsOnly: number[] = []
  const spliced: number[] = []
  let rebuilt = 0
  for (let round = 0; round < 4; round++) {
    cuts.forEach((cut, i) => {
      const oldWay = (): void => {
        let t = performance.now()
        const report = runQc(cut.cues, preset)
        const q = performance.now() - t
        t = performance.now()
        cueRows(cut.model, cut.cues, preset, report)
        const r = performance.now() - t
        full.push(q + r)
        qcOnly.push(q)
        rowsOnly.push(r)
      }
      const newWay = (): void => {
        const t = performance.now()
        const v = updateCueView(baseView, cut.model, cut.cues, preset)
        spliced.push(performance.now() - t)
        rebuilt += v.rebuilt.to - v.rebuilt.from
      }
      if ((round + i) % 2) {
        oldWay()
        newWay()
      } else {
        newWay()
        oldWay()
      }
    })
  }
  // The whole cut: the exporters' cutWords and the cue view's wholeCut (which keeps the planner's
  // fronts for the next re-cut), alternating which goes first.
  const exportCut: number[] = []
  const keptCut: number[] = []
  for (let round = 0; round < wholeRuns; round++) {
    const a = (): void => void exportCut.push(...timeRuns(1, () => cutWords(model, preset)))
    const b = (): void => void keptCut.push(...timeRuns(1, () => wholeCut(model, preset)))
    if (round % 2) {
      a()
      b()
    } else {
      b()
      a()
    }
  }
  const oldMedian = summarise(full).median ?? NaN
  const label = `${name.split('.')[0]} ${presetName}`
  const max = (values: readonly number[]): number => Math.round(Math.max(...values) * 1000) / 1000
  const keptMs = keptTimes.map((t) => t.ms)
  return {
    [`${label}: re-cut after a one-word edit (handed over)`]: { ...summarise(ms), target: 4, min: Math.min(...ms), max: max(ms), old: summarise(keptMs).median },
    [`${label}: re-cut after a one-word edit, p95 (handed over)`]: { value: summarise(ms).p95 ?? NaN, unit: 'ms', target: 4, old: summarise(keptMs).p95 },
    [`${label}: re-cut after a one-word edit, max (handed over)`]: { value: max(ms), unit: 'ms', target: 4, old: max(keptMs) },
    [`${label}: re-cut after a one-word edit, CPU time p95 (handed over)`]: { value: summarise(handedTimes.map((t) => t.cpu)).p95 ?? NaN, unit: 'ms', target: 4, old: summarise(keptTimes.map((t) => t.cpu)).p95 },
    [`${label}: re-cut p95 per run of the chain (handed over; median, spread over ${chainRuns} runs)`]: { ...spread(perRun.map((r) => r.p95)), target: 4 },
    [`${label}: re-cut max per run of the chain (handed over; median, spread over ${chainRuns} runs)`]: spread(perRun.map((r) => r.max)),
    [`${label}: re-cut CPU p95 per run of the chain (handed over; median, spread over ${chainRuns} runs)`]: { ...spread(perRun.map((r) => r.cpuP95)), target: 4 },
    [`${label}: re-cut after a one-word edit, CPU time (handed over)`]: { ...summarise(handedTimes.map((t) => t.cpu)), target: 4, max: max(handedTimes.map((t) => t.cpu)), old: summarise(keptTimes.map((t) => t.cpu)).median },
    [`${label}: re-cut after a one-word edit, kept (copied: the old cost)`]: { ...summarise(keptMs), min: Math.min(...keptMs), max: max(keptMs) },
    [`${label}: re-cuts over 4 ms (handed over)`]: { value: ms.filter((x) => x > 4).length, unit: `of ${ms.length}`, old: keptMs.filter((x) => x > 4).length },
    ...Object.fromEntries(
      slowest.map((t, r) => [`${label}: slowest re-cut ${r + 1} (handed over)`, { value: Math.round(t.ms * 100) / 100, unit: `ms (CPU ${t.cpu.toFixed(1)}; ${t.segments} segments, ${t.boundaries} boundaries re-planned, ${t.cues} cues drafted)` }])
    ),
    [`${label}: whole cut, keeping its state for re-cuts (wholeCut)`]: { ...summarise(keptCut), old: summarise(exportCut).median },
    [`${label}: whole cut, exporters' cutWords`]: summarise(exportCut),
    [`${label}: segments re-planned per edit (mean)`]: { value: Math.round(passages / handedTimes.length), unit: 'segments' },
    [`${label}: boundaries re-planned per edit (mean)`]: { value: Math.round(handedTimes.reduce((sum, t) => sum + t.boundaries, 0) / handedTimes.length), unit: 'boundaries' },
    [`${label}: rows + QC after the re-cut, old way (full rebuild)`]: summarise(full),
    [`${label}:   of which QC over every cue (old way)`]: summarise(qcOnly),
    [`${label}:   of which every row rebuilt (old way)`]: summarise(rowsOnly),
    [`${label}: rows + QC after the re-cut, spliced (new)`]: { ...summarise(spliced), target: 16, old: oldMedian },
    [`${label}: rows rebuilt per edit (mean, new)`]: { value: Math.round(rebuilt / spliced.length), unit: 'rows' },
    [`${label}: cues in the cut`]: { value: base.cues.length, unit: 'cues' }
  }
}

/** The cue view figures. */
export async function run(): Promise<Figures> {
  return {
    ...edits('senate-hearing-2h.dpe.json', 'netflix-en', 40),
    ...edits('senate-hearing-2h.dpe.json', 'bbc', 40),
    ...edits('soleio-interview.dpe.json', 'bbc', 20)
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [k, v] of Object.entries(figures)) console.log(k, JSON.stringify(v))
}
