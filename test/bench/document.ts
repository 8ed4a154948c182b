import { existsSync } from 'node:fs'
import { resolve, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { documentPdf } from '../fixtures/documents/generate-pdf'
import { openDocumentPage, writeScannedPdf } from './document-page'
import type { Figure, Figures } from './stats'
import { bigDocumentExport } from '../fixtures/documents/big-export'
import { documentExportSchema } from '../../shared/api/document-export'
import { flattenDocument } from '../../shared/document/flatten'
import { documentToCsv } from '../../shared/document/csv'
import { emptyFilter, entityMatches, filterKeyValues } from '../../shared/document/filters'
import { pageShapes } from '../../renderer/src/components/document/page-shapes'

/*
 * The document pane's pure work on a large export (100 pages; 1,000 key-value entities of 10
 * values and 100 tables of 40×8 cells — 10,000 values, 32,000 cells): parse, flatten, filter,
 * overlay shapes, CSV. Then the same document in the BUILT renderer in Chromium (`npm run build`
 * first): the first page (document opened → page 1 on screen, target ≤ 500 ms; firstPageFigures
 * says where the clock starts), time to interactive, DOM size, JS heap, filter-keystroke latency.
 *
 *   npm run bench -- document        or   node --import tsx test/bench/document.ts
 *
 * SDTE_BENCH_RENDERER_DIR      the build measured (out/renderer)
 * SDTE_BENCH_OLD_RENDERER_DIR  the old way's build, measured in turn with ours in the same run
 *                              (e.g. a copy of out/renderer made before a change)
 * SDTE_BENCH_ROUNDS            rounds of ours and old, each in a fresh browser, 3 opens each (3)
 *                              and one cold open of the scanned original (below)
 * A scanned original too (100 Letter pages, each a 300 dpi colour JPEG: what a capture platform
 * mostly keeps), opened cold in a fresh browser per round and build: page 1's figures apart.
 * Where the first page's time goes: test/bench/document-profile.ts (a trace of one open).
 */


const bigExport = (): unknown => bigDocumentExport(100)

function time(runs: number, fn: () => void): Figures[string] {
  const values: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    values.push(performance.now() - start)
  }
  values.sort((a, b) => a - b)
  const r = (v: number) => Math.round(v * 10) / 10
  return { value: r(values[Math.floor(runs / 2)]!), unit: 'ms', median: r(values[Math.floor(runs / 2)]!), p95: r(values[Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)]!), runs }
}

const rendererDir = process.env['SDTE_BENCH_RENDERER_DIR'] ?? resolve(import.meta.dirname, '../../out/renderer')
/*
 * The old way, measured in the same run: another build of the renderer (main at the session's
 * start by default), opened in turn with ours, round by round (SDTE_BENCH_ROUNDS, 3 by default).
 */
const oldRendererDir = process.env['SDTE_BENCH_OLD_RENDERER_DIR'] ?? (existsSync('/work/base/out/renderer/index.html') ? '/work/base/out/renderer' : null)
const rounds = Number(process.env['SDTE_BENCH_ROUNDS'] ?? 3)

/** Page 1 on screen, one sample per open: from the document opened (the export in the page) and from the file ready (main's answer). */
interface FirstPageSamples {
  readonly opened: number[]
  readonly file: number[]
}

