import { writeFile } from 'node:fs/promises'
import { round, warmCueViewApp } from './cue-view-keys'
import type { Samples } from './cue-view-keys'
import { phases, taskPhases } from './trace-phases'
import type { TraceEvent as PhaseEvent } from './trace-phases'

/*
 * Where key-to-paint goes in the live cue view (test/bench/cue-view-keys.ts's flow: double-click a
 * word, four letters, Enter, on the 2-hour task), after a warm-up round, under a Chromium trace
 * with V8 sampling (devtools.timeline + cpu_profiler + gc). Prints the renderer main thread's
 * tasks of 12 ms or more with their children, GC pauses, and the heaviest JS functions by self
 * time. Not part of `npm run bench`; `npm run build` first (or SDTE_BENCH_RENDERER_DIR).
 *
 *   node --import tsx test/bench/cue-keys-profile.ts
 *
 * PROF_OUT    the trace file (/tmp/sdte-cue-keys.json)
 * PROF_WORDS  words in the traced round (8)
 * PROF_TASKS  1: list each long task's children too
 * PROF_TOP    functions listed per kind of key (45)
 *
 * Then each Enter's window (keydown → painted) as the main thread's tasks in it, each split by
 * phase (script, style, layout, paint…: test/bench/trace-phases.ts), and the median per kind of key.
 */

const out = process.env['PROF_OUT'] ?? '/tmp/sdte-cue-keys.json'
const words = Number(process.env['PROF_WORDS'] ?? 8)
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.gc', 'blink.user_timing']

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown>; id?: string }

