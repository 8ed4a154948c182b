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
import { boundaryCosts, planContext, planOf, runPlan } from './planner'
import type { SegmentOptions, Token } from './segment'
import { annotationToken, cutWords, draft, labelsOf, pushWordTokens, withAnnotations } from './segment'
import { charCount } from './text'
import type { PlanState } from './plan-resync'
import { exactLedger, resyncPlan, trueLabel } from './plan-resync'

/*
 * The cut after an edit, equal to a whole cut (`cutWords`) but redoing only what the edit can
 * change (docs/subtitles.md#re-cutting-after-an-edit). A cut keeps its tokens (made once per
 * segment object: an edit keeps untouched segments), the planner's fronts, the chosen path and
 * the drafted cues. After an edit: the tokens that differ, the planner re-run from there until
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

/**
 * The tokens of `model`, from `prev`'s where segments are unchanged (by identity): only the
 * changed segments' tokens are looked up; the rest is copied in two slices.
 */
function tokensAfterEdit(prev: CutState, model: TranscriptModel): { tokens: Token[]; segmentStarts: Int32Array; head: number; tail: number } {
  const a = prev.segments
  const b = model.segments
  let sh = 0
  while (sh < a.length && sh < b.length && a[sh] === b[sh]) sh++
  let st = 0
  while (st < a.length - sh && st < b.length - sh && a[a.length - 1 - st] === b[b.length - 1 - st]) st++
  const old = prev.segmentStarts
  const middle: Token[] = []
  const segmentStarts = new Int32Array(b.length + 1)
  segmentStarts.set(old.subarray(0, sh + 1))
  for (let s = sh; s < b.length - st; s++) {
    segmentStarts[s] = old[sh] + middle.length
    for (const t of tokensOfSegment(b[s])) middle.push(t)
  }
  const head = old[sh]
  const tailFrom = old[a.length - st]
  const tail = old[a.length] - tailFrom
  // One array, filled in place (not three slices and a concat: each the transcript's length).
  const tokens: Token[] = new Array(head + middle.length + (old[a.length] - tailFrom))
  for (let k = 0; k < head; k++) tokens[k] = prev.tokens[k]
  for (let k = 0; k < middle.length; k++) tokens[head + k] = middle[k]
  for (let k = tailFrom, o = head + middle.length; k < old[a.length]; k++, o++) tokens[o] = prev.tokens[k]
  const shift = head + middle.length - tailFrom
  for (let s = b.length - st; s <= b.length; s++) segmentStarts[s] = old[s - b.length + a.length] + shift
  return { tokens, segmentStarts, head, tail }
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

/** True when new token `k` and old token `o` plan and draft alike (the token, its label, the decisions on it and on the boundary before it). */
function sameAt(next: Pick<CutState, 'tokens' | 'labels' | 'decided'>, k: number, prev: CutState, o: number): boolean {
  const a = next.decided
  const b = prev.decided
  return (
    next.tokens[k] === prev.tokens[o] &&
    next.labels[k] === prev.labels[o] &&
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
 */
export function cutAfterEdit(prev: CutState | null, model: TranscriptModel, preset: SubtitlePreset, options: SegmentOptions = {}): LocalCut {
  const mode = options.annotations ?? 'omit'
  if (!prev || released.has(prev) || prev.preset !== preset || prev.mode !== mode || prev.language !== (options.language ?? 'en')) return cutWhole(model, preset, options)
  // Tokens of unchanged segments are the same objects (annotations as cues interleave: compare all).
  const got = prev.segmentStarts.length > 0 && mode !== 'cues' ? tokensAfterEdit(prev, model) : { ...tokensOf(model, mode), head: 0, tail: 0 }
  const { tokens, segmentStarts } = got
  const n = tokens.length
  const nO = prev.tokens.length
  if (n === 0) return cutWhole(model, preset, options)
  // Without speaker labels every label is null: the previous list serves when the length is the same.
  const labels = !hasLabels(preset) && prev.labels.length === n ? prev.labels : labelsOf(tokens, model, preset)
  const decided = cutConstraints(tokens, model.cueDecisions, preset, pool)
  const next = { tokens, labels, decided }
  const lim = Math.min(n, nO)
  // Labels and decisions can differ where tokens do not (a renamed speaker, a decision added):
  // unless there are none on either side, every token is compared.
  const plain = !hasLabels(preset) && !model.cueDecisions?.length && !prev.decisions
  let head = plain ? Math.min(got.head, lim) : 0
  while (head < lim && sameAt(next, head, prev, head)) head++
  let tail = plain ? Math.min(got.tail, lim - head) : 0
  while (tail < lim - head && sameAt(next, n - 1 - tail, prev, nO - 1 - tail)) tail++
  const d = n - nO
  // Boundary costs: the old ones where both tokens around the boundary are unchanged.
  const language = options.language ?? 'en'
  const line = pool.f64(n + 1)
  const cut = pool.f64(n + 1)
  const firstTail = n - tail
  const copyTo = Math.min(head, n)
  line.set(prev.ctx.lineCost.subarray(0, copyTo))
  cut.set(prev.ctx.cutCost.subarray(0, copyTo))
  const tailFrom = Math.max(firstTail + 1, copyTo)
  if (tailFrom < n) {
    line.set(prev.ctx.lineCost.subarray(tailFrom - d, n - d), tailFrom)
    cut.set(prev.ctx.cutCost.subarray(tailFrom - d, n - d), tailFrom)
  }
  for (let k = Math.max(1, copyTo); k < Math.min(tailFrom, n); k++) {
    const b = boundaryCosts(tokens, k, language)
    line[k] = b.line
    cut[k] = b.cut
  }
  const ctx = planContext(tokens, preset, language, labels, charCount, decided, Infinity, { line, cut }, pool)
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
  const drafts = [...prev.drafts.slice(0, keep), ...mid.plans.map((p) => draft(tokens, p, preset, labels[p.from], decided)), ...prev.drafts.slice(kT)]
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
  const state: CutState = { preset, mode, language: options.language ?? 'en', tokens, labels, decided, decisions: !!model.cueDecisions?.length, ctx, plan, ends, qs, drafts, timing: timed.state, segments: model.segments, segmentStarts }
  return { cues: timed.cues, notices: decided.notices, state, segments: segmentsOf(segmentStarts, mid.plans.length ? mid.plans[0].from : re.from - 1, re.resync) }
}

/** The segments holding tokens [from, to), clamped (null when segment starts are unknown). */
function segmentsOf(starts: Int32Array, from: number, to: number): { from: number; to: number } | null {
  if (starts.length < 2) return null
  const last = starts.length - 2
  const seg = (k: number): number => Math.min(last, Math.max(0, firstAbove(starts, k, last + 1) - 1))
  return { from: seg(Math.max(0, from)), to: seg(Math.max(0, to - 1)) }
}
