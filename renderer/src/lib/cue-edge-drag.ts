import type { Cue, SubtitlePreset } from '../../../shared/subtitles'
import { frameToMs, msToFrame } from '../../../shared/subtitles/presets'
import { cleanText } from '../../../shared/subtitles/text'
import { addCueDecision, maxNudgeMs } from '../../../shared/transcript/edits'
import type { CueDecision } from '../../../shared/transcript/edits'
import type { TranscriptModel } from '../../../shared/transcript'
import { recut } from './cue-recut'
import type { CueCut } from './cue-recut'
import type { CueRow } from './cue-rows'

/*
 * A cue's edge dragged (on the waveform) or typed to a time, as the nudge decision the cutter
 * understands (docs/subtitles.md#cue-decisions): anchored to the cue's first word (in) or last
 * word (out), whole frames of the preset, within ±maxNudgeMs of where the cutter would put the
 * edge, and kept off the neighbouring cues by the preset's minimum gap. A locked cue keeps its
 * lock's times, so its edges are refused. Pure: the store applies what this plans.
 */

type Nudge = Extract<CueDecision, { kind: 'nudge' }>

/** Why an edge cannot move. */
export type EdgeRefusal = 'no-cue' | 'locked' | 'no-room'

/** What a drag of an edge to a time comes to. */
export type EdgePlan =
  | {
      readonly ok: true
      readonly edge: 'in' | 'out'
      readonly wordId: string
      /** The nudge to record (the total from the cutter's own time, not from the edge as shown). */
      readonly deltaMs: number
      /** Where the edge goes, cue time (programme offset included), on a frame. */
      readonly ms: number
      /** What held the edge short of where it was dragged, or null when it went all the way. */
      readonly clamped: 'neighbour' | 'self' | 'nudge' | null
      /** The nudge already on that edge, which the new one replaces. */
      readonly old: Nudge | undefined
    }
  | { readonly ok: false; readonly reason: EdgeRefusal }

/** The span (cue ms) an edge of cue `index` may take: after the previous cue and its gap, before the next. */
export function edgeRange(rows: readonly CueRow[], index: number, edge: 'in' | 'out', preset: SubtitlePreset, durationMs: number | null): { lo: number; hi: number } {
  const row = rows[index]
  const frame = frameToMs(1, preset.frameRate)
  const gap = frameToMs(preset.minGapFrames, preset.frameRate)
  if (edge === 'in') {
    const prev = rows[index - 1]
    return { lo: prev ? prev.cue.endMs + gap : preset.startOffsetMs, hi: row.cue.endMs - frame }
  }
  const next = rows[index + 1]
  const end = durationMs && durationMs > 0 ? preset.startOffsetMs + durationMs : Infinity
  return { lo: row.cue.startMs + frame, hi: next ? Math.min(next.cue.startMs - gap, end) : end }
}

/**
 * The nudge that puts the `edge` of cue `index` at `targetMs` (cue time), clamped to the room
 * around the cue and the nudge's own limit, on a frame of the preset.
 */
