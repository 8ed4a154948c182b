/*
 * Min/max peaks of a PCM stream at a fixed time resolution, in bounded memory.
 *
 * Bucket i covers frames [i·sr/pps, (i+1)·sr/pps): computed from the frame index, not from a
 * rounded samples-per-bucket, so 22.05 kHz or 11.025 kHz sources stay in step with the clock.
 * When the bucket count reaches `maxBuckets` (a long recording), adjacent buckets are merged
 * pairwise and the resolution halves, so memory never grows past the cap whatever the length,
 * and the length does not need to be known in advance (it is not, for mp3 or ogg).
 */

/** The peaks of one recording: per bucket, the min and max sample over all channels, in -1..1. */
export interface PeaksData {
  /** Length of the decoded audio, integer milliseconds. */
  readonly durationMs: number
  /** Sample rate of the decoded audio (Hz). */
  readonly sampleRate: number
  /** Buckets per second of audio (100 unless halved for a long recording). */
  readonly peaksPerSecond: number
  /** Number of buckets. */
  readonly length: number
  readonly min: Float32Array
  readonly max: Float32Array
}

/** Accumulates min/max buckets from decoded PCM chunks. */
export class PeakAccumulator {
  private pps: number
  private sampleRate = 0
  private frames = 0
  private count = 0
  private mins: Float32Array
  private maxs: Float32Array
  private curMin = Infinity
  private curMax = -Infinity
  private nextBoundary = 0

  constructor(
    peaksPerSecond: number,
    private readonly maxBuckets: number
  ) {
    if (!(peaksPerSecond > 0) || maxBuckets < 2) throw new RangeError('peaksPerSecond > 0 and maxBuckets >= 2 required')
    this.pps = peaksPerSecond
    const initial = Math.min(maxBuckets, 16_384)
    this.mins = new Float32Array(initial)
    this.maxs = new Float32Array(initial)
  }

  /** Frames seen so far. */
  get frameCount(): number {
    return this.frames
  }

  /** Adds `frames` frames of planar float samples (any channel count, same rate throughout). */
  add(channels: readonly Float32Array[], frames: number, sampleRate: number): void {
    if (frames <= 0 || channels.length === 0) return
    if (this.sampleRate === 0) {
      this.sampleRate = sampleRate
      this.nextBoundary = this.boundaryAfter(0)
    }
    const channelCount = channels.length
    let curMin = this.curMin
    let curMax = this.curMax
    let i = 0
    while (i < frames) {
      // Frames until the current bucket ends; scan that run without per-frame bookkeeping.
      const runEnd = Math.min(frames, i + (this.nextBoundary - (this.frames + i)))
      for (let c = 0; c < channelCount; c++) {
        const data = channels[c]!
        for (let j = i; j < runEnd; j++) {
          const v = data[j]!
          if (v < curMin) curMin = v
          if (v > curMax) curMax = v
        }
      }
      i = runEnd
      if (this.frames + i >= this.nextBoundary) {
        this.curMin = curMin
        this.curMax = curMax
        this.bucketEnded()
        curMin = this.curMin
        curMax = this.curMax
      }
    }
    this.curMin = curMin
    this.curMax = curMax
    this.frames += frames
  }

  /** The peaks so far, including a partial last bucket. */
  finish(): PeaksData {
    let length = this.count
    let mins = this.mins
    let maxs = this.maxs
    if (this.curMin !== Infinity) {
      if (length === mins.length) {
        mins = grow(mins, length + 1)
        maxs = grow(maxs, length + 1)
      }
      mins[length] = clamp(this.curMin)
      maxs[length] = clamp(this.curMax)
      length++
    }
    return {
      durationMs: this.sampleRate === 0 ? 0 : Math.round((this.frames * 1000) / this.sampleRate),
      sampleRate: this.sampleRate,
      peaksPerSecond: this.pps,
      length,
      min: mins.slice(0, length),
      max: maxs.slice(0, length)
    }
  }

  /** The first frame of bucket `index + 1`. */
  private boundaryAfter(index: number): number {
    return Math.ceil(((index + 1) * this.sampleRate) / this.pps)
  }

  /** The bucket `count` (in curMin/curMax) has ended: store it, or halve first at the cap. */
  private bucketEnded(): void {
    if (this.count === this.maxBuckets) {
      const n = this.count
      this.halve()
      if (n % 2 === 0) {
        // The ended bucket is the first half of new bucket n/2: keep accumulating into it.
        this.nextBoundary = this.boundaryAfter(this.count)
        return
      }
    }
    if (this.count === this.mins.length) {
      const size = Math.min(this.maxBuckets, this.mins.length * 2)
      this.mins = grow(this.mins, size)
      this.maxs = grow(this.maxs, size)
    }
    this.mins[this.count] = clamp(this.curMin)
    this.maxs[this.count] = clamp(this.curMax)
    this.count++
    this.curMin = Infinity
    this.curMax = -Infinity
    this.nextBoundary = this.boundaryAfter(this.count)
  }

  /**
   * Merges buckets pairwise and halves the resolution. With an odd count the last stored bucket
   * pairs with the one that just ended, so it is folded into the running min/max.
   */
  private halve(): void {
    const n = this.count
    const pairs = Math.floor(n / 2)
    for (let k = 0; k < pairs; k++) {
      this.mins[k] = Math.min(this.mins[2 * k]!, this.mins[2 * k + 1]!)
      this.maxs[k] = Math.max(this.maxs[2 * k]!, this.maxs[2 * k + 1]!)
    }
    if (n % 2 === 1) {
      this.curMin = Math.min(this.curMin, this.mins[n - 1]!)
      this.curMax = Math.max(this.curMax, this.maxs[n - 1]!)
    }
    this.count = pairs
    this.pps /= 2
  }
}

/** Interleaves min/max as [min0, max0, min1, max1, …], the shape wavesurfer draws as one channel. */
export function interleavePeaks(peaks: Pick<PeaksData, 'min' | 'max' | 'length'>): Float32Array {
  const out = new Float32Array(peaks.length * 2)
  for (let i = 0; i < peaks.length; i++) {
    out[2 * i] = peaks.min[i]!
    out[2 * i + 1] = peaks.max[i]!
  }
  return out
}

function grow(array: Float32Array, size: number): Float32Array {
  const next = new Float32Array(size)
  next.set(array.subarray(0, Math.min(array.length, size)))
  return next
}

function clamp(value: number): number {
  return value < -1 ? -1 : value > 1 ? 1 : value
}