/** The pane in Chromium on the large document: first page, time to interactive, DOM, heap, keystroke latency. */
async function browserFigures(parsed: unknown, rendererDir: string, pdfPath: string): Promise<{ figures: Figures; samples: FirstPageSamples }> {
  const { page, close } = await openDocumentPage(rendererDir, pdfPath, JSON.stringify(parsed))
  try {
    const pane = page.getByRole('complementary', { name: 'Document data' })
    // Opened three times (closed in between): the median time to interactive.
    const opens: number[] = []
    const samples: FirstPageSamples = { opened: [], file: [] }
    const steps: Array<Record<string, number>> = []
    let started = 0
    for (let i = 0; i < 3; i++) {
      if (i > 0) await pane.getByRole('button', { name: 'Close document', exact: true }).click({ timeout: 300_000 })
      // The first painted page, seen from inside the page: from the file's link being ready to a painted canvas.
      // A string, not a function: the bench's TypeScript loader would name inner functions with a helper the page lacks.
      await page.evaluate(`(() => {
        window.__firstPageAt = null
        // Long tasks on the page's thread while the first page is on its way (what holds it up).
        window.__longTasks = []
        window.__longObserver?.disconnect()
        window.__longObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]) })
        window.__longObserver.observe({ type: 'longtask' })
        const tick = () => {
          if (document.querySelector('canvas[data-rendered="true"]')) window.__firstPageAt = performance.now()
          else requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      })()`)
      started = performance.now()
      await pane.getByRole('button', { name: 'Open saved JSON…' }).click()
      await pane.getByTestId('document-entity').first().waitFor({ timeout: 120_000 })
      // Interactive: the data is shown and the page answers a frame.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))))
      opens.push(performance.now() - started)
      // Page 1 on screen: the first frame that finds its canvas painted, from the document opened and from the file ready.
      // Polled in the page (a string evaluated, not a waitForFunction: the app's CSP forbids its eval).
      const shown = (await page.evaluate(`new Promise((resolve) => {
        const check = () => (window.__firstPageAt != null ? resolve([window.__firstPageAt - window.__openedAt, window.__firstPageAt - window.__fileReadyAt]) : requestAnimationFrame(check))
        check()
      })`)) as [number, number]
      samples.opened.push(shown[0])
      samples.file.push(shown[1])
      // Where the first page's wait goes (use-pdf-pages.ts's marks), from the file being ready.
      await pane.locator('canvas[data-rendered="true"]').first().waitFor({ timeout: 120_000 })
      // A string, not a function (the loader's __name helper again).
      steps.push(
        (await page.evaluate(`(() => {
          const at = (name) => performance.getEntriesByName('sdte:pdf-' + name).at(-1)?.startTime ?? NaN
          const ready = at('file-ready')
          const done = at('first-paint-done')
          const long = window.__longTasks.filter(([start, duration]) => start + duration > ready && start < done).map(([, duration]) => duration)
          return {
            ...Object.fromEntries(['lib-ready', 'document-ready', 'first-page-read', 'first-paint-start', 'first-paint-done'].map((name) => [name, Math.round(at(name) - ready)])),
            'long tasks (ms, summed)': Math.round(long.reduce((a, b) => a + b, 0)),
            'longest task (ms)': Math.round(Math.max(0, ...long))
          }
        })()`)) as Record<string, number>
      )
    }
    const interactive = opens.sort((a, b) => a - b)[1]!
    await pane.locator('canvas[data-rendered="true"]').first().waitFor({ timeout: 120_000 })
    const firstPage = performance.now() - started
    // Let on-demand work settle before counting.
    await page.waitForTimeout(1500)
    const dom = await page.evaluate(() => document.querySelectorAll('*').length)
    const canvases = await page.evaluate(() => document.querySelectorAll('canvas[data-rendered="true"]').length)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
    // Filter keystrokes: "Valor 12" typed a key at a time; latency to the next frame and to the filtered list.
    const typed = 'valor 12'
    const frame: number[] = []
    const applied: number[] = []
    for (let i = 1; i <= typed.length; i++) {
      const value = typed.slice(0, i)
      const [toFrame, toApplied] = await page.evaluate(async (v) => {
        const el = document.querySelector<HTMLInputElement>('input[aria-label="Filter text"]')!
        const list = document.querySelector<HTMLElement>('[data-testid="document-data"]')!
        const start = performance.now()
        el.value = v
        el.dispatchEvent(new Event('input', { bubbles: true }))
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
        const toFrame = performance.now() - start
        // The pane marks the filter it has applied (data-applied-filter); without the mark, the next frame is it.
        while (list.hasAttribute('data-applied-filter') && list.getAttribute('data-applied-filter') !== v) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
        return [toFrame, performance.now() - start]
      }, value)
      frame.push(toFrame)
      applied.push(toApplied)
    }
    const stats = (values: number[]): Figures[string] => {
      const sorted = [...values].sort((a, b) => a - b)
      const r = (v: number) => Math.round(v * 10) / 10
      return { value: r(sorted[Math.floor(sorted.length / 2)]!), unit: 'ms', median: r(sorted[Math.floor(sorted.length / 2)]!), p95: r(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!), runs: sorted.length }
    }
    return {
      samples,
      figures: {
      'document.chromium.time-to-interactive': { value: Math.round(interactive), unit: 'ms', median: Math.round(interactive), p95: Math.round(opens[2]!), runs: 3 },
      // From the last open's click.
      'document.chromium.time-to-first-page': { value: Math.round(firstPage), unit: 'ms' },
      // The first open (pdf.js and its worker loaded cold) and the last, step by step from the file ready.
      ...Object.fromEntries(
        (['first', 'last'] as const).flatMap((which) =>
          Object.entries(steps[which === 'first' ? 0 : steps.length - 1] ?? {}).map(([step, value]) => [`document.chromium.pdf ${which} open: file ready → ${step}`, { value, unit: 'ms', ...(step === 'first-paint-done' ? { target: 500 } : {}) }])
        )
      ),
      'document.chromium.dom-elements': { value: dom, unit: 'elements' },
      'document.chromium.pages-rendered': { value: canvases, unit: 'canvases' },
      'document.chromium.js-heap': { value: Math.round(heap.usedSize / 1e5) / 10, unit: 'MB' },
      'document.chromium.filter-keystroke-to-frame': stats(frame),
      'document.chromium.filter-keystroke-to-filtered': stats(applied)
      }
    }
  } finally {
    await close()
  }
}

