import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMediaRoutes } from '../../../../electron/main/media-routes'
import { createDocumentFileCache } from '../../../../electron/services/documents/document-file-cache'
import { createMediaService } from '../../../../electron/services/media/media-cache'
import { createPeaksService, type PeaksData } from '../../../../electron/services/media/peaks'
import { levelFactor, overviewBuckets } from '../../../../electron/services/media/peaks-file'
import { ensureLongRecording } from '../../../fixtures/audio/generate'

/*
 * The cache keeps an overview and detail levels, and a
 * view fetches only the level and range it shows through the media protocol.
 */

let work: string
let recording: string
let detail: PeaksData
const taskId = 31

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sdte-peaks-levels-'))
  // 3 minutes at 100 buckets/s: 18 000 detail buckets, an overview of 2 250.
  recording = await ensureLongRecording(0.05, 'mp3')
  const result = await createPeaksService({ cacheDir: join(work, 'cache') }).getPeaks(taskId, recording)
  if (result.status !== 'ready') throw new Error(JSON.stringify(result))
  detail = result.peaks
}, 120_000)

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/** Each level's bucket j is the min/max of `levelFactor` buckets of the level below. */
function coarsen(min: Float32Array, max: Float32Array): { min: number[]; max: number[] } {
  const out = { min: [] as number[], max: [] as number[] }
  for (let j = 0; j * levelFactor < min.length; j++) {
    out.min.push(Math.min(...min.subarray(j * levelFactor, (j + 1) * levelFactor)))
    out.max.push(Math.max(...max.subarray(j * levelFactor, (j + 1) * levelFactor)))
  }
  return out
}

describe('multi-resolution peaks cache', () => {
  it('lists the detail level first and an overview of at most 4096 buckets last', async () => {
    const service = createPeaksService({ cacheDir: join(work, 'cache') })
    const levels = await service.readLevels(taskId, recording)
    expect(levels?.durationMs).toBe(detail.durationMs)
    expect(levels!.levels[0]).toEqual({ peaksPerSecond: 100, length: detail.length })
    expect(levels!.levels.at(-1)!.length).toBeLessThanOrEqual(overviewBuckets)
    expect(levels!.levels[1]).toEqual({ peaksPerSecond: 100 / levelFactor, length: Math.ceil(detail.length / levelFactor) })
  })

  it('reads a range of the detail level equal to the whole peaks there, and clamps past the end', async () => {
    const service = createPeaksService({ cacheDir: join(work, 'cache') })
    const range = await service.readRange(taskId, recording, 0, 9000, 9100)
    expect(range).toMatchObject({ level: 0, start: 9000, levelLength: detail.length, peaksPerSecond: 100 })
    for (let i = 0; i < 100; i++) {
      expect(Math.abs(range!.min[i]! - detail.min[9000 + i]!)).toBeLessThan(1e-4)
      expect(Math.abs(range!.max[i]! - detail.max[9000 + i]!)).toBeLessThan(1e-4)
    }
    const tail = await service.readRange(taskId, recording, 0, detail.length - 5, detail.length + 500)
    expect(tail!.min.length).toBe(5)
  })

  it('the overview is the min/max of the detail buckets it covers', async () => {
    const service = createPeaksService({ cacheDir: join(work, 'cache') })
    const whole = await service.readRange(taskId, recording, 0, 0, detail.length)
    const overview = await service.readRange(taskId, recording, 1, 0, 1 << 30)
    const expected = coarsen(whole!.min, whole!.max)
    expect(overview!.min.length).toBe(expected.min.length)
    expect([...overview!.min]).toEqual(expected.min)
    expect([...overview!.max]).toEqual(expected.max)
  })
})

describe('peaks of a decode under way', () => {
  it('are served by level and range as they arrive, then from the cache', async () => {
    const service = createPeaksService({ cacheDir: join(work, 'cache-progress'), workers: 2, minSplitBytes: 0 })
    let early: Promise<[Awaited<ReturnType<typeof service.readLevels>>, Awaited<ReturnType<typeof service.readRange>>]> | null = null
    const result = await service.getPeaks(taskId, recording, {
      onPeaks: () => {
        // Read at the first batch, while the rest still decodes.
        early ??= Promise.all([service.readLevels(taskId, recording), service.readRange(taskId, recording, 1, 0, 1 << 30)])
      }
    })
    expect(result.status).toBe('ready')
    const [levels, overview] = await early!
    const final = await service.readLevels(taskId, recording)
    expect(levels).toMatchObject({ complete: false, durationMs: detail.durationMs })
    expect(levels!.levels).toEqual(final!.levels)
    expect(final!.complete).toBe(true)
    // The overview so far: as long as the final one, with some audio already in it, finite throughout.
    expect(overview!.min.length).toBe(final!.levels[1]!.length)
    expect(overview!.max.some((v) => v > 0.1)).toBe(true)
    expect([...overview!.min, ...overview!.max].every((v) => Number.isFinite(v))).toBe(true)
  })
})

describe('peaks route', () => {
  const routes = async (): Promise<(path: string) => Promise<Response>> => {
    const cacheDir = join(work, 'cache')
    const media = createMediaService({ fetch, cacheDir })
    await media.attachLocalFile(taskId, recording)
    const handler = createMediaRoutes(media, createPeaksService({ cacheDir }), createDocumentFileCache({ fetch, cacheDir }))
    return async (path) => handler(new Request(`http://127.0.0.1${path}`))
  }

  it('serves the levels, then only the level and range asked for', async () => {
    const get = await routes()
    const levels = (await (await get(`/peaks/${taskId}?levels`)).json()) as { levels: Array<{ length: number }> }
    expect(levels.levels[0]!.length).toBe(detail.length)
    const overview = await get(`/peaks/${taskId}?level=${levels.levels.length - 1}&start=0&end=${levels.levels.at(-1)!.length}`)
    expect(overview.status).toBe(200)
    // Float32 (min, max) pairs: the overview is a small fraction of the whole detail.
    const overviewBytes = (await overview.arrayBuffer()).byteLength
    expect(overviewBytes).toBe(levels.levels.at(-1)!.length * 8)
    const view = new Float32Array(await (await get(`/peaks/${taskId}?level=0&start=100&end=160`)).arrayBuffer())
    expect(view.length).toBe(120)
    expect(Math.abs(view[1]! - detail.max[100]!)).toBeLessThan(1e-4)
    // Without a query: the whole detail level, as the waveform has always fetched it.
    const whole = await (await get(`/peaks/${taskId}`)).arrayBuffer()
    expect(whole.byteLength).toBe(detail.length * 8)
    expect(overviewBytes * 4).toBeLessThan(whole.byteLength)
  })

  it('rejects a malformed range and answers 404 for a task without cached peaks', async () => {
    const get = await routes()
    expect((await get(`/peaks/${taskId}?level=x&start=0&end=10`)).status).toBe(400)
    expect((await get(`/peaks/${taskId}?level=0&start=-1&end=10`)).status).toBe(400)
    expect((await get(`/peaks/99?levels`)).status).toBe(404)
  })
})
