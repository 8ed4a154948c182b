import { readFileSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { id3Length, readFrameHeader, readXingInfo } from '../../electron/services/media/mp3-frames'
import { ensureLongRecording } from '../fixtures/audio/generate'
import type { Figure, Figures } from './stats'

/*
 * Feasibility probe (issue 21, task wc): can Chromium's own mp3 decoder reach the whole 3-hour mp3
 * in ≤ 4 s on 2 cores? Not in `npm run bench` (a negative result, minutes long); run it alone:
 *   node --import tsx test/bench/webcodecs-mp3-probe.ts            (PROBE_RUNS=3, PROBE_SECONDS=whole)
 * Three ways, alternating each round, CPU time measured (wall time lies on a loaded machine):
 *   - WebCodecs: AudioDecoder in 1 and 2 dedicated workers, one EncodedAudioChunk per mp3 frame
 *     (Chromium refuses chunks of several frames: "mpa: invalid packet length"), peaks at 50/s;
 *   - decodeAudioData (OfflineAudioContext at the file's rate) on ~2 MB pieces cut at frame
 *     syncs, 2 in flight — window only, not available in workers;
 *   - the WASM decoder of today's path (mpg123-decoder) on this process's thread.
 * CPU is the Chromium process tree's (/proc, all its threads and children) or this process's.
 * Frames are cut here with mp3-frames.ts and their offsets handed to the page.
 */

const mib = 1 << 20

/** The workers' source, plain JS (tsx would wrap TS functions in __name, unknown in a worker). */
const workerSource = `
self.onmessage = async (event) => {
  const { bytes, offsets, end, sampleRate, channels, samplesPerFrame, pps } = event.data
  const started = performance.now()
  let frames = 0, count = 0, curMin = Infinity, curMax = -Infinity, outputs = 0, failure = null
  let next = Math.ceil(sampleRate / pps)
  const planes = []
  const decoder = new AudioDecoder({
    output(data) {
      outputs++
      const n = data.numberOfFrames
      for (let c = 0; c < data.numberOfChannels; c++) {
        if (!planes[c] || planes[c].length < n) planes[c] = new Float32Array(n * 2)
        data.copyTo(planes[c], { planeIndex: c, format: 'f32-planar' })
      }
      // The bucket maths of peak-accumulator.ts: bucket i ends at ceil((i + 1) * rate / pps).
      let i = 0
      while (i < n) {
        const runEnd = Math.min(n, i + (next - (frames + i)))
        for (let c = 0; c < data.numberOfChannels; c++) {
          const plane = planes[c]
          for (let j = i; j < runEnd; j++) { const v = plane[j]; if (v < curMin) curMin = v; if (v > curMax) curMax = v }
        }
        i = runEnd
        if (frames + i >= next) { count++; curMin = Infinity; curMax = -Infinity; next = Math.ceil(((count + 1) * sampleRate) / pps) }
      }
      frames += n
      data.close()
    },
    error(error) { failure = String(error) }
  })
  decoder.configure({ codec: 'mp3', sampleRate, numberOfChannels: channels })
  const data = new Uint8Array(bytes)
  const step = (1e6 * samplesPerFrame) / sampleRate
  for (let k = 0; k < offsets.length && !failure; k++) {
    const to = k + 1 < offsets.length ? offsets[k + 1] : end
    decoder.decode(new EncodedAudioChunk({ type: 'key', timestamp: Math.round(k * step), data: data.subarray(offsets[k], to) }))
    if (decoder.decodeQueueSize > 1000) await new Promise((done) => decoder.addEventListener('dequeue', done, { once: true }))
  }
  if (!failure) await decoder.flush()
  self.postMessage({ ms: performance.now() - started, frames, outputs, buckets: count + (curMin === Infinity ? 0 : 1), failure })
}
`

const pageSource = `<!doctype html><meta charset="utf-8"><title>probe</title><script type="module">
window.probe = async (way, workers) => {
  const [file, meta] = await Promise.all([fetch('/file.mp3').then((r) => r.arrayBuffer()), fetch('/meta.json').then((r) => r.json())])
  const offsets = meta.offsets
  const started = performance.now()
  if (way === 'webcodecs') {
    const results = await Promise.all(Array.from({ length: workers }, (_, k) => new Promise((done) => {
      const from = Math.floor((offsets.length * k) / workers)
      const to = Math.floor((offsets.length * (k + 1)) / workers)
      const byteStart = offsets[from]
      const byteEnd = to < offsets.length ? offsets[to] : meta.end
      const part = file.slice(byteStart, byteEnd)
      const local = Int32Array.from(offsets.slice(from, to), (o) => o - byteStart)
      const worker = new Worker('/worker.js')
      worker.onmessage = (event) => { worker.terminate(); done(event.data) }
      worker.postMessage({ bytes: part, offsets: local, end: byteEnd - byteStart, sampleRate: meta.sampleRate, channels: meta.channels, samplesPerFrame: meta.samplesPerFrame, pps: 50 }, [part])
    })))
    return { ms: performance.now() - started, frames: results.reduce((s, r) => s + r.frames, 0), buckets: results.reduce((s, r) => s + r.buckets, 0), failure: results.map((r) => r.failure).find(Boolean) ?? null }
  }
  const context = new OfflineAudioContext({ numberOfChannels: meta.channels, length: 1, sampleRate: meta.sampleRate })
  const cuts = []
  for (let k = 0; k < offsets.length; k++) if (cuts.length === 0 || offsets[k] - offsets[cuts[cuts.length - 1]] >= ${2 * mib}) cuts.push(k)
  let next = 0, frames = 0, buckets = 0
  const lane = async () => {
    while (next < cuts.length) {
      const k = next++
      const to = k + 1 < cuts.length ? offsets[cuts[k + 1]] : meta.end
      const audio = await context.decodeAudioData(file.slice(offsets[cuts[k]], to))
      const plane = audio.getChannelData(0)
      const size = meta.sampleRate / 50
      for (let b = 0; b * size < plane.length; b++) { let lo = Infinity, hi = -Infinity; for (let j = Math.ceil(b * size); j < Math.min(plane.length, Math.ceil((b + 1) * size)); j++) { const v = plane[j]; if (v < lo) lo = v; if (v > hi) hi = v } buckets++ }
      frames += audio.length
    }
  }
  await Promise.all(Array.from({ length: workers }, lane))
  return { ms: performance.now() - started, frames, buckets, failure: null }
}
</script>`

interface Meta {
  offsets: number[]
  end: number
  sampleRate: number
  channels: number
  samplesPerFrame: number
}

/** The audio frames' offsets (the Xing/Info frame skipped), walked with mp3-frames.ts. */
function frameMeta(bytes: Uint8Array, seconds: number): Meta {
  let position = id3Length(bytes)
  const first = readFrameHeader(bytes, position)
  if (!first) throw new Error('not an mp3 starting on a frame')
  if (readXingInfo(bytes, position, first)) position += first.length
  const channels = bytes[position + 3]! >> 6 === 3 ? 1 : 2
  const limit = Math.ceil((seconds * first.sampleRate) / first.samples)
  const offsets: number[] = []
  for (let header = readFrameHeader(bytes, position); header && position + header.length <= bytes.length && offsets.length < limit; header = readFrameHeader(bytes, position)) {
    offsets.push(position)
    position += header.length
  }
  return { offsets, end: position, sampleRate: first.sampleRate, channels, samplesPerFrame: first.samples }
}

/** CPU ms of every process below `root` (Chromium's browser, renderer, utility processes), all threads. */
function treeCpuMs(root: number): number {
  const children = new Map<number, number[]>()
  const cpu = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const parent = Number(fields[1])
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * 10)
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
    } catch {
      // The process ended while listing: it no longer counts.
    }
  }
  let sum = 0
  const walk = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      sum += cpu.get(child) ?? 0
      walk(child)
    }
  }
  walk(root)
  return sum
}

