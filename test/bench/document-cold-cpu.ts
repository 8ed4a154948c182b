import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { bigDocumentExport } from '../fixtures/documents/big-export'
import { documentPdf } from '../fixtures/documents/generate-pdf'
import { markPageOnePainted, openDocumentPage, writeScannedPdf } from './document-page'

/*
 * The document pane's cold first page by thread CPU, for a loaded machine where wall times say
 * little: each round opens a fresh browser per build (ours and the old one, alternately first),
 * lets the pane idle for a moment (where pdf.js is warmed), then opens the 100-page document once
 * under a Chromium trace and sums, from the trace, each thread's CPU time (the tasks' thread
 * durations) from main's answer naming the PDF (sdte:pdf-file-ready) to page 1 on screen: the
 * page's main thread and the pdf.js worker. Also the main thread's tasks in page 1's drawing
 * (first-paint-start → painted) and that stretch's wall time (where waits for frames show), the
 * wall time from the file ready, and the CPU the
 * idle warm-up itself took before the open (what it costs, paid while nobody waits).
 * `npm run build` first.
 *
 *   SDTE_BENCH_OLD_RENDERER_DIR=/tmp/old-out/renderer node --import tsx test/bench/document-cold-cpu.ts
 *
 * SDTE_BENCH_RENDERER_DIR      the build measured (out/renderer)
 * SDTE_BENCH_OLD_RENDERER_DIR  the old way's build (required: the figures are ratios)
 * SDTE_BENCH_ROUNDS            pairs of cold opens (5)
 * SDTE_BENCH_IDLE_MS           the pane's idle time before the open (1500)
 * SDTE_BENCH_PDF               `scan`: the original is the scanned one (100 pages, each a 300 dpi
 *                              colour JPEG: test/fixtures/documents/scan-pdf.ts) instead of the text one
 */

const rendererDir = process.env['SDTE_BENCH_RENDERER_DIR'] ?? resolve(import.meta.dirname, '../../out/renderer')
const oldDir = process.env['SDTE_BENCH_OLD_RENDERER_DIR']
const rounds = Number(process.env['SDTE_BENCH_ROUNDS'] ?? 5)
const idleMs = Number(process.env['SDTE_BENCH_IDLE_MS'] ?? 1500)
const scanned = process.env['SDTE_BENCH_PDF'] === 'scan'
const categories = ['toplevel', 'blink.user_timing', '__metadata', 'devtools.timeline']

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: Record<string, unknown> }

/** One cold open's figures (ms, or a count). */
type Sample = Record<string, number>

