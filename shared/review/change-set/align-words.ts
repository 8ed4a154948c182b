/*
 * Word-level alignment of the reviewed transcript (the reference) with the recogniser's words
 * (the hypothesis), over the whole transcript at once: segments may have been split or merged,
 * so a per-segment diff would count a moved paragraph break as errors.
 *
 * A plain Levenshtein table is n×m cells: 45,000 words each way on a 6-hour task is two billion.
 * So the alignment works between anchors, the way a reviewer would see it:
 *  1. time anchors — a word whose key and start time are both unchanged is the same word (an
 *     edit re-times only the words it touches), kept as a monotone chain (longest increasing);
 *  2. inside a gap that is still too big, unique anchors — a key that occurs exactly once on
 *     each side of the gap (patience diff);
 *  3. between anchors, the minimum edit distance (substitution = deletion = insertion = 1),
 *     exact; only a gap with no anchor at all and more than `maxCells` cells is cut into
 *     proportional pieces (an upper bound on the distance, never reached by real reviews).
 */

/** A token to align: its comparison key and its start time (null when untimed). */
export interface AlignToken {
  readonly key: string
  readonly startMs: number | null
}

/** One step of the alignment. `ref`/`hyp` index the inputs; absent on the side that has no word. */
export type AlignStep =
  | { readonly op: 'match'; readonly ref: number; readonly hyp: number }
  | { readonly op: 'substitution'; readonly ref: number; readonly hyp: number }
  /** The recogniser missed a reference word (the reviewer added it). */
  | { readonly op: 'deletion'; readonly ref: number }
  /** The recogniser produced a word the reference does not have (the reviewer removed it). */
  | { readonly op: 'insertion'; readonly hyp: number }

/** Above this many cells a gap is split further rather than filled as one table. */
export const maxCells = 4_000_000

interface Pair {
  readonly i: number
  readonly j: number
}

/** The pairs whose `j` rise with `i` the longest way (pairs come sorted by `i`). */
function longestIncreasing(pairs: readonly Pair[]): Pair[] {
  const tails: number[] = []
  const prev = new Int32Array(pairs.length).fill(-1)
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (pairs[tails[mid]].j < pairs[k].j) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) prev[k] = tails[lo - 1]
    tails[lo] = k
  }
  const out: Pair[] = []
  for (let k = tails.length ? tails[tails.length - 1] : -1; k !== -1; k = prev[k]) out.push(pairs[k])
  return out.reverse()
}

/** Same key at the same start time, paired in order of appearance. */
function timeAnchors(ref: readonly AlignToken[], hyp: readonly AlignToken[]): Pair[] {
  // Keys are interned to small numbers so (time, key) is one number: no string per word.
  const ids = new Map<string, number>()
  const idOf = (k: string) => {
    let id = ids.get(k)
    if (id === undefined) ids.set(k, (id = ids.size))
    return id
  }
  const slot = (t: AlignToken) => (t.startMs as number) * 1_048_576 + idOf(t.key)
  const byKey = new Map<number, number | number[]>()
  for (let j = 0; j < hyp.length; j++) {
    if (hyp[j].startMs === null) continue
    const k = slot(hyp[j])
    const seen = byKey.get(k)
    if (seen === undefined) byKey.set(k, j)
    else if (typeof seen === 'number') byKey.set(k, [seen, j])
    else seen.push(j)
  }
  const pairs: Pair[] = []
  for (let i = 0; i < ref.length; i++) {
    if (ref[i].startMs === null) continue
    const k = slot(ref[i])
    const seen = byKey.get(k)
    if (seen === undefined) continue
    if (typeof seen === 'number') {
      pairs.push({ i, j: seen })
      byKey.delete(k)
    } else {
      const j = seen.shift()
      if (j !== undefined) pairs.push({ i, j })
    }
  }
  return longestIncreasing(pairs)
}

/** Keys occurring once in ref[a0,a1) and once in hyp[b0,b1), paired and made monotone. */
function uniqueAnchors(ref: readonly AlignToken[], hyp: readonly AlignToken[], a0: number, a1: number, b0: number, b1: number): Pair[] {
  const count = (tokens: readonly AlignToken[], from: number, to: number) => {
    const seen = new Map<string, number>()
    for (let k = from; k < to; k++) seen.set(tokens[k].key, seen.has(tokens[k].key) ? -1 : k)
    return seen
  }
  const inRef = count(ref, a0, a1)
  const inHyp = count(hyp, b0, b1)
  const pairs: Pair[] = []
  for (let i = a0; i < a1; i++) {
    const j = inHyp.get(ref[i].key)
    if (inRef.get(ref[i].key) === i && j !== undefined && j >= 0) pairs.push({ i, j })
  }
  return longestIncreasing(pairs)
}

const diag = 0
const up = 1 // a deletion: ref word with no hyp word
const left = 2 // an insertion: hyp word with no ref word

