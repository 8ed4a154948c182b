import { PerformanceObserver } from 'node:perf_hooks'
import { Session } from 'node:inspector/promises'
import { writeFileSync } from 'node:fs'
import { loadRealExport } from '../fixtures/real-to-export'
import { normaliseTranscript } from '../../shared/transcript/normalise'
import { setSegmentText } from '../../shared/transcript/edits'
import { resolvePreset } from '../../shared/subtitles/index'
import { recut, wholeCut } from '../../renderer/src/lib/cue-recut'
import type { TranscriptModel } from '../../shared/transcript/model'

/*
 * Profiling aid for the cue view's re-cut tail (issue 17): the cue-view bench's chain of one-word
 * edits on the 2-hour hearing, longer, each cut handed over; per edit its passage, wall and CPU
 * time, heap + external bytes allocated (run with a big young generation so no scavenge falls
 * inside an edit: --max-semi-space-size=256) and the GC that fell inside it. Meant to be run with
 * --cpu-prof / --trace-gc:
 *
 *   node --max-semi-space-size=256 --import tsx test/bench/cue-recut-profile.ts netflix-en 400
 */

const presetName = process.argv[2] ?? 'netflix-en'
const runs = Number(process.argv[3] ?? 400)
const model0 = normaliseTranscript(loadRealExport('senate-hearing-2h.dpe.json'))
const preset = resolvePreset(presetName)
const chain: TranscriptModel[] = []
let m = model0
for (let i = 0; i < runs; i++) {
  // The bench's chain: one word appended to segments spread over the transcript, round after round.
  const at = ((i * 0.618034) % 1 + 0.5 / runs) % 1
  const seg = m.segments[Math.floor(at * m.segments.length)]
  m = setSegmentText(m, seg.id, seg.words.map((w) => w.text).join(' ') + (i % 2 ? ' indeed' : ' too'))
  chain.push(m)
}
const gcs: { start: number; ms: number; kind: number }[] = []
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration, kind: (e as unknown as { detail?: { kind: number } }).detail?.kind ?? 0 })
}).observe({ entryTypes: ['gc'] })
let cut = wholeCut(model0, preset)
const rows: { ms: number; cpu: number; bytes: number; boundaries: number; cues: number; t0: number; t1: number }[] = []
const used = (): number => {
  const u = process.memoryUsage()
  return u.heapUsed + u.arrayBuffers
}
const session = process.env.PROF ? new Session() : null
if (session) {
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: Number(process.env.PROF_US ?? 50) })
  await session.post('Profiler.start')
}
const heapSession = process.env.HEAP ? new Session() : null
if (heapSession) {
  heapSession.connect()
  await heapSession.post('HeapProfiler.enable')
  await heapSession.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true })
}
for (const next of chain) {
  if (process.env.MARK) console.log(`@edit ${rows.length}`)
  const b = used()
  const cpu = process.cpuUsage()
  const t0 = performance.now()
  cut = recut(cut, next, preset, {}, true)
  const t1 = performance.now()
  const c = process.cpuUsage(cpu)
  rows.push({ ms: t1 - t0, cpu: (c.user + c.system) / 1000, bytes: used() - b, boundaries: cut.work?.boundaries ?? -1, cues: cut.work?.cues ?? -1, t0, t1 })
}
await new Promise((r) => setTimeout(r, 50))
if (heapSession) {
  const { profile } = await heapSession.post('HeapProfiler.stopSampling')
  writeFileSync(process.env.HEAP!, JSON.stringify(profile))
}
if (session) {
  const { profile } = await session.post('Profiler.stop')
  writeFileSync(process.env.PROF!, JSON.stringify(profile))
}
const q = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)]
const warm = rows.slice(10)
const gcIn = (r: (typeof rows)[number]): number => gcs.filter((g) => g.start >= r.t0 && g.start < r.t1).reduce((s, g) => s + g.ms, 0)
console.log(`${presetName}: ${warm.length} edits; wall median ${q(warm.map((r) => r.ms), 0.5).toFixed(3)} p95 ${q(warm.map((r) => r.ms), 0.95).toFixed(3)} max ${Math.max(...warm.map((r) => r.ms)).toFixed(3)}; CPU median ${q(warm.map((r) => r.cpu), 0.5).toFixed(3)} p95 ${q(warm.map((r) => r.cpu), 0.95).toFixed(3)}`)
const pos = warm.filter((r) => r.bytes > 0)
console.log(`bytes per edit (no GC inside): median ${q(pos.map((r) => r.bytes), 0.5)} p95 ${q(pos.map((r) => r.bytes), 0.95)}; GC in edits: ${warm.filter((r) => gcIn(r) > 0).length} edits, ${warm.reduce((s, r) => s + gcIn(r), 0).toFixed(1)} ms; GC total ${gcs.length} events ${gcs.reduce((s, g) => s + g.ms, 0).toFixed(1)} ms`)
const top = [...warm].sort((a, b) => b.ms - a.ms).slice(0, 12)
for (const r of top) console.log(`  ${r.ms.toFixed(2)} ms cpu ${r.cpu.toFixed(2)} gc ${gcIn(r).toFixed(2)} bytes ${r.bytes} boundaries ${r.boundaries} cues ${r.cues}`)
// Time against boundaries re-planned.
const byB = [...warm].sort((a, b) => a.boundaries - b.boundaries)
console.log('boundaries: ' + [0.1, 0.5, 0.9, 0.99, 1].map((p) => q(byB.map((r) => r.boundaries), p)).join(' / '))
if (process.env.ROWS) for (const r of warm) console.log(`${r.boundaries}\t${r.cues}\t${r.ms.toFixed(3)}\t${r.cpu.toFixed(3)}\t${r.bytes}\t${gcIn(r).toFixed(2)}`)
