import { afterEach, describe, expect, it } from 'vitest'
import { decodePeaksInWorkers, prewarmDecodeWorkers, runnableWorkerEntry, type DecodeStage } from '../../../../electron/services/media/decode-pool'
import { decodeFile } from '../../../../electron/services/media/pcm-decoders'
import { PeakAccumulator, type PeaksData } from '../../../../electron/services/media/peak-accumulator'
import { releaseWorker, stopIdleWorkers, takeWorkers } from '../../../../electron/services/media/warm-workers'
import { ensureLongRecording } from '../../../fixtures/audio/generate'

/*
 * Decode workers started ahead and kept warm (warm-workers.ts): a warm worker decodes exactly as
 * a new one, a cancelled or still-busy worker is never handed out again, and the stages of a
 * decode come in order (the benches' breakdown).
 */

afterEach(async () => {
  await stopIdleWorkers()
})

async function singleThreadPeaks(path: string): Promise<PeaksData> {
  const accumulator = new PeakAccumulator(100, 1 << 20)
  await decodeFile(path, 'mp3', (channels, frames, sampleRate) => accumulator.add(channels, frames, sampleRate))
  return accumulator.finish()
}

function worstDifference(a: PeaksData, b: PeaksData): number {
  let worst = 0
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a.min[i]! - b.min[i]!), Math.abs(a.max[i]! - b.max[i]!))
  return worst
}

const options = { peaksPerSecond: 100, maxBuckets: 1 << 20, workers: 2, minSplitBytes: 0 }

describe('warm decode workers', () => {
  it('prewarmed workers are reused, decode after decode, with the same peaks as one thread', async () => {
    const path = await ensureLongRecording(0.05, 'mp3')
    const reference = await singleThreadPeaks(path)
    await prewarmDecodeWorkers({ kind: 'mp3', workers: 2 })
    for (let round = 0; round < 2; round++) {
      const stages: DecodeStage[] = []
      const peaks = await decodePeaksInWorkers(path, 'mp3', { ...options, onStage: (stage) => stages.push(stage) })
      expect(stages).toContain('workers-reused')
      expect(peaks.length).toBe(reference.length)
      expect(worstDifference(peaks, reference)).toBeLessThan(1e-4)
    }
  })

  it("a decode's stages come in order, from the worker entry to the whole result", async () => {
    const path = await ensureLongRecording(0.05, 'mp3')
    // Each stage's first time: two workers each report when their decoder is ready, and the second
    // may be ready after the first one's first chunk.
    const at = new Map<DecodeStage, number>()
    await decodePeaksInWorkers(path, 'mp3', { ...options, onStage: (stage, time) => { if (!at.has(stage)) at.set(stage, time) } })
    const order: DecodeStage[] = ['entry-ready', 'workers-taken', 'plan', 'first-peaks', 'decoded']
    for (const stage of order) expect(at.has(stage), stage).toBe(true)
    for (let k = 1; k < order.length; k++) expect(at.get(order[k]!)!).toBeGreaterThanOrEqual(at.get(order[k - 1]!)!)
    // The worker's own marks (its clock turned into ours) fall between the plan's start and the first peaks.
    expect(at.get('first-chunk')!).toBeLessThanOrEqual(at.get('first-peaks')!)
    expect(at.get('decoder-ready')!).toBeLessThanOrEqual(at.get('first-chunk')!)
  })

  it('a cancelled decode stops its workers; the next decode gets fresh ones and the same peaks', async () => {
    const path = await ensureLongRecording(0.05, 'mp3')
    const reference = await singleThreadPeaks(path)
    await prewarmDecodeWorkers({ kind: 'mp3', workers: 2 })
    const controller = new AbortController()
    const cancelled = decodePeaksInWorkers(path, 'mp3', { ...options, signal: controller.signal, onPeaks: () => controller.abort() })
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' })
    const stages: DecodeStage[] = []
    const peaks = await decodePeaksInWorkers(path, 'mp3', { ...options, onStage: (stage) => stages.push(stage) })
    // Both were mid-decode when cancelled: neither went back to the idle list.
    expect(stages).toContain('workers-taken')
    expect(stages).not.toContain('workers-reused')
    expect(worstDifference(peaks, reference)).toBeLessThan(1e-4)
  })

  it('a worker given back while still in a job (another part failed) is stopped, not reused', async () => {
    const path = await ensureLongRecording(0.05, 'mp3')
    const entry = await runnableWorkerEntry()
    const { workers } = takeWorkers(entry, 256, 1, 'mp3')
    const worker = workers[0]!
    const job = worker.run({ type: 'whole', path, kind: 'mp3', pps: 100, maxBuckets: 1 << 20 })
    expect(worker.busy).toBe(true)
    releaseWorker(worker)
    await expect(job).rejects.toMatchObject({ code: 'cancelled' })
    expect(takeWorkers(entry, 256, 1, null).reused).toBe(0)
  })
})