/** Minimum-edit-distance alignment of ref[a0,a1) and hyp[b0,b1), appended to `out`. */
function levenshtein(ref: readonly AlignToken[], hyp: readonly AlignToken[], a0: number, a1: number, b0: number, b1: number, out: AlignStep[]): void {
  const n = a1 - a0
  const m = b1 - b0
  // Most gaps between anchors are empty or one-sided: no table for those.
  if (n === 0 || m === 0) {
    for (let i = a0; i < a1; i++) out.push({ op: 'deletion', ref: i })
    for (let j = b0; j < b1; j++) out.push({ op: 'insertion', hyp: j })
    return
  }
  if (n === 1 && m === 1) {
    out.push(ref[a0].key === hyp[b0].key ? { op: 'match', ref: a0, hyp: b0 } : { op: 'substitution', ref: a0, hyp: b0 })
    return
  }
  const width = m + 1
  const from = new Uint8Array((n + 1) * width)
  let row = new Uint32Array(width)
  let next = new Uint32Array(width)
  for (let y = 0; y <= m; y++) {
    row[y] = y
    from[y] = left
  }
  for (let x = 1; x <= n; x++) {
    next[0] = x
    from[x * width] = up
    const key = ref[a0 + x - 1].key
    for (let y = 1; y <= m; y++) {
      // Ties prefer the diagonal, so "a b" → "c d" reads as two substitutions, not 2+2.
      let best = row[y - 1] + (key === hyp[b0 + y - 1].key ? 0 : 1)
      let how = diag
      if (row[y] + 1 < best) {
        best = row[y] + 1
        how = up
      }
      if (next[y - 1] + 1 < best) {
        best = next[y - 1] + 1
        how = left
      }
      next[y] = best
      from[x * width + y] = how
    }
    const t = row
    row = next
    next = t
  }
  const steps: AlignStep[] = []
  let x = n
  let y = m
  while (x > 0 || y > 0) {
    const how = x === 0 ? left : y === 0 ? up : from[x * width + y]
    if (how === diag) {
      const i = a0 + x - 1
      const j = b0 + y - 1
      steps.push(ref[i].key === hyp[j].key ? { op: 'match', ref: i, hyp: j } : { op: 'substitution', ref: i, hyp: j })
      x--
      y--
    } else if (how === up) {
      steps.push({ op: 'deletion', ref: a0 + x - 1 })
      x--
    } else {
      steps.push({ op: 'insertion', hyp: b0 + y - 1 })
      y--
    }
  }
  for (let k = steps.length - 1; k >= 0; k--) out.push(steps[k])
}

/** Aligns one gap between anchors, finding more anchors or cutting it when it is too big. */
function alignGap(ref: readonly AlignToken[], hyp: readonly AlignToken[], a0: number, a1: number, b0: number, b1: number, out: AlignStep[]): void {
  const n = a1 - a0
  const m = b1 - b0
  if (n === 0 || m === 0 || n * m <= maxCells) {
    levenshtein(ref, hyp, a0, a1, b0, b1, out)
    return
  }
  const anchors = uniqueAnchors(ref, hyp, a0, a1, b0, b1)
  if (anchors.length > 0) {
    alignBetween(ref, hyp, anchors, a0, a1, b0, b1, out, false)
    return
  }
  // No anchor at all in a huge gap: proportional pieces, each small enough for a table.
  const pieces = Math.ceil((n * m) / maxCells)
  for (let p = 0; p < pieces; p++) {
    levenshtein(ref, hyp, a0 + Math.floor((n * p) / pieces), a0 + Math.floor((n * (p + 1)) / pieces), b0 + Math.floor((m * p) / pieces), b0 + Math.floor((m * (p + 1)) / pieces), out)
  }
}

function alignBetween(ref: readonly AlignToken[], hyp: readonly AlignToken[], anchors: readonly Pair[], a0: number, a1: number, b0: number, b1: number, out: AlignStep[], recurse: boolean): void {
  let i = a0
  let j = b0
  for (const p of anchors) {
    if (recurse) alignGap(ref, hyp, i, p.i, j, p.j, out)
    else levenshteinOrCut(ref, hyp, i, p.i, j, p.j, out)
    out.push({ op: 'match', ref: p.i, hyp: p.j })
    i = p.i + 1
    j = p.j + 1
  }
  if (recurse) alignGap(ref, hyp, i, a1, j, b1, out)
  else levenshteinOrCut(ref, hyp, i, a1, j, b1, out)
}

/** Between unique anchors: a table, or proportional pieces (no second round of unique anchors). */
function levenshteinOrCut(ref: readonly AlignToken[], hyp: readonly AlignToken[], a0: number, a1: number, b0: number, b1: number, out: AlignStep[]): void {
  const n = a1 - a0
  const m = b1 - b0
  const pieces = n === 0 || m === 0 ? 1 : Math.ceil((n * m) / maxCells)
  for (let p = 0; p < pieces; p++) {
    levenshtein(ref, hyp, a0 + Math.floor((n * p) / pieces), a0 + Math.floor((n * (p + 1)) / pieces), b0 + Math.floor((m * p) / pieces), b0 + Math.floor((m * (p + 1)) / pieces), out)
  }
}

/** Aligns the reference (reviewed) tokens with the hypothesis (recogniser) tokens; every index appears exactly once. */
export function alignWords(ref: readonly AlignToken[], hyp: readonly AlignToken[]): AlignStep[] {
  const out: AlignStep[] = []
  alignBetween(ref, hyp, timeAnchors(ref, hyp), 0, ref.length, 0, hyp.length, out, true)
  return out
}
