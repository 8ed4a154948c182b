import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadRealExport } from '../fixtures/real-to-export'
import { concatenated } from './transcript'
import { normaliseTranscript } from '../../shared/transcript/normalise'
import type { TranscriptModel } from '../../shared/transcript/model'
import { presetNames, resolvePreset, runQc, segmentCues, writeFormat } from '../../shared/subtitles/index'
import type { QcCue, QcReport, SubtitlePreset } from '../../shared/subtitles/index'
import { breakCost, breakCosts } from '../../shared/subtitles/line-break'
import { cutPassage, passageAt } from '../../shared/subtitles/passage'
import type { Passage } from '../../shared/subtitles/passage'
import { addCueDecision } from '../../shared/transcript/cue-decisions'
import { summarise } from './stats'
import type { Figure, Figures } from './stats'

/*
 * Subtitle engine figures on the 2-hour fixture (senate hearing, 14,901 words):
 * time to cut + write SRT (target < 100 ms), the cut alone on the 2- and 6-hour tasks, one
 * passage re-cut with cue decisions (target < 4 ms, for a live cue view), and QC of our cues next to a naive cutter's
 * (fixed characters per cue, greedy, timed to its words) on the same input.
 *
 *   node --import tsx test/bench/subtitles.ts
 */


const fixture = 'senate-hearing-2h.dpe.json'

/** The naive cutter: fill each cue up to lines x chars, wrap lines greedily, time it to its words. */
export function naiveCues(model: TranscriptModel, preset: SubtitlePreset): (QcCue & { breaks: [string, string][] })[] {
  const words = model.segments.flatMap((s) => s.words).filter((w) => w.text.trim())
  const limit = preset.maxCharsPerLine * preset.maxLines
  const cues: (QcCue & { breaks: [string, string][] })[] = []
  let k = 0
  while (k < words.length) {
    const from = k
    let chars = words[k].text.length
    k++
    while (k < words.length && chars + 1 + words[k].text.length <= limit) chars += 1 + words[k++].text.length
    const run = words.slice(from, k)
    const lines: string[] = []
    const breaks: [string, string][] = []
    let line = ''
    run.forEach((w, i) => {
      if (line && line.length + 1 + w.text.length > preset.maxCharsPerLine) {
        lines.push(line)
        breaks.push([run[i - 1].text, w.text])
        line = w.text
      } else line = line ? `${line} ${w.text}` : w.text
    })
    lines.push(line)
    if (k < words.length) breaks.push([words[k - 1].text, words[k].text])
    cues.push({ startMs: run[0].startMs, endMs: run[run.length - 1].endMs, lines, breaks })
  }
  return cues
}

/** Share of line and cue breaks that split a pair the guides say never to split. */
function forbiddenShare(pairs: [string, string][]): number {
  if (!pairs.length) return 0
  return pairs.filter(([a, b]) => breakCost(a, b) === breakCosts.forbidden).length / pairs.length
}

const summary = (values: number[]): Figure => summarise(values, 1)

function round(value: number): number {
  return Math.round(value * 10) / 10
}

function qcFigures(prefix: string, report: QcReport, breakShare: number): Figures {
  const s = report.summary
  return {
    [`${prefix} cues`]: { value: s.cues, unit: 'cues' },
    [`${prefix} hard breaches`]: { value: s.hard, unit: 'breaches' },
    [`${prefix} too-many-lines breaches`]: { value: s.byRule.lines ?? 0, unit: 'cues' },
    [`${prefix} overlap breaches`]: { value: s.byRule.overlap ?? 0, unit: 'cues' },
    [`${prefix} soft-breach share`]: { value: round(s.softBreachShare * 100), unit: '% of cues' },
    [`${prefix} reading-speed breaches`]: { value: s.byRule['reading-speed'] ?? 0, unit: 'cues' },
    [`${prefix} min-duration breaches`]: { value: s.byRule['min-duration'] ?? 0, unit: 'cues' },
    [`${prefix} max-duration breaches`]: { value: s.byRule['max-duration'] ?? 0, unit: 'cues' },
    [`${prefix} min-gap breaches`]: { value: s.byRule['min-gap'] ?? 0, unit: 'cues' },
    [`${prefix} breaks inside never-split pairs`]: { value: round(breakShare * 100), unit: '% of breaks' }
  }
}