/** mpg123-decoder (today's WASM path) on this thread, 64 KiB at a time: CPU and wall ms. */
async function wasmDecode(bytes: Uint8Array): Promise<{ cpuMs: number; ms: number; samples: number }> {
  const { MPEGDecoder } = await import('mpg123-decoder')
  const decoder = new MPEGDecoder()
  await decoder.ready
  const cpu = process.cpuUsage()
  const started = performance.now()
  let samples = 0
  for (let p = 0; p < bytes.length; p += 1 << 16) samples += decoder.decode(bytes.subarray(p, p + (1 << 16))).samplesDecoded
  const used = process.cpuUsage(cpu)
  decoder.free()
  return { cpuMs: (used.user + used.system) / 1000, ms: performance.now() - started, samples }
}

/** Runs the probe and returns its figures (CPU medians with spread, ratios to the WASM path). */
export async function run(): Promise<Figures> {
  const runs = Number(process.env.PROBE_RUNS ?? 3)
  const path = await ensureLongRecording(3, 'mp3')
  const whole = new Uint8Array(await readFile(path))
  const meta = frameMeta(whole, Number(process.env.PROBE_SECONDS ?? Infinity))
  const bytes = whole.subarray(0, meta.end)
  const server: Server = createServer((request, response) => {
    const body = request.url === '/' ? pageSource : request.url === '/worker.js' ? workerSource : request.url === '/file.mp3' ? bytes : request.url === '/meta.json' ? JSON.stringify(meta) : null
    const type = request.url === '/worker.js' ? 'text/javascript' : request.url === '/' ? 'text/html' : 'application/octet-stream'
    response.writeHead(body === null ? 404 : 200, { 'content-type': type })
    response.end(body ?? '')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  const ways: Record<string, { cpu: number[]; wall: number[] }> = {}
  const record = (way: string, cpu: number, wall: number): void => {
    ways[way] ??= { cpu: [], wall: [] }
    ways[way].cpu.push(cpu)
    ways[way].wall.push(wall)
  }
  try {
    const page = await browser.newPage()
    // A secure context (http://127.0.0.1), where AudioDecoder exists; not on data: URLs.
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    const plan: Array<[string, 'webcodecs' | 'decodeAudioData' | 'wasm', number]> = [
      ['WebCodecs, 1 worker', 'webcodecs', 1],
      ['WebCodecs, 2 workers', 'webcodecs', 2],
      ['decodeAudioData, 2 in flight', 'decodeAudioData', 2],
      ['WASM mpg123, 1 thread', 'wasm', 1]
    ]
    for (let round = 0; round < runs; round++) {
      const order = plan.slice(round % plan.length).concat(plan.slice(0, round % plan.length))
      for (const [label, way, workers] of order) {
        if (way === 'wasm') {
          const result = await wasmDecode(bytes)
          record(label, result.cpuMs, result.ms)
          continue
        }
        const before = treeCpuMs(process.pid)
        const result = await page.evaluate(([w, n]) => (window as unknown as { probe: (w: string, n: number) => Promise<{ ms: number; frames: number; buckets: number; failure: string | null }> }).probe(w, n), [way, workers] as const)
        if (result.failure) throw new Error(`${label}: ${result.failure}`)
        record(label, treeCpuMs(process.pid) - before, result.ms)
        console.error(`${label}: ${Math.round(result.ms)} ms wall, ${result.frames} samples, ${result.buckets} buckets`)
      }
    }
  } finally {
    await browser.close()
    server.close()
  }
  const seconds = Math.round((meta.offsets.length * meta.samplesPerFrame) / meta.sampleRate)
  const wasm = median(ways['WASM mpg123, 1 thread']!.cpu)
  const figures: Figures = {}
  for (const [label, { cpu, wall }] of Object.entries(ways)) {
    const figure: Figure = { value: Math.round(median(cpu)), unit: 'ms', median: Math.round(median(cpu)), runs: cpu.length, min: Math.round(Math.min(...cpu)), max: Math.round(Math.max(...cpu)), old: Math.round(wasm) }
    figures[`${seconds} s of mp3 (${meta.offsets.length} frames): ${label}: CPU`] = figure
    figures[`${seconds} s of mp3: ${label}: wall (loaded machine: indicative only)`] = { value: Math.round(median(wall)), unit: 'ms', runs: wall.length, min: Math.round(Math.min(...wall)), max: Math.round(Math.max(...wall)) }
  }
  return figures
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit}${f.min === undefined ? '' : ` (${f.min}–${f.max}, ${f.runs} runs)`}${f.old === undefined ? '' : ` — ×${(f.value / f.old).toFixed(2)} the WASM path's CPU`}`)
}