async function coldOpen(dir: string, pdfPath: string, json: string): Promise<Sample> {
  const app = await openDocumentPage(dir, pdfPath, json)
  const { page, browser } = app
  try {
    const pane = page.getByRole('complementary', { name: 'Document data' })
    await browser.startTracing(page, { categories })
    await page.evaluate(`performance.mark('prof:pane')`)
    await page.waitForTimeout(idleMs)
    await markPageOnePainted(page)
    await pane.getByRole('button', { name: 'Open saved JSON…' }).click()
    await pane.locator('canvas[data-rendered="true"]').first().waitFor({ timeout: 300_000 })
    await page.waitForTimeout(300)
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents
    const mark = (name: string) => events.find((e) => e.cat.includes('user_timing') && e.name === name)
    const pane0 = mark('prof:pane')!
    const t0 = mark('prof:t0')!
    const ready = mark('sdte:pdf-file-ready')!
    const paintStart = mark('sdte:pdf-first-paint-start')!
    const pageRead = mark('sdte:pdf-first-page-read')!
    const painted = events.find((e) => e.name === 'prof:painted' && e.ts > ready.ts)!
    const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [e.tid, String((e.args as { name?: string }).name)]))
    // A thread's tasks: the scheduler's on the page's own threads, the pool's on its workers (never both for one task).
    const tasks = events.filter((e) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'ThreadPool_RunTask') && e.pid === ready.pid)
    /** CPU of the thread(s) matching `which` in [from, to], a task counted by the share of it inside. */
    const cpu = (which: (tid: number) => boolean, from: number, to: number) => {
      let sum = 0
      for (const e of tasks) {
        const end = e.ts + (e.dur ?? 0)
        if (!which(e.tid) || end < from || e.ts > to) continue
        sum += (e.tdur ?? 0) * ((Math.min(to, end) - Math.max(from, e.ts)) / Math.max(1, e.dur ?? 0))
      }
      return sum / 1000
    }
    const main = (tid: number) => tid === ready.tid
    const worker = (tid: number) => (names.get(tid) ?? '').includes('DedicatedWorker')
    return {
      'wall: file ready → page 1 on screen': (painted.ts - ready.ts) / 1000,
      'main CPU: file ready → page 1': cpu(main, ready.ts, painted.ts),
      'worker CPU: file ready → page 1': cpu(worker, ready.ts, painted.ts),
      // Every thread of the page's process (an image decoded by the browser runs on threads of its own).
      'renderer CPU, all threads: file ready → page 1': cpu(() => true, ready.ts, painted.ts),
      // Between pdf.js's answer with page 1's size and the draw that asks the worker for its content.
      'wall: first page read → first paint start': (paintStart.ts - pageRead.ts) / 1000,
      'main CPU: first page read → first paint start': cpu(main, pageRead.ts, paintStart.ts),
      'main tasks ≥ 1 ms while page 1 is drawn': tasks.filter((e) => main(e.tid) && (e.dur ?? 0) >= 1000 && e.ts >= paintStart.ts && e.ts <= painted.ts).length,
      'wall: first paint start → page 1 on screen': (painted.ts - paintStart.ts) / 1000,
      'main + worker CPU while the pane idled (warm-up)': cpu(main, pane0.ts, t0.ts) + cpu(worker, pane0.ts, t0.ts)
    }
  } finally {
    await app.close()
  }
}

if (!oldDir || !existsSync(join(oldDir, 'index.html'))) throw new Error('SDTE_BENCH_OLD_RENDERER_DIR: the old build to compare with (its out/renderer)')
const work = await mkdtemp(join(tmpdir(), 'sdte-cold-cpu-'))
try {
  const parsed = bigDocumentExport(100)
  const pdfPath = join(work, 'big.pdf')
  if (scanned) await writeScannedPdf(pdfPath, 100)
  else await writeFile(pdfPath, await documentPdf(parsed))
  const json = JSON.stringify(parsed)
  const samples: { ours: Sample[]; old: Sample[] } = { ours: [], old: [] }
  for (let round = 0; round < rounds; round++) {
    for (const which of round % 2 === 0 ? (['old', 'ours'] as const) : (['ours', 'old'] as const)) {
      const sample = await coldOpen(which === 'old' ? oldDir : rendererDir, pdfPath, json)
      samples[which].push(sample)
      console.error(`round ${round + 1} ${which} (load ${loadavg()[0]!.toFixed(1)}): ${Object.entries(sample).map(([k, v]) => `${k} ${Math.round(v)}`).join('; ')}`)
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
  for (const name of Object.keys(samples.ours[0] ?? {})) {
    const ours = samples.ours.map((s) => s[name]!)
    const old = samples.old.map((s) => s[name]!)
    // Pairwise ratios (each round's ours over its old): the spread of the A/B, not of the machine.
    const ratios = ours.map((v, i) => v / Math.max(1e-9, old[i]!)).sort((a, b) => a - b)
    console.log(`${name}: ours ${Math.round(median(ours))} (${Math.round(Math.min(...ours))}–${Math.round(Math.max(...ours))}), old ${Math.round(median(old))} (${Math.round(Math.min(...old))}–${Math.round(Math.max(...old))}); ours/old per pair median ${median(ratios).toFixed(2)} (${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)})`)
  }
} finally {
  await rm(work, { recursive: true, force: true })
}