/** Figures for the large document. */
export async function run(): Promise<Figures> {
  const raw = JSON.stringify(bigExport())
  const parsed = documentExportSchema.parse(JSON.parse(raw))
  const flat = flattenDocument(parsed)
  const letter = { widthInches: 8.5, heightInches: 11 }
  const sizes = new Map(Array.from({ length: 100 }, (_, i) => [i + 1, letter] as const))
  const low = { ...emptyFilter, confidence: 'low' as const, text: 'ação' }
  return {
    'document.json-bytes': { value: raw.length, unit: 'bytes' },
    'document.parse-and-validate': time(5, () => documentExportSchema.parse(JSON.parse(raw))),
    'document.flatten': time(9, () => flattenDocument(parsed)),
    'document.filter-low-and-text': time(9, () => flat.entities.filter((e) => entityMatches(e, low)).map((e) => filterKeyValues(e, low))),
    'document.page-shapes': time(9, () => pageShapes(flat, sizes)),
    'document.csv': time(5, () => documentToCsv(flat)),
    'document.csv-bytes': { value: Buffer.byteLength(documentToCsv(flat)), unit: 'bytes' },
    ...(await browserRounds(parsed))
  }
}

/** Ours and the old build in turn, round by round: every figure's median and spread, the old way's median and ours/old. */
async function browserRounds(parsed: unknown): Promise<Figures> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('document bench: out/renderer is not built (npm run build); skipping the Chromium figures')
    return {}
  }
  const dir = await mkdtemp(join(tmpdir(), 'sdte-bench-document-'))
  try {
    const pdfPath = join(dir, 'big.pdf')
    await writeFile(pdfPath, await documentPdf(parsed))
    const scanPath = join(dir, 'scan.pdf')
    await writeScannedPdf(scanPath, 100)
    const json = JSON.stringify(parsed)
    const scans = { ours: [] as FirstPageSamples[], old: [] as FirstPageSamples[] }
    const ours: Figures[] = []
    const old: Figures[] = []
    const firstPages = { ours: [] as FirstPageSamples[], old: [] as FirstPageSamples[] }
    for (let round = 0; round < rounds; round++) {
      // Alternate who goes first, so neither always gets the warmer machine.
      const order = round % 2 === 0 ? (['old', 'ours'] as const) : (['ours', 'old'] as const)
      for (const which of order) {
        if (which === 'old' && !oldRendererDir) continue
        const { figures, samples } = await browserFigures(parsed, which === 'old' ? oldRendererDir! : rendererDir, pdfPath)
        ;(which === 'old' ? old : ours).push(figures)
        firstPages[which].push(samples)
        console.error(`document bench: round ${round + 1} ${which}: document opened → page 1 on screen ${samples.opened.map(Math.round).join(', ')} ms (opens 1-${samples.opened.length}; \`uptime\` load ${loadavg()[0]!.toFixed(1)})`)
        const scanned = await scannedFirstPage(which === 'old' ? oldRendererDir! : rendererDir, scanPath, json)
        scans[which].push(scanned)
        console.error(`document bench: round ${round + 1} ${which}: scanned original, cold: document opened → page 1 on screen ${Math.round(scanned.opened[0]!)} ms (load ${loadavg()[0]!.toFixed(1)})`)
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
    const out: Figures = { ...firstPageFigures(firstPages.ours, firstPages.old), ...scannedFigures(scans.ours, scans.old) }
    for (const name of Object.keys(ours[0] ?? {})) {
      const values = ours.map((f) => f[name]?.value).filter((v): v is number => v !== undefined && Number.isFinite(v))
      const olds = old.map((f) => f[name]?.value).filter((v): v is number => v !== undefined && Number.isFinite(v))
      if (!values.length) continue
      const figure: Figure = { ...ours[0]![name]!, value: median(values), median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length, ...(olds.length ? { old: median(olds) } : {}) }
      out[name] = figure
    }
    return out
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/*
 * The first page (issue 21, target ≤ 500 ms): from the document opened — the export has reached
 * the page, where main's answer to "open" arrives — to the first frame that finds page 1's canvas
 * painted (pixels on screen), for the 100-page PDF. Every open of every round counts (three opens
 * per fresh browser: the first cold, pdf.js not yet used on the page); the cold opens are also
 * given alone. "From the file ready" starts the clock at main's answer naming the PDF instead.
 */
function firstPageFigures(ours: FirstPageSamples[], old: FirstPageSamples[]): Figures {
  const out: Figures = {}
  const figure = (values: number[], olds: number[]): Figure => {
    const sorted = [...values].sort((a, b) => a - b)
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)]!)
    const med = Math.round(sorted[Math.floor(sorted.length / 2)]!)
    const oldMedian = olds.length ? Math.round([...olds].sort((a, b) => a - b)[Math.floor(olds.length / 2)]!) : undefined
    return { value: med, unit: 'ms', median: med, p95: at(0.95), min: Math.round(sorted[0]!), max: Math.round(sorted.at(-1)!), runs: sorted.length, target: 500, ...(oldMedian === undefined ? {} : { old: oldMedian }) }
  }
  const all = (runs: FirstPageSamples[], key: keyof FirstPageSamples) => runs.flatMap((r) => r[key])
  const cold = (runs: FirstPageSamples[]) => runs.map((r) => r.opened[0]!).filter((v) => v !== undefined)
  if (!ours.length) return out
  out['document.chromium.first-page: document opened → page 1 on screen (every open)'] = figure(all(ours, 'opened'), all(old, 'opened'))
  out['document.chromium.first-page: document opened → page 1 on screen (cold: 1st open of a fresh page)'] = figure(cold(ours), cold(old))
  out['document.chromium.first-page: file ready → page 1 on screen (every open)'] = figure(all(ours, 'file'), all(old, 'file'))
  return out
}

