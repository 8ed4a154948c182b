import type { SubtitlePreset } from './presets'
import type { Cue } from './types'
import type { Notice } from '../i18n/notices'
import type { CueNotice, DraftCue, TimingState, TimingWork } from './timing'
import { chainedEnd, cueAt, loopStep, preStart, suffixMin, timeWithState, timingRules } from './timing'

/*
 * The timing pass after a local re-plan (local-recut.ts), equal to the whole pass (`time`) but
 * redoing only the cues whose inputs changed and the ripple they cause. The drafts are the old
 * ones with one run replaced: [0, keep) the same objects, then new ones, then the old tail from
 * old index `kT` on. Each of the pass's three stages is a chain from one cue to the next:
 *
 * - the ordering pre-pass is redone from `keep` until, inside the old tail, a start equals the
 *   old one again (the rest of the chain is then the old one, shifted);
 * - the main loop is redone from a cue `r` before the change that no later step of the old loop
 *   reached back over (its `minReach`), so the state it starts from is the old loop's; it stops at
 *   a cue inside the old tail where the pre-pass has converged, no old step from there on reached
 *   back over it, and the cue before it came out of the loop exactly as it did before (start,
 *   end, lowest, reserve): every later step then reads and does what it did before. A new step
 *   that reaches back over `r` (a pull through many cues) gives up: the whole pass;
 * - the chaining pass is one pair at a time: redone for the pairs around the redone cues.
 *
 * Cues outside the redone run keep their objects, and so do redone ones that came out the same. test/shared/subtitles/timing-local.test.ts
 * checks it against the whole pass on random drafts and edits.
 */

/** The timing of `drafts` (the old ones with [keep, kT) replaced, see the module comment), and its state; equal to `timeWithState`. */
export function retime(prev: TimingState, drafts: readonly DraftCue[], preset: SubtitlePreset, keep: number, kT: number, notices: Notice[] = []): { cues: Cue[]; state: TimingState } {
  const old = prev.drafts
  const n = drafts.length
  const nO = old.length
  const d = n - nO
  // The first new index of the unchanged tail.
  const tailAt = kT + d
  if (keep < 0 || keep > tailAt || kT > nO || n === 0 || nO === 0) return timeWithState(drafts, preset, notices)
  const rules = timingRules(preset)

  // Pre-pass: the chain from `keep` until it meets the old one inside the tail.
  const pre = new Float64Array(n)
  pre.set(prev.pre.subarray(0, keep))
  const preNew: CueNotice[] = []
  let P = n
  for (let k = keep; k < n; k++) {
    pre[k] = preStart(rules, drafts, k, k > 0 ? pre[k - 1] : 0, preNew)
    if (k >= tailAt && pre[k] === prev.pre[k - d]) {
      P = k
      break
    }
  }
  if (P < n) pre.set(prev.pre.subarray(P - d), P)
  // (The notice of cue P itself, if any, is the old one: same draft, same chain into it.)
  const preNotices = splice(prev.preNotices, preNew.filter((x) => x.cue < P), keep, P, d)

  // Main loop: from `r`, whose starting state is the old loop's.
  let r = Math.max(0, keep - 1)
  while (r > 0 && prev.minReach[r] < r) r = prev.minReach[r]
  const starts = new Float64Array(n)
  starts.set(prev.starts.subarray(0, r))
  starts.set(pre.subarray(r), r)
  const ends = new Float64Array(n)
  ends.set(prev.loopEnds.subarray(0, r))
  const lowest = new Float64Array(n)
  lowest.set(prev.lowest.subarray(0, r))
  const reserve = new Float64Array(n)
  reserve.set(prev.reserve.subarray(0, r))
  const reach = new Int32Array(n)
  reach.set(prev.reach.subarray(0, r))
  const w: TimingWork = { drafts, starts, ends, lowest, reserve, reach, notices: [], followingStartMs: Infinity }
  let K = n
  for (let k = r; k < n; k++) {
    if (k > tailAt && k >= P && prev.minReach[k - d] >= k - d && sameOut(w, k - 1, prev, k - 1 - d)) {
      K = k
      break
    }
    loopStep(rules, w, k)
    // A pull back over `r` would change cues this pass keeps: the whole pass instead.
    if (reach[k] < r) return timeWithState(drafts, preset, notices)
  }
  if (K < n) {
    starts.set(prev.starts.subarray(K - d), K)
    ends.set(prev.loopEnds.subarray(K - d), K)
    lowest.set(prev.lowest.subarray(K - d), K)
    reserve.set(prev.reserve.subarray(K - d), K)
    for (let k = K; k < n; k++) reach[k] = prev.reach[k - d] + d
  }
  const minReach = new Int32Array(n)
  if (K < n) for (let k = K; k < n; k++) minReach[k] = prev.minReach[k - d] + d
  suffixMin(reach, minReach, K)
  const loopNotices = splice(prev.loopNotices, w.notices, r, K, d)

  // Chaining pass: the pairs (k - 1, k) around the redone cues; the others' ends are the old ones.
  const final = new Float64Array(n)
  const from = Math.max(0, r - 1)
  final.set(prev.ends.subarray(0, from))
  final.set(ends.subarray(from, Math.min(n, K)), from)
  if (K < n) final.set(prev.ends.subarray(K - d), K)
  for (let k = Math.max(1, from + 1); k <= Math.min(K, n - 1); k++) final[k - 1] = chainedEnd(rules, drafts, starts, ends[k - 1], k)

  // Cues: the old objects outside [from, K).
  const cues: Cue[] = new Array(n)
  for (let k = 0; k < from; k++) cues[k] = prev.cues[k]
  for (let k = from; k < K; k++) {
    // A redone cue that came out as the old one in its place (by value) keeps the old object.
    const o = k >= tailAt ? k - d : k
    cues[k] = o < nO && prev.starts[o] === starts[k] && prev.ends[o] === final[k] && sameText(prev.cues[o], drafts[k]) ? prev.cues[o] : cueAt(rules, drafts[k], starts[k], final[k])
  }
  for (let k = K; k < n; k++) cues[k] = prev.cues[k - d]
  for (const x of preNotices) notices.push(x.notice)
  for (const x of loopNotices) notices.push(x.notice)
  return { cues, state: { drafts, pre, starts, loopEnds: ends, ends: final, lowest, reserve, reach, minReach, preNotices, loopNotices, cues } }
}

