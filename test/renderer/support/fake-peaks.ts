import { levelFactor, levelLengths, rangeFromPeaks } from '../../../electron/services/media/peaks-file'
import { interleavePeaks } from '../../../electron/services/media/peak-accumulator'
import type { PeaksData } from '../../../electron/services/media/peak-accumulator'

/*
 * Main's /peaks/<key> answers for renderer tests, computed by main's own pure range code
 * (peaks-file.ts rangeFromPeaks) from peaks a test fills in as a "decode" goes on: `?levels`,
 * `?level=L&start=S&end=E`, and 404 before any buckets exist. Every request is recorded.
 */

/** A fake peaks endpoint over `peaks`, which the test may fill in place. */
export interface FakePeaks {
  readonly peaks: PeaksData
  /** False until the first buckets are "decoded" (then ?levels answers 404, like main). */
  available: boolean
  /** False while the "decode" runs. */
  complete: boolean
  readonly requests: string[]
  /** Bytes of peaks answered (levels JSON excluded). */
  bytes: number
  fetch: typeof fetch
  /** Marks buckets [first, first + count) as decoded with the given value (min -v, max v). */
  decode(first: number, count: number, value: number): void
}

/** Peaks of `seconds` of audio at `peaksPerSecond`, nothing decoded yet (±Infinity, as main's decode starts). */
export function fakePeaks(seconds: number, peaksPerSecond = 100): FakePeaks {
  const length = Math.round(seconds * peaksPerSecond)
  const peaks: PeaksData = { durationMs: seconds * 1000, sampleRate: 44100, peaksPerSecond, length, min: new Float32Array(length).fill(Infinity), max: new Float32Array(length).fill(-Infinity) }
  const fake: FakePeaks = {
    peaks,
    available: false,
    complete: false,
    requests: [],
    bytes: 0,
    fetch: (async (input: RequestInfo | URL) => {
      const url = new URL(String(input))
      fake.requests.push(`${url.pathname}${url.search}`)
      if (!fake.available) return new Response(null, { status: 404 })
      const q = url.searchParams
      if (q.has('levels')) {
        const levels = levelLengths(length).map((n, k) => ({ peaksPerSecond: peaksPerSecond / levelFactor ** k, length: n }))
        return new Response(JSON.stringify({ complete: fake.complete, durationMs: peaks.durationMs, sampleRate: peaks.sampleRate, levels }), { headers: { 'Content-Type': 'application/json' } })
      }
      const range = q.has('level') ? rangeFromPeaks(peaks, Number(q.get('level')), Number(q.get('start')), Number(q.get('end'))) : rangeFromPeaks(peaks, 0, 0, length)
      const body = interleavePeaks({ min: range.min, max: range.max, length: range.min.length })
      fake.bytes += body.byteLength
      return new Response(body.buffer as ArrayBuffer)
    }) as typeof fetch,
    decode(first, count, value) {
      fake.available = true
      peaks.min.fill(-value, first, first + count)
      peaks.max.fill(value, first, first + count)
    }
  }
  return fake
}
