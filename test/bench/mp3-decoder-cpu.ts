import { createReadStream } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MPEGDecoder } from 'mpg123-decoder'
import { planDecode } from '../../electron/services/media/decode-plan'
import { decodeFile } from '../../electron/services/media/pcm-decoders'
import { PeakAccumulator } from '../../electron/services/media/peak-accumulator'

/*
 * Child process for test/bench/media.ts: the CPU one decode worker spends per decoded hour of
 * mp3 for peaks, one way per child so each gets a fresh heap and JIT. "package": mpg123-decoder's
 * public decode() (a copy of each channel per read, then their concatenation) and min/max over
 * both channels, as the workers did before; "direct": this checkout's decodeFile (samples read off
 * the decoder's heap, one channel when the plan finds every frame mono, mp3-direct.ts). Both read
 * the file's first `bytes` in 64 KiB chunks and feed one PeakAccumulator; the thread's CPU time
 * (process.cpuUsage: this child runs one thread of JS) over the decode is printed as JSON.
 * Usage: node --import tsx mp3-decoder-cpu.ts <package|direct> <file> <bytes>
 */

/** What one child measured. */
export interface DecoderCpu {
  readonly way: string
  readonly cpuMs: number
  readonly audioSeconds: number
  readonly cpuMsPerHour: number
}

async function measure(way: string, file: string, bytes: number): Promise<DecoderCpu> {
  const accumulator = new PeakAccumulator(100, 1 << 20)
  const sink = (channels: readonly Float32Array[], frames: number, sampleRate: number): void => accumulator.add(channels, frames, sampleRate)
  let cpu: NodeJS.CpuUsage
  if (way === 'package') {
    const decoder = new MPEGDecoder()
    await decoder.ready
    const start = process.cpuUsage()
    for await (const chunk of createReadStream(file, { start: 0, end: bytes - 1, highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
      const result = decoder.decode(chunk)
      if (result.samplesDecoded > 0) sink(result.channelData, result.samplesDecoded, result.sampleRate)
    }
    cpu = process.cpuUsage(start)
    decoder.free()
  } else {
    // The plan's walk of the frame headers is the lead worker's job, not a part's: outside the clock.
    const mono = (await planDecode(file, 'mp3', 2))?.mono ?? false
    const start = process.cpuUsage()
    await decodeFile(file, 'mp3', sink, { byteStart: 0, byteEnd: bytes, mono })
    cpu = process.cpuUsage(start)
  }
  const peaks = accumulator.finish()
  const cpuMs = (cpu.user + cpu.system) / 1000
  const audioSeconds = peaks.durationMs / 1000
  return { way, cpuMs, audioSeconds, cpuMsPerHour: (cpuMs * 3600) / audioSeconds }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [way = 'direct', file = '', bytes = String(8 << 20)] = process.argv.slice(2)
  console.log(JSON.stringify(await measure(way, file, Number(bytes))))
}
