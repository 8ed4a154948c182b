import type { TranscriptModel } from '../transcript/model'
import { anchorsOf } from '../transcript/cue-decisions'
import type { SubtitlePreset } from './presets'
import { frameFraction } from './presets'
import type { SegmentOptions } from './segment'
import { cutWords } from './segment'
import type { Cue } from './types'
import type { Notice } from '../i18n/notices'

/*
 * Re-cutting one passage, for a live cue view that re-cuts after each edit instead of cutting the
 * whole transcript. A passage is a run of segments between boundaries where every cut has a cue
 * boundary that cannot move: a change of speaker where the preset starts a new cue, or a silence
 * so long no cue reaches across it (the maximum duration, lead-in, gap and gap-closing together).
 *
 * At a silence boundary the passage's cues are exactly the whole cut's; at a speaker-change
 * boundary the segment before is cut along as context (see cutPassage), and passage.test.ts
 * measures how often the result still differs from the whole cut. Under `dialogue-dashes` a
 * change of speaker is no boundary, so passages are longer.
 */

/** Segments `fromSegment..toSegment` (inclusive) of a transcript. */
export interface Passage {
  readonly fromSegment: number
  readonly toSegment: number
}

function firstStart(model: TranscriptModel, from: number): number | null {
  for (let s = from; s < model.segments.length; s++) if (model.segments[s].words.length) return model.segments[s].words[0].startMs
  return null
}

function lastEnd(model: TranscriptModel, to: number): number | null {
  for (let s = to; s >= 0; s--) {
    const words = model.segments[s].words
    if (words.length) return Math.max(...words.map((w) => w.endMs))
  }
  return null
}

/** True when no cut of one side can change the other side's cues at the boundary before segment `s`. */
export function isFixedBoundary(model: TranscriptModel, preset: SubtitlePreset, s: number): boolean {
  if (s <= 0 || s >= model.segments.length) return true
  const prev = model.segments[s - 1]
  const next = model.segments[s]
  if (preset.speakerStyle === 'new-cue' && prev.speakerId !== next.speakerId) return true
  const end = lastEnd(model, s - 1)
  const start = firstStart(model, s)
  if (end === null || start === null) return true
  const { num, den } = frameFraction(preset.frameRate)
  const apart = preset.maxDurationMs + preset.maxLeadInMs + (preset.minGapFrames * num) / den + preset.gapClosingMs
  return start - end >= apart
}

/** The passage holding segment `segmentIndex`. */
export function passageAt(model: TranscriptModel, preset: SubtitlePreset, segmentIndex: number): Passage {
  let from = Math.max(0, Math.min(segmentIndex, model.segments.length - 1))
  let to = from
  while (!isFixedBoundary(model, preset, from)) from--
  while (!isFixedBoundary(model, preset, to + 1)) to++
  return { fromSegment: from, toSegment: to }
}

/**
 * The cues of one passage, cut as the whole transcript would be (cue decisions included; those
 * anchored outside the passage are left to their own passage), with the notices about decisions.
 * The segment before the passage is cut with it, as context, and its cues dropped: the cue
 * before a passage shapes its first cue's in-time and the plan's costs, so a passage cut alone
 * could start differently.
 */
export function cutPassage(model: TranscriptModel, preset: SubtitlePreset, passage: Passage, options: SegmentOptions = {}): { cues: Cue[]; notices: Notice[] } {
  const context = Math.max(0, passage.fromSegment - 1)
  const segments = model.segments.slice(context, passage.toSegment + 1)
  const ids = new Set<string>()
  for (const s of segments) for (const w of s.words) ids.add(w.id)
  const fromMs = firstStart(model, context) ?? 0
  const passageMs = firstStart(model, passage.fromSegment)
  const following = firstStart(model, passage.toSegment + 1)
  const annotations = options.annotations === 'cues' ? model.annotations.filter((a) => a.startMs >= (context === 0 ? -Infinity : fromMs) && (following === null || a.startMs < following)) : model.annotations
  const cueDecisions = model.cueDecisions?.filter((d) => anchorsOf(d).every((id) => ids.has(id)))
  const sub: TranscriptModel = { ...model, segments, annotations, cueDecisions }
  const cut = cutWords(sub, preset, options, {
    previousSpeaker: context > 0 ? model.segments[context - 1].speakerId : undefined,
    followingStartMs: following ?? Infinity
  })
  if (context === passage.fromSegment || passageMs === null) return cut
  return { cues: cut.cues.filter((c) => c.speechStartMs >= passageMs), notices: cut.notices }
}
