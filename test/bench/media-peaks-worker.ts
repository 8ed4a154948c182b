import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type * as PeaksModule from '../../electron/services/media/peaks'
import type * as DecodersModule from '../../electron/services/media/pcm-decoders'
import type * as AccumulatorModule from '../../electron/services/media/peak-accumulator'
import type * as PoolModule from '../../electron/services/media/decode-pool'

/*
 * Child process for test/bench/media.ts: computes (or reads cached) peaks for one file and
 * prints one JSON line with the wall time, the process's peak RSS, the peak JS heap seen and the
 * longest event-loop stall,
 * so the figures are this computation's alone. With mode "idle" it only reports the baseline;
 * "single" decodes on this process's own thread with one decoder, as main did before decoding
 * moved to workers (the waveform could only draw at the end). `workers` caps the decode workers.
 * "warm" starts the decode workers first as the app does when a task opens (`prewarm`), waits
 * `SDTE_BENCH_PREWARM_MS` (default 1000: the reviewer choosing the file), then computes; its
 * timings start at the compute, its loop block covers the prewarm too. "compute" and "warm" also
 * print the stages (ms from the start): cache lookup, worker entry, workers taken, plan, decoder
 * ready, first chunk decoded, first peaks, decoded, cache written.
 * The code measured is this checkout's, or the checkout at SDTE_BENCH_CODE_ROOT (the old one in
 * media.ts's A/B), so old and new are measured by the same harness. From source the worker entry
 * is bundled with esbuild before the loop is watched: the built app starts its workers from a
 * built file, and esbuild's own start-up (a child process spawned on main) was up to 50 ms of the
 * "longest block" that no user ever waits for.
 * Usage: node --import tsx media-peaks-worker.ts <mode: compute|warm|single|idle> <file> <cacheDir> [workers]
 */

const codeRoot = resolve(process.env.SDTE_BENCH_CODE_ROOT ?? join(fileURLToPath(import.meta.url), '../../..'))
const media = (name: string): string => pathToFileURL(join(codeRoot, 'electron/services/media', name)).href
const { createPeaksService } = (await import(media('peaks.ts'))) as typeof PeaksModule
const { decodeFile, detectDecoder } = (await import(media('pcm-decoders.ts'))) as typeof DecodersModule
const { PeakAccumulator } = (await import(media('peak-accumulator.ts'))) as typeof AccumulatorModule
const { runnableWorkerEntry } = (await import(media('decode-pool.ts'))) as typeof PoolModule

const [mode = 'compute', file = '', cacheDir = '', workerArg = ''] = process.argv.slice(2)
let peakHeap = process.memoryUsage().heapUsed
let peakExternal = process.memoryUsage().external + process.memoryUsage().arrayBuffers
const sampler = setInterval(() => {
  const usage = process.memoryUsage()
  peakHeap = Math.max(peakHeap, usage.heapUsed)
  peakExternal = Math.max(peakExternal, usage.external + usage.arrayBuffers)
}, 20)

if (mode === 'compute' || mode === 'warm') await runnableWorkerEntry()
// The longest the event loop was held while computing: what main's IPC and protocol would feel.
const loop = monitorEventLoopDelay({ resolution: 5 })
loop.enable()
let started = performance.now()
// CPU of every thread of this process (main and the decode workers): on a loaded machine the
// wall time mostly measures the others' load, the CPU time the work done.
let cpuAtStart = process.cpuUsage()
// Main's thread's time spent runnable but waiting for a core, and its turns on one (Linux
// schedstat: run ns, wait ns, slices): what decode threads competing with main cost its loop.
const schedstat = (): [number, number] => {
  try {
    const [, wait, slices] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'latin1').trim().split(' ').map(Number)
    return [wait! / 1e6, slices!]
  } catch {
    return [NaN, NaN]
  }
}
let schedAtStart = schedstat()
const stages: Record<string, number> = {}
let status = 'idle'
let fromCache = false
let durationMs = 0
let length = 0
let firstPeaksMs = 0
if (mode === 'single') {
  const decoder = await detectDecoder(file)
  if (decoder.kind === 'unsupported') throw new Error(decoder.reason)
  const accumulator = new PeakAccumulator(100, 1 << 20)
  await decodeFile(file, decoder.kind, (channels, frames, sampleRate) => accumulator.add(channels, frames, sampleRate))
  const peaks = accumulator.finish()
  status = 'ready'
  durationMs = peaks.durationMs
  length = peaks.length
  firstPeaksMs = performance.now() - started
} else if (mode === 'compute' || mode === 'warm') {
  const workers = workerArg ? Number(workerArg) : undefined
  const service = createPeaksService({ cacheDir, workers })
  if (mode === 'warm') {
    await service.prewarm(null)
    await new Promise((r) => setTimeout(r, Number(process.env.SDTE_BENCH_PREWARM_MS ?? 1000)))
    started = performance.now()
    cpuAtStart = process.cpuUsage()
    schedAtStart = schedstat()
  }
  const result = await service.getPeaks('bench', file, {
    onStage: (stage, at) => {
      stages[stage] ??= Math.round((at - started) * 10) / 10
    },
    onPeaks: () => {
      if (firstPeaksMs === 0) firstPeaksMs = performance.now() - started
    }
  })
  status = result.status
  if (result.status === 'ready') {
    fromCache = result.fromCache
    durationMs = result.peaks.durationMs
    length = result.peaks.length
    // From the cache (or a whole-file decode) the first peaks are all of them.
    if (firstPeaksMs === 0) firstPeaksMs = performance.now() - started
  } else {
    console.error(JSON.stringify(result))
  }
}
const elapsedMs = performance.now() - started
const cpu = process.cpuUsage(cpuAtStart)
const schedAtEnd = schedstat()
loop.disable()
clearInterval(sampler)
const usage = process.memoryUsage()
peakHeap = Math.max(peakHeap, usage.heapUsed)
console.log(
  JSON.stringify({
    status,
    fromCache,
    durationMs,
    length,
    elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    mainWaitMs: schedAtEnd[0] - schedAtStart[0],
    mainSlices: schedAtEnd[1] - schedAtStart[1],
    firstPeaksMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 1024 / 1024,
    peakExternalMb: peakExternal / 1024 / 1024,
    maxLoopDelayMs: loop.max / 1e6,
    p99LoopDelayMs: loop.percentile(99) / 1e6,
    stages
  })
)
