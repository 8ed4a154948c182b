import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MPEGDecoder } from 'mpg123-decoder'
import { planDecode } from '../../../../electron/services/media/decode-plan'
import { decodePeaksInWorkers } from '../../../../electron/services/media/decode-pool'
import { directMp3 } from '../../../../electron/services/media/mp3-direct'
import { decodeFile } from '../../../../electron/services/media/pcm-decoders'
import { PeakAccumulator, type PeaksData } from '../../../../electron/services/media/peak-accumulator'
import { ensureSpeechWav } from '../../../fixtures/audio/generate'
import { seededBytes } from '../../../support/seeded-random'

/*
 * The direct mp3 path (mp3-direct.ts) reads samples off mpg123-decoder's heap instead of the
 * package's copies, and one channel of a mono file: its peaks must be the package's own, bucket
 * for bucket, on speech and on music-like content (tones, noise, a sweep), mono and stereo.
 */

const run = promisify(execFile)
let work: string
let speechWav: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sdte-mp3-direct-'))
  speechWav = await ensureSpeechWav()
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/** Peaks through the package's public `decode()` (its copies, both channels), 64 KiB at a time. */
async function packagePeaks(path: string): Promise<PeaksData> {
  const bytes = await readFile(path)
  const decoder = new MPEGDecoder()
  await decoder.ready
  const accumulator = new PeakAccumulator(100, 1 << 20)
  try {
    for (let offset = 0; offset < bytes.length; offset += 64 * 1024) {
      const result = decoder.decode(bytes.subarray(offset, offset + 64 * 1024))
      if (result.samplesDecoded > 0) accumulator.add(result.channelData, result.samplesDecoded, result.sampleRate)
    }
  } finally {
    decoder.free()
  }
  return accumulator.finish()
}

async function directPeaks(path: string): Promise<PeaksData> {
  const accumulator = new PeakAccumulator(100, 1 << 20)
  await decodeFile(path, 'mp3', (channels, frames, sampleRate) => accumulator.add(channels, frames, sampleRate))
  return accumulator.finish()
}

/** A sox synth of `effects` at `rate` Hz over `channels` channels, as mp3 through ffmpeg (`encode`). */
async function makeMp3(name: string, rate: number, channels: number, effects: string[], encode: string[]): Promise<string> {
  const wav = join(work, `${name}.wav`)
  await run('sox', ['-R', '-n', '-r', String(rate), '-c', String(channels), wav, ...effects])
  const mp3 = join(work, `${name}.mp3`)
  await run('ffmpeg', ['-loglevel', 'error', '-y', '-i', wav, ...encode, '-c:a', 'libmp3lame', '-f', 'mp3', mp3])
  return mp3
}

async function speechMp3(): Promise<string> {
  const mp3 = join(work, 'speech.mp3')
  await run('ffmpeg', ['-loglevel', 'error', '-y', '-i', speechWav, '-b:a', '32k', '-c:a', 'libmp3lame', '-f', 'mp3', mp3])
  return mp3
}

const cases: Array<[string, () => Promise<string>, boolean]> = [
  ['speech, 16 kHz mono 32 kbit/s', speechMp3, true],
  ['a tone and pink noise, 44.1 kHz stereo 128 kbit/s', () => makeMp3('music', 44100, 2, ['synth', '6', 'sine', '220', 'pinknoise', 'vol', '0.8'], ['-b:a', '128k']), false],
  ['a sweep mixed with a square wave, 22.05 kHz mono VBR', () => makeMp3('sweep', 22050, 1, ['synth', '6', 'sine', '100-9000', 'square', 'mix', '440', 'vol', '0.7'], ['-q:a', '4']), true]
]

describe('mp3 samples straight off the decoder heap', () => {
  it.each(cases)('%s: the same peaks as the package’s decode(), and the plan knows mono from stereo', async (_name, make, mono) => {
    const path = await make()
    const reference = await packagePeaks(path)
    expect(reference.length).toBeGreaterThan(100)
    // Exactly equal: the same decoder, only the copies and a mono file's duplicate channel are gone.
    expect(await directPeaks(path)).toEqual(reference)
    expect((await planDecode(path, 'mp3', 2))?.mono).toBe(mono)
    const split = await decodePeaksInWorkers(path, 'mp3', { peaksPerSecond: 100, maxBuckets: 1 << 20, workers: 2, minSplitBytes: 0 })
    expect(split.length).toBe(reference.length)
    let worst = 0
    for (let i = 0; i < reference.length; i++) worst = Math.max(worst, Math.abs(split.min[i]! - reference.min[i]!), Math.abs(split.max[i]! - reference.max[i]!))
    // The parallel parts prime after each cut: equal to float rounding, as decode-workers.test.ts states.
    expect(worst).toBeLessThan(1e-4)
  })

  it('a damaged stretch mid-file decodes as the package decodes it (errors skipped, not a half waveform)', async () => {
    const bytes = new Uint8Array(await readFile(await cases[1]![1]()))
    // 3,000 seeded random bytes over the middle frames.
    bytes.set(seededBytes(21, 3000), Math.floor(bytes.length / 2))
    const path = join(work, 'damaged.mp3')
    await writeFile(path, bytes)
    const reference = await packagePeaks(path)
    expect(await directPeaks(path)).toEqual(reference)
  })

  it('a decoder of another shape is refused, so the caller keeps the package’s own decode()', async () => {
    expect(directMp3({}, false)).toBeNull()
    expect(directMp3(null, true)).toBeNull()
    const decoder = new MPEGDecoder()
    await decoder.ready
    try {
      expect(directMp3(decoder, false)).not.toBeNull()
    } finally {
      decoder.free()
    }
  })
})
