import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { decodePeaksInWorkers } from '../../../../electron/services/media/decode-pool'
import { planDecode } from '../../../../electron/services/media/decode-plan'
import { decodeFile, type DecoderKind } from '../../../../electron/services/media/pcm-decoders'
import { PeakAccumulator, type PeaksData } from '../../../../electron/services/media/peak-accumulator'
import { createPeaksService } from '../../../../electron/services/media/peaks'
import { ensureFormat, ensureLongRecording, ensureSpeechWav } from '../../../fixtures/audio/generate'
import { seededBytes } from '../../../support/seeded-random'

const run = promisify(execFile)

let work: string
let speechWav: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sdte-decode-workers-'))
  speechWav = await ensureSpeechWav()
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/** The peaks as main computed them before decoding moved to workers: one decoder, one accumulator. */
async function singleThreadPeaks(path: string, kind: DecoderKind, pps = 100, maxBuckets = 1 << 20): Promise<PeaksData> {
  const accumulator = new PeakAccumulator(pps, maxBuckets)
  await decodeFile(path, kind, (channels, frames, sampleRate) => accumulator.add(channels, frames, sampleRate))
  return accumulator.finish()
}

function worstDifference(a: PeaksData, b: PeaksData): number {
  let worst = 0
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a.min[i]! - b.min[i]!), Math.abs(a.max[i]! - b.max[i]!))
  return worst
}

async function encodeMp3(name: string, args: string[]): Promise<string> {
  const path = join(work, `${name}.mp3`)
  await run('ffmpeg', ['-loglevel', 'error', '-y', '-i', speechWav, ...args, '-c:a', 'libmp3lame', '-f', 'mp3', path])
  return path
}

describe('parallel decode matches the single-threaded peaks', () => {
  it.each([
    ['MPEG-2 16 kHz mono 64 kbit/s', ['-b:a', '64k']],
    ['MPEG-1 44.1 kHz stereo 128 kbit/s', ['-ac', '2', '-ar', '44100', '-b:a', '128k']],
    ['MPEG-2 22.05 kHz VBR', ['-ar', '22050', '-q:a', '4']],
    ['MPEG-2.5 8 kHz 8 kbit/s', ['-ar', '8000', '-b:a', '8k']],
    ['no Xing/LAME tag (no gapless trim)', ['-b:a', '32k', '-write_xing', '0']]
  ])('mp3 %s: cut in 3 at frame boundaries, equal bucket for bucket', async (name, args) => {
    const path = await encodeMp3(name.replace(/\W+/g, '-'), args)
    const plan = await planDecode(path, 'mp3', 3)
    // It really is cut (not the whole-file fallback), with an overlap before each later part.
    expect(plan?.parts.length).toBe(3)
    expect(plan!.parts[1]!.discard).toBeGreaterThan(0)
    const reference = await singleThreadPeaks(path, 'mp3')
    const split = await decodePeaksInWorkers(path, 'mp3', { peaksPerSecond: 100, maxBuckets: 1 << 20, workers: 3, minSplitBytes: 0 })
    expect(split.length).toBe(reference.length)
    expect(split.durationMs).toBe(reference.durationMs)
    expect(split.sampleRate).toBe(reference.sampleRate)
    expect(split.peaksPerSecond).toBe(reference.peaksPerSecond)
    // Equal to float rounding: the primed overlap gives the same samples after each cut.
    expect(worstDifference(split, reference)).toBeLessThan(1e-4)
  })

  it('WAV cut in 4 gives exactly the same peaks', async () => {
    const reference = await singleThreadPeaks(speechWav, 'wav')
    const split = await decodePeaksInWorkers(speechWav, 'wav', { peaksPerSecond: 100, maxBuckets: 1 << 20, workers: 4, minSplitBytes: 0 })
    expect((await planDecode(speechWav, 'wav', 4))?.parts.length).toBe(4)
    expect(split).toEqual(reference)
  })

  it('halves the resolution at the bucket cap exactly as the single-threaded accumulator', async () => {
    const path = await ensureFormat('mp3')
    const reference = await singleThreadPeaks(path, 'mp3', 100, 256)
    const split = await decodePeaksInWorkers(path, 'mp3', { peaksPerSecond: 100, maxBuckets: 256, workers: 2, minSplitBytes: 0 })
    expect(split.peaksPerSecond).toBe(reference.peaksPerSecond)
    expect(split.length).toBe(reference.length)
    expect(worstDifference(split, reference)).toBeLessThan(1e-4)
  })

  it('delivers peaks progressively: batches before the result, together covering every bucket', async () => {
    const path = await ensureLongRecording(0.05, 'mp3')
    const batches: Array<[number, number]> = []
    let resolved = false
    const peaks = await decodePeaksInWorkers(path, 'mp3', {
      peaksPerSecond: 100,
      maxBuckets: 1 << 20,
      workers: 2,
      minSplitBytes: 0,
      onPeaks: (_, first, count) => {
        expect(resolved).toBe(false)
        batches.push([first, count])
      }
    }).finally(() => (resolved = true))
    expect(batches.length).toBeGreaterThan(4)
    const covered = new Uint8Array(peaks.length)
    for (const [first, count] of batches) covered.fill(1, first, first + count)
    expect(covered.every((c) => c === 1)).toBe(true)
  })

  it('Ogg and FLAC are not cut (decoded whole in one worker)', async () => {
    expect(await planDecode(await ensureFormat('ogg'), 'ogg-vorbis', 4)).toBeNull()
    expect(await planDecode(await ensureFormat('flac'), 'flac', 4)).toBeNull()
  })
})

