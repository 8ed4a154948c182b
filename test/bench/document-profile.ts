import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { bigDocumentExport } from '../fixtures/documents/big-export'
import { documentPdf } from '../fixtures/documents/generate-pdf'
import { markPageOnePainted, openDocumentPage } from './document-page'

/*
 * Where the document pane's first page goes: one open of the 100-page document (the document
 * bench's export and PDF) under a Chromium trace with V8 sampling, from the click on "Open saved
 * JSON…" to page 1 painted. Prints the user-timing marks (sdte:*), the renderer's main-thread
 * tasks ≥ PROF_MIN_MS with their children, the pdf.js worker's busy time, the PDF's range
 * requests, and the heaviest JS functions by self time. Not part of `npm run bench`;
 * `npm run build` first.
 *
 *   node --import tsx test/bench/document-profile.ts
 *
 * PROF_OPENS   opens (and closes) before the traced one: 0 (default) traces a fresh page's first open
 * PROF_OUT     the trace file (/tmp/sdte-document.json)
 * PROF_MIN_MS  the shortest main-thread task listed (5)
 * SDTE_BENCH_RENDERER_DIR  another build to profile (e.g. an old one, for A/B)
 */

const out = process.env['PROF_OUT'] ?? '/tmp/sdte-document.json'
const warm = Number(process.env['PROF_OPENS'] ?? 0)
const minMs = Number(process.env['PROF_MIN_MS'] ?? 5)
const rendererDir = process.env['SDTE_BENCH_RENDERER_DIR'] ?? resolve(import.meta.dirname, '../../out/renderer')
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.gc', 'blink.user_timing', 'loading', '__metadata']

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown>; id?: string }

