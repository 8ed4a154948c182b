/*
 * Peaks of one part of a recording on the whole recording's bucket grid, for parallel and
 * progressive decoding. Buckets follow PeakAccumulator exactly (bucket i starts at frame
 * ceil(i·sr/pps)); a part's first and last buckets may be partial, and min/max of the partial
 * halves from neighbouring parts merge to exactly the bucket a whole decode computes.
 */

/** First sample frame of bucket `index` (the same arithmetic as PeakAccumulator). */
export function bucketStart(index: number, sampleRate: number, pps: number): number {
  return index === 0 ? 0 : Math.ceil((index * sampleRate) / pps)
}

/** The bucket holding sample frame `frame`. */
export function bucketOf(frame: number, sampleRate: number, pps: number): number {
  let index = Math.floor((frame * pps) / sampleRate)
  // Float rounding can put the estimate one off either way: settle it on the exact boundaries.
  while (index > 0 && bucketStart(index, sampleRate, pps) > frame) index--
  while (bucketStart(index + 1, sampleRate, pps) <= frame) index++
  return index
}

/** The resolution PeakAccumulator ends at for `total` frames: halved while the cap would be passed. */
export function gridRate(total: number, sampleRate: number, pps: number, maxBuckets: number): number {
  let rate = pps
  while (Math.ceil(((maxBuckets + 1) * sampleRate) / rate) <= total) rate /= 2
  return rate
}

/** A batch of buckets: `min[k]`, `max[k]` belong to bucket `first + k`. */
export interface PeaksBatch {
  readonly first: number
  readonly min: Float32Array
  readonly max: Float32Array
}

/** Accumulates the buckets of a run of frames that starts at global frame `firstFrame`. */
export class SegmentPeaks {
  private frame: number
  private bucket: number
  private boundary: number
  private curMin = Infinity
  private curMax = -Infinity
  private pendingFirst: number
  private pendingMin: number[] = []
  private pendingMax: number[] = []

  constructor(
    firstFrame: number,
    private readonly sampleRate: number,
    private readonly pps: number
  ) {
    this.frame = firstFrame
    this.bucket = bucketOf(firstFrame, sampleRate, pps)
    this.boundary = bucketStart(this.bucket + 1, sampleRate, pps)
    this.pendingFirst = this.bucket
  }

  /** Completed buckets not yet taken. */
  get pending(): number {
    return this.pendingMin.length
  }

  /** Adds frames [from, to) of planar samples. */
  add(channels: readonly Float32Array[], from: number, to: number): void {
    let curMin = this.curMin
    let curMax = this.curMax
    let i = from
    while (i < to) {
      const runEnd = Math.min(to, i + (this.boundary - this.frame))
      for (const data of channels) {
        for (let j = i; j < runEnd; j++) {
          const v = data[j]!
          if (v < curMin) curMin = v
          if (v > curMax) curMax = v
        }
      }
      this.frame += runEnd - i
      i = runEnd
      if (this.frame >= this.boundary) {
        this.pendingMin.push(clamp(curMin))
        this.pendingMax.push(clamp(curMax))
        curMin = Infinity
        curMax = -Infinity
        this.bucket++
        this.boundary = bucketStart(this.bucket + 1, this.sampleRate, this.pps)
      }
    }
    this.curMin = curMin
    this.curMax = curMax
  }

  /** The completed buckets since the last call (and, when `final`, the partial last one), or null. */
  take(final: boolean): PeaksBatch | null {
    if (final && this.curMin !== Infinity) {
      this.pendingMin.push(clamp(this.curMin))
      this.pendingMax.push(clamp(this.curMax))
      this.curMin = Infinity
      this.curMax = -Infinity
    }
    if (this.pendingMin.length === 0) return null
    const batch = { first: this.pendingFirst, min: Float32Array.from(this.pendingMin), max: Float32Array.from(this.pendingMax) }
    this.pendingFirst += this.pendingMin.length
    this.pendingMin = []
    this.pendingMax = []
    return batch
  }
}

function clamp(value: number): number {
  return value < -1 ? -1 : value > 1 ? 1 : value
}
