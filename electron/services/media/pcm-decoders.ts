import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { AppError } from '../../../shared/errors'
import { sniffMediaFamily } from './content-type'
import { directMp3 } from './mp3-direct'
import { id3Length } from './mp3-frames'

/*
 * Streaming PCM decoders for waveform peaks, run in decode workers (decode-worker.ts), never on
 * main's own thread, without ffmpeg on users' machines:
 * WAV (PCM 8/16/24/32-bit, float 32/64, WAVE_FORMAT_EXTENSIBLE, RF64) parsed here; mp3, Ogg
 * Vorbis, Ogg Opus and FLAC through the wasm-audio-decoders packages. Files are read in chunks
 * and each chunk's samples are handed on and dropped, so memory stays flat for any length.
 * m4a/aac, mp4 and webm have no maintained WASM demuxer+decoder pair we could use, so they are
 * reported unsupported and the renderer falls back.
 */

/** Receives decoded planar float samples, chunk by chunk (the arrays may be reused after the call: read, do not keep). */
export type PcmSink = (channels: readonly Float32Array[], frames: number, sampleRate: number) => void

/** Options for `decodeFile`. */
export interface DecodeOptions {
  readonly onBytes?: (bytesRead: number, totalBytes: number) => void
  readonly signal?: AbortSignal
  /** Decode only these bytes (end exclusive): one part of a parallel decode (decode-plan.ts). */
  readonly byteStart?: number
  readonly byteEnd?: number | null
  /** mp3 only: trim the encoder delay and padding as mpg123 does by default (true). */
  readonly gapless?: boolean
  /** mp3 only: every frame is mono (decode-plan.ts read them all), so one channel is handed on, not two equal ones. */
  readonly mono?: boolean
}

/** Which decoder a file needs, or why none fits. */
export type DecoderKind = 'wav' | 'mp3' | 'ogg-opus' | 'ogg-vorbis' | 'flac'

/** The decoder for a file, found from its bytes, or an `unsupported` reason. */
export async function detectDecoder(path: string): Promise<{ kind: DecoderKind } | { kind: 'unsupported'; reason: string }> {
  const head = await readHead(path, 64)
  const family = sniffMediaFamily(head)
  switch (family) {
    case 'wav':
    case 'mp3':
    case 'flac':
      return { kind: family }
    case 'ogg': {
      // The first Ogg page (27-byte header + segment table) carries the codec id packet.
      const text = Buffer.from(head).toString('latin1')
      if (text.includes('OpusHead')) return { kind: 'ogg-opus' }
      if (text.includes('\x01vorbis')) return { kind: 'ogg-vorbis' }
      return { kind: 'unsupported', reason: 'This Ogg file holds a codec other than Opus or Vorbis.' }
    }
    case 'mp4':
    case 'webm':
    case 'aac':
      return { kind: 'unsupported', reason: `Waveforms for ${family} files are drawn by the player instead.` }
    default:
      return { kind: 'unsupported', reason: 'The file is not an audio format we recognise.' }
  }
}

/** Decodes `path` with decoder `kind`, handing samples to `sink`. Rejects with AppError. */
export async function decodeFile(path: string, kind: DecoderKind, sink: PcmSink, options: DecodeOptions = {}): Promise<void> {
  if (kind === 'wav') return decodeWav(path, sink, options)
  return decodeWithWasm(path, kind, sink, options)
}

/** Loads the decoder for `kind` ahead of use, so a worker's WASM compiles while it waits for a job. */
export async function warmDecoder(kind: DecoderKind): Promise<void> {
  if (kind !== 'wav') (await createWasmDecoder(kind, true)).free()
}

interface WasmDecoded {
  channelData: Float32Array[]
  samplesDecoded: number
  sampleRate: number
  errors?: unknown[]
}

interface WasmDecoder {
  ready: Promise<void>
  decode(data: Uint8Array): WasmDecoded | Promise<WasmDecoded>
  flush?: () => Promise<WasmDecoded>
  free(): void
}

async function createWasmDecoder(kind: Exclude<DecoderKind, 'wav'>, gapless: boolean): Promise<WasmDecoder> {
  // Loaded lazily: each carries its WASM inline, and most sessions need one at most.
  switch (kind) {
    case 'mp3': {
      const { MPEGDecoder } = await import('mpg123-decoder')
      const decoder = new MPEGDecoder({ enableGapless: gapless }) as unknown as WasmDecoder
      await decoder.ready
      return decoder
    }
    case 'ogg-opus': {
      const { OggOpusDecoder } = await import('ogg-opus-decoder')
      return new OggOpusDecoder() as unknown as WasmDecoder
    }
    case 'ogg-vorbis': {
      const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis')
      return new OggVorbisDecoder() as unknown as WasmDecoder
    }
    case 'flac': {
      const { FLACDecoder } = await import('@wasm-audio-decoders/flac')
      return new FLACDecoder() as unknown as WasmDecoder
    }
  }
}

