import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPeaksRequests } from '../../../electron/main/peaks-requests'
import { createPeaksService, type PeaksService } from '../../../electron/services/media/peaks'
import type { MediaProgressEvent } from '../../../shared/ipc/contract'
import { ensureLongRecording } from '../../fixtures/audio/generate'

/*
 * Peaks start when a recording is attached and `media:peaks` joins them (peaks-requests.ts): one
 * decode, the first buckets announced at once and again to the request that joins late, and the
 * overview readable in the same round trip as the levels (a level past the last).
 */

let work: string
let path: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sdte-peaks-requests-'))
  path = await ensureLongRecording(0.05, 'mp3')
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('peaks requests', () => {
  it('a media:peaks after the attach joins its decode, and hears at once where the peaks so far are', async () => {
    const service = createPeaksService({ cacheDir: join(work, 'cache'), workers: 2, minSplitBytes: 0 })
    let computations = 0
    const counted: PeaksService = { ...service, getPeaks: (...args) => (computations++, service.getPeaks(...args)) }
    const events: MediaProgressEvent[] = []
    let announced: () => void = () => undefined
    const firstBuckets = new Promise<void>((resolve) => (announced = resolve))
    const start = createPeaksRequests(counted, (event) => {
      events.push(event)
      if (event.peaksUrl) announced()
    })
    const url = 'app://media/peaks/7'
    const attached = start(7, 7, path, url)
    await firstBuckets
    // Announced on the first buckets, not only at the next percent.
    const withUrl = (): number => events.filter((e) => e.peaksUrl === url).length
    const before = withUrl()
    const joined = start(7, 7, path, url)
    // The late request is told at once (synchronously), as it only listens from now on.
    expect(withUrl()).toBe(before + 1)
    const [a, b] = await Promise.all([attached, joined])
    expect(computations).toBe(1)
    expect(a).toEqual(b)
    expect(a).toMatchObject({ status: 'ready', url, fromCache: false })
    // Finished, the next request is a new one, answered from the cache's header alone (no computation).
    expect(await start(7, 7, path, url)).toMatchObject({ status: 'ready', fromCache: true, length: a.status === 'ready' ? a.length : -1 })
    expect(computations).toBe(1)
  })

  it('a level past the last reads the overview, whole, from the cache', async () => {
    const service = createPeaksService({ cacheDir: join(work, 'cache-overview') })
    expect(await service.getPeaks(8, path)).toMatchObject({ status: 'ready' })
    const levels = (await service.readLevels(8, path))!
    const last = levels.levels.length - 1
    const range = (await service.readRange(8, path, 99, 0, 2 ** 31))!
    expect(range.level).toBe(last)
    expect(range.min).toHaveLength(levels.levels[last]!.length)
    expect(range).toEqual(await service.readRange(8, path, last, 0, levels.levels[last]!.length))
  })
})