/** True when new cue `k` left the loop as old cue `o` did (and reads alike to the steps after it). */
function sameOut(w: TimingWork, k: number, prev: TimingState, o: number): boolean {
  return w.drafts[k] === prev.drafts[o] && w.starts[k] === prev.starts[o] && w.ends[k] === prev.loopEnds[o] && w.lowest[k] === prev.lowest[o] && w.reserve[k] === prev.reserve[o]
}

/** The old notices before cue `from`, the new ones, and the old ones from new cue `to` on (shifted by `d`), in cue order. */
function splice(old: readonly CueNotice[], fresh: readonly CueNotice[], from: number, to: number, d: number): CueNotice[] {
  const out: CueNotice[] = []
  for (const x of old) if (x.cue < from) out.push(x)
  for (const x of fresh) out.push(x)
  for (const x of old) if (x.cue + d >= to) out.push(d === 0 ? x : { cue: x.cue + d, notice: x.notice })
  return out
}

/** True when cue `c` shows and spans what draft `d` does (its times compared apart). */
function sameText(c: Cue, d: DraftCue): boolean {
  if (c.kind !== d.kind || c.speechStartMs !== d.speechStartMs || c.speechEndMs !== d.speechEndMs || c.wordCount !== d.wordCount) return false
  if (c.lines.length !== d.lines.length || c.lineSpeakers.length !== d.lineSpeakers.length) return false
  for (let i = 0; i < c.lines.length; i++) if (c.lines[i] !== d.lines[i]) return false
  for (let i = 0; i < c.lineSpeakers.length; i++) if (c.lineSpeakers[i] !== d.lineSpeakers[i]) return false
  return true
}
