import type { Label, PlanContext } from './planner'
import { runPlan } from './planner'
import { makeLabel, noLabels } from './front-builder'

/*
 * The planner re-run after an edit (docs/subtitles.md#re-cutting-after-an-edit). A boundary's
 * front depends only on the fronts of the boundaries a cue can reach back over and on the tokens
 * there, so after the changed tokens the new fronts soon equal the old ones (at the boundary
 * shifted by the tokens added or removed) up to a constant breach count and cost: costs are
 * whole thousandths, so every comparison the planner makes between them comes out the same.
 * Once that holds over more boundaries than any cue reaches across, every later front is the old
 * one plus that constant, exactly as a whole run would make it.
 *
 * The old fronts are not rewritten (that would cost as much as a whole run): a cut keeps its
 * fronts as stored plus a ledger of pieces, each saying what to add to the breaches, cost and
 * token indices of the labels stored from its boundary on.
 */

/** Offsets of stored labels by boundary: from `starts[k]` on, add `db[k]`, `dc[k]`, `dj[k]`. */
export interface Ledger {
  readonly starts: readonly number[]
  readonly db: readonly number[]
  readonly dc: readonly number[]
  readonly dj: readonly number[]
}

/** Fronts as stored and the ledger that makes them true. */
export interface PlanState {
  readonly fronts: readonly Label[][]
  readonly ledger: Ledger
}

/** The ledger of fronts stored as they are. */
export const exactLedger: Ledger = { starts: [0], db: [0], dc: [0], dj: [0] }

