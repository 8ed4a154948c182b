import type { Annotation, Segment, TranscriptModel } from '../transcript/model'
import type { SubtitlePreset } from './presets'
import type { Cue } from './types'
import type { Notice } from '../i18n/notices'
import type { CutConstraints, LockedCue } from './decisions'
import { cutConstraints } from './decisions'
import type { DraftCue, TimingState } from './timing'
import { timeWithState } from './timing'
import { retime } from './timing-local'
import { createArrayPool } from './array-pool'
import type { Label, Plan, PlanContext } from './planner'
import { planContext, planOf, runPlan } from './planner'
import { contextAfterEdit } from './context-splice'
import { copyTyped, spliceList, spliceTyped } from './splice-arrays'
import type { SegmentOptions, Token } from './segment'
import { annotationToken, cutWords, draft, labelsOf, pushWordTokens, withAnnotations } from './segment'
import { charCount } from './text'
import type { PlanState } from './plan-resync'
import { exactLedger, resyncPlan, trueLabel } from './plan-resync'

/*
 * The cut after an edit, equal to a whole cut (`cutWords`) but redoing only what the edit can
 * change (docs/subtitles.md#re-cutting-after-an-edit). A cut keeps its tokens (made once per
 * segment object: an edit keeps untouched segments), the planner's fronts, the chosen path and
 * the drafted cues. The live view hands each cut over to the next (`handOver`): its arrays are
 * spliced in place (splice-arrays.ts, context-splice.ts), so a keystroke allocates only what it
 * re-plans. After an edit: the tokens that differ, the planner re-run from there until
 * its fronts meet the old ones (plan-resync.ts), the path back from the end along the old path
 * until it enters the re-run, new labels there, and the old path again once they rejoin it; only
 * the cues in between are drafted again, and timed again with the ripple their timing causes
 * (timing-local.ts).
 */

/** What a cut keeps so the next edit's cut can reuse it. */
export interface CutState {
  readonly preset: SubtitlePreset
  readonly mode: string
  readonly language: string
  readonly tokens: readonly Token[]
  readonly labels: readonly (string | null)[]
  readonly decided: CutConstraints
  /** Whether the model cut had cue decisions (without any, every constraint is zero). */
  readonly decisions: boolean
  readonly ctx: PlanContext
  readonly plan: PlanState
  /** For each cue of the path: the boundary it ends at and its label there. */
  readonly ends: Int32Array
  readonly qs: Int32Array
  readonly drafts: readonly DraftCue[]
  /** The timing pass's own state, so the next one re-times only around the change (timing-local.ts). */
  readonly timing: TimingState
  /** The segments cut, and the token index where each one's tokens start (one more entry: the end; empty with annotations as cues). */
  readonly segments: readonly Segment[]
  readonly segmentStarts: Int32Array
}

// The planner's per-token arrays of cuts given back (`releaseCut`), for the next cut to fill.
const pool = createArrayPool()
// States given back: their arrays may now belong to another cut, so no re-cut starts from them.
const released = new WeakSet<CutState>()

/**
 * Gives the arrays of a cut's state back for the next cut to reuse: call it when nothing will
 * re-cut from `state` again (the live view has moved on to the cut made from it). A later
 * `cutAfterEdit` from it is then a whole cut. The cut's cues and notices stay valid.
 */
export function releaseCut(state: CutState): void {
  if (released.has(state)) return
  released.add(state)
  const c = state.ctx
  const dc = state.decided
  pool.give(c.prefix, c.wordPrefix, c.labelLen, c.labelWords, c.lineCost, c.cutCost, c.forced, c.speakerChange, dc.forced, dc.together, dc.nudgeIn, dc.nudgeOut)
}

