import type { PeaksData } from './peak-accumulator'
import { levelFactor, levelLengths, type PeaksRange } from './peaks-file'

/*
 * The coarser levels of a decode still under way, kept up to date as its buckets are merged, so
 * a view's request reads them instead of recomputing them from the detail level: the overview
 * of a 3-hour recording looped over all ~1M detail buckets on main's thread, and the renderer
 * asks for it again at every progress step (20+ times a decode). Each merged batch updates only
 * the coarse buckets above it (~1.14 × its length in all).
 */

/** Levels 1..n of a decode under way, over its detail peaks (level 0, filled in place). */
export class PartialLevels {
  /** Level k's mins and maxes at index k - 1; the same lengths as `levelLengths`. */
  private readonly coarse: Array<{ min: Float32Array; max: Float32Array }>

  constructor(readonly peaks: PeaksData) {
    this.coarse = levelLengths(peaks.length)
      .slice(1)
      .map((length) => ({ min: new Float32Array(length), max: new Float32Array(length) }))
  }

  /** Brings every coarser level up to date after detail buckets [first, first + count) changed. */
  update(first: number, count: number): void {
    let from = Math.max(0, first)
    let to = Math.min(this.peaks.length, first + count)
    let below: { min: Float32Array; max: Float32Array } = this.peaks
    let belowLength = this.peaks.length
    for (const level of this.coarse) {
      if (to <= from) return
      from = Math.floor(from / levelFactor)
      to = Math.ceil(to / levelFactor)
      for (let j = from; j < to; j++) {
        let lo = Infinity
        let hi = -Infinity
        for (let i = j * levelFactor, end = Math.min(belowLength, (j + 1) * levelFactor); i < end; i++) {
          const low = below.min[i]!
          const high = below.max[i]!
          if (low < lo) lo = low
          if (high > hi) hi = high
        }
        level.min[j] = lo
        level.max[j] = hi
      }
      below = level
      belowLength = level.min.length
    }
  }

  /** Buckets [start, end) of level `level` (clamped), copied: the same answer as `rangeFromPeaks` on the detail so far. */
  range(level: number, start: number, end: number): PeaksRange {
    const chosen = Math.max(0, Math.min(this.coarse.length, level))
    const series = chosen === 0 ? { min: this.peaks.min.subarray(0, this.peaks.length), max: this.peaks.max.subarray(0, this.peaks.length) } : this.coarse[chosen - 1]!
    const length = series.min.length
    const from = Math.max(0, Math.min(length, Math.floor(start)))
    const to = Math.max(from, Math.min(length, Math.ceil(end)))
    const min = series.min.slice(from, to)
    const max = series.max.slice(from, to)
    // Buckets not decoded yet (zero, or ±Infinity) read as silence, as `rangeFromPeaks` reads them.
    for (let i = 0; i < min.length; i++) {
      if (min[i] === Infinity) min[i] = 0
      if (max[i] === -Infinity) max[i] = 0
    }
    return { level: chosen, peaksPerSecond: this.peaks.peaksPerSecond / levelFactor ** chosen, start: from, levelLength: length, min, max }
  }
}