/** Runs the subtitle benchmark. */
export async function run(): Promise<Figures> {
  const model = normaliseTranscript(loadRealExport(fixture))
  const figures: Figures = {}
  for (const name of presetNames) {
    const preset = resolvePreset(name)
    const times: number[] = []
    for (let i = 0; i < 23; i++) {
      const t0 = performance.now()
      const out = await writeFormat('srt', model, { preset })
      const dt = performance.now() - t0
      if ((out.content as string).length === 0) throw new Error('empty SRT')
      if (i >= 3) times.push(dt) // the first runs warm the JIT up
    }
    figures[`cut + write SRT, 2 h, ${name}`] = summary(times)
  }

  // The 6-hour task (the hearing three times, back to back) and QC on its own.
  const six = normaliseTranscript(concatenated(loadRealExport('senate-hearing-2h.dpe.json'), 3))
  const netflix = resolvePreset('netflix-en')
  const timed = async (runs: number, fn: () => unknown): Promise<number[]> => {
    const out: number[] = []
    for (let i = 0; i < runs + 2; i++) {
      const t0 = performance.now()
      await fn()
      if (i >= 2) out.push(performance.now() - t0)
    }
    return out
  }
  figures['cut + write SRT, 6 h, netflix-en'] = summary(await timed(8, () => writeFormat('srt', six, { preset: netflix })))
  const cues2h = segmentCues(model, netflix).cues
  const cues6h = segmentCues(six, netflix).cues
  figures['QC, 2 h, netflix-en'] = summary(await timed(20, () => runQc(cues2h, netflix)))
  figures['QC, 6 h, netflix-en'] = summary(await timed(8, () => runQc(cues6h, netflix)))

  // The cut alone (no writer), whole transcript, and one passage re-cut as a live cue view would
  // after an edit (passage.ts): every passage of the 2-hour task in turn, with a cue decision in each.
  for (const name of ['netflix-en', 'bbc'] as const) {
    const p = resolvePreset(name)
    figures[`cut only, 2 h, ${name}`] = summary(await timed(10, () => segmentCues(model, p)))
    figures[`cut only, 6 h, ${name}`] = summary(await timed(4, () => segmentCues(six, p)))
    const passages: Passage[] = []
    for (let s = 0; s < model.segments.length; ) {
      const passage = passageAt(model, p, s)
      passages.push(passage)
      s = passage.toSegment + 1
    }
    let decided = model
    for (const passage of passages) {
      const words = model.segments[passage.toSegment].words
      if (words.length > 2) decided = addCueDecision(decided, { kind: 'break-before', wordId: words[Math.floor(words.length / 2)].id })
    }
    const perPassage: number[] = []
    for (let round = 0; round < 3; round++) {
      for (const passage of passages) {
        const t0 = performance.now()
        cutPassage(decided, p, passage)
        if (round > 0) perPassage.push(performance.now() - t0)
      }
    }
    figures[`passage re-cut, 2 h, ${name} (${passages.length} passages, largest ${Math.max(...passages.map((x) => x.toSegment - x.fromSegment + 1))} segments)`] = summary(perPassage)
  }

  const preset = resolvePreset('netflix-en')
  const ours = segmentCues(model, preset).cues
  const ourPairs: [string, string][] = []
  const words = model.segments.flatMap((s) => s.words).filter((w) => w.text.trim())
  // Our breaks, recovered from the cue lines (the word before and after each line/cue end).
  let w = 0
  for (const cue of ours) {
    for (const line of cue.lines) {
      const n = line.split(' ').filter(Boolean).length
      w += n
      if (w < words.length) ourPairs.push([words[w - 1].text, words[w].text])
    }
  }
  Object.assign(figures, qcFigures('netflix-en ours:', runQc(ours, preset), forbiddenShare(ourPairs)))
  const naive = naiveCues(model, preset)
  Object.assign(figures, qcFigures('netflix-en naive (84 chars/cue):', runQc(naive, preset), forbiddenShare(naive.flatMap((c) => c.breaks))))
  for (const name of ['bbc', 'web'] as const) {
    const other = resolvePreset(name)
    const ourReport = runQc(segmentCues(model, other).cues, other).summary
    const naiveReport = runQc(naiveCues(model, other), other).summary
    figures[`${name} ours: hard breaches`] = { value: ourReport.hard, unit: 'breaches' }
    figures[`${name} ours: soft-breach share`] = { value: round(ourReport.softBreachShare * 100), unit: '% of cues' }
    figures[`${name} naive: hard breaches`] = { value: naiveReport.hard, unit: 'breaches' }
    figures[`${name} naive: soft-breach share`] = { value: round(naiveReport.softBreachShare * 100), unit: '% of cues' }
  }
  return figures
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit}${f.runs ? ` (median of ${f.runs}, p95 ${f.p95})` : ''}`)
}