/** A cut's cues and notices, the state for the next re-cut (null when it cannot be reused), and the segments re-planned. */
export interface LocalCut {
  readonly cues: Cue[]
  readonly notices: Notice[]
  readonly state: CutState | null
  readonly segments: { readonly from: number; readonly to: number } | null
  /** What a re-cut redid (for benchmarks): boundaries re-planned and cues drafted again; null for a whole cut. */
  readonly work?: { readonly boundaries: number; readonly cues: number } | null
}

// Tokens per segment object (and per annotation): an unchanged segment gives the very same
// tokens, so comparing tokens is comparing references. Each segment gets its own paragraph
// number, which is all the planner asks of it (equal within a segment, different across).
const segmentTokens = new WeakMap<Segment, Token[]>()
const annotationTokens = new WeakMap<Annotation, Token>()
let serial = 0

function tokensOfSegment(segment: Segment): Token[] {
  let own = segmentTokens.get(segment)
  if (!own) {
    own = []
    pushWordTokens(own, segment, serial++)
    segmentTokens.set(segment, own)
  }
  return own
}

function tokensOf(model: TranscriptModel, mode: string): { tokens: Token[]; segmentStarts: Int32Array } {
  const tokens: Token[] = []
  const segmentStarts = new Int32Array(model.segments.length + 1)
  model.segments.forEach((segment, s) => {
    segmentStarts[s] = tokens.length
    for (const t of tokensOfSegment(segment)) tokens.push(t)
  })
  segmentStarts[model.segments.length] = tokens.length
  if (mode !== 'cues') return { tokens, segmentStarts }
  const tokenOf = (a: Annotation): Token => {
    let t = annotationTokens.get(a)
    if (!t) annotationTokens.set(a, (t = annotationToken(a)))
    return t
  }
  // Annotation tokens sit between words: segment starts are not used in this mode.
  return { tokens: withAnnotations(tokens, model, tokenOf), segmentStarts: new Int32Array(0) }
}

/** What an edit changed in the token stream: `remove` old tokens at `at` replaced by `insert`. */
interface TokenEdit {
  readonly at: number
  readonly remove: number
  readonly insert: Token[]
  readonly segmentStarts: Int32Array
}

/** How many leading and (after those) trailing entries `a` and `b` share, by identity. */
function sameEnds<T>(a: readonly T[], b: readonly T[]): { head: number; tail: number } {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  return { head, tail }
}

/**
 * The tokens `model` changes from `prev`'s: where segments are unchanged (by identity) their
 * tokens are the same, so only the changed segments' tokens are looked up. (Annotations as cues
 * interleave with the words: then every token is looked up and compared.)
 */
function tokenEdit(prev: CutState, model: TranscriptModel, mode: string): TokenEdit {
  if (prev.segmentStarts.length === 0 || mode === 'cues') {
    const fresh = tokensOf(model, mode)
    const a = prev.tokens
    const b = fresh.tokens
    const { head: h, tail: t } = sameEnds(a, b)
    return { at: h, remove: a.length - h - t, insert: b.slice(h, b.length - t), segmentStarts: fresh.segmentStarts }
  }
  const a = prev.segments
  const b = model.segments
  const { head: sh, tail: st } = sameEnds(a, b)
  const old = prev.segmentStarts
  const middle: Token[] = []
  const segmentStarts = new Int32Array(b.length + 1)
  segmentStarts.set(old.subarray(0, sh + 1))
  for (let s = sh; s < b.length - st; s++) {
    segmentStarts[s] = old[sh] + middle.length
    for (const t of tokensOfSegment(b[s])) middle.push(t)
  }
  const tailFrom = old[a.length - st]
  const shift = old[sh] + middle.length - tailFrom
  for (let s = b.length - st; s <= b.length; s++) segmentStarts[s] = old[s - b.length + a.length] + shift
  return { at: old[sh], remove: tailFrom - old[sh], insert: middle, segmentStarts }
}

/**
 * A copy of `s` that a re-cut may splice in place (`s` stays as it is: a trial re-cut, a test).
 * What a re-cut only reads (path, drafts, timing, ledger) is shared.
 */
