/*
 * Playback lookups run every animation frame on up to ~15k words (a 2-hour task), so they are
 * binary searches over a sorted sequence, never scans
 * (docs/architecture.md#the-renderers-conventions). One implementation for both sides.
 */

/** Index of the last of `count` ascending values (read by `valueAt`) that is <= `value`, or -1 when none is. */
export function lastIndexAtOrBefore(count: number, valueAt: (index: number) => number, value: number): number {
  let lo = 0
  let hi = count - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (valueAt(mid) <= value) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** Index of the last element of ascending `sorted` that is <= `value`, or -1 when none is. */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  return lastIndexAtOrBefore(sorted.length, (i) => sorted[i], value)
}

/** Index of the first element of ascending `sorted` that is > `value`, or `sorted.length`. */
export function firstAfter(sorted: ArrayLike<number>, value: number): number {
  return lastAtOrBefore(sorted, value) + 1
}

/** Index of the first of `count` ascending values (read by `valueAt`) that is >= `value`, or `count` when none is. */
export function firstIndexAtOrAfter(count: number, valueAt: (index: number) => number, value: number): number {
  let lo = 0
  let hi = count
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (valueAt(mid) < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