export function planEdge(rows: readonly CueRow[], index: number, edge: 'in' | 'out', targetMs: number, preset: SubtitlePreset, decisions: readonly CueDecision[], durationMs: number | null = null): EdgePlan {
  const row = rows[index]
  if (!row || row.words.length === 0) return { ok: false, reason: 'no-cue' }
  const first = row.words[0].id
  if (decisions.some((d) => d.kind === 'lock' && d.fromWordId === first)) return { ok: false, reason: 'locked' }
  const wordId = edge === 'in' ? first : row.words[row.words.length - 1].id
  const old = decisions.find((d): d is Nudge => d.kind === 'nudge' && d.edge === edge && d.wordId === wordId)
  const now = edge === 'in' ? row.cue.startMs : row.cue.endMs
  // Where the cutter puts the edge without this nudge (approximately: the store settles it by a trial cut).
  const base = now - (old?.deltaMs ?? 0)
  const room = edgeRange(rows, index, edge, preset, durationMs)
  const lo = Math.max(room.lo, base - maxNudgeMs)
  const hi = Math.min(room.hi, base + maxNudgeMs)
  // What a bound is: the nudge's own limit, the cue's other edge (a cue keeps a frame), or a neighbour.
  const heldBy = (side: 'lo' | 'hi'): 'neighbour' | 'self' | 'nudge' => {
    if ((side === 'lo' ? lo : hi) !== (side === 'lo' ? room.lo : room.hi)) return 'nudge'
    return (edge === 'in') === (side === 'hi') ? 'self' : 'neighbour'
  }
  if (lo > hi) return { ok: false, reason: 'no-room' }
  const frame = frameToMs(1000, preset.frameRate) / 1000
  const offset = preset.startOffsetMs
  // Whole frames from the edge as it stands (the cutter put it on a frame), written as the cutter
  // writes a frame (frameToMs plus the offset) so the edge lands on exactly that ms, never outside the room.
  const nowFrame = msToFrame(now - offset, preset.frameRate)
  const at = (frames: number): number => frameToMs(nowFrame + frames, preset.frameRate) + offset
  let frames = Math.round((Math.min(hi, Math.max(lo, targetMs)) - now) / frame)
  while (frames > 0 && at(frames) > hi) frames--
  while (frames < 0 && at(frames) < lo) frames++
  const ms = at(frames)
  const deltaMs = Math.max(-maxNudgeMs, Math.min(maxNudgeMs, (old?.deltaMs ?? 0) + (ms - now)))
  const clamped = Math.abs(targetMs - ms) <= frame ? null : heldBy(targetMs < ms ? 'lo' : 'hi')
  return { ok: true, edge, wordId, deltaMs, ms, clamped, old }
}

/** The cue time of the `edge` of the cue holding word `wordId` in `cues` (cut from `model`), or null. */
export function edgeOfWord(model: TranscriptModel, cues: readonly Cue[], wordId: string, edge: 'in' | 'out'): number | null {
  // The cutter keeps every word with text once, in order (as lib/cue-rows walks them).
  let k = 0
  let at = -1
  for (const s of model.segments) {
    for (const w of s.words) {
      if (!cleanText(w.text)) continue
      if (w.id === wordId) at = k
      k++
    }
    if (at >= 0) break
  }
  if (at < 0) return null
  let seen = 0
  for (const c of cues) {
    seen += c.wordCount
    if (seen > at) return edge === 'in' ? c.startMs : c.endMs
  }
  return null
}

/** A settled nudge, and the trial cut made with the nudge planned (the final cut when the two agree). */
export interface SettledEdge {
  readonly deltaMs: number
  readonly trial: { readonly deltaMs: number; readonly cut: CueCut } | null
}

/**
 * The nudge that really lands the edge at `plan.ms`. The cutter applies a nudge to the edge it
 * timed before chaining a short gap (timing.ts), which can differ from the edge as shown: a trial
 * re-cut of the touched passage with the planned nudge shows the offset, and the nudge is
 * corrected by it (still within ±maxNudgeMs). A nudge of 0 would let the cutter chain the edge
 * again, so it is 1 ms (under a frame), which pins the edge where it is.
 */
export function settleEdge(cut: CueCut, plan: Extract<EdgePlan, { ok: true }>): SettledEdge {
  const planned = plan.deltaMs || 1
  let trial: CueCut
  try {
    trial = recut(cut, addCueDecision(cut.model, { kind: 'nudge', edge: plan.edge, wordId: plan.wordId, deltaMs: planned }), cut.preset, cut.options)
  } catch {
    return { deltaMs: planned, trial: null }
  }
  const got = edgeOfWord(trial.model, trial.cues, plan.wordId, plan.edge)
  if (got === null) return { deltaMs: planned, trial: null }
  const deltaMs = Math.max(-maxNudgeMs, Math.min(maxNudgeMs, planned + Math.round(plan.ms - got))) || 1
  return { deltaMs, trial: { deltaMs: planned, cut: trial } }
}