function copyState(s: CutState): CutState {
  const c = s.ctx
  const dc = s.decided
  const decided: CutConstraints = { ...dc, forced: copyTyped(dc.forced), together: copyTyped(dc.together), nudgeIn: copyTyped(dc.nudgeIn), nudgeOut: copyTyped(dc.nudgeOut) }
  const ctx: PlanContext = {
    ...c,
    decided,
    prefix: copyTyped(c.prefix),
    wordPrefix: copyTyped(c.wordPrefix),
    labelLen: copyTyped(c.labelLen),
    labelWords: copyTyped(c.labelWords),
    lineCost: copyTyped(c.lineCost),
    cutCost: copyTyped(c.cutCost),
    forced: copyTyped(c.forced),
    speakerChange: copyTyped(c.speakerChange)
  }
  return { ...s, tokens: s.tokens.slice(), labels: s.labels.slice(), decided, ctx, plan: { fronts: s.plan.fronts.slice(), ledger: s.plan.ledger } }
}

/** Constraints without decisions (every array zero) for `n` tokens, from the old ones (given up). */
function noConstraints(old: CutConstraints, n: number): CutConstraints {
  const d = n + 1 - old.forced.length
  const at = 0
  const remove = Math.max(0, -d)
  const insert = Math.max(0, d)
  return {
    forced: spliceTyped(old.forced, at, remove, insert),
    together: spliceTyped(old.together, at, remove, insert),
    nudgeIn: spliceTyped(old.nudgeIn, at, remove, insert),
    nudgeOut: spliceTyped(old.nudgeOut, at, remove, insert),
    locks: new Map(),
    notices: []
  }
}

/** The path back from label `q` of boundary `i` until `stopAt` (plans and their end labels, in order; where it stopped). */
function pathBack(state: PlanState, ctx: PlanContext, i: number, q: number, stopAt: (i: number, q: number) => boolean): { plans: Plan[]; qs: number[]; at: number; q: number } {
  const plans: Plan[] = []
  const qs: number[] = []
  while (i > 0 && !stopAt(i, q)) {
    const label: Label = trueLabel(state, i, q)
    plans.push(planOf(ctx, label, i))
    qs.push(q)
    q = label.p
    i = label.j
  }
  return { plans: plans.reverse(), qs: qs.reverse(), at: i, q }
}

/** The whole cut (as `cutWords`), keeping what the next re-cut needs. */
export function cutWhole(model: TranscriptModel, preset: SubtitlePreset, options: SegmentOptions = {}): LocalCut {
  const mode = options.annotations ?? 'omit'
  const { tokens, segmentStarts } = tokensOf(model, mode)
  const n = tokens.length
  const labels = labelsOf(tokens, model, preset)
  const decided = cutConstraints(tokens, model.cueDecisions, preset, pool)
  const ctx = planContext(tokens, preset, options.language ?? 'en', labels, charCount, decided, Infinity, undefined, pool)
  const fronts: Label[][] = new Array(n + 1)
  if (n > 0) runPlan(ctx, fronts, 0, n)
  // No words, or decisions that leave no cut at all: the whole cut's own way (it drops them).
  if (n === 0 || fronts[n].length === 0) return { ...cutWords(model, preset, options), state: null, segments: null }
  const plan: PlanState = { fronts, ledger: exactLedger }
  const path = pathBack(plan, ctx, n, 0, () => false)
  const drafts = path.plans.map((p) => draft(tokens, p, preset, labels[p.from], decided))
  const ends = Int32Array.from(path.plans, (p) => p.to)
  const timed = timeWithState(drafts, preset, decided.notices)
  const state: CutState = { preset, mode, language: options.language ?? 'en', tokens, labels, decided, decisions: !!model.cueDecisions?.length, ctx, plan, ends, qs: Int32Array.from(path.qs), drafts, timing: timed.state, segments: model.segments, segmentStarts }
  return { cues: timed.cues, notices: decided.notices, state, segments: null }
}