const { page, close } = await warmCueViewApp('sdte-prof-cue-keys-')
try {
  const samples: Samples = { keys: [], recutMs: [], rowsMs: [] }
  await page.waitForTimeout(300)
  const browser = page.context().browser()!
  await browser.startTracing(page, { categories })
  const t0perf = await page.evaluate(() => performance.mark('prof:t0').startTime)
  await round(page, words, 1, samples, 'traced')
  await page.evaluate(() => performance.mark('prof:done'))
  const buffer = await browser.stopTracing()
  await writeFile(out, buffer)
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents
  const mark = (name: string) => events.find((e) => e.name === name && e.cat.includes('user_timing'))!
  const t0 = mark('prof:t0')
  const done = mark('prof:done')
  const main = { pid: t0.pid, tid: t0.tid }
  const ms = (us: number): string => (us / 1000).toFixed(1)
  const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b)
  for (const kind of ['letter', 'Enter']) {
    const xs = sorted(samples.keys.filter((k) => (k.key === 'Enter') === (kind === 'Enter')).map((k) => k.toPaint))
    console.log(`${kind}: key-to-paint ${xs.map((x) => x.toFixed(1)).join(' ')}`)
  }
  console.log(`re-cut ms: ${samples.recutMs.join(' ')}; rows ms: ${samples.rowsMs.join(' ')}`)
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= t0.ts && e.ts <= done.ts)
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && (e.dur ?? 0) >= 12000)
  console.log(`\nmain-thread tasks ≥ 12 ms (${tasks.length}; ms from t0, duration, children ≥ 1 ms):`)
  for (const task of process.env['PROF_TASKS'] === '1' ? tasks : []) {
    const end = task.ts + (task.dur ?? 0)
    const kids = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) >= 1000 && !/RunTask/.test(e.name))
    console.log(`  +${ms(task.ts - t0.ts)}  ${ms(task.dur ?? 0)} ms`)
    for (const k of kids) console.log(`      +${ms(k.ts - t0.ts)}  ${ms(k.dur ?? 0)}  ${k.name}${(k.args?.['data'] as { functionName?: string } | undefined)?.functionName ? ` ${(k.args!['data'] as { functionName: string }).functionName}` : ''}`)
  }
  const gcs = onMain.filter((e) => e.name === 'MinorGC' || e.name === 'MajorGC')
  const gcTotal = gcs.reduce((s, e) => s + (e.dur ?? 0), 0)
  console.log(`\nGC on the main thread: ${gcs.length} pauses, ${ms(gcTotal)} ms; longest ${sorted(gcs.map((e) => (e.dur ?? 0) / 1000)).slice(-5).map((x) => x.toFixed(1)).join(' ')}`)
  // Self and inclusive time by function from the main thread's sampled profile (a worker has its own).
  const mainProfile = events.find((x) => x.name === 'Profile' && x.pid === main.pid && x.tid === main.tid)
  const nodes = new Map<number, { name: string; url: string; line: number; parent?: number }>()
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  const stacks: { ts: number; dt: number; keys: Set<string>; path: string[] }[] = []
  let lastTs = (mainProfile?.args?.['data'] as { startTime?: number } | undefined)?.startTime ?? 0
  for (const e of events.filter((x) => x.name === 'ProfileChunk' && x.pid === main.pid && x.id === mainProfile?.id)) {
    const chunk = (e.args?.['data'] as { cpuProfile?: { nodes?: Array<{ id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber: number } }>; samples?: number[] }; timeDeltas?: number[] }) ?? {}
    for (const n of chunk.cpuProfile?.nodes ?? []) nodes.set(n.id, { name: n.callFrame.functionName || '(anonymous)', url: (n.callFrame.url ?? '').replace(/^.*\//, ''), line: n.callFrame.lineNumber, parent: n.parent })
    const ids = chunk.cpuProfile?.samples ?? []
    const deltas = chunk.timeDeltas ?? []
    for (let i = 0; i < ids.length; i++) {
      lastTs += deltas[i] ?? 0
      if (lastTs < t0.ts || lastTs > done.ts) continue
      const n = nodes.get(ids[i])
      if (!n || n.name === '(idle)' || n.name === '(program)') continue
      const dt = deltas[i + 1] ?? deltas[i] ?? 0
      const key = (x: { name: string; url: string; line: number }): string => `${x.name} ${x.url}:${x.line}`
      self.set(key(n), (self.get(key(n)) ?? 0) + dt)
      const seen = new Set<string>()
      const path: string[] = []
      for (let m: typeof n | undefined = n; m; m = m.parent === undefined ? undefined : nodes.get(m.parent)) {
        seen.add(key(m))
        path.push(key(m))
      }
      for (const k of seen) total.set(k, (total.get(k) ?? 0) + dt)
      stacks.push({ ts: lastTs, dt, keys: seen, path })
    }
  }
  console.log('\nmain thread, self time by function in the traced round (sampled, ms):')
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${ms(us).padStart(7)}  ${key}`)
  console.log('\nmain thread, inclusive time by function (sampled, ms):')
  for (const [key, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${ms(us).padStart(7)}  ${key}`)
  // What ran between each keydown and its painted frame: inclusive time by function, per kind of key.
  for (const kind of ['letter', 'Enter']) {
    const windows = samples.keys.filter((k) => (k.key === 'Enter') === (kind === 'Enter')).map((k) => [t0.ts + (k.at - t0perf) * 1000, t0.ts + (k.at - t0perf + k.toPaint) * 1000] as const)
    const inKey = new Map<string, number>()
    let gcUs = 0
    for (const s of stacks) {
      if (!windows.some(([a, b]) => s.ts >= a && s.ts <= b)) continue
      for (const k of s.keys) inKey.set(k, (inKey.get(k) ?? 0) + s.dt)
    }
    for (const g of gcs) if (windows.some(([a, b]) => g.ts < b && g.ts + (g.dur ?? 0) > a)) gcUs += g.dur ?? 0
    console.log(`\n${kind}s (${windows.length}): keydown → paint, inclusive time by function (sampled, ms; GC pauses overlapping ${ms(gcUs)} ms):`)
    for (const [key, us] of [...inKey].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env['PROF_TOP'] ?? 45))) console.log(`  ${ms(us).padStart(7)}  ${key}`)
    // Which components render in those windows: the function each renderComponentRoot calls (a component's render).
    const renders = new Map<string, number>()
    for (const s of stacks) {
      if (!windows.some(([a, b]) => s.ts >= a && s.ts <= b)) continue
      const at = s.path.findIndex((k) => k.startsWith('renderComponentRoot '))
      if (at > 0) renders.set(s.path[at - 1], (renders.get(s.path[at - 1]) ?? 0) + s.dt)
    }
    console.log(`  component renders (the function under renderComponentRoot, ms):`)
    for (const [key, us] of [...renders].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${ms(us).padStart(7)}  ${key}`)
  }
  // Each key's window as the main thread's tasks by phase (CPU time): what the frame is made of.
  const phased = taskPhases(events as unknown as PhaseEvent[], 0.2).tasks
  for (const kind of ['letter', 'Enter']) {
    const keys = samples.keys.filter((k) => (k.key === 'Enter') === (kind === 'Enter'))
    const per: Record<string, number[]> = Object.fromEntries([...phases, 'total'].map((p) => [p, []]))
    console.log(`\n${kind}s: each keydown → paint, the main thread's tasks in it by phase (CPU ms):`)
    // Every Enter, and the slowest letters (the tail is where p95 comes from).
    const slow = new Set([...keys].sort((x, y) => y.toPaint - x.toPaint).slice(0, kind === 'Enter' ? keys.length : 6))
    for (const k of keys) {
      const a = (t0.ts + (k.at - t0perf) * 1000) / 1000
      const b = a + k.toPaint
      const inside = phased.filter((t) => t.start < b && t.start + t.dur > a)
      const sum = (p: (typeof phases)[number]): number => inside.reduce((s, t) => s + t.phases[p], 0)
      for (const p of phases) per[p].push(sum(p))
      per['total'].push(inside.reduce((s, t) => s + t.dur, 0))
      if (slow.has(k)) console.log(`  ${k.toPaint.toFixed(1)} ms: ${inside.map((t) => `[${t.dur.toFixed(1)}${t.frame ? ' frame' : ''}: ${phases.filter((p) => t.phases[p] >= 0.1).map((p) => `${p} ${t.phases[p].toFixed(1)}`).join(', ')}]`).join(' ')}`)
    }
    if (kind === 'letter') {
      const inSlow = new Map<string, number>()
      for (const st of stacks) {
        if (![...slow].some((k) => { const a = t0.ts + (k.at - t0perf) * 1000; return st.ts >= a && st.ts <= a + k.toPaint * 1000 })) continue
        for (const key of st.keys) inSlow.set(key, (inSlow.get(key) ?? 0) + st.dt)
      }
      console.log(`  the slowest letters' windows, inclusive time by function (sampled, ms): ${[...inSlow].sort((x, y) => y[1] - x[1]).slice(0, 40).map(([key, us]) => `${key.replace(/ index-[^:]*/, ' ')} ${ms(us)}`).join(' | ')}`)
    }
    const med = (xs: number[]): number => sorted(xs)[Math.floor(xs.length / 2)] ?? 0
    console.log(`  median per ${kind}: ${['total', ...phases].map((p) => `${p} ${med(per[p]).toFixed(1)}`).join(', ')}`)
  }
  console.log(`\nwrote ${out}`)
} finally {
  await close()
}
