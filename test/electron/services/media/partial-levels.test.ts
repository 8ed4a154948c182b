import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PartialLevels } from '../../../../electron/services/media/partial-levels'
import { createPeaksService, type PeaksData } from '../../../../electron/services/media/peaks'
import { levelLengths, rangeFromPeaks, type PeaksRange } from '../../../../electron/services/media/peaks-file'
import { stopIdleWorkers } from '../../../../electron/services/media/warm-workers'
import { ensureLongRecording } from '../../../fixtures/audio/generate'

/*
 * The coarser levels of a decode under way (partial-levels.ts) answer a view's request as the
 * detail level so far would (rangeFromPeaks), without looping over the detail level: the
 * overview of a 3-hour recording read all ~1M detail buckets on main's thread at every request.
 */

function emptyPeaks(length: number): PeaksData {
  return { durationMs: length * 10, sampleRate: 44_100, peaksPerSecond: 100, length, min: new Float32Array(length), max: new Float32Array(length) }
}

/** Merges a batch as the decode pool does: a bucket's first write sets it, a second one widens it. */
function merge(peaks: PeaksData, written: Uint8Array, first: number, values: number[]): number {
  const end = Math.min(peaks.length, first + values.length)
  for (let i = first; i < end; i++) {
    const v = values[i - first]!
    const lo = -Math.abs(v)
    const hi = Math.abs(v) / 2
    if (!written[i]) {
      written[i] = 1
      peaks.min[i] = lo
      peaks.max[i] = hi
    } else {
      peaks.min[i] = Math.min(peaks.min[i]!, lo)
      peaks.max[i] = Math.max(peaks.max[i]!, hi)
    }
  }
  return Math.max(0, end - first)
}

const plain = (range: PeaksRange): unknown => ({ ...range, min: [...range.min], max: [...range.max] })

describe('levels of a decode under way', () => {
  it('answer every level and range as the detail so far does, batch after batch (property)', () => {
    const batch = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), values: fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 3000 }) })
    const ask = fc.record({ level: fc.nat(4), start: fc.nat(40_000), span: fc.nat(50_000) })
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40_000 }), fc.array(fc.tuple(batch, ask), { minLength: 1, maxLength: 12 }), (length, steps) => {
        const peaks = emptyPeaks(length)
        const written = new Uint8Array(length)
        const levels = new PartialLevels(peaks)
        for (const [{ at, values }, { level, start, span }] of steps) {
          const first = Math.floor(at * length)
          levels.update(first, merge(peaks, written, first, values))
          expect(plain(levels.range(level, start, start + span))).toEqual(plain(rangeFromPeaks(peaks, level, start, start + span)))
        }
      }),
      { numRuns: 60 }
    )
  })

  it('read no detail bucket to answer a coarse level, and about one per merged bucket to keep up', () => {
    const length = 300_000
    const peaks = emptyPeaks(length)
    let reads = 0
    // Counts index reads of the detail arrays.
    const counted = (array: Float32Array): Float32Array =>
      new Proxy(array, {
        get: (target, key) => {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++
          return Reflect.get(target, key) as unknown
        }
      })
    const levels = new PartialLevels({ ...peaks, min: counted(peaks.min), max: counted(peaks.max) })
    const last = levelLengths(length).length - 1
    expect(last).toBe(3)
    for (let first = 0; first < length; first += 512) {
      for (let i = first; i < Math.min(length, first + 512); i++) peaks.min[i] = -(i % 97) / 97
      levels.update(first, 512)
    }
    // Each detail bucket read once for its min and once for its max.
    expect(reads).toBe(2 * length)
    reads = 0
    const overview = levels.range(last, 0, 1 << 30)
    const level1 = levels.range(1, 0, 1 << 30)
    expect(reads).toBe(0)
    expect(overview.min.length).toBe(levelLengths(length)[last])
    expect(level1.min.length).toBe(levelLengths(length)[1])
    expect(plain(overview)).toEqual(plain(rangeFromPeaks(peaks, last, 0, 1 << 30)))
  })

  it("through the peaks service: each request during a real decode is that moment's answer", async () => {
    const work = await mkdtemp(join(tmpdir(), 'sdte-partial-levels-'))
    try {
      const recording = await ensureLongRecording(0.05, 'mp3')
      const service = createPeaksService({ cacheDir: work, workers: 2, minSplitBytes: 0 })
      const checks: Array<Promise<void>> = []
      const result = await service.getPeaks(9, recording, {
        onPeaks: (peaks) => {
          // The reference is computed at the same moment as the request (before any await in it).
          const expected = [rangeFromPeaks(peaks, 1, 0, 1 << 30), rangeFromPeaks(peaks, 0, 100, 900)]
          const asked = Promise.all([service.readRange(9, recording, 1, 0, 1 << 30), service.readRange(9, recording, 0, 100, 900)])
          checks.push(asked.then((got) => expect(got.map((r) => plain(r!))).toEqual(expected.map(plain))))
        }
      })
      expect(result.status).toBe('ready')
      expect(checks.length).toBeGreaterThan(1)
      await Promise.all(checks)
    } finally {
      await stopIdleWorkers()
      await rm(work, { recursive: true, force: true })
    }
  })
})
