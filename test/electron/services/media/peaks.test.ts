import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtemp, readdir, rm, utimes, writeFile, copyFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPeaksService, interleavePeaks, type PeaksData, type PeaksResult } from '../../../../electron/services/media/peaks'
import { PeakAccumulator } from '../../../../electron/services/media/peak-accumulator'
import { ensureFormat, ensureSpeechFixture, type SpeechFixture } from '../../../fixtures/audio/generate'

const run = promisify(execFile)

let work: string
let speech: SpeechFixture

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sdte-peaks-'))
  speech = await ensureSpeechFixture()
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

function ready(result: PeaksResult): PeaksData {
  if (result.status !== 'ready') throw new Error(`expected ready, got ${JSON.stringify(result)}`)
  return result.peaks
}

/** The largest |sample| over [startMs, endMs) according to the peaks. */
function envelope(peaks: PeaksData, startMs: number, endMs: number): number {
  const from = Math.floor((startMs / 1000) * peaks.peaksPerSecond)
  const to = Math.min(peaks.length, Math.ceil((endMs / 1000) * peaks.peaksPerSecond))
  let level = 0
  for (let i = from; i < to; i++) level = Math.max(level, Math.abs(peaks.min[i]!), Math.abs(peaks.max[i]!))
  return level
}

/** Speech loud, gaps silent: checked inside each region with a margin for codec smear. */
function expectSpeechEnvelope(peaks: PeaksData): void {
  const margin = 120
  for (const sentence of speech.sentences) {
    expect(envelope(peaks, sentence.startMs + margin, sentence.endMs - margin), sentence.text).toBeGreaterThan(0.2)
  }
  for (const gap of speech.silences) {
    expect(envelope(peaks, gap.startMs + margin, gap.endMs - margin), `silence at ${gap.startMs}`).toBeLessThan(0.02)
  }
  for (let i = 0; i < peaks.length; i++) {
    expect(peaks.min[i]!).toBeLessThanOrEqual(peaks.max[i]!)
  }
}

describe('peaks of real speech', () => {
  it.each(['wav', 'mp3', 'ogg', 'opus', 'flac'] as const)('%s: speech loud, gaps silent, duration right', async (format) => {
    const service = createPeaksService({ cacheDir: join(work, `cache-${format}`) })
    const progress: number[] = []
    const peaks = ready(await service.getPeaks(1, await ensureFormat(format), { onProgress: (f) => progress.push(f) }))
    expect(peaks.peaksPerSecond).toBe(100)
    // Encoders pad a few ms at the edges; duration is within 60 ms of the source.
    expect(Math.abs(peaks.durationMs - speech.durationMs)).toBeLessThanOrEqual(60)
    expect(Math.abs(peaks.length - Math.ceil((peaks.durationMs / 1000) * 100))).toBeLessThanOrEqual(1)
    expectSpeechEnvelope(peaks)
    expect(progress.at(-1)).toBe(1)
    expect([...progress].sort((a, b) => a - b)).toEqual(progress)
  })

  it.each(['m4a', 'aac', 'webm', 'mp4'] as const)('%s is reported unsupported so the renderer can fall back', async (format) => {
    const service = createPeaksService({ cacheDir: join(work, 'cache-unsupported') })
    const result = await service.getPeaks(2, await ensureFormat(format))
    expect(result.status).toBe('unsupported')
  })

  it('a file that is not audio is unsupported, a missing one an error', async () => {
    const service = createPeaksService({ cacheDir: join(work, 'cache-bad') })
    const text = join(work, 'notes.wav')
    await writeFile(text, 'not audio')
    expect((await service.getPeaks(3, text)).status).toBe('unsupported')
    expect(await service.getPeaks(3, join(work, 'nope.wav'))).toMatchObject({ status: 'error', code: 'io' })
  })
})

describe('WAV encodings', () => {
  it.each([
    ['8-bit', ['-b', '8', '-e', 'unsigned-integer']],
    ['24-bit', ['-b', '24']],
    ['32-bit int', ['-b', '32', '-e', 'signed-integer']],
    ['32-bit float', ['-b', '32', '-e', 'floating-point']],
    ['64-bit float', ['-b', '64', '-e', 'floating-point']],
    ['stereo 44.1 kHz', ['-c', '2', '-r', '44100']],
    ['22.05 kHz', ['-r', '22050']]
  ])('%s gives the same envelope as 16-bit', async (name, args) => {
    const path = join(work, `${name.replace(/\W+/g, '-')}.wav`)
    await run('sox', [speech.path, ...args, path])
    const service = createPeaksService({ cacheDir: join(work, 'cache-enc') })
    const reference = ready(await service.getPeaks('ref', speech.path))
    const peaks = ready(await service.getPeaks(name.replace(/\W+/g, '-'), path))
    expect(peaks.durationMs).toBe(speech.durationMs)
    expect(peaks.length).toBe(reference.length)
    expectSpeechEnvelope(peaks)
    // Same audio, same buckets: values agree to the quantisation error, or to the resampler's
    // (a resampled waveform has different sample points, so its peaks move a little).
    const tolerance = args.includes('-r') ? 0.15 : 0.02
    let worst = 0
    for (let i = 0; i < peaks.length; i++) worst = Math.max(worst, Math.abs(peaks.max[i]! - reference.max[i]!))
    expect(worst).toBeLessThan(tolerance)
  })

  it('reads a streamed WAV whose data size was left 0', async () => {
    const path = join(work, 'streamed.wav')
    await copyFile(speech.path, path)
    const { open } = await import('node:fs/promises')
    const handle = await open(path, 'r+')
    // sox writes a 44-byte header: RIFF size at 4, data size at 40.
    const zero = Buffer.alloc(4)
    await handle.write(zero, 0, 4, 40)
    await handle.close()
    const peaks = ready(await createPeaksService({ cacheDir: join(work, 'cache-stream') }).getPeaks(1, path))
    expect(peaks.durationMs).toBe(speech.durationMs)
  })
})

