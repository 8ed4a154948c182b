import { open } from 'node:fs/promises'
import { id3Length, readFrameHeader, readXingInfo, type Mp3FrameHeader } from './mp3-frames'
import { readWavFormat, type DecoderKind } from './pcm-decoders'

/*
 * How a recording is cut into parts that decode in parallel (runs in a decode worker: it reads
 * untrusted bytes). mp3 is cut at frame boundaries found by walking the frame headers; each part
 * after the first starts `overlapFrames` early so the bit reservoir and the synthesis filter are
 * primed, and those frames' samples are dropped. WAV is cut at sample-frame boundaries. Ogg and
 * FLAC stay in one part (no cheap exact sample position for a cut). The plan knows the exact
 * number of output samples, so every part can place its peaks on the global bucket grid.
 */

/** One part of a planned decode. */
export interface DecodePart {
  /** Byte range to feed the decoder, end exclusive (null = to the end of the file). */
  readonly byteStart: number
  readonly byteEnd: number | null
  /** Index of this part's first kept sample frame in the whole recording's output. */
  readonly firstSample: number
  /** Output sample frames to drop first (the priming overlap). */
  readonly discard: number
  /** Sample frames this part keeps (the last part: to the end of the output). */
  readonly keep: number
  /** mp3: the first part decodes with gapless trimming, exactly as a single whole decode. */
  readonly gapless: boolean
}

/** A decode cut into parts with the exact output length known. */
export interface DecodePlan {
  readonly kind: 'mp3' | 'wav'
  readonly sampleRate: number
  /** Sample frames of the whole output. */
  readonly totalSamples: number
  readonly parts: readonly DecodePart[]
  /** mp3: every frame is mono, so the parts decode one channel for peaks (mp3-direct.ts). */
  readonly mono: boolean
}

/** mpg123 delays its output by this many samples on top of the encoder delay (GAPLESS_DELAY). */
const mpg123Delay = 529
/** Frames decoded before a cut and thrown away: enough for a full 511-byte bit reservoir at 8 kbit/s. */
export const overlapFrames = 10

/** A plan for `parts` parts of `path`, or null when it should be decoded whole. */
export async function planDecode(path: string, kind: DecoderKind, parts: number): Promise<DecodePlan | null> {
  if (parts < 2) return null
  if (kind === 'wav') return planWav(path, parts)
  if (kind === 'mp3') return planMp3(path, parts)
  return null
}

async function planWav(path: string, parts: number): Promise<DecodePlan | null> {
  const format = await readWavFormat(path)
  const total = Math.floor(format.dataLength / format.blockAlign)
  if (total < parts * format.sampleRate) return null
  const out: DecodePart[] = []
  for (let k = 0; k < parts; k++) {
    const from = Math.floor((total * k) / parts)
    const to = Math.floor((total * (k + 1)) / parts)
    out.push({
      byteStart: format.dataOffset + from * format.blockAlign,
      byteEnd: format.dataOffset + to * format.blockAlign,
      firstSample: from,
      discard: 0,
      keep: to - from,
      gapless: false
    })
  }
  return { kind: 'wav', sampleRate: format.sampleRate, totalSamples: total, parts: out, mono: false }
}

async function planMp3(path: string, parts: number): Promise<DecodePlan | null> {
  const handle = await open(path, 'r')
  try {
    const size = (await handle.stat()).size
    const windowSize = 1 << 20
    let window = new Uint8Array(0)
    let windowStart = 0
    // Headers are walked through a 1 MiB window re-read where a frame crosses its end.
    const ensure = async (position: number, length: number): Promise<boolean> => {
      if (position >= windowStart && position + length <= windowStart + window.length) return true
      const buffer = Buffer.alloc(Math.max(windowSize, length))
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position)
      window = buffer.subarray(0, bytesRead)
      windowStart = position
      return bytesRead >= length
    }
    if (!(await ensure(0, 10))) return null
    let position = id3Length(window)
    if (!(await ensure(position, 4))) return null
    const first = readFrameHeader(window, position - windowStart)
    // A file that does not start cleanly on a frame is left to the decoder's own resync.
    if (!first) return null
    const xing = (await ensure(position, first.length)) ? readXingInfo(window, position - windowStart, first) : null
    // Without a LAME tag mpg123's gapless rules are not certain to be ours: decode whole.
    if (xing && (xing.delay === null || xing.frames === null)) return null
    const begin = xing ? xing.delay! + mpg123Delay : 0
    if (xing) position += first.length
    const targets = Array.from({ length: parts - 1 }, (_, k) => Math.floor((size * (k + 1)) / parts))
    const cuts: Array<{ frame: number; byteStart: number; byteCut: number }> = []
    const recent: number[] = []
    let frames = 0
    let mono = first.mono
    let header: Mp3FrameHeader | null = first
    while (position < size) {
      // Refill only at the window's end: an await per frame would cost more than the walk itself.
      if (position + 4 > windowStart + window.length && !(await ensure(position, 4))) break
      header = readFrameHeader(window, position - windowStart)
      if (!header) {
        // Trailing ID3v1 tag or junk in the last bytes: the stream has ended.
        if (size - position <= 4096) break
        return null
      }
      if (header.sampleRate !== first.sampleRate || header.samples !== first.samples) return null
      mono &&= header.mono
      if (position + header.length > size) break
      const target = targets[cuts.length]
      if (target !== undefined && position >= target && frames > overlapFrames * 2) {
        cuts.push({ frame: frames, byteStart: recent[recent.length - overlapFrames]!, byteCut: position })
      }
      recent.push(position)
      if (recent.length > overlapFrames) recent.shift()
      frames++
      position += header.length
    }
    const spf = first.samples
    const raw = frames * spf
    const end = xing ? Math.min(raw, xing.frames! * spf - xing.padding! + mpg123Delay) : raw
    const totalSamples = end - begin
    if (cuts.length === 0 || totalSamples <= 0) return null
    const out: DecodePart[] = []
    const starts = [0, ...cuts.map((cut) => cut.frame * spf - begin)]
    for (let k = 0; k <= cuts.length; k++) {
      const firstSample = starts[k]!
      const next = k < cuts.length ? starts[k + 1]! : totalSamples
      if (next <= firstSample) return null
      out.push({
        byteStart: k === 0 ? 0 : cuts[k - 1]!.byteStart,
        byteEnd: k < cuts.length ? cuts[k]!.byteCut : null,
        firstSample,
        discard: k === 0 ? 0 : overlapFrames * spf,
        keep: next - firstSample,
        gapless: k === 0
      })
    }
    return { kind: 'mp3', sampleRate: first.sampleRate, totalSamples, parts: out, mono }
  } finally {
    await handle.close()
  }
}
