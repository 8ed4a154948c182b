import type { Page } from '@playwright/test'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureLongRecording } from '../fixtures/audio/generate'
import { startApp, writeTwoHourExport } from './editor'
import { concatenated } from './transcript'
import { convertRealFixture } from '../fixtures/real-to-export'

/*
 * Where the time of opening the 2-hour task goes: the editor bench's "open file click →
 * interactive" (PROF_FLOW=click) or its peers'-protocol hand-over (PROF_FLOW=handover), once
 * warmed up, under a Chromium trace with V8 sampling (devtools.timeline + cpu_profiler + gc).
 * Prints the renderer main thread's top-level tasks and GC pauses between t0 and
 * interactive, and the heaviest JS functions by self time in that window. Not part of
 * `npm run bench`; `npm run build` first (or SDTE_BENCH_RENDERER_DIR).
 *
 *   node --import tsx test/bench/open-profile.ts
 *
 * PROF_FLOW  click | handover | waveform (click; waveform = the click with the 3-hour recording
 *            attached and its peaks cached, until the segment regions are drawn)
 * PROF_OUT   the trace file (/tmp/sdte-open.json)
 * PROF_COLD  1: no warm-up opens (a fresh page's first open, as `npm run bench -- list` measures)
 * PROF_SIZE  2h (default) | 6h (the 2-hour export three times over, as cold-open.ts opens it)
 * SDTE_BENCH_RENDERER_DIR  another build to profile (e.g. an old one, for A/B)
 */

const flow = process.env['PROF_FLOW'] ?? 'click'
const out = process.env['PROF_OUT'] ?? '/tmp/sdte-open.json'
const cold = process.env['PROF_COLD'] === '1'
const size = process.env['PROF_SIZE'] ?? '2h'
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.gc', 'blink.user_timing', 'loading']

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown>; id?: string }

async function openByClick(page: Page, withWaveform = false): Promise<void> {
  await page.evaluate(async (withWaveform) => {
    performance.mark('prof:t0')
    ;(document.querySelector('[data-testid="start-open-file"]') as HTMLButtonElement).click()
    while (!document.querySelector('article.segment')) await new Promise((r) => requestAnimationFrame(r))
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
    performance.mark('prof:rows')
    if (withWaveform) {
      for (;;) {
        const wave = document.querySelector('[data-testid="waveform"]')
        if (Number(wave?.getAttribute('data-segment-regions') ?? 0) > 0 && (wave?.querySelector(':scope > div')?.shadowRoot?.querySelectorAll('[data-segment-id]').length ?? 0) > 0) break
        await new Promise((r) => requestAnimationFrame(r))
      }
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
    }
    performance.mark('prof:done')
  }, withWaveform)
}

async function openByHandover(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const w = window as unknown as { __benchTask: { opened: unknown }; __benchOpened: unknown }
        performance.mark('prof:t0')
        const mo = new MutationObserver(() => {
          if (!document.querySelector('article.segment')) return
          mo.disconnect()
          requestAnimationFrame(() =>
            setTimeout(() => {
              performance.mark('prof:done')
              done()
            }, 0)
          )
        })
        mo.observe(document.body, { childList: true, subtree: true })
        w.__benchTask.opened = w.__benchOpened
      })
  )
}

