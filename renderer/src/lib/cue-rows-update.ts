import { firstIndexAtOrAfter } from '../../../shared/transcript/binary-search'
import type { Cue, QcBreach, QcReport, SubtitlePreset } from '../../../shared/subtitles'
import { cueBreaches, qcSummary, runQc } from '../../../shared/subtitles/qc'
import type { Segment, TranscriptModel } from '../../../shared/transcript'
import { cueRow, cueRows, segmentCueWords } from './cue-rows'
import type { CueRow, CueWord } from './cue-rows'

/*
 * The cue view's rows and QC after a re-cut, rebuilt only where the cut changed. A re-cut keeps
 * the cues outside its passage (lib/cue-recut.ts), and an edit keeps the segments it did not
 * touch, so the new rows are the old ones with one run spliced: the cues that differ (by
 * identity, or by value for a cutter that rebuilds them), widened to every row holding a word of
 * a changed segment (its words' segment or index may have moved without the cue text changing),
 * and the first cue after the run (its gap to the previous cue is judged by QC). Rows and
 * breaches after the run keep their objects when nothing moved, and are re-indexed when cues
 * were added or removed. The result equals a full rebuild (test/renderer/cue-rows-update.test.ts).
 */

/** The cue view's rows and QC report for one cut, and what they were built from (for the next update). */
export interface CueView {
  readonly model: TranscriptModel
  readonly cues: readonly Cue[]
  readonly preset: SubtitlePreset
  readonly rows: readonly CueRow[]
  readonly report: QcReport
  /** The rows this update rebuilt: [from, to) in the new rows; everything else was kept. */
  readonly rebuilt: { readonly from: number; readonly to: number }
  /** How many rows of that run are new objects (the rest showed the same and were kept). */
  readonly renewed: number
}

/** Rows and QC of a whole cut, built from scratch. */
export function fullCueView(model: TranscriptModel, cues: readonly Cue[], preset: SubtitlePreset): CueView {
  const report = runQc(cues, preset)
  return { model, cues, preset, rows: cueRows(model, cues, preset, report), report, rebuilt: { from: 0, to: cues.length }, renewed: cues.length }
}