describe('cache on disk', () => {
  it('computes once, then reads the cache; recomputes when the file changes', async () => {
    const cacheDir = join(work, 'cache-reuse')
    const path = join(work, 'reuse.mp3')
    await copyFile(await ensureFormat('mp3'), path)
    const service = createPeaksService({ cacheDir })
    const first = await service.getPeaks(7, path)
    expect(first).toMatchObject({ status: 'ready', fromCache: false })
    expect(await readdir(join(cacheDir, '7'))).toEqual(['peaks-100pps.bin'])

    // A new service (app restart) reads it back the same, to Int16 precision.
    const reopened = createPeaksService({ cacheDir })
    const second = await reopened.getPeaks(7, path)
    expect(second).toMatchObject({ status: 'ready', fromCache: true })
    const a = ready(first)
    const b = ready(second)
    expect(b.length).toBe(a.length)
    expect(b.durationMs).toBe(a.durationMs)
    for (let i = 0; i < a.length; i++) expect(Math.abs(a.max[i]! - b.max[i]!)).toBeLessThan(1e-4)
    expect(await reopened.readCached(7, path)).not.toBeNull()

    // Touching the file (a re-download, a different attachment) invalidates the cache.
    await utimes(path, new Date(), new Date(Date.now() + 5000))
    expect(await reopened.readCached(7, path)).toBeNull()
    expect(await reopened.getPeaks(7, path)).toMatchObject({ status: 'ready', fromCache: false })
  })

  it('joins a second request for the same task to the computation under way', async () => {
    const cacheDir = join(work, 'cache-join')
    const service = createPeaksService({ cacheDir })
    const path = await ensureFormat('ogg')
    const [a, b] = await Promise.all([service.getPeaks(11, path), service.getPeaks(11, path)])
    expect(a).toMatchObject({ status: 'ready', fromCache: false })
    // The same result object: computed once, not twice.
    expect(b).toBe(a)
  })

  it('ignores a corrupt cache file and recomputes', async () => {
    const cacheDir = join(work, 'cache-corrupt')
    const service = createPeaksService({ cacheDir })
    await service.getPeaks(8, speech.path)
    await writeFile(join(cacheDir, '8', 'peaks-100pps.bin'), 'SDPKgarbage')
    expect(await service.getPeaks(8, speech.path)).toMatchObject({ status: 'ready', fromCache: false })
  })

  it('is cancellable and caches nothing then', async () => {
    const cacheDir = join(work, 'cache-cancel')
    const service = createPeaksService({ cacheDir })
    const controller = new AbortController()
    const result = await service.getPeaks(9, await ensureFormat('mp3'), {
      signal: controller.signal,
      onProgress: (fraction) => {
        if (fraction > 0) controller.abort()
      }
    })
    expect(result).toMatchObject({ status: 'error', code: 'cancelled' })
    expect(await readdir(join(cacheDir, '9')).catch(() => [])).toEqual([])
  })
})

describe('PeakAccumulator', () => {
  const tone = (frames: number): Float32Array => {
    const data = new Float32Array(frames)
    // A ramp whose bucket min/max are easy to predict.
    for (let i = 0; i < frames; i++) data[i] = Math.sin(i / 7) * (i / frames)
    return data
  }

  it('gives the same buckets whatever the chunking', () => {
    const data = tone(48_000)
    const whole = new PeakAccumulator(100, 1 << 20)
    whole.add([data], data.length, 16_000)
    const chunked = new PeakAccumulator(100, 1 << 20)
    for (let i = 0; i < data.length; i += 997) chunked.add([data.subarray(i, i + 997)], Math.min(997, data.length - i), 16_000)
    expect(chunked.finish()).toEqual(whole.finish())
  })

  it('halves resolution at the cap and matches a direct computation at the final rate', () => {
    const data = tone(16_000 * 30)
    const capped = new PeakAccumulator(100, 256)
    for (let i = 0; i < data.length; i += 4096) capped.add([data.subarray(i, i + 4096)], Math.min(4096, data.length - i), 16_000)
    const result = capped.finish()
    // 30 s at 100/s = 3000 buckets > 256: halved 4 times to 6.25/s = 188 buckets.
    expect(result.peaksPerSecond).toBe(6.25)
    expect(result.length).toBe(188)
    const direct = new PeakAccumulator(6.25, 1 << 20)
    direct.add([data], data.length, 16_000)
    expect(result).toEqual(direct.finish())
  })

  it('keeps fractional bucket boundaries in step at 22.05 kHz', () => {
    const frames = 22_050 * 2
    const acc = new PeakAccumulator(100, 1 << 20)
    const data = new Float32Array(frames)
    // One spike at exactly 1.5 s must land in bucket 150.
    data[Math.round(1.5 * 22_050)] = 0.9
    acc.add([data], frames, 22_050)
    const peaks = acc.finish()
    expect(peaks.length).toBe(200)
    expect(peaks.max.indexOf(Math.fround(0.9))).toBe(150)
    expect(peaks.durationMs).toBe(2000)
  })

  it('interleaves min/max for wavesurfer', () => {
    expect([...interleavePeaks({ min: new Float32Array([-0.5, -0.25]), max: new Float32Array([0.5, 0.75]), length: 2 })]).toEqual([-0.5, 0.5, -0.25, 0.75])
  })
})