/** True when the preset puts speaker labels on cues (else every label is null). */
function hasLabels(preset: SubtitlePreset): boolean {
  return preset.speakerLabels && preset.speakerStyle === 'new-cue'
}

function sameLock(a: LockedCue | undefined, at: number, b: LockedCue | undefined, bt: number): boolean {
  if (!a || !b) return a === b
  return a.to - at === b.to - bt && a.startMs === b.startMs && a.endMs === b.endMs
}

/** The old cut's tokens, labels and decisions, read after its arrays were spliced into the new cut's. */
interface OldInputs {
  token(o: number): Token
  label(o: number): string | null
  readonly decided: CutConstraints
}

/** True when new token `k` and old token `o` plan and draft alike (the token, its label, the decisions on it and on the boundary before it). */
function sameAt(next: Pick<CutState, 'tokens' | 'labels' | 'decided'>, k: number, old: OldInputs, o: number): boolean {
  const a = next.decided
  const b = old.decided
  return (
    next.tokens[k] === old.token(o) &&
    next.labels[k] === old.label(o) &&
    a.forced[k] === b.forced[o] &&
    a.together[k] === b.together[o] &&
    a.nudgeIn[k] === b.nudgeIn[o] &&
    a.nudgeOut[k] === b.nudgeOut[o] &&
    sameLock(a.locks.get(k), k, b.locks.get(o), o)
  )
}

