import { afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPeaksService } from '../../../../electron/services/media/peaks'
import { decodePeaksInWorkers, encodePeaksFileInWorker, prewarmDecodeWorkers } from '../../../../electron/services/media/decode-pool'
import { encodePeaksFile } from '../../../../electron/services/media/peaks-file'
import { idleWorkerCount, liveWorkerCount, stopIdleWorkers } from '../../../../electron/services/media/warm-workers'
import { ensureLongRecording } from '../../../fixtures/audio/generate'

/*
 * What main's own thread does around a decode (issue 21: its event loop never held > 10 ms),
 * pinned by mechanism rather than by time: profiling showed the blocks were the 8 MB copy of the
 * peaks into the cache encoder's message, filling the fresh 8 MB result with ±Infinity, and
 * starting two worker threads in one turn of the loop.
 */

afterEach(async () => {
  await stopIdleWorkers()
})

const options = { peaksPerSecond: 100, maxBuckets: 1 << 20, workers: 2, minSplitBytes: 0 }

describe("main's loop while decoding", () => {
  it('a parallel decode merges into shared memory, which the cache encoder reads without a copy and encodes as main would', async () => {
    const path = await ensureLongRecording(0.05, 'mp3')
    const peaks = await decodePeaksInWorkers(path, 'mp3', options)
    expect(peaks.min.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(peaks.max.buffer).toBeInstanceOf(SharedArrayBuffer)
    // Every bucket was written (the arrays start zeroed, not ±Infinity): a real range of values.
    expect(peaks.min.some((v) => v < -0.01)).toBe(true)
    expect(peaks.max.some((v) => v > 0.01)).toBe(true)
    const key = { path, size: 1, mtimeMs: 2, requestedPeaksPerSecond: 100 }
    const inWorker = await encodePeaksFileInWorker(key, peaks)
    expect(Buffer.from(inWorker).equals(Buffer.from(encodePeaksFile(key, peaks)))).toBe(true)
  })

  it('starting decode workers ahead starts one thread per turn of the loop', async () => {
    await prewarmDecodeWorkers({ kind: 'mp3', workers: 2 })
    expect(idleWorkerCount()).toBe(1)
    await new Promise((resolve) => setImmediate(resolve))
    expect(idleWorkerCount()).toBe(2)
    // Already there: no more are started.
    await prewarmDecodeWorkers({ kind: 'mp3', workers: 2 })
    await new Promise((resolve) => setImmediate(resolve))
    expect(idleWorkerCount()).toBe(2)
  })

  it('a decode whose workers start on the request starts one thread per turn of the loop, the lead first', async () => {
    const path = await ensureLongRecording(0.05, 'mp3')
    let startedInFirstTurn: number | null = null
    const peaks = await decodePeaksInWorkers(path, 'mp3', {
      ...options,
      onStage: (stage) => {
        // Called just before the workers are taken: the next turn of the loop sees the first turn's threads.
        if (stage === 'entry-ready') setImmediate(() => void liveWorkerCount().then((n) => (startedInFirstTurn = n)))
      }
    })
    expect(startedInFirstTurn).toBe(1)
    expect(await liveWorkerCount()).toBe(2)
    expect(peaks.max.some((v) => v > 0.01)).toBe(true)
  })
})

describe('a reopened task with cached peaks', () => {
  it('starts no decode workers ahead: nothing competes with the page for the cores', async () => {
    const path = await ensureLongRecording(0.05, 'mp3')
    const cacheDir = await mkdtemp(join(tmpdir(), 'sdte-main-loop-'))
    try {
      const service = createPeaksService({ cacheDir, workers: 2 })
      // Not cached yet: the workers start.
      await service.prewarm(path, 'task-1')
      expect(idleWorkerCount()).toBe(1)
      expect(await service.getPeaks('task-1', path)).toMatchObject({ status: 'ready', fromCache: false })
      await stopIdleWorkers()
      await service.prewarm(path, 'task-1')
      await new Promise((resolve) => setImmediate(resolve))
      expect(idleWorkerCount()).toBe(0)
      // Another task's recording (no cache) still gets them.
      await service.prewarm(path, 'task-2')
      expect(idleWorkerCount()).toBe(1)
    } finally {
      await rm(cacheDir, { recursive: true, force: true })
    }
  })
})
