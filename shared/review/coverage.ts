/*
 * Audio coverage as an interval set: the stretches of the recording the reviewer has heard.
 * A set is a sorted array of disjoint, non-touching [startMs, endMs) pairs in integer ms, so it
 * stays small (a reviewer who listens straight through has one interval) and serialises as-is
 * into the review-state sidecar. Every function is pure and returns a new array.
 */

/** One heard stretch, [startMs, endMs) in integer milliseconds. */
export type HeardInterval = readonly [startMs: number, endMs: number]

/** A coverage set: sorted, disjoint, non-touching intervals. */
export type Coverage = readonly HeardInterval[]

/** The empty coverage. */
export const emptyCoverage: Coverage = []

/** Index of the first interval whose end is at or after `ms` (binary search). */
function firstEndingAtOrAfter(set: Coverage, ms: number): number {
  let lo = 0
  let hi = set.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (set[mid][1] < ms) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Adds [startMs, endMs) to the set, merging what it overlaps or touches; an empty span changes nothing. */
export function addHeard(set: Coverage, startMs: number, endMs: number): Coverage {
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) return set
  let s = Math.max(0, Math.round(startMs))
  let e = Math.round(endMs)
  if (e <= s) return set
  const from = firstEndingAtOrAfter(set, s)
  let to = from
  while (to < set.length && set[to][0] <= e) {
    s = Math.min(s, set[to][0])
    e = Math.max(e, set[to][1])
    to++
  }
  // Already inside one interval: keep the same set (callers can skip a save).
  if (to === from + 1 && set[from][0] === s && set[from][1] === e) return set
  return [...set.slice(0, from), [s, e], ...set.slice(to)]
}

/** A valid set from any list of pairs (unsorted, overlapping, from a file): sorted and merged. */
export function normaliseCoverage(pairs: readonly HeardInterval[]): Coverage {
  const sorted = pairs
    .filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]) && p[1] > p[0])
    .map((p) => [Math.max(0, Math.round(p[0])), Math.round(p[1])] as const)
    .filter((p) => p[1] > p[0])
    .sort((a, b) => a[0] - b[0])
  const out: Array<[number, number]> = []
  for (const [s, e] of sorted) {
    const last = out[out.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else out.push([s, e])
  }
  return out
}

/** Milliseconds heard inside [0, durationMs) (the whole set when the duration is unknown, 0 or less). */
export function heardMs(set: Coverage, durationMs = 0): number {
  const limit = durationMs > 0 ? durationMs : Infinity
  let total = 0
  for (const [s, e] of set) {
    if (s >= limit) break
    total += Math.min(e, limit) - s
  }
  return total
}

/** Whole percent of the recording heard (floored, so 100 means every millisecond); 0 when the duration is unknown. */
export function heardPercent(set: Coverage, durationMs: number): number {
  if (!(durationMs > 0)) return 0
  return Math.floor((heardMs(set, durationMs) * 100) / durationMs)
}

/** The unheard stretches of [0, durationMs), in order. */
export function unheardStretches(set: Coverage, durationMs: number): HeardInterval[] {
  const out: HeardInterval[] = []
  let at = 0
  for (const [s, e] of set) {
    if (s >= durationMs) break
    if (s > at) out.push([at, s])
    at = Math.max(at, e)
  }
  if (at < durationMs) out.push([at, durationMs])
  return out
}

/**
 * The next unheard stretch at least `minGapMs` long that starts after `fromMs` (the playhead is
 * usually at the start of, or inside, the one it is in: "next" moves on); when none is left
 * it wraps to the first such stretch of the recording. Null when no stretch is that long.
 */
export function nextUnheardGap(set: Coverage, fromMs: number, durationMs: number, minGapMs: number): { startMs: number; endMs: number } | null {
  if (!(durationMs > 0)) return null
  const gaps = unheardStretches(set, durationMs).filter(([s, e]) => e - s >= Math.max(1, minGapMs))
  const next = gaps.find(([s]) => s > fromMs) ?? gaps[0]
  return next ? { startMs: next[0], endMs: next[1] } : null
}