function sameLines(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** True when two cues show and time the same (a cutter may rebuild equal cues as new objects). */
export function sameCue(a: Cue, b: Cue): boolean {
  return (
    a === b ||
    (a.startMs === b.startMs &&
      a.endMs === b.endMs &&
      a.speechStartMs === b.speechStartMs &&
      a.speechEndMs === b.speechEndMs &&
      a.wordCount === b.wordCount &&
      a.kind === b.kind &&
      sameLines(a.lines, b.lines) &&
      sameLines(a.lineSpeakers, b.lineSpeakers))
  )
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** True when two rows show the same: cue, figures, QC and words (by id, text and place). */
export function sameRow(a: CueRow, b: CueRow): boolean {
  if (a === b) return true
  if (a.index !== b.index || a.speed !== b.speed || a.durationMs !== b.durationMs || a.severity !== b.severity || a.words.length !== b.words.length) return false
  if (!sameCue(a.cue, b.cue) || !sameList(a.lineChars, b.lineChars) || !sameList(a.rules, b.rules)) return false
  for (let i = 0; i < a.words.length; i++) {
    const x = a.words[i]
    const y = b.words[i]
    if (x !== y && (x.id !== y.id || x.text !== y.text || x.segmentId !== y.segmentId || x.wordIndex !== y.wordIndex)) return false
  }
  return true
}

/** Segments [head, length - tail) of each model are the ones that differ (by identity). */
function segmentDiff(a: readonly Segment[], b: readonly Segment[]): { head: number; tail: number } {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  return { head, tail }
}

/** How many segments an edit changed (by identity): the longer list's run between the common head and tail. */
export function changedSegments(a: readonly Segment[], b: readonly Segment[]): number {
  const { head, tail } = segmentDiff(a, b)
  return Math.max(a.length, b.length) - head - tail
}

function wordTotal(segments: readonly Segment[], from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) n += segmentCueWords(segments[i]).length
  return n
}

/** The `count` cue words of `model` from word `at` on (in the order the cutter takes them). */
function wordsFrom(model: TranscriptModel, at: number, count: number): CueWord[] {
  const out: CueWord[] = []
  let seen = 0
  for (const s of model.segments) {
    const words = segmentCueWords(s)
    if (seen + words.length > at) {
      for (let i = Math.max(0, at - seen); i < words.length && out.length < count; i++) out.push(words[i])
      if (out.length >= count) break
    }
    seen += words.length
  }
  return out
}

/** The first breach index whose cue is at or after `cue` (breaches are in cue order). */
function firstBreachAt(breaches: readonly QcBreach[], cue: number): number {
  return firstIndexAtOrAfter(breaches.length, (i) => breaches[i].cueIndex, cue)
}

/**
 * The rows and QC of `cues` (cut from `model` under `preset`), rebuilt only where they differ
 * from `previous`; a full build when there is no previous view or it was under another preset.
 */
export function updateCueView(previous: CueView | null, model: TranscriptModel, cues: readonly Cue[], preset: SubtitlePreset): CueView {
  if (!previous || previous.preset !== preset) return fullCueView(model, cues, preset)
  const old = previous.cues
  if (old === cues && previous.model === model) return { ...previous, rebuilt: { from: 0, to: 0 }, renewed: 0 }

  // The cues that differ: [head, old.length - tail) in the old list, [head, cues.length - tail) in the new.
  let head = 0
  while (head < old.length && head < cues.length && sameCue(old[head], cues[head])) head++
  let tail = 0
  while (tail < old.length - head && tail < cues.length - head && sameCue(old[old.length - 1 - tail], cues[cues.length - 1 - tail])) tail++

  // Widen to the old rows holding a word of a changed segment: words [w0, w1) in the old model.
  const seg = segmentDiff(previous.model.segments, model.segments)
  const w0 = wordTotal(previous.model.segments, 0, seg.head)
  const w1 = w0 + wordTotal(previous.model.segments, seg.head, previous.model.segments.length - seg.tail)
  // Head rows must end by w0 and tail rows start from w1 (their words are then the same objects).
  let from = head
  let to = old.length - tail
  let at = 0
  for (let i = 0; i < old.length && (i < from || at < w1); i++) {
    const end = at + old[i].wordCount
    if (end > w0 && i < from) from = i
    if (at < w1 && i + 1 > to) to = i + 1
    at = end
  }
  const shift = cues.length - old.length
  // The first cue after the run is judged against a new neighbour: rebuild it too.
  const newTo = Math.min(cues.length, to + shift + 1)

  // Breaches: the head's kept, the run's judged afresh, the tail's kept (re-indexed when cues moved).
  const breaches: QcBreach[] = previous.report.breaches.slice(0, firstBreachAt(previous.report.breaches, from))
  const runBreaches: QcBreach[][] = []
  for (let k = from; k < newTo; k++) {
    const own = cueBreaches(cues, k, preset)
    runBreaches.push(own)
    for (const b of own) breaches.push(b)
  }
  for (let i = firstBreachAt(previous.report.breaches, newTo - shift); i < previous.report.breaches.length; i++) {
    const b = previous.report.breaches[i]
    breaches.push(shift === 0 ? b : { ...b, cueIndex: b.cueIndex + shift })
  }

  // Rows: the same splice; the run's words start where the head's end (head cues hold the same words).
  at = 0
  for (let i = 0; i < from; i++) at += old[i].wordCount
  let runWords = 0
  for (let k = from; k < newTo; k++) runWords += cues[k].wordCount
  const words = wordsFrom(model, at, runWords)
  const rows: CueRow[] = previous.rows.slice(0, from)
  let taken = 0
  let renewed = 0
  for (let k = from; k < newTo; k++) {
    const row = cueRow(k, cues[k], words.slice(taken, taken + cues[k].wordCount), preset, runBreaches[k - from])
    taken += cues[k].wordCount
    // A row of the run that shows what it showed (the other cues of an edited segment: its words
    // are new objects, their ids, texts and places the same) keeps its object, so it does not render again.
    const before = previous.rows[k]
    if (before && sameRow(before, row)) rows.push(before)
    else {
      rows.push(row)
      renewed++
    }
  }
  for (let i = newTo - shift; i < previous.rows.length; i++) {
    const r = previous.rows[i]
    // Same words and QC; only the cue object (a cutter may rebuild equal cues) and the index may differ.
    const cue = cues[i + shift]
    rows.push(shift === 0 && r.cue === cue ? r : { ...r, index: i + shift, cue })
  }
  const report: QcReport = { preset: preset.name, settings: preset, breaches, summary: qcSummary(cues.length, breaches) }
  return { model, cues, preset, rows, report, rebuilt: { from, to: newTo }, renewed }
}