async function decodeWithWasm(path: string, kind: Exclude<DecoderKind, 'wav'>, sink: PcmSink, options: DecodeOptions): Promise<void> {
  const decoder = await createWasmDecoder(kind, options.gapless ?? true)
  await decoder.ready
  let total = 0
  let rate = 0
  let bytes = 0
  let tagBytes = 0
  let errors = 0
  const deliver = (result: WasmDecoded): void => {
    errors += result.errors?.length ?? 0
    if (result.samplesDecoded > 0 && result.channelData.length > 0) {
      total += result.samplesDecoded
      rate = result.sampleRate
      sink(result.channelData, result.samplesDecoded, result.sampleRate)
    }
  }
  // mp3 samples as views on the decoder's heap, without the package's copies (mp3-direct.ts).
  const direct = kind === 'mp3' ? directMp3(decoder, options.mono ?? false) : null
  const directSink = (channels: readonly Float32Array[], frames: number, sampleRate: number): void => {
    total += frames
    rate = sampleRate
    sink(channels, frames, sampleRate)
  }
  try {
    // 64 KiB is the decoder's own input buffer; the steps also pace progress and partial peaks.
    const start = options.byteStart ?? 0
    const end = options.byteEnd === undefined || options.byteEnd === null ? undefined : options.byteEnd - 1
    await forEachChunk(path, start, end, 64 * 1024, options, async (chunk) => {
      if (bytes === 0) tagBytes = id3Length(chunk)
      bytes += chunk.length
      if (direct) errors += direct(chunk, directSink)
      else deliver(await decoder.decode(chunk))
    })
    if (decoder.flush) deliver(await decoder.flush())
  } finally {
    decoder.free()
  }
  if (total === 0) throw new AppError('io', 'The recording could not be decoded: no audio found in it.', { reason: 'media_undecodable' })
  // mpg123 resyncs through anything and finds "frames" in random bytes. Real mp3 never takes more
  // than 320 kbit/s (40 000 bytes a second) and decodes with few errors (a damaged frame here and
  // there); random bytes give one error every KB or two.
  const noisy = errors > 16 && errors * 4096 > bytes - tagBytes
  if (kind === 'mp3' && options.byteStart === undefined && rate > 0 && (noisy || bytes - tagBytes > 1.5 * (total / rate) * 40_000 + 4096)) {
    throw new AppError('io', `The recording could not be decoded: most of its ${bytes} bytes are not mp3 audio.`, { reason: 'media_undecodable' })
  }
}

/** The format chunk of a WAV file, as far as peaks need it. */
interface WavFormat {
  readonly encoding: 'int' | 'float'
  readonly bits: number
  readonly channels: number
  readonly sampleRate: number
  readonly blockAlign: number
  readonly dataOffset: number
  readonly dataLength: number
}

/** Reads the RIFF/RF64 chunk list of a WAV file up to its data chunk. */
export async function readWavFormat(path: string): Promise<WavFormat> {
  const handle = await open(path, 'r')
  try {
    const fileSize = (await handle.stat()).size
    const read = async (position: number, length: number): Promise<Buffer> => {
      const buffer = Buffer.alloc(length)
      const { bytesRead } = await handle.read(buffer, 0, length, position)
      return buffer.subarray(0, bytesRead)
    }
    const riff = await read(0, 12)
    const tag = riff.toString('latin1', 0, 4)
    if ((tag !== 'RIFF' && tag !== 'RF64') || riff.toString('latin1', 8, 12) !== 'WAVE') {
      throw new AppError('io', 'Not a WAV file.', { reason: 'media_undecodable' })
    }
    let position = 12
    let ds64DataSize: number | null = null
    let format: Omit<WavFormat, 'dataOffset' | 'dataLength'> | null = null
    while (position + 8 <= fileSize) {
      const header = await read(position, 8)
      if (header.length < 8) break
      const id = header.toString('latin1', 0, 4)
      const size = header.readUInt32LE(4)
      const body = position + 8
      if (id === 'ds64') {
        const ds64 = await read(body, 28)
        ds64DataSize = Number(ds64.readBigUInt64LE(8))
      } else if (id === 'fmt ') {
        const fmt = await read(body, Math.min(size, 40))
        let code = fmt.readUInt16LE(0)
        // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the SubFormat GUID.
        if (code === 0xfffe && fmt.length >= 26) code = fmt.readUInt16LE(24)
        const bits = fmt.readUInt16LE(14)
        const encoding = code === 1 ? 'int' : code === 3 ? 'float' : null
        if (encoding === null) throw new AppError('io', `WAV encoding ${code} is not PCM or float.`, { reason: 'media_undecodable' })
        if (encoding === 'int' && ![8, 16, 24, 32].includes(bits)) throw new AppError('io', `${bits}-bit WAV is not supported.`, { reason: 'media_undecodable' })
        if (encoding === 'float' && bits !== 32 && bits !== 64) throw new AppError('io', `${bits}-bit float WAV is not supported.`, { reason: 'media_undecodable' })
        format = { encoding, bits, channels: fmt.readUInt16LE(2), sampleRate: fmt.readUInt32LE(4), blockAlign: fmt.readUInt16LE(12) }
        if (format.channels === 0 || format.sampleRate === 0 || format.blockAlign !== (format.channels * bits) / 8) {
          throw new AppError('io', 'The WAV format chunk is inconsistent.', { reason: 'media_undecodable' })
        }
      } else if (id === 'data') {
        if (!format) throw new AppError('io', 'The WAV data chunk comes before its format chunk.', { reason: 'media_undecodable' })
        const declared = size === 0xffffffff && ds64DataSize !== null ? ds64DataSize : size
        // Streamed WAVs leave the size 0 or 0xFFFFFFFF: trust the file length then.
        const available = fileSize - body
        const dataLength = declared === 0 || declared > available ? available : declared
        return { ...format, dataOffset: body, dataLength }
      }
      position = body + size + (size % 2)
    }
    throw new AppError('io', 'The WAV file has no data chunk.', { reason: 'media_undecodable' })
  } finally {
    await handle.close()
  }
}