const work = await mkdtemp(join(tmpdir(), 'sdte-prof-document-'))
const parsed = bigDocumentExport(100)
const pdfPath = join(work, 'big.pdf')
await writeFile(pdfPath, await documentPdf(parsed))
const app = await openDocumentPage(rendererDir, pdfPath, JSON.stringify(parsed))
const { page, browser } = app
try {
  page.on('console', (m) => m.text().startsWith('sdte-debug') && console.log(m.text()))
  const pane = page.getByRole('complementary', { name: 'Document data' })
  const open = async (): Promise<void> => {
    // Page 1 on screen: the first frame that finds its canvas painted (as test/bench/document.ts counts it).
    await markPageOnePainted(page)
    await pane.getByRole('button', { name: 'Open saved JSON…' }).click()
    await pane.locator('canvas[data-rendered="true"]').first().waitFor({ timeout: 120_000 })
  }
  for (let i = 0; i < warm; i++) {
    await open()
    await page.waitForTimeout(1500)
    await pane.getByRole('button', { name: 'Close document', exact: true }).click()
  }
  await page.waitForTimeout(500)
  await browser.startTracing(page, { categories })
  await open()
  await page.waitForTimeout(1500)
  const buffer = await browser.stopTracing()
  await writeFile(out, buffer)
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents
  const marks = events.filter((e) => e.cat.includes('user_timing') && (e.name.startsWith('sdte:') || e.name.startsWith('prof:')))
  const t0 = marks.filter((e) => e.name === 'prof:t0').at(-1)!
  const done = marks.find((e) => e.name === 'prof:painted' && e.ts > t0.ts)!
  const ms = (us: number): string => (us / 1000).toFixed(1)
  console.log(`${warm ? `open ${warm + 1} (warm)` : 'first open (cold page)'}: click → page 1 painted ${ms(done.ts - t0.ts)} ms\n\nmarks (ms from the click):`)
  for (const m of marks.filter((e) => e.ts >= t0.ts).sort((a, b) => a.ts - b.ts)) console.log(`  +${ms(m.ts - t0.ts).padStart(7)}  ${m.name}`)
  const main = { pid: t0.pid, tid: t0.tid }
  const threadName = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, String((e.args as { name?: string })?.name ?? '')]))
  const inWindow = (e: TraceEvent) => e.ph === 'X' && e.ts + (e.dur ?? 0) >= t0.ts && e.ts <= done.ts
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && inWindow(e))
  console.log(`\nmain-thread tasks ≥ ${minMs} ms in the window (ms from the click, duration, children ≥ 1 ms):`)
  const isTask = (e: TraceEvent) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && (e.dur ?? 0) >= minMs * 1000)
  let busy = 0
  for (const task of onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask')) busy += Math.min(done.ts, task.ts + (task.dur ?? 0)) - Math.max(t0.ts, task.ts)
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0)
    const kids = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) >= 1000 && !isTask(e))
    console.log(`  +${ms(task.ts - t0.ts)}  ${ms(task.dur ?? 0)} ms`)
    for (const k of kids.filter((e) => !e.name.startsWith('V8.')).slice(0, 8)) {
      const data = k.args?.['data'] as { functionName?: string; url?: string } | undefined
      console.log(`      +${ms(k.ts - t0.ts)}  ${ms(k.dur ?? 0)}  ${k.name}${data?.functionName ? ` ${data.functionName}` : ''}${data?.url ? ` ${data.url.replace(/^.*\//, '')}` : ''}`)
    }
  }
  console.log(`  main thread busy ${ms(busy)} ms of ${ms(done.ts - t0.ts)}`)
  // Other threads of the page's process that worked in the window (the pdf.js worker among them).
  const busyBy = new Map<string, number>()
  for (const e of events) {
    if (e.pid !== main.pid || e.tid === main.tid || !inWindow(e) || e.name !== 'ThreadControllerImpl::RunTask') continue
    const key = `${e.tid} ${threadName.get(`${e.pid}:${e.tid}`) ?? '?'}`
    busyBy.set(key, (busyBy.get(key) ?? 0) + (e.dur ?? 0))
  }
  console.log('\nother threads of the page, busy in the window (ms):')
  for (const [key, us] of [...busyBy].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${ms(us).padStart(7)}  ${key}`)
  const workerTid = [...threadName].find(([, name]) => name.includes('DedicatedWorker'))?.[0]
  if (workerTid) {
    const [pid, tid] = workerTid.split(':').map(Number)
    const runs = events.filter((e) => e.pid === pid && e.tid === tid && inWindow(e) && e.name === 'ThreadControllerImpl::RunTask' && (e.dur ?? 0) >= 5000)
    console.log('\nworker tasks ≥ 5 ms (ms from the click, duration):')
    for (const r of runs) console.log(`  +${ms(r.ts - t0.ts)}  ${ms(r.dur ?? 0)}`)
  }
  // The PDF's requests: sent and finished, from the click.
  const sends = events.filter((e) => e.name === 'ResourceSendRequest' && e.ts >= t0.ts && e.ts <= done.ts)
  console.log('\nrequests in the window (ms from the click: sent → finished):')
  for (const s of sends) {
    const data = s.args?.['data'] as { requestId?: string; url?: string }
    const fin = events.find((e) => e.name === 'ResourceFinish' && (e.args?.['data'] as { requestId?: string })?.requestId === data.requestId)
    console.log(`  +${ms(s.ts - t0.ts)} → ${fin ? `+${ms(fin.ts - t0.ts)}` : '?'}  ${(data.url ?? '').replace(/^https?:\/\/[^/]+/, '')}`)
  }
  // Self time by function from the sampled profile (ProfileChunk events of the page's isolates).
  const nodes = new Map<string, { name: string; url: string; line: number }>()
  const self = new Map<string, number>()
  const clocks = new Map<string, number>()
  for (const e of events.filter((x) => x.name === 'ProfileChunk' && x.pid === main.pid)) {
    const chunk = (e.args?.['data'] as { cpuProfile?: { nodes?: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>; samples?: number[] }; timeDeltas?: number[] }) ?? {}
    const profileKey = `${e.id}`
    for (const n of chunk.cpuProfile?.nodes ?? []) nodes.set(`${profileKey}/${n.id}`, { name: n.callFrame.functionName || '(anonymous)', url: (n.callFrame.url ?? '').replace(/^.*\//, ''), line: n.callFrame.lineNumber })
    const samples = chunk.cpuProfile?.samples ?? []
    const deltas = chunk.timeDeltas ?? []
    if (!clocks.has(profileKey)) {
      const start = events.find((x) => x.name === 'Profile' && x.id === e.id)?.args?.['data'] as { startTime?: number } | undefined
      clocks.set(profileKey, start?.startTime ?? 0)
    }
    let clock = clocks.get(profileKey)!
    for (let i = 0; i < samples.length; i++) {
      clock += deltas[i] ?? 0
      if (clock < t0.ts || clock > done.ts) continue
      const n = nodes.get(`${profileKey}/${samples[i]}`)
      if (!n || n.name === '(idle)' || n.name === '(program)') continue
      const key = `${n.name} ${n.url}:${n.line}`
      self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0))
    }
    clocks.set(profileKey, clock)
  }
  console.log('\nself time by function in the window, main thread and worker (sampled, ms):')
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${ms(us).padStart(7)}  ${key}`)
  console.log(`\nwrote ${out}`)
} finally {
  await app.close()
  await rm(work, { recursive: true, force: true })
}
