import type { Cue, Passage, SegmentOptions, SubtitlePreset } from '../../../shared/subtitles'
import type { TranscriptModel } from '../../../shared/transcript'
import type { Notice } from '../../../shared/i18n/notices'
import type { CutState, LocalCut } from '../../../shared/subtitles/local-recut'
import { cutAfterEdit, cutWhole, releaseCut } from '../../../shared/subtitles/local-recut'

/*
 * The live cue view's re-cut after an edit (shared/subtitles/local-recut.ts): exactly the whole
 * cut of the edited transcript, re-planning only from the first changed word until the plan
 * meets the previous one again. Another preset or other options, or a first cut, is a whole cut.
 */

/** A cut and what it was cut from, so the next edit can re-cut only what changed. */
export interface CueCut {
  readonly model: TranscriptModel
  readonly preset: SubtitlePreset
  readonly options: SegmentOptions
  readonly cues: readonly Cue[]
  readonly notices: readonly Notice[]
  /** What this cut re-planned: the segments, or null for a whole cut. */
  readonly passage: Passage | null
  /** What the re-cut redid: boundaries re-planned, cues drafted again (null for a whole cut). */
  readonly work: { readonly boundaries: number; readonly cues: number } | null
}

// What each cut keeps for the next re-cut (planner fronts, path, drafts), out of the CueCut's shape.
const states = new WeakMap<CueCut, CutState>()

function remember(model: TranscriptModel, preset: SubtitlePreset, options: SegmentOptions, cut: LocalCut, whole: boolean): CueCut {
  const passage = whole || !cut.segments ? (whole ? null : { fromSegment: 0, toSegment: Math.max(0, model.segments.length - 1) }) : { fromSegment: cut.segments.from, toSegment: cut.segments.to }
  const out: CueCut = { model, preset, options, cues: cut.cues, notices: cut.notices, passage, work: cut.work ?? null }
  if (cut.state) states.set(out, cut.state)
  return out
}

/** Cuts the whole transcript. */
export function wholeCut(model: TranscriptModel, preset: SubtitlePreset, options: SegmentOptions = {}): CueCut {
  return remember(model, preset, options, cutWhole(model, preset, options), true)
}

/**
 * The cut of `model` after an edit, re-planning only around what changed when `previous` was
 * cut with the same preset and options; a whole cut otherwise. Either way equal to `wholeCut`.
 * `handOver`: nothing will re-cut from `previous` again (the live view moves on to the new cut),
 * so the state it keeps is spliced into the new cut's in place instead of copied (an edit then
 * allocates nothing the transcript's length); `previous`'s cues stay valid.
 */
export function recut(previous: CueCut | null, model: TranscriptModel, preset: SubtitlePreset, options: SegmentOptions = {}, handOver = false): CueCut {
  if (!previous || previous.preset !== preset || JSON.stringify(previous.options) !== JSON.stringify(options)) return wholeCut(model, preset, options)
  if (previous.model === model) return previous
  const state = states.get(previous) ?? null
  if (!state) return wholeCut(model, preset, options)
  if (handOver) states.delete(previous)
  return remember(model, preset, options, cutAfterEdit(state, model, preset, options, handOver), false)
}

/**
 * `cut` as the cut of `model`, a model equal to the one it was cut from for the cutter (the same
 * segments, equal cue decisions): the state kept for the next re-cut moves with it, so the next
 * edit re-cuts locally (a copy with `{ ...cut, model }` would lose it and make that a whole cut).
 */
export function rebindCueCut(cut: CueCut, model: TranscriptModel): CueCut {
  if (cut.model === model) return cut
  const out: CueCut = { ...cut, model }
  const state = states.get(cut)
  if (state) {
    states.delete(cut)
    states.set(out, state)
  }
  return out
}

/** True when `cut` keeps the state a local re-cut starts from (false: the next re-cut is a whole cut). */
export function canRecutLocally(cut: CueCut): boolean {
  return states.has(cut)
}

/**
 * Hands the arrays `cut` keeps for re-cutting back to the cutter's pool, for the next cut to fill
 * (the live view calls it on the cut it replaced). Its cues stay valid; a re-cut from it is a whole cut.
 */
export function releaseCueCut(cut: CueCut): void {
  const state = states.get(cut)
  if (!state) return
  states.delete(cut)
  releaseCut(state)
}