describe('decoding off the main thread', () => {
  it("main's event loop stays mostly idle while a recording decodes", async () => {
    const path = await ensureLongRecording(0.05, 'mp3')
    // Timers keep firing between the workers' messages (an idle loop sleeps between them).
    let ticks = 0
    let timer: ReturnType<typeof setInterval> | undefined
    let since: ReturnType<typeof performance.eventLoopUtilization> | null = null
    const peaks = await decodePeaksInWorkers(path, 'mp3', {
      peaksPerSecond: 100,
      maxBuckets: 1 << 20,
      workers: 2,
      minSplitBytes: 0,
      onProgress: (fraction) => {
        // Measured from the first decoded bytes, not while the workers start.
        if (fraction > 0 && !since) {
          since = performance.eventLoopUtilization()
          timer = setInterval(() => ticks++, 1)
        }
      }
    })
    clearInterval(timer)
    const utilization = performance.eventLoopUtilization(since!).utilization
    expect(peaks.durationMs).toBeGreaterThan(170_000)
    // Decoding on main kept its loop busy nearly all the time; now main only merges batches.
    expect(utilization).toBeLessThan(0.5)
    expect(ticks).toBeGreaterThan(20)
  })

  it('a worker over its memory limit is reported as an error, and the next decode works', async () => {
    const path = await ensureFormat('mp3')
    const starved = createPeaksService({ cacheDir: join(work, 'cache-oom'), workerMemoryMb: 4, workers: 1 })
    const result = await starved.getPeaks(1, path)
    expect(result).toMatchObject({ status: 'error', code: 'io' })
    expect(result.status === 'error' && result.message).toMatch(/needed more than 4 MB/)
    const service = createPeaksService({ cacheDir: join(work, 'cache-after-oom') })
    expect(await service.getPeaks(1, path)).toMatchObject({ status: 'ready', fromCache: false })
  })
})

describe('hostile and damaged files', () => {
  const service = (): ReturnType<typeof createPeaksService> => createPeaksService({ cacheDir: join(work, `cache-${Math.random()}`) })

  // Seeded noise: whether mpg123 finds "frames" in noise, and how many errors it reports, is the
  // noise's own; fresh random bytes would make the verdict a matter of chance run by run.
  it('random bytes behind an mp3 frame header are an error, not a waveform of noise', async () => {
    const path = join(work, 'garbage.mp3')
    await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), seededBytes(1, 300_000)]))
    const result = await service().getPeaks(1, path)
    // The worker's reason crosses the thread: the reviewer is told in their language.
    expect(result).toMatchObject({ status: 'error', code: 'io', reason: 'media_undecodable' })
    expect(result.status === 'error' && result.message).toMatch(/not mp3 audio/)
  })

  it('random bytes behind an ID3 tag header are an error too', async () => {
    const path = join(work, 'garbage-id3.mp3')
    await writeFile(path, Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x10', 'latin1'), seededBytes(2, 300_000)]))
    expect(await service().getPeaks(1, path)).toMatchObject({ status: 'error', code: 'io' })
  })

  it('random bytes with an mp3 name are unsupported, with the reason', async () => {
    const path = join(work, 'noise.mp3')
    await writeFile(path, Buffer.concat([Buffer.from('junk'), seededBytes(3, 100_000)]))
    expect(await service().getPeaks(1, path)).toMatchObject({ status: 'unsupported', reason: expect.stringMatching(/not an audio format/) })
  })

  it('a truncated mp3 gives the peaks of what is there; a header-only one a clear error', async () => {
    const whole = await readFile(await ensureFormat('mp3'))
    const cut = join(work, 'cut.mp3')
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.4)))
    const partial = await service().getPeaks(1, cut)
    expect(partial.status).toBe('ready')
    const full = await singleThreadPeaks(await ensureFormat('mp3'), 'mp3')
    const got = partial.status === 'ready' ? partial.peaks.durationMs : 0
    expect(got).toBeGreaterThan(full.durationMs * 0.3)
    expect(got).toBeLessThan(full.durationMs * 0.5)
    const stub = join(work, 'stub.mp3')
    await writeFile(stub, whole.subarray(0, 300))
    expect(await service().getPeaks(1, stub)).toMatchObject({ status: 'error', message: expect.stringMatching(/no audio/) })
  })

  it('a WAV cut inside its header is a clear error', async () => {
    const wav = await readFile(speechWav)
    const path = join(work, 'header.wav')
    await writeFile(path, wav.subarray(0, 30))
    expect(await service().getPeaks(1, path)).toMatchObject({ status: 'error', code: 'io' })
  })
})
