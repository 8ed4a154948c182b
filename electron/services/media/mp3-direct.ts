/*
 * mp3 samples straight off mpg123-decoder's WASM heap, for peaks (issue 21). The package's own
 * `decode()` copies every read twice (a `slice` per channel, then one concatenation per call) and
 * always hands back two channels, a mono file's right one a copy of its left: traced, those
 * copies and the second channel's min/max scan were ~30% of a worker's CPU for the 3-hour mp3.
 * Here the sink gets views on the decoder's output buffer (valid only during the call: the next
 * read overwrites them), and only the left channel when the whole stream is known to be mono.
 * The feed/read loop mirrors the package's `decode()` (mpg123-decoder 1.0.x) call for call;
 * where its internals are not what this expects, `directMp3` returns null and the caller uses
 * the package's public `decode()`: same samples, only slower.
 */

/** What the direct path calls with each read's samples (views: read them now, do not keep them). */
export type DirectSink = (channels: readonly Float32Array[], frames: number, sampleRate: number) => void

/** Feeds one chunk of mp3 bytes, handing its decoded samples to `sink`; returns the decode errors seen. */
export type DirectFeed = (chunk: Uint8Array, sink: DirectSink) => number

interface Pointer<T> {
  readonly ptr: number
  readonly len: number
  readonly buf: T
}

/** The parts of mpg123-decoder's MPEGDecoder (1.0.x) that the direct path uses. */
interface MpegInternals {
  readonly _decoder: number
  readonly _input: Pointer<Uint8Array>
  readonly _output: Pointer<Float32Array>
  readonly _samplesDecodedPtr: Pointer<Uint32Array>
  readonly _sampleRatePtr: Pointer<Uint32Array>
  readonly _errorStringPtr: Pointer<Uint32Array>
  readonly _common: {
    readonly wasm: {
      mpeg_decoder_feed(decoder: number, input: number, length: number): number
      mpeg_decoder_read(decoder: number, output: number, outputLength: number, samples: number, sampleRate: number, errorString: number): number
    }
  }
}

/** mpg123's return codes, as the package handles them. */
const needMore = -10
const newFormat = -11

/**
 * A feed function over a ready MPEGDecoder's WASM exports, or null when the decoder is not the
 * shape this was written against. `mono`: the stream is mono throughout (every frame header says
 * so), so only the left channel is handed on.
 */
export function directMp3(decoder: unknown, mono: boolean): DirectFeed | null {
  if (!hasInternals(decoder)) return null
  const { _input: input, _output: output, _samplesDecodedPtr: samplesPtr, _sampleRatePtr: ratePtr, _errorStringPtr: errorPtr } = decoder
  const wasm = decoder._common.wasm
  const handle = decoder._decoder
  // The wrapper writes a read's left channel at the start of the output buffer and its right
  // channel right after it, so each read's views start at the same two places.
  return (chunk, sink) => {
    let errors = 0
    for (let offset = 0; offset < chunk.length; ) {
      const part = chunk.subarray(offset, offset + input.len)
      offset += part.length
      input.buf.set(part)
      if (wasm.mpeg_decoder_feed(handle, input.ptr, part.length) === needMore) continue
      for (;;) {
        samplesPtr.buf[0] = 0
        const code = wasm.mpeg_decoder_read(handle, output.ptr, output.len, samplesPtr.ptr, ratePtr.ptr, errorPtr.ptr)
        const frames = samplesPtr.buf[0]!
        if (frames > 0) {
          const left = output.buf.subarray(0, frames)
          sink(mono ? [left] : [left, output.buf.subarray(frames, frames * 2)], frames, ratePtr.buf[0]!)
        }
        if (code === newFormat) continue
        if (code === needMore) break
        // Any other code is a damaged frame: counted, and mpg123 reads on past it (as `decode()` does).
        if (code !== 0) errors++
      }
    }
    return errors
  }
}

function hasInternals(decoder: unknown): decoder is MpegInternals {
  const d = decoder as Partial<MpegInternals> | null
  const isPointer = (p: unknown, type: typeof Uint8Array | typeof Float32Array | typeof Uint32Array): boolean => {
    const q = p as Partial<Pointer<unknown>> | undefined
    return typeof q?.ptr === 'number' && typeof q.len === 'number' && q.buf instanceof type && q.buf.length === q.len
  }
  return (
    d !== null &&
    typeof d === 'object' &&
    typeof d._decoder === 'number' &&
    typeof d._common?.wasm?.mpeg_decoder_feed === 'function' &&
    typeof d._common.wasm.mpeg_decoder_read === 'function' &&
    isPointer(d._input, Uint8Array) &&
    isPointer(d._output, Float32Array) &&
    isPointer(d._samplesDecodedPtr, Uint32Array) &&
    isPointer(d._sampleRatePtr, Uint32Array) &&
    isPointer(d._errorStringPtr, Uint32Array)
  )
}
