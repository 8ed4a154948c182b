/*
 * Sequence alignment for words: which items of `a` and `b` are "the same word". Used to tie a
 * segment's displayText tokens to its timed displayWords, and to diff a segment against what
 * was loaded. Common prefix and suffix are matched first, so the quadratic part only ever sees
 * the region that really differs.
 */

/** One pairing: a[i] matches b[j]. */
export interface AlignedPair {
  readonly i: number
  readonly j: number
}

/** Above this many cells the middle is left unmatched rather than risk a slow LCS (pathological input). */
const maxCells = 4_000_000

/** The longest common subsequence of `a` and `b` under `same`, as index pairs in increasing order. */
export function alignSequences<A, B>(a: readonly A[], b: readonly B[], same: (x: A, y: B) => boolean): AlignedPair[] {
  const pairs: AlignedPair[] = []
  let start = 0
  while (start < a.length && start < b.length && same(a[start], b[start])) {
    pairs.push({ i: start, j: start })
    start++
  }
  let endA = a.length
  let endB = b.length
  const tail: AlignedPair[] = []
  while (endA > start && endB > start && same(a[endA - 1], b[endB - 1])) {
    endA--
    endB--
    tail.push({ i: endA, j: endB })
  }
  const n = endA - start
  const m = endB - start
  if (n > 0 && m > 0 && n * m <= maxCells) {
    // Classic LCS table over the differing middle; (n+1)*(m+1) lengths in one typed array.
    const width = m + 1
    const table = new Uint32Array((n + 1) * width)
    for (let x = n - 1; x >= 0; x--) {
      for (let y = m - 1; y >= 0; y--) {
        table[x * width + y] = same(a[start + x], b[start + y])
          ? table[(x + 1) * width + y + 1] + 1
          : Math.max(table[(x + 1) * width + y], table[x * width + y + 1])
      }
    }
    let x = 0
    let y = 0
    while (x < n && y < m) {
      if (same(a[start + x], b[start + y])) {
        pairs.push({ i: start + x, j: start + y })
        x++
        y++
      } else if (table[(x + 1) * width + y] >= table[x * width + y + 1]) x++
      else y++
    }
  }
  for (let k = tail.length - 1; k >= 0; k--) pairs.push(tail[k])
  return pairs
}
