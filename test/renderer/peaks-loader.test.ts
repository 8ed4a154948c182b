import { describe, expect, it } from 'vitest'
import { bucketRange, composePeaks, createPeaksLoader, levelForZoom, parseLevels } from '../../renderer/src/lib/peaks-loader'
import { fakePeaks } from './support/fake-peaks'

const threeHours = 3 * 3600

describe('choosing what to fetch', () => {
  const levels = [
    { peaksPerSecond: 100, length: 1_080_000 },
    { peaksPerSecond: 12.5, length: 135_000 },
    { peaksPerSecond: 1.5625, length: 16_875 },
    { peaksPerSecond: 0.1953125, length: 2110 }
  ]

  it('draws from the coarsest level with a bucket per device pixel, else the detail', () => {
    expect(levelForZoom(levels, 0.1)).toBe(3)
    expect(levelForZoom(levels, 1.5)).toBe(2)
    expect(levelForZoom(levels, 10)).toBe(1)
    expect(levelForZoom(levels, 10, 2)).toBe(0)
    expect(levelForZoom(levels, 600)).toBe(0)
  })

  it('covers the seconds asked, clamped to the level', () => {
    expect(bucketRange(levels[1]!, 10, 20)).toEqual([125, 250])
    expect(bucketRange(levels[1]!, -5, 1e9)).toEqual([0, 135_000])
  })

  it('lays the finer range over the overview stretched to the finer length', () => {
    const overview = { level: 1, start: 0, channels: [new Float32Array([0.5, 1]), new Float32Array([-0.5, -1])] as [Float32Array, Float32Array] }
    const detail = { level: 0, start: 3, channels: [new Float32Array([0.1, 0.2]), new Float32Array([-0.1, -0.2])] as [Float32Array, Float32Array] }
    const [max, min] = composePeaks({ peaksPerSecond: 8, length: 8 }, overview, { peaksPerSecond: 1, length: 2 }, detail)
    expect(Array.from(max)).toEqual([0.5, 0.5, 0.5, 0.1, 0.2, 1, 1, 1].map(Math.fround))
    expect(Array.from(min)).toEqual([-0.5, -0.5, -0.5, -0.1, -0.2, -1, -1, -1].map(Math.fround))
    // The overview alone is drawn as it is, not copied.
    expect(composePeaks({ peaksPerSecond: 1, length: 2 }, overview, { peaksPerSecond: 1, length: 2 }, null)).toBe(overview.channels)
  })

  it('refuses a damaged levels answer with a message naming what is wrong', () => {
    expect(() => parseLevels(null)).toThrow(/not an object/)
    expect(() => parseLevels({ durationMs: 0, levels: [] })).toThrow(/no duration/)
    expect(() => parseLevels({ durationMs: 10, levels: [] })).toThrow(/no levels/)
    expect(() => parseLevels({ durationMs: 10, levels: [{ peaksPerSecond: 100, length: -1 }] })).toThrow(/level 0/)
    expect(parseLevels({ durationMs: 10, levels: [{ peaksPerSecond: 100, length: 1 }] }).complete).toBe(true)
  })
})

describe('the peaks loader', () => {
  it('answers null while main has no peaks yet, then the overview of what is decoded', async () => {
    const main = fakePeaks(threeHours)
    const loader = createPeaksLoader('http://127.0.0.1/peaks/k', main.fetch)
    expect(await loader.overview()).toBeNull()
    main.decode(0, 100_000, 0.5)
    const frame = (await loader.overview())!
    expect(frame.levels.complete).toBe(false)
    expect(frame.levels.durationMs).toBe(threeHours * 1000)
    const overviewLength = frame.levels.levels.at(-1)!.length
    expect(frame.channels[0]).toHaveLength(overviewLength)
    // Decoded buckets have their peaks; the rest read as silence.
    expect(frame.channels[0][0]).toBeCloseTo(0.5)
    expect(frame.channels[0][overviewLength - 1]).toBe(0)
    // Only the overview was fetched, together with the levels: a few KB, not the ~8.6 MB detail level.
    expect(main.requests.slice(-2)).toEqual(['/peaks/k?levels', '/peaks/k?level=99&start=0&end=2147483648'])
    expect(frame.bytes).toBe(overviewLength * 8)
    expect(frame.bytes).toBeLessThan(20_000)
  })

  it('fetches finer buckets only when zoomed in, around the view, and again only when the view leaves them', async () => {
    const main = fakePeaks(threeHours)
    main.decode(0, main.peaks.length, 0.25)
    main.decode(360_000, 100, 0.75) // 1:00:00 is louder
    main.complete = true
    const loader = createPeaksLoader('http://127.0.0.1/peaks/k', main.fetch)
    await loader.overview()
    // Zoomed out so far that the overview has a bucket per pixel: nothing more to fetch.
    expect(await loader.forView({ startS: 0, endS: 5000, pxPerSec: 0.1 })).toBeNull()
    const before = main.requests.length
    const zoomed = (await loader.forView({ startS: 3600, endS: 3625, pxPerSec: 40 }))!
    expect(main.requests.slice(before)).toEqual(['/peaks/k?level=0&start=355000&end=367500'])
    expect(zoomed.channels[0]).toHaveLength(main.peaks.length)
    expect(zoomed.channels[0][360_000]).toBeCloseTo(0.75)
    expect(zoomed.channels[0][360_100]).toBeCloseTo(0.25)
    expect(zoomed.bytes).toBe(12_500 * 8)
    // A scroll inside what was fetched draws nothing new; one past it fetches again.
    expect(await loader.forView({ startS: 3570, endS: 3595, pxPerSec: 40 })).toBeNull()
    expect(await loader.forView({ startS: 3700, endS: 3725, pxPerSec: 40 })).not.toBeNull()
    expect(main.requests).toHaveLength(before + 2)
    // Zooming back out draws the overview again, without a fetch.
    const out = (await loader.forView({ startS: 0, endS: 5000, pxPerSec: 0.1 }))!
    expect(out.bytes).toBe(0)
    expect(main.requests).toHaveLength(before + 2)
  })

  it('a refresh of the overview for a zoomed-in view brings its finer range in the same frame', async () => {
    const main = fakePeaks(threeHours)
    main.decode(0, 1000, 0.5)
    const loader = createPeaksLoader('http://127.0.0.1/peaks/k', main.fetch)
    const frame = (await loader.overview({ startS: 0, endS: 25, pxPerSec: 40 }))!
    // The levels and the overview in one round trip (a level past the last reads the overview), then the view's range.
    expect(main.requests).toEqual(['/peaks/k?levels', '/peaks/k?level=99&start=0&end=2147483648', '/peaks/k?level=0&start=0&end=7500'])
    expect(frame.channels[0]).toHaveLength(main.peaks.length)
    expect(frame.channels[0][999]).toBeCloseTo(0.5)
    expect(frame.channels[0][1000]).toBe(0)
    expect(frame.bytes).toBe((2110 + 7500) * 8)
  })

  it('says which answer failed', async () => {
    const loader = createPeaksLoader('http://127.0.0.1/peaks/k', (async () => new Response('boom', { status: 500 })) as typeof fetch)
    await expect(loader.overview()).rejects.toThrow(/levels could not be read \(HTTP 500\)/)
  })
})
