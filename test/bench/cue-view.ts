import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { loadRealExport } from '../fixtures/real-to-export'
import { normaliseTranscript } from '../../shared/transcript/normalise'
import { setSegmentText } from '../../shared/transcript/edits'
import { resolvePreset, runQc } from '../../shared/subtitles/index'
import { recut, wholeCut } from '../../renderer/src/lib/cue-recut'
import { cueRows } from '../../renderer/src/lib/cue-rows'
import { summarise, timeRuns } from './stats'
import type { Figures } from './stats'

/*
 * The live cue view on the 2-hour hearing (one speaker, no long pauses: ONE passage under every
 * preset) and on the interview (many passages under `bbc`): the re-cut after a one-word edit
 * (lib/cue-recut.ts; target < 4 ms), and the rows and QC the view rebuilds from a new cut before
 * it paints. Key-to-paint in the browser is not measured here.
 *
 *   node --import tsx test/bench/cue-view.ts
 */

function edits(name: string, presetName: string, runs: number): Figures {
  const model = normaliseTranscript(loadRealExport(name))
  const preset = resolvePreset(presetName)
  const base = wholeCut(model, preset)
  // Each run edits a different segment (one word appended), spread over the transcript.
  const edited = Array.from({ length: runs }, (_, i) => {
    const seg = model.segments[Math.floor(((i + 0.5) * model.segments.length) / runs)]
    return setSegmentText(model, seg.id, seg.words.map((w) => w.text).join(' ') + ' indeed')
  })
  let passages = 0
  const recutMs = timeRuns(runs, (i) => {
    const next = recut(base, edited[i], preset)
    passages += next.passage ? next.passage.toSegment - next.passage.fromSegment + 1 : model.segments.length
  })
  const cut = recut(base, edited[0], preset)
  const rowsMs = timeRuns(runs, () => cueRows(cut.model, cut.cues, preset, runQc(cut.cues, preset)))
  const label = `${name.split('.')[0]} ${presetName}`
  return {
    [`${label}: passage re-cut after a one-word edit`]: { ...summarise(recutMs), target: 4 },
    [`${label}: segments re-cut per edit (mean)`]: { value: Math.round(passages / runs), unit: 'segments' },
    [`${label}: rows + QC rebuilt from the new cut`]: { ...summarise(rowsMs), target: 16 }
  }
}

/** The cue view figures. */
export async function run(): Promise<Figures> {
  return {
    ...edits('senate-hearing-2h.dpe.json', 'netflix-en', 5),
    ...edits('senate-hearing-2h.dpe.json', 'bbc', 5),
    ...edits('soleio-interview.dpe.json', 'bbc', 20)
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [k, v] of Object.entries(figures)) console.log(k, JSON.stringify(v))
}
