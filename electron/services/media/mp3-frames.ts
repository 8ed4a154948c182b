/*
 * MPEG audio (mp3) frame headers, read without decoding, so a long file can be cut at frame
 * boundaries and its parts decoded in parallel (decode-plan.ts). Runs in the decode worker:
 * these are untrusted bytes. Only Layer III is split; anything odd (free-format frames, a
 * change of sample rate or frame size, lost sync) makes the plan give up and decode whole.
 */

/** One Layer III frame header, as far as splitting needs it. */
export interface Mp3FrameHeader {
  /** Bytes in the frame, header included. */
  readonly length: number
  /** PCM samples per channel the frame decodes to (1152 MPEG-1, 576 MPEG-2/2.5). */
  readonly samples: number
  readonly sampleRate: number
  /** Channel mode 3: one channel (mpg123-decoder still hands back two, equal). */
  readonly mono: boolean
}

const bitratesV1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
const bitratesV2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
const sampleRates: Record<number, readonly number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] }

/** The Layer III frame header at `offset`, or null when the bytes there are not one. */
export function readFrameHeader(bytes: Uint8Array, offset: number): Mp3FrameHeader | null {
  if (offset + 4 > bytes.length || bytes[offset] !== 0xff) return null
  const b1 = bytes[offset + 1]!
  const b2 = bytes[offset + 2]!
  if ((b1 & 0xe0) !== 0xe0) return null
  const version = (b1 >> 3) & 3
  // Layer bits 01 = Layer III; version 01 is reserved.
  if (version === 1 || ((b1 >> 1) & 3) !== 1) return null
  const bitrateIndex = b2 >> 4
  const rateIndex = (b2 >> 2) & 3
  // Free format (0) cannot be sized from the header; 15 is invalid.
  if (bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null
  const sampleRate = sampleRates[version]![rateIndex]!
  const kbps = (version === 3 ? bitratesV1 : bitratesV2)[bitrateIndex]!
  const samples = version === 3 ? 1152 : 576
  const length = Math.floor(((samples / 8) * kbps * 1000) / sampleRate) + ((b2 >> 1) & 1)
  return { length, samples, sampleRate, mono: bytes[offset + 3]! >> 6 === 3 }
}

/** What a Xing/Info frame (the first frame of most encoders' output) says about gapless playback. */
export interface XingInfo {
  /** Audio frames in the stream (the Info frame itself excluded), or null when not stated. */
  readonly frames: number | null
  /** Encoder delay and padding in samples from the LAME extension, or null without one. */
  readonly delay: number | null
  readonly padding: number | null
}

/** The Xing/Info tag of the frame at `offset` (header `header`), or null when it is an audio frame. */
export function readXingInfo(bytes: Uint8Array, offset: number, header: Mp3FrameHeader): XingInfo | null {
  const b1 = bytes[offset + 1]!
  const b3 = bytes[offset + 3]!
  const mpeg1 = ((b1 >> 3) & 3) === 3
  const mono = b3 >> 6 === 3
  // The tag sits right after the side information, whose size depends on version and channels.
  const side = mpeg1 ? (mono ? 17 : 32) : mono ? 9 : 17
  let p = offset + 4 + side
  const end = offset + header.length
  if (p + 8 > end || p + 8 > bytes.length) return null
  const tag = String.fromCharCode(bytes[p]!, bytes[p + 1]!, bytes[p + 2]!, bytes[p + 3]!)
  if (tag !== 'Xing' && tag !== 'Info') return null
  const u32 = (at: number): number => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0
  const flags = u32(p + 4)
  p += 8
  let frames: number | null = null
  if (flags & 1) {
    frames = u32(p)
    p += 4
  }
  if (flags & 2) p += 4
  if (flags & 4) p += 100
  if (flags & 8) p += 4
  // LAME extension: 9-byte encoder string, then delay (12 bits) and padding (12 bits) at +21.
  let delay: number | null = null
  let padding: number | null = null
  if (p + 24 <= end && p + 24 <= bytes.length) {
    const d = p + 21
    delay = (bytes[d]! << 4) | (bytes[d + 1]! >> 4)
    padding = ((bytes[d + 1]! & 0x0f) << 8) | bytes[d + 2]!
  }
  return { frames, delay, padding }
}

/** The length of an ID3v2 tag at the start of `bytes` (0 when none). */
export function id3Length(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0
  const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f)
  // Flag bit 4: a footer of 10 more bytes.
  return 10 + size + (bytes[5]! & 0x10 ? 10 : 0)
}