async function decodeWav(path: string, sink: PcmSink, options: DecodeOptions): Promise<void> {
  const format = await readWavFormat(path)
  const { blockAlign, sampleRate } = format
  let carry = new Uint8Array(0)
  const end = (options.byteEnd ?? format.dataOffset + format.dataLength) - 1
  // 256 KiB of PCM per step: a few ms of work, and the carry stays small.
  await forEachChunk(path, options.byteStart ?? format.dataOffset, end, 256 * 1024, options, (chunk) => {
    let joined: Uint8Array = chunk
    if (carry.length > 0) {
      joined = new Uint8Array(carry.length + chunk.length)
      joined.set(carry)
      joined.set(chunk, carry.length)
    }
    const frames = Math.floor(joined.length / blockAlign)
    // Copies (not views): aligned at offset 0 for typed-array views, and the carry outlives the chunk.
    const aligned = new Uint8Array(joined.subarray(0, frames * blockAlign))
    carry = new Uint8Array(joined.subarray(frames * blockAlign))
    if (frames > 0) sink(toPlanar(aligned, frames, format), frames, sampleRate)
  })
}

function toPlanar(bytes: Uint8Array, frames: number, format: WavFormat): Float32Array[] {
  const { channels, bits, encoding } = format
  const out = Array.from({ length: channels }, () => new Float32Array(frames))
  const buffer = bytes.buffer
  if (encoding === 'float' && bits === 32) {
    const view = new Float32Array(buffer, 0, frames * channels)
    for (let c = 0; c < channels; c++) {
      const dst = out[c]!
      for (let f = 0, s = c; f < frames; f++, s += channels) dst[f] = view[s]!
    }
  } else if (encoding === 'float') {
    const view = new Float64Array(buffer, 0, frames * channels)
    for (let c = 0; c < channels; c++) {
      const dst = out[c]!
      for (let f = 0, s = c; f < frames; f++, s += channels) dst[f] = view[s]!
    }
  } else if (bits === 16) {
    const view = new Int16Array(buffer, 0, frames * channels)
    for (let c = 0; c < channels; c++) {
      const dst = out[c]!
      for (let f = 0, s = c; f < frames; f++, s += channels) dst[f] = view[s]! / 32768
    }
  } else if (bits === 32) {
    const view = new Int32Array(buffer, 0, frames * channels)
    for (let c = 0; c < channels; c++) {
      const dst = out[c]!
      for (let f = 0, s = c; f < frames; f++, s += channels) dst[f] = view[s]! / 2147483648
    }
  } else if (bits === 24) {
    for (let c = 0; c < channels; c++) {
      const dst = out[c]!
      for (let f = 0, o = c * 3; f < frames; f++, o += channels * 3) {
        const v = bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16)
        dst[f] = ((v << 8) >> 8) / 8388608
      }
    }
  } else {
    // 8-bit WAV is unsigned, centred on 128.
    for (let c = 0; c < channels; c++) {
      const dst = out[c]!
      for (let f = 0, s = c; f < frames; f++, s += channels) dst[f] = (bytes[s]! - 128) / 128
    }
  }
  return out
}

async function forEachChunk(
  path: string,
  start: number,
  end: number | undefined,
  highWaterMark: number,
  options: DecodeOptions,
  onChunk: (chunk: Uint8Array) => void | Promise<void>
): Promise<void> {
  const stream = createReadStream(path, { start, end, highWaterMark })
  const total = end === undefined ? null : end - start + 1
  let read = 0
  let size = total
  try {
    if (size === null) {
      const handle = await open(path, 'r')
      size = (await handle.stat()).size - start
      await handle.close()
    }
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) throw new AppError('cancelled', 'Cancelled.')
      await onChunk(chunk)
      read += chunk.length
      options.onBytes?.(read, size)
    }
  } finally {
    stream.destroy()
  }
}

async function readHead(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}