/**
 * The scanned original's page 1, cold (a fresh browser, the pane's first document): from the
 * document opened and from the file ready to the first frame that finds it painted.
 */
async function scannedFirstPage(rendererDir: string, pdfPath: string, json: string): Promise<FirstPageSamples> {
  const { page, close } = await openDocumentPage(rendererDir, pdfPath, json)
  try {
    const pane = page.getByRole('complementary', { name: 'Document data' })
    // A string, not a function (the loader's __name helper): page 1 on screen, as browserFigures counts it.
    await page.evaluate(`(() => {
      window.__firstPageAt = null
      const tick = () => (document.querySelector('canvas[data-rendered="true"]') ? (window.__firstPageAt = performance.now()) : requestAnimationFrame(tick))
      requestAnimationFrame(tick)
    })()`)
    await pane.getByRole('button', { name: 'Open saved JSON…' }).click()
    const shown = (await page.evaluate(`new Promise((resolve) => {
      const check = () => (window.__firstPageAt != null ? resolve([window.__firstPageAt - window.__openedAt, window.__firstPageAt - window.__fileReadyAt]) : requestAnimationFrame(check))
      check()
    })`)) as [number, number]
    return { opened: [shown[0]], file: [shown[1]] }
  } finally {
    await close()
  }
}

/** The scanned original's cold page 1 over the rounds, ours beside the old build's. */
function scannedFigures(ours: FirstPageSamples[], old: FirstPageSamples[]): Figures {
  if (!ours.length) return {}
  const figure = (values: number[], olds: number[]): Figure => {
    const sorted = [...values].sort((a, b) => a - b)
    const med = Math.round(sorted[Math.floor(sorted.length / 2)]!)
    const oldMedian = olds.length ? Math.round([...olds].sort((a, b) => a - b)[Math.floor(olds.length / 2)]!) : undefined
    return { value: med, unit: 'ms', median: med, p95: Math.round(sorted.at(-1)!), min: Math.round(sorted[0]!), max: Math.round(sorted.at(-1)!), runs: sorted.length, target: 500, ...(oldMedian === undefined ? {} : { old: oldMedian }) }
  }
  return {
    'document.chromium.scanned first-page: document opened → page 1 on screen (cold)': figure(ours.flatMap((r) => r.opened), old.flatMap((r) => r.opened)),
    'document.chromium.scanned first-page: file ready → page 1 on screen (cold)': figure(ours.flatMap((r) => r.file), old.flatMap((r) => r.file))
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [name, f] of Object.entries(figures)) {
    const spread = f.min === undefined ? '' : `, spread ${f.min}–${f.max}`
    const old = f.old === undefined ? '' : `; old ${f.old}, ours/old ${(f.value / f.old).toFixed(2)}`
    console.log(`${name}: ${f.value} ${f.unit}${f.runs ? ` (median of ${f.runs}, p95 ${f.p95}${spread})` : ''}${f.target === undefined ? '' : ` target ≤ ${f.target}`}${old}`)
  }
}
