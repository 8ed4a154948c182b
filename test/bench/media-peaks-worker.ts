import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createPeaksService } from '../../electron/services/media/peaks'

/*
 * Child process for test/bench/media.ts: computes (or reads cached) peaks for one file and
 * prints one JSON line with the wall time, the process's peak RSS, the peak JS heap seen and the
 * longest event-loop stall,
 * so the figures are this computation's alone. With mode "idle" it only reports the baseline.
 * Usage: node --import tsx media-peaks-worker.ts <mode: compute|idle> <file> <cacheDir>
 */

const [mode = 'compute', file = '', cacheDir = ''] = process.argv.slice(2)
let peakHeap = process.memoryUsage().heapUsed
let peakExternal = process.memoryUsage().external + process.memoryUsage().arrayBuffers
const sampler = setInterval(() => {
  const usage = process.memoryUsage()
  peakHeap = Math.max(peakHeap, usage.heapUsed)
  peakExternal = Math.max(peakExternal, usage.external + usage.arrayBuffers)
}, 20)

// The longest the event loop was held while computing: what main's IPC and protocol would feel.
const loop = monitorEventLoopDelay({ resolution: 5 })
loop.enable()
const started = performance.now()
let status = 'idle'
let fromCache = false
let durationMs = 0
let length = 0
if (mode === 'compute') {
  const result = await createPeaksService({ cacheDir }).getPeaks('bench', file)
  status = result.status
  if (result.status === 'ready') {
    fromCache = result.fromCache
    durationMs = result.peaks.durationMs
    length = result.peaks.length
  } else {
    console.error(JSON.stringify(result))
  }
}
const elapsedMs = performance.now() - started
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
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 1024 / 1024,
    peakExternalMb: peakExternal / 1024 / 1024,
    maxLoopDelayMs: loop.max / 1e6
  })
)
