import type { CueDecision } from '../transcript/cue-decisions'
import { breakIntoLines } from './line-break'
import type { SubtitlePreset } from './presets'
import { charCount } from './text'
import { notice, type Notice } from '../i18n/notices'
import type { ArraySource } from './array-pool'
import { freshArrays } from './array-pool'

/*
 * The reviewer's cue decisions (shared/transcript/cue-decisions.ts) turned into constraints on
 * the cut: cuts that must happen, cuts that must not, and times a cue must take. A decision that
 * would break a hard rule (a kept range too long for one cue, across a speaker change the preset
 * cuts at, or across a forced break) is refused with a message; the cut goes on without it.
 */

/** What the planner needs of a token to check decisions against the hard rules. */
export interface DecisionToken {
  readonly text: string
  readonly wordId: string | null
  readonly speakerId: string | null
  readonly annotation: boolean
}

/** A cue whose words and times the reviewer locked, in token indexes and media ms. */
export interface LockedCue {
  readonly from: number
  readonly to: number
  readonly startMs: number
  readonly endMs: number
}

/** The decisions as constraints over token boundaries (index k: the boundary before token k). */
export interface CutConstraints {
  /** 1 where a cue must end before token k. */
  readonly forced: Uint8Array
  /** 1 where no cue may end before token k (inside a kept or locked range). */
  readonly together: Uint8Array
  /** Nudge of the in-time of the cue starting at token k, ms (0: none). */
  readonly nudgeIn: Float64Array
  /** Nudge of the out-time of the cue ending with token k, ms (0: none). */
  readonly nudgeOut: Float64Array
  /** Locked cues by their first token. */
  readonly locks: ReadonlyMap<number, LockedCue>
  /** Decisions refused or clamped, for people (codes the renderer translates; noticeText for English). */
  readonly notices: Notice[]
}

/** Constraints for `tokens` from `decisions`; with none, every array is zero. */
export function cutConstraints(tokens: readonly DecisionToken[], decisions: readonly CueDecision[] | undefined, preset: SubtitlePreset, arrays: ArraySource = freshArrays): CutConstraints {
  const n = tokens.length
  const c = { forced: arrays.u8(n + 1), together: arrays.u8(n + 1), nudgeIn: arrays.f64(n + 1), nudgeOut: arrays.f64(n + 1), locks: new Map<number, LockedCue>(), notices: [] as Notice[] }
  if (!decisions || decisions.length === 0) return c
  const index = new Map<string, number>()
  tokens.forEach((t, k) => {
    if (t.wordId !== null) index.set(t.wordId, k)
  })
  const at = (id: string): number | undefined => index.get(id)
  // Breaks and nudges first: a kept range must not contain one.
  for (const d of decisions) {
    if (d.kind === 'break-before') {
      const k = at(d.wordId)
      if (k === undefined) c.notices.push(notice('cut.break-unanchored'))
      else if (k > 0) c.forced[k] = 1
    } else if (d.kind === 'nudge') {
      const k = at(d.wordId)
      if (k === undefined) {
        c.notices.push(notice('cut.nudge-unanchored'))
        continue
      }
      const delta = Math.max(-2000, Math.min(2000, Math.round(d.deltaMs)))
      if (d.edge === 'in') {
        if (k > 0) c.forced[k] = 1
        c.nudgeIn[k] = delta
      } else {
        if (k + 1 < n) c.forced[k + 1] = 1
        c.nudgeOut[k] = delta
      }
    }
  }
  for (const d of decisions) {
    if (d.kind !== 'keep-together' && d.kind !== 'lock') continue
    const a = at(d.fromWordId)
    const b = at(d.toWordId)
    const what = notice(d.kind === 'lock' ? 'cut.what.lock' : 'cut.what.keep-together')
    if (a === undefined || b === undefined || b < a) {
      c.notices.push(notice('cut.range-unmatched', { what }))
      continue
    }
    const why = rangeProblem(tokens, a, b, c.forced, preset)
    if (why) {
      c.notices.push(notice('cut.range-refused', { what, from: tokens[a].text, to: tokens[b].text, why }))
      continue
    }
    for (let k = a + 1; k <= b; k++) c.together[k] = 1
    if (d.kind === 'lock') {
      if (a > 0) c.forced[a] = 1
      if (b + 1 < n) c.forced[b + 1] = 1
      c.locks.set(a, { from: a, to: b + 1, startMs: d.startMs, endMs: d.endMs })
    }
  }
  return c
}

/** Why tokens a..b cannot share one cue under the preset, or null when they can. */
function rangeProblem(tokens: readonly DecisionToken[], a: number, b: number, forced: Uint8Array, preset: SubtitlePreset): Notice | null {
  let changeAt = -1
  for (let k = a + 1; k <= b; k++) {
    if (forced[k]) return notice('cut.why.forced-break', { word: tokens[k].text })
    if (tokens[k].annotation || tokens[k - 1].annotation) return notice('cut.why.annotation')
    if (tokens[k].speakerId !== tokens[k - 1].speakerId) {
      if (preset.speakerStyle === 'new-cue') return notice('cut.why.speaker-change')
      if (changeAt >= 0) return notice('cut.why.three-speakers')
      changeAt = k
    }
  }
  const words = tokens.slice(a, b + 1).map((t) => t.text)
  if (changeAt >= 0) {
    const dash = charCount(preset.dialogueDash)
    const side = (x: number, y: number): number => words.slice(x - a, y - a).reduce((s, w) => s + charCount(w) + 1, -1) + dash
    if (preset.maxLines < 2 || side(a, changeAt) > preset.maxCharsPerLine || side(changeAt, b + 1) > preset.maxCharsPerLine) return notice('cut.why.dialogue-too-long')
    return null
  }
  if (!breakIntoLines(words, preset.maxCharsPerLine, preset.maxLines)) return notice('cut.why.too-long', { lines: preset.maxLines, chars: preset.maxCharsPerLine })
  return null
}