/** Index of the first entry of sorted `values` above `x`. */
function firstAbove(values: Int32Array, x: number, hi = values.length): number {
  let lo = 0
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (values[mid] > x) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * The cut of `model` after an edit, from the previous cut's state: exactly `cutWhole`'s cues and
 * notices, re-planning only around the change. A whole cut when the state does not apply.
 * `handOver`: the caller gives `prev` up (the live view, which moves on to the new cut): its
 * arrays are spliced in place and become the new cut's, so an edit allocates nothing the
 * transcript's length; `prev` is then spent (a re-cut from it is a whole cut). Without it `prev`
 * is copied first and stays as it was.
 */
export function cutAfterEdit(given: CutState | null, model: TranscriptModel, preset: SubtitlePreset, options: SegmentOptions = {}, handOver = false): LocalCut {
  const mode = options.annotations ?? 'omit'
  const language = options.language ?? 'en'
  if (!given || released.has(given) || given.preset !== preset || given.mode !== mode || given.language !== language) return cutWhole(model, preset, options)
  const prev = handOver ? given : copyState(given)
  // Spent from here on: its arrays are being spliced into the new cut's (never to the pool).
  released.add(prev)
  const nO = prev.tokens.length
  const edit = tokenEdit(prev, model, mode)
  const { segmentStarts } = edit
  const tokens = prev.tokens as Token[]
  const removed = spliceList(tokens, edit.at, edit.remove, edit.insert)
  const n = tokens.length
  if (n === 0) return cutWhole(model, preset, options)
  const h = edit.at
  const r = edit.remove
  const m = edit.insert.length
  const d = n - nO
  const redo = { labels: hasLabels(preset), decisions: !!model.cueDecisions?.length || prev.decisions }
  // Without speaker labels every label is null: the list is spliced like the tokens.
  let labels = prev.labels as (string | null)[]
  if (redo.labels) labels = labelsOf(tokens, model, preset)
  else spliceList(labels, h, r, new Array<null>(m).fill(null))
  const decided = redo.decisions ? cutConstraints(tokens, model.cueDecisions, preset, pool) : noConstraints(prev.decided, n)
  const next = { tokens, labels, decided }
  // Labels and decisions can differ where tokens do not (a renamed speaker, a decision added):
  // unless there are none on either side, every token is compared.
  const old: OldInputs = {
    token: (o) => (o < h ? tokens[o] : o < h + r ? removed[o - h] : tokens[o + d]),
    label: redo.labels ? (o) => prev.labels[o] : () => null,
    decided: prev.decided
  }
  const lim = Math.min(n, nO)
  const plain = !redo.labels && !redo.decisions
  let head = plain ? Math.min(h, lim) : 0
  while (head < lim && sameAt(next, head, old, head)) head++
  let tail = plain ? Math.min(nO - h - r, lim - head) : 0
  while (tail < lim - head && sameAt(next, n - 1 - tail, old, nO - 1 - tail)) tail++
  // The old decisions' arrays are read no more (the new ones were made apart): back to the pool.
  if (redo.decisions) pool.give(prev.decided.forced, prev.decided.together, prev.decided.nudgeIn, prev.decided.nudgeOut)
  const ctx = contextAfterEdit(prev.ctx, tokens, preset, language, labels, decided, { at: h, remove: r, insert: m }, redo)
  const re = resyncPlan(prev.plan, ctx, { head, tail, oldLength: nO })
  const plan = re.state
  if (plan.fronts[n].length === 0) return cutWhole(model, preset, options)
  // The path: the old one (shifted) while its cues end after the re-run's last boundary...
  const kT = re.resync < n ? firstAbove(prev.ends, re.resync - d) : prev.ends.length
  const startI = kT < prev.ends.length ? (kT > 0 ? prev.ends[kT - 1] + d : 0) : n
  const startQ = kT < prev.ends.length ? (kT > 0 ? prev.qs[kT - 1] : 0) : 0
  // ...new labels back from there, until they rejoin the old path before the change.
  let kM = -1
  const mid = pathBack(plan, ctx, startI, startQ, (i, q) => {
    if (i >= re.from) return false
    const k = firstAbove(prev.ends, i, kT) - 1
    if (k >= 0 && prev.ends[k] === i && prev.qs[k] === q) {
      kM = k
      return true
    }
    return false
  })
  const keep = kM + 1
  // (concat: one array of the exact length; a spread literal grows it as it goes.)
  const drafts = prev.drafts.slice(0, keep).concat(
    mid.plans.map((p) => draft(tokens, p, preset, labels[p.from], decided)),
    prev.drafts.slice(kT)
  )
  const cues = drafts.length
  const ends = new Int32Array(cues)
  const qs = new Int32Array(cues)
  ends.set(prev.ends.subarray(0, keep))
  qs.set(prev.qs.subarray(0, keep))
  mid.plans.forEach((p, k) => {
    ends[keep + k] = p.to
    qs[keep + k] = mid.qs[k]
  })
  for (let k = kT, o = keep + mid.plans.length; k < prev.ends.length; k++, o++) {
    ends[o] = prev.ends[k] + d
    qs[o] = prev.qs[k]
  }
  // Timing: only around the re-planned cues (their ripple included), the rest kept.
  const timed = retime(prev.timing, drafts, preset, keep, kT, decided.notices)
  const state: CutState = { preset, mode, language, tokens, labels, decided, decisions: !!model.cueDecisions?.length, ctx, plan, ends, qs, drafts, timing: timed.state, segments: model.segments, segmentStarts }
  const work = { boundaries: re.resync - re.from + 1, cues: mid.plans.length }
  return { cues: timed.cues, notices: decided.notices, state, segments: segmentsOf(segmentStarts, mid.plans.length ? mid.plans[0].from : re.from - 1, re.resync), work }
}

/** The segments holding tokens [from, to), clamped (null when segment starts are unknown). */
function segmentsOf(starts: Int32Array, from: number, to: number): { from: number; to: number } | null {
  if (starts.length < 2) return null
  const last = starts.length - 2
  const seg = (k: number): number => Math.min(last, Math.max(0, firstAbove(starts, k, last + 1) - 1))
  return { from: seg(Math.max(0, from)), to: seg(Math.max(0, to - 1)) }
}