/** The ledger piece that covers boundary `i`. */
export function pieceAt(ledger: Ledger, i: number): number {
  const s = ledger.starts
  let lo = 0
  let hi = s.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (s[mid] <= i) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Label `q` of boundary `i` as it truly is (stored label plus the ledger's offsets). */
export function trueLabel(state: PlanState, i: number, q: number): Label {
  const label = state.fronts[i][q]
  const k = pieceAt(state.ledger, i)
  const { db, dc, dj } = state.ledger
  if (db[k] === 0 && dc[k] === 0 && dj[k] === 0) return label
  return makeLabel(label.b + db[k], label.c + dc[k], label.n, label.f, label.j + dj[k], label.p, label.split >= 0 ? label.split + dj[k] : label.split, label.dialogue)
}

/**
 * More than the boundaries a cue ending at a boundary may reach back over. Every token has at
 * least one character (empty words are no tokens; charCount of a non-empty text is at least 1),
 * so a cue of k tokens is at least 2k - 1 wide, and the planner stops a candidate wider than its
 * lines hold; the word before the cue and the boundary before it are read too (+1).
 */
export function reachOf(ctx: PlanContext): number {
  const { maxCharsPerLine, maxLines } = ctx.preset
  return Math.floor((maxCharsPerLine * maxLines + maxLines + 1) / 2) + 1
}

/**
 * The first boundary whose front boundary `i`'s front reads, from the tokens' widths: the planner
 * reads the one-token cue before `i` and stops a candidate cue once it is wider than its lines
 * hold. No later boundary reads a front before it either (a cue ending further on is wider), nor
 * a token before the one ahead of it (read for whether the cue starts a sentence). With tokens of
 * a few characters that is a third of `reachOf`, which assumes one-character tokens.
 */
export function firstRead(ctx: PlanContext, i: number): number {
  const { maxCharsPerLine, maxLines } = ctx.preset
  const maxWidth = maxCharsPerLine * maxLines + maxLines
  const prefix = ctx.prefix
  let j = i - 1
  while (j > 0 && prefix[i] - prefix[j - 1] + (i - j) <= maxWidth) j--
  return Math.max(0, j)
}

/** What changed between the old and the new token streams: tokens [head, n - tail) of the new one. */
export interface TokenChange {
  readonly head: number
  readonly tail: number
  /** Tokens in the old stream. */
  readonly oldLength: number
}

/** The new plan state and where the re-run met the old fronts (`resync`: last boundary computed; n when it never did). */
export interface Resynced {
  readonly state: PlanState
  /** First boundary the re-run computed. */
  readonly from: number
  readonly resync: number
  /** Tokens added (negative: removed). */
  readonly shift: number
}

/** A front no boundary holds yet (a placeholder the re-run overwrites before anything reads it). */
const unset: Label[] = noLabels()

/**
 * Fronts of `ctx` (the edited stream) from the old `prev` and what changed: the old fronts
 * before the change, the planner re-run from there until it meets the old fronts, the old ones
 * after (through the ledger). `prev.fronts` is reused in place (the caller owns it and never reads
 * `prev` again): the old fronts after the change are shifted to their new boundaries by one
 * splice, so an edit allocates only the fronts it re-runs, not an array the transcript's length.
 */
export function resyncPlan(prev: PlanState, ctx: PlanContext, change: TokenChange): Resynced {
  const n = ctx.tokens.length
  const d = n - change.oldLength
  const from = Math.max(1, change.head)
  const fronts = prev.fronts as Label[][]
  // From `shifted` on, boundary i holds the old front of boundary i - d until the re-run reaches it.
  shiftFronts(fronts, from, d)
  const shifted = from + Math.max(0, d)
  // The fronts the re-run reads before its first boundary, made true (offset 0 from here on).
  const exactFrom = firstRead(ctx, from)
  for (let i = exactFrom; i < from; i++) {
    // (Pushed onto `noLabels()`, not mapped: every front keeps one elements kind, see front-builder.ts.)
    const front = noLabels()
    for (let q = 0; q < fronts[i].length; q++) front.push(trueLabel(prev, i, q))
    fronts[i] = front
  }
  const firstTail = n - change.tail
  let run = 0
  let db = 0
  let dc = 0
  const stop = (i: number, was: readonly Label[] | undefined): boolean => {
    // A front after the change is compared with the old one at the shifted boundary; the re-run
    // stops once the fronts later boundaries read match in a row and the tokens they read are unchanged.
    if (i < firstTail) return false
    const now = fronts[i]
    const oi = i - d
    // (Before `shifted` a boundary held a placeholder, not an old front: no match.)
    const old = i >= shifted ? was : undefined
    if (!old || now.length !== old.length) {
      run = 0
      return false
    }
    const k = pieceAt(prev.ledger, oi)
    const ob = prev.ledger.db[k]
    const oc = prev.ledger.dc[k]
    let xb = 0
    let xc = 0
    for (let q = 0; q < now.length; q++) {
      const a = now[q]
      const o = old[q]
      if (a.n !== o.n || a.f !== o.f) {
        run = 0
        return false
      }
      const eb = a.b - (o.b + ob)
      const ec = a.c - (o.c + oc)
      if (q === 0) {
        xb = eb
        xc = ec
      } else if (eb !== xb || ec !== xc) {
        run = 0
        return false
      }
    }
    if (now.length > 0) {
      // The same labels with another constant than the run so far: a new run starts here.
      if (run > 0 && (xb !== db || xc !== dc)) run = 0
      if (run === 0) {
        db = xb
        dc = xc
      }
    } else if (run === 0) return false
    run++
    // Every later front reads fronts from `lo` on and tokens from `lo - 1` on: once those fronts
    // match and those tokens are unchanged, the old run's fronts follow.
    const lo = i < n ? firstRead(ctx, i + 1) : i
    return run >= i - lo + 1 && lo - 1 >= firstTail
  }
  const resync = runPlan(ctx, fronts, from, n, stop)
  if (resync === n) {
    // Never met (the change reaches the end): everything from the first exact front is stored true.
    return { state: { fronts, ledger: compactLedger(fronts, cutLedger(prev.ledger, exactFrom)) }, from, resync, shift: d }
  }
  // The fronts after `resync` are the old ones, already at their new boundaries.
  const all = fronts
  const ledger = cutLedger(prev.ledger, exactFrom)
  const starts = [...ledger.starts]
  const lb = [...ledger.db]
  const lc = [...ledger.dc]
  const lj = [...ledger.dj]
  const push = (start: number, k: number): void => {
    const b = prev.ledger.db[k] + db
    const c = prev.ledger.dc[k] + dc
    const j = prev.ledger.dj[k] + d
    const last = starts.length - 1
    if (lb[last] === b && lc[last] === c && lj[last] === j) return
    starts.push(start)
    lb.push(b)
    lc.push(c)
    lj.push(j)
  }
  const at = resync + 1 - d
  push(resync + 1, pieceAt(prev.ledger, at))
  for (let k = 0; k < prev.ledger.starts.length; k++) if (prev.ledger.starts[k] > at) push(prev.ledger.starts[k] + d, k)
  return { state: { fronts: all, ledger: compactLedger(all, { starts, db: lb, dc: lc, dj: lj }) }, from, resync, shift: d }
}

/** Moves the fronts from boundary `from` on by `d` boundaries (placeholders where it opens a gap). */
function shiftFronts(fronts: Label[][], from: number, d: number): void {
  if (d === 0) return
  if (d < 0) {
    fronts.splice(from, -d)
    return
  }
  // One native splice for the usual few tokens; a big paste goes through a copy of the tail.
  if (d <= 4096) {
    fronts.splice(from, 0, ...new Array<Label[]>(d).fill(unset))
    return
  }
  const tail = fronts.slice(from)
  fronts.length = from
  for (let k = 0; k < d; k++) fronts.push(unset)
  for (const f of tail) fronts.push(f)
}

/** Pieces a ledger keeps at most (each edit adds up to two). */
export const maxLedgerPieces = 64

/**
 * `ledger` with at most `limit` pieces: while it has more, the shortest piece next to one with no
 * offset has its fronts made true (new labels: stored fronts may be shared with a copied state)
 * and joins it. Each edit then rewrites about one short piece, and a long session's ledger (which
 * grew by two pieces an edit, each copied and searched by every later edit) stays small.
 */
export function compactLedger(fronts: Label[][], ledger: Ledger, limit = maxLedgerPieces): Ledger {
  if (ledger.starts.length <= limit) return ledger
  const starts = [...ledger.starts]
  const db = [...ledger.db]
  const dc = [...ledger.dc]
  const dj = [...ledger.dj]
  const zero = (k: number): boolean => db[k] === 0 && dc[k] === 0 && dj[k] === 0
  while (starts.length > limit) {
    let best = -1
    let bestSpan = Infinity
    for (let k = 0; k < starts.length; k++) {
      if (zero(k) || !((k > 0 && zero(k - 1)) || (k + 1 < starts.length && zero(k + 1)))) continue
      const span = (k + 1 < starts.length ? starts[k + 1] : fronts.length) - starts[k]
      if (span < bestSpan) {
        best = k
        bestSpan = span
      }
    }
    // (A re-cut always leaves a piece with no offset, so there is one unless nothing can join.)
    if (best < 0) break
    const state: PlanState = { fronts, ledger: { starts, db, dc, dj } }
    for (let i = starts[best]; i < starts[best] + bestSpan; i++) {
      if (fronts[i].length === 0) continue
      const front = noLabels()
      for (let q = 0; q < fronts[i].length; q++) front.push(trueLabel(state, i, q))
      fronts[i] = front
    }
    db[best] = dc[best] = dj[best] = 0
    // Neighbours with the same offsets are one piece.
    for (let k = starts.length - 1; k > 0; k--) {
      if (db[k] !== db[k - 1] || dc[k] !== dc[k - 1] || dj[k] !== dj[k - 1]) continue
      starts.splice(k, 1)
      db.splice(k, 1)
      dc.splice(k, 1)
      dj.splice(k, 1)
    }
  }
  return { starts, db, dc, dj }
}

/** `ledger`'s pieces before boundary `at`, then offset 0 from `at` on. */
function cutLedger(ledger: Ledger, at: number): Ledger {
  const keep = ledger.starts.filter((s) => s < at).length
  const zero = keep > 0 && ledger.db[keep - 1] === 0 && ledger.dc[keep - 1] === 0 && ledger.dj[keep - 1] === 0
  const extra = zero ? [] : [at]
  return {
    starts: [...ledger.starts.slice(0, keep), ...extra],
    db: [...ledger.db.slice(0, keep), ...extra.map(() => 0)],
    dc: [...ledger.dc.slice(0, keep), ...extra.map(() => 0)],
    dj: [...ledger.dj.slice(0, keep), ...extra.map(() => 0)]
  }
}