const work = await mkdtemp(join(tmpdir(), 'sdte-prof-open-'))
const app = await startApp(join(work, 'data'), process.env['SDTE_BENCH_RENDERER_DIR'])
const { page } = app
try {
  if (size === '6h') {
    app.state.nextExportFile = join(work, 'senate-6h.json')
    await writeFile(app.state.nextExportFile, JSON.stringify(concatenated(convertRealFixture('senate-hearing-2h.dpe.json'), 3)))
  } else app.state.nextExportFile = await writeTwoHourExport(work)
  await page.getByTestId('start-open-file').waitFor()
  if (flow === 'waveform') {
    // The recording attached once (peaks computed and cached), then the task closed.
    await openByClick(page)
    app.state.nextMediaFile = await ensureLongRecording(3, 'wav')
    await page.getByTestId('attach-recording').click()
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="waveform"]')?.getAttribute('data-segment-regions') ?? 0) > 0, null, { timeout: 600_000 })
    await page.getByRole('button', { name: 'Close', exact: true }).click()
    await page.getByTestId('start-open-file').waitFor()
  }
  // Warm up twice (code compiled, caches filled), as the bench does.
  for (let i = 0; i < (cold ? 0 : 2); i++) {
    await openByClick(page)
    await page.getByRole('button', { name: 'Close', exact: true }).click()
    await page.getByTestId('start-open-file').waitFor()
  }
  if (flow === 'handover') {
    await openByClick(page)
    await page.evaluate(() => {
      type Store = { opened: unknown; close(): void }
      const w = window as unknown as { __benchTask: Store; __benchOpened: unknown }
      const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $pinia: { _s: Map<string, Store> } } } } }).__vue_app__
      w.__benchTask = app.config.globalProperties.$pinia._s.get('task')!
      w.__benchOpened = w.__benchTask.opened
      w.__benchTask.close()
    })
    await page.getByTestId('start-open-file').waitFor()
  }
  await page.waitForTimeout(500)
  const browser = page.context().browser()!
  await browser.startTracing(page, { categories })
  if (flow === 'handover') await openByHandover(page)
  else await openByClick(page, flow === 'waveform')
  await page.waitForTimeout(1500)
  const buffer = await browser.stopTracing()
  await writeFile(out, buffer)
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents
  const marks = (name: string) => events.find((e) => e.name === name && e.cat.includes('user_timing'))
  const t0 = marks('prof:t0')!
  const done = marks('prof:done')!
  const data = events.filter((e) => e.name === 'sdte:editor-data' && e.ts >= t0.ts).at(0)
  const main = { pid: t0.pid, tid: t0.tid }
  const ms = (us: number): string => (us / 1000).toFixed(1)
  const rows = marks('prof:rows')
  if (rows) console.log(`t0 → first rows interactive ${ms(rows.ts - t0.ts)} ms`)
  console.log(`flow ${flow}: t0 → done ${ms(done.ts - t0.ts)} ms${data ? `; t0 → sdte:editor-data ${ms(data.ts - t0.ts)} ms; editor-data → interactive ${ms(done.ts - data.ts)} ms` : ''}`)
  // The window runs on for a second after interactive: what opening leaves for later (the rest
  // of the model, the queue's first build, side pieces) counts toward "no long task while opening".
  const until = done.ts + 1_000_000
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts + (e.dur ?? 0) >= t0.ts && e.ts <= until)
  // The sampled profile (ProfileChunk events of the main thread's isolate): per sample its time, its leaf and its stack.
  const nodes = new Map<number, { name: string; url: string; line: number; parent?: number }>()
  const samples: Array<{ ts: number; us: number; node: number }> = []
  let lastTs = 0
  // Only the main thread's profile: a worker's (the cue-breach worker) has its own node ids.
  const mainProfile = events.find((x) => x.name === 'Profile' && x.pid === main.pid && x.tid === main.tid)?.id
  for (const e of events.filter((x) => x.name === 'ProfileChunk' && x.pid === main.pid && x.id === mainProfile)) {
    const chunk = (e.args?.['data'] as { cpuProfile?: { nodes?: Array<{ id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber: number } }>; samples?: number[] }; timeDeltas?: number[] }) ?? {}
    for (const n of chunk.cpuProfile?.nodes ?? []) nodes.set(n.id, { name: n.callFrame.functionName || '(anonymous)', url: (n.callFrame.url ?? '').replace(/^.*\//, ''), line: n.callFrame.lineNumber, parent: n.parent })
    const ids = chunk.cpuProfile?.samples ?? []
    const deltas = chunk.timeDeltas ?? []
    const start = events.find((x) => x.name === 'Profile' && x.id === e.id)?.args?.['data'] as { startTime?: number } | undefined
    if (!lastTs && start?.startTime) lastTs = start.startTime
    for (let i = 0; i < ids.length; i++) {
      lastTs += deltas[i] ?? 0
      if (lastTs >= t0.ts && lastTs <= until) samples.push({ ts: lastTs, us: deltas[i + 1] ?? deltas[i] ?? 0, node: ids[i] })
    }
  }
  const keyOf = (id: number): string | null => {
    const n = nodes.get(id)
    return n ? `${n.name} ${n.url}:${n.line}` : null
  }
  /** Self and inclusive (once per stack) time by function over the samples in [from, to]. */
  const byFunction = (from: number, to: number): { self: Map<string, number>; total: Map<string, number> } => {
    const self = new Map<string, number>()
    const total = new Map<string, number>()
    for (const s of samples) {
      if (s.ts < from || s.ts > to) continue
      const leaf = keyOf(s.node)
      if (!leaf) continue
      self.set(leaf, (self.get(leaf) ?? 0) + s.us)
      const seen = new Set<string>()
      for (let id: number | undefined = s.node; id !== undefined; id = nodes.get(id)?.parent) {
        const key = keyOf(id)
        if (!key || seen.has(key)) continue
        seen.add(key)
        total.set(key, (total.get(key) ?? 0) + s.us)
      }
    }
    return { self, total }
  }
  const top = (m: Map<string, number>, n: number, skip = /^\((root|program|idle)\)/): Array<[string, number]> => [...m].filter(([k]) => !skip.test(k)).sort((a, b) => b[1] - a[1]).slice(0, n)
  console.log('\nmain-thread tasks ≥ 2 ms from t0 to a second after interactive (ms from t0, duration; traced children ≥ 1 ms; for tasks ≥ 8 ms the sampled functions, inclusive and self):')
  // Top-level tasks: a posted task, or a scheduler.yield() continuation (a plain 'RunTask').
  const topLevel = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')
  const tasks = topLevel.filter((e) => (e.dur ?? 0) >= 2000 && !topLevel.some((o) => o !== e && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.dur ?? 0) > (e.dur ?? 0)))
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0)
    const kids = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) >= 1000 && !/RunTask|RunMicrotasks|MicrotaskCheckpoint|v8\.callFunction|FunctionCall|^V8\.(GC_|Bytecode|StackGuard|HandleInterrupts)/.test(e.name))
    // tdur: the thread's CPU time in the task, which a loaded machine inflates far less than the wall time.
    const cpu = (task as TraceEvent & { tdur?: number }).tdur
    console.log(`  +${ms(task.ts - t0.ts)}  ${ms(task.dur ?? 0)} ms${cpu === undefined ? '' : ` (cpu ${ms(cpu)})`}${data && task.ts < data.ts && end > data.ts ? '  (sdte:editor-data in this task)' : ''}`)
    for (const k of kids) console.log(`      +${ms(k.ts - t0.ts)}  ${ms(k.dur ?? 0)}  ${k.name}`)
    if ((task.dur ?? 0) < 8000) continue
    const f = byFunction(task.ts, end)
    console.log(`      incl: ${top(f.total, 10, /^\((root|program|idle)\)|^\(anonymous\) :|callWithErrorHandling|callWithAsyncErrorHandling|flushJobs|runIfDirty|run index|refreshComputed|get value|trigger|notify|endBatch/).map(([k, us]) => `${k.replace(/ index-[^:]+/, '')} ${ms(us)}`).join('; ')}`)
    console.log(`      self: ${top(f.self, 8).map(([k, us]) => `${k.replace(/ index-[^:]+/, '')} ${ms(us)}`).join('; ')}`)
  }
  const all = byFunction(t0.ts, done.ts)
  console.log('\nself time by function from t0 to interactive (sampled, ms):')
  for (const [key, us] of top(all.self, 30, /^$/)) console.log(`  ${ms(us).padStart(7)}  ${key}`)
  console.log(`\nwrote ${out}`)
} finally {
  await app.close()
  await rm(work, { recursive: true, force: true })
}
