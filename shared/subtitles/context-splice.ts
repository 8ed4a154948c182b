import type { Language } from './line-break'
import type { SubtitlePreset } from './presets'
import type { CutConstraints } from './decisions'
import type { PlanContext, PlanToken } from './planner'
import { boundaryCosts, qcWords } from './planner'
import { charCount } from './text'
import { spliceTyped } from './splice-arrays'

/*
 * The planner's inputs after an edit (planner.ts `planContext`), made from the previous cut's by
 * splicing its arrays in place (splice-arrays.ts) and working out only the entries around the
 * changed tokens: equal to `planContext` of the edited tokens, without its loops over every
 * token (~0.5 ms and a dozen arrays the transcript's length per keystroke on the 2-hour task).
 */

/** The tokens an edit changed: `remove` old tokens at `at` replaced by `insert` new ones. */
export interface TokenSplice {
  readonly at: number
  readonly remove: number
  readonly insert: number
}

/** Whether labels or decisions may differ anywhere (not only at the changed tokens). */
export interface Redo {
  /** Speaker labels are on: every token's label is worked out again. */
  readonly labels: boolean
  /** Cue decisions on either side: every boundary's forced flag is worked out again. */
  readonly decisions: boolean
}

/**
 * `planContext(tokens, preset, language, labels, charCount, decided)` for `tokens` = the previous
 * tokens with `s` applied, from `prev` (the previous cut's context, given up: its arrays become
 * this one's).
 */
export function contextAfterEdit(prev: PlanContext, tokens: readonly PlanToken[], preset: SubtitlePreset, language: Language, labels: readonly (string | null)[], decided: CutConstraints, s: TokenSplice, redo: Redo): PlanContext {
  const n = tokens.length
  const { at, remove, insert } = s
  const end = at + insert
  // Prefix sums (whole numbers, so adding the change to the tail is exact): entry k + 1 follows token k.
  // (The old sums after the removed tokens are read before the splice moves them.)
  const charsEnd = prev.prefix[at + remove]
  const wordsEnd = prev.wordPrefix[at + remove]
  const prefix = spliceTyped(prev.prefix, at + 1, remove, insert)
  sumSpliced(prefix, charsEnd, s, (k) => tokens[k].len)
  const wordPrefix = spliceTyped(prev.wordPrefix, at + 1, remove, insert)
  sumSpliced(wordPrefix, wordsEnd, s, (k) => tokens[k].words)
  // Per token.
  const labelLen = spliceTyped(prev.labelLen, at, remove, insert)
  const labelWords = spliceTyped(prev.labelWords, at, remove, insert)
  const setLabel = (k: number): void => {
    const l = labels[k]
    labelLen[k] = l ? charCount(l) : 0
    labelWords[k] = l ? qcWords(l) : 0
  }
  if (redo.labels) for (let k = 0; k < n; k++) setLabel(k)
  else for (let k = at; k < end; k++) setLabel(k)
  // Per boundary (k: before token k; 0 and n stay 0): those next to a changed token are new.
  const lineCost = spliceTyped(prev.lineCost, at + 1, remove, insert)
  const cutCost = spliceTyped(prev.cutCost, at + 1, remove, insert)
  const forced = spliceTyped(prev.forced, at + 1, remove, insert)
  const speakerChange = spliceTyped(prev.speakerChange, at + 1, remove, insert)
  const setForced = (k: number): void => {
    const a = tokens[k - 1]
    const b = tokens[k]
    forced[k] = a.annotation || b.annotation || (speakerChange[k] === 1 && preset.speakerStyle === 'new-cue') || decided.forced[k] ? 1 : 0
  }
  for (let k = Math.max(1, at); k <= Math.min(n - 1, end); k++) {
    const c = boundaryCosts(tokens, k, language)
    lineCost[k] = c.line
    cutCost[k] = c.cut
    const a = tokens[k - 1]
    const b = tokens[k]
    speakerChange[k] = a.speakerId !== b.speakerId && !a.annotation && !b.annotation ? 1 : 0
    setForced(k)
  }
  if (redo.decisions) for (let k = 1; k < n; k++) setForced(k)
  lineCost[n] = cutCost[n] = forced[n] = speakerChange[n] = 0
  return { tokens, preset, decided, followingStartMs: prev.followingStartMs, prefix, wordPrefix, labelLen, labelWords, lineCost, cutCost, forced, speakerChange }
}

/**
 * Prefix sums spliced by `s` (their new entries zero), summed: the new tokens' entries, and the
 * tail's moved by the change (`oldEnd`: the old sum after the removed tokens).
 */
function sumSpliced(sums: Float64Array | Int32Array, oldEnd: number, s: TokenSplice, value: (k: number) => number): void {
  const { at, insert } = s
  for (let k = at; k < at + insert; k++) sums[k + 1] = sums[k] + value(k)
  const delta = sums[at + insert] - oldEnd
  if (delta !== 0) for (let k = at + insert + 1; k < sums.length; k++) sums[k] += delta
}
