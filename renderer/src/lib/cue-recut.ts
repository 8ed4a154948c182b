import type { Cue, Passage, SegmentOptions, SubtitlePreset } from '../../../shared/subtitles'
import { cutPassage, passageAt } from '../../../shared/subtitles'
import { cutWords } from '../../../shared/subtitles/segment'
import type { TranscriptModel } from '../../../shared/transcript'
import { anchorsOf } from '../../../shared/transcript/cue-decisions'
import type { Notice } from '../../../shared/i18n/notices'

/*
 * The live cue view's re-cut after an edit: only the passage holding the segments the edit
 * changed (shared/subtitles/passage.ts), spliced into the previous cues. Passages end at fixed
 * boundaries (a long silence, a speaker change under `new-cue`), so the cues on either side stay
 * as they were; anything the splice cannot place (first cut, another preset, annotations as cues
 * changed) is a whole cut.
 */

/** A cut and what it was cut from, so the next edit can re-cut only what changed. */
export interface CueCut {
  readonly model: TranscriptModel
  readonly preset: SubtitlePreset
  readonly options: SegmentOptions
  readonly cues: readonly Cue[]
  readonly notices: readonly Notice[]
  /** What this cut re-did: the passage, or null for a whole cut. */
  readonly passage: Passage | null
}

/** Cuts the whole transcript. */
export function wholeCut(model: TranscriptModel, preset: SubtitlePreset, options: SegmentOptions = {}): CueCut {
  const { cues, notices } = cutWords(model, preset, options)
  return { model, preset, options, cues, notices, passage: null }
}

/** The range of `after`'s segments that differ from `before`'s (by identity), or null when none. */
export function changedSegments(before: TranscriptModel, after: TranscriptModel): { from: number; to: number } | null {
  const a = before.segments
  const b = after.segments
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  if (head === a.length && head === b.length) return null
  // A pure deletion leaves no new segment: its neighbours are what changed.
  const from = Math.max(0, Math.min(head, b.length - 1))
  const to = Math.max(from, Math.min(b.length - 1 - tail, b.length - 1))
  return { from, to }
}

/** Segment indices (in `model`) of the words the decisions that differ between the two lists anchor to. */
function decisionSegments(before: TranscriptModel, after: TranscriptModel): number[] {
  if (before.cueDecisions === after.cueDecisions) return []
  const key = (d: object): string => JSON.stringify(d)
  const old = new Set((before.cueDecisions ?? []).map(key))
  const now = new Set((after.cueDecisions ?? []).map(key))
  const ids = new Set<string>()
  for (const d of [...(before.cueDecisions ?? []), ...(after.cueDecisions ?? [])]) if (!(old.has(key(d)) && now.has(key(d)))) anchorsOf(d).forEach((id) => ids.add(id))
  const out: number[] = []
  after.segments.forEach((s, i) => s.words.some((w) => ids.has(w.id)) && out.push(i))
  return out
}

function lastStart(model: TranscriptModel, s: number): number {
  for (let k = s; k >= 0; k--) {
    const words = model.segments[k].words
    if (words.length) return words[words.length - 1].startMs
  }
  return -Infinity
}

function firstStart(model: TranscriptModel, s: number): number {
  for (let k = s; k < model.segments.length; k++) if (model.segments[k].words.length) return model.segments[k].words[0].startMs
  return Infinity
}

/**
 * The cut of `model` after an edit, re-cutting only the passage the edit touched when `previous`
 * was cut with the same preset and options; a whole cut otherwise.
 */
export function recut(previous: CueCut | null, model: TranscriptModel, preset: SubtitlePreset, options: SegmentOptions = {}): CueCut {
  if (!previous || previous.preset !== preset || JSON.stringify(previous.options) !== JSON.stringify(options)) return wholeCut(model, preset, options)
  if (previous.model === model) return previous
  if (options.annotations === 'cues' && previous.model.annotations !== model.annotations) return wholeCut(model, preset, options)
  if (model.segments.length === 0) return { ...wholeCut(model, preset, options) }
  const range = changedSegments(previous.model, model)
  const touched = decisionSegments(previous.model, model)
  if (range === null && touched.length === 0) return { ...previous, model }
  // One segment either side too: a segment left without words reads as a boundary to passageAt,
  // yet the old cues may have run across it.
  const lo = Math.max(0, Math.min(range?.from ?? Infinity, ...touched) - 1)
  const hi = Math.min(model.segments.length - 1, Math.max(range?.to ?? -Infinity, ...touched) + 1)
  const passage: Passage = { fromSegment: passageAt(model, preset, lo).fromSegment, toSegment: passageAt(model, preset, hi).toSegment }
  const cut = cutPassage(model, preset, passage, options)
  // The passage's old cues lie after the last word start before it and before the first word after it.
  const after = passage.fromSegment > 0 ? lastStart(model, passage.fromSegment - 1) : -Infinity
  const before = passage.toSegment + 1 < model.segments.length ? firstStart(model, passage.toSegment + 1) : Infinity
  const inside = (c: Cue): boolean => c.speechStartMs > after && c.speechStartMs < before
  const first = previous.cues.findIndex(inside)
  const head = first < 0 ? previous.cues.filter((c) => c.speechStartMs <= after) : previous.cues.slice(0, first)
  const tail = previous.cues.slice(head.length).filter((c) => !inside(c))
  return { model, preset, options, cues: [...head, ...cut.cues, ...tail], notices: cut.notices, passage }
}
