import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { loadRealExport } from '../fixtures/real-to-export'
import { normaliseTranscript } from '../../shared/transcript/normalise'
import { setSegmentText } from '../../shared/transcript/edits'
import { resolvePreset, runQc } from '../../shared/subtitles/index'
import { recut, wholeCut } from '../../renderer/src/lib/cue-recut'
import { cutWords } from '../../shared/subtitles/segment'
import { cueRows } from '../../renderer/src/lib/cue-rows'
import { fullCueView, updateCueView } from '../../renderer/src/lib/cue-rows-update'
import { summarise, timeRuns } from './stats'
import type { Figures } from './stats'

/*
 * The live cue view on the 2-hour hearing (one speaker, no long pauses: ONE passage under every
 * preset) and on the interview (many passages under `bbc`): the re-cut after a one-word edit
 * (lib/cue-recut.ts; target < 4 ms), and the rows and QC the view builds from the new cut before
 * it paints: the old way (every row and every cue's QC rebuilt, split into its two parts, which
 * is where the time went) and the new (lib/cue-rows-update.ts: the changed run spliced), timed
 * interleaved on the same edits. The re-cut is the local one (shared/subtitles/local-recut.ts: the
 * plan redone from the edit until it meets the old one), equal to a whole cut; the whole cut that
 * keeps its state for it (wholeCut) is timed against the exporters' `cutWords`, interleaved.
 * Key-to-paint in Chromium: test/bench/cue-view-keys.ts.
 *
 *   node --import tsx test/bench/cue-view.ts
 */

function edits(name: string, presetName: string, runs: number, wholeRuns = 4): Figures {
  const model = normaliseTranscript(loadRealExport(name))
  const preset = resolvePreset(presetName)
  const base = wholeCut(model, preset)
  // Each run edits a different segment (one word appended), spread over the transcript.
  const edited = Array.from({ length: runs }, (_, i) => {
    const seg = model.segments[Math.floor(((i + 0.5) * model.segments.length) / runs)]
    return setSegmentText(model, seg.id, seg.words.map((w) => w.text).join(' ') + ' indeed')
  })
  let passages = 0
  // Warm up on other edits first (a live view re-cuts on every edit, so its re-cut runs warm): 10
  // re-cuts of segments next to the measured ones, not timed.
  for (let i = 0; i < 10; i++) {
    const seg = model.segments[Math.floor(((i + 0.25) * model.segments.length) / 10)]
    recut(base, setSegmentText(model, seg.id, seg.words.map((w) => w.text).join(' ') + ' too'), preset)
  }
  // CPU time of the same runs too: on a loaded 2-core machine wall time is mostly waiting.
  const recutCpu: number[] = []
  const recutMs = timeRuns(runs, (i) => {
    const cpu = process.cpuUsage()
    const next = recut(base, edited[i], preset)
    recutCpu.push(process.cpuUsage(cpu).user / 1000)
    passages += next.passage ? next.passage.toSegment - next.passage.fromSegment + 1 : model.segments.length
  })
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
  return {
    [`${label}: re-cut after a one-word edit`]: { ...summarise(recutMs), target: 4 },
    [`${label}: re-cut after a one-word edit, CPU time`]: { ...summarise(recutCpu), target: 4 },
    [`${label}: whole cut, keeping its state for re-cuts (wholeCut)`]: { ...summarise(keptCut), old: summarise(exportCut).median },
    [`${label}: whole cut, exporters' cutWords`]: summarise(exportCut),
    [`${label}: segments re-planned per edit (mean)`]: { value: Math.round(passages / runs), unit: 'segments' },
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
