import { chromium } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { build } from 'esbuild'
import type { Plugin } from 'esbuild'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/*
 * The peers on the realistic long task: the 2-hour hearing (14,901 words, 838 speaker turns) in
 * @bbc/react-transcript-editor and slate-transcript-editor, both given the fixture's own BBC
 * "digital paper edit" JSON ({words, paragraphs}), each bundled into a one-component page with
 * esbuild and opened in Debian Chromium from a loopback server, one fresh browser per load.
 *
 * Measurement protocol (`measureInPage`; the editor benchmark should do the same steps for ours):
 * 1. data-to-interactive: the data is fetched and parsed first (not timed); t0 = performance.now()
 *    immediately before the data is handed to the component (ReactDOM.render); a MutationObserver
 *    watches the page text; when the transcript's last words are in the DOM, the clock stops at a
 *    requestAnimationFrame + setTimeout(0) after that (the frame has been produced and the main
 *    thread is free again). "first words" is the same with the transcript's first words. A
 *    virtualised editor never has its last word in the DOM: pass `ready` (e.g. "first rows
 *    painted") and say so next to the figure.
 * 2. JS heap after load: CDP HeapProfiler.collectGarbage, then Performance.getMetrics JSHeapUsedSize.
 * 3. DOM size: document.getElementsByTagName('*').length (elements).
 * 4. typing latency: the editable text node at the middle of the transcript is scrolled to the
 *    centre and clicked; a capture-phase keydown listener notes performance.now(); 30 characters
 *    are typed with page.keyboard.type (60 ms apart, like the editor benchmark). Per key:
 *    key-to-paint = until rAF + setTimeout(0) (the frame with the character is produced), and
 *    double rAF = until the second requestAnimationFrame (includes waiting for the next vsync,
 *    so it is at least one frame interval: on a blank page with a textarea this Chromium gives
 *    3–19 ms key-to-paint and 15–33 ms double rAF). Median and p95 of all keys of all loads.
 * A peer that is not interactive within the load timeout gets the timeout as its figure, with
 * unit "s (timed out)", and no heap/DOM/typing figures.
 *
 * `node --import tsx test/bench/peers.ts [--with-editor]` (the flag also runs editor.ts and prints
 * our/theirs ratios); env PEERS_RUNS (loads per peer, default 1), PEERS_ONLY (one peer's name),
 * PEERS_LOAD_TIMEOUT_MS (default 180000), CHROMIUM_PATH.
 */

type Figure = { value: number; unit: string; median?: number; p95?: number; runs?: number }
type Figures = Record<string, Figure>

/** What one page load measured, in the units of the protocol above. */
export type PageFigures = {
  timedOut: boolean
  firstWordsMs: number | null
  interactiveMs: number | null
  heapMb: number | null
  domElements: number | null
  keyToPaintMs: number[]
  doubleRafMs: number[]
  typed: boolean
}

/** How `measureInPage` hands the data over and decides the page is ready. */
export type MeasureOptions = {
  /** In-page function body that hands `window.__benchData` to the component (runs right after t0). */
  mount: string
  /** Whitespace-normalised text whose presence in the DOM means "the first words are shown". */
  head: string
  /** Whitespace-normalised text whose presence in the DOM means "the whole transcript is in". */
  tail: string
  /** CSS selector of the editable root that receives the typing. */
  editable: string
  /** In-page function body returning true when ready; replaces the `tail` test (virtualised lists). */
  ready?: string
  loadTimeoutMs: number
}

const allPeers = [
  { name: 'bbc-react-transcript-editor', entry: 'bbc-react-transcript-editor.js', editable: '.public-DraftEditor-content[contenteditable="true"]' },
  { name: 'slate-transcript-editor', entry: 'slate-transcript-editor.js', editable: '[data-slate-editor="true"]' }
] as const
// PEERS_ONLY=slate-transcript-editor measures one peer.
const peers = allPeers.filter((p) => !process.env['PEERS_ONLY'] || process.env['PEERS_ONLY'] === p.name)

export const typedText = 'the quick brown fox jumps over' // 30 characters
const typingDelayMs = 60
const loadTimeoutMs = Number(process.env['PEERS_LOAD_TIMEOUT_MS'] ?? 180_000)
const loads = Math.max(1, Number(process.env['PEERS_RUNS'] ?? 1))
const fixture = '/work/shared/fixtures/real/senate-hearing-2h.dpe.json'
const here = import.meta.dirname

type Dpe = { words: Array<{ start: number; end: number; text: string }>; paragraphs: Array<{ start: number; end: number; speaker: string }> }

/** The same flags for every page in every benchmark: no sandbox, no GPU, exposed gc, precise memory. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc']
  })
}

/*
 * The in-page half of step 1, as plain source (tsx would wrap named inner functions in a helper
 * that does not exist in the page). The mount is queued with setTimeout so a long synchronous
 * render cannot block page.evaluate; the Node-side wait owns the timeout.
 */
const loadProbe = `function ({ mount, head, tail, ready }) {
  const clock = { t0: 0, first: 0, last: 0, done: 0 }
  window.__clock = clock
  const text = () => (document.body.textContent || '').replace(/\\s+/g, ' ')
  const isReady = ready ? new Function(ready) : null
  const observer = new MutationObserver(check)
  function check() {
    if (clock.last) return
    const all = text()
    if (!clock.first && all.includes(head)) clock.first = performance.now()
    if (isReady ? isReady() : all.includes(tail)) {
      clock.last = performance.now()
      observer.disconnect()
      requestAnimationFrame(() => setTimeout(() => (clock.done = performance.now()), 0))
    }
  }
  observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  setTimeout(() => {
    clock.t0 = performance.now()
    new Function(mount)()
    check()
  }, 0)
}`

/** Runs the protocol described at the top of this file on a page whose data is in `window.__benchData`. */
export async function measureInPage(page: Page, options: MeasureOptions): Promise<PageFigures> {
  const out: PageFigures = { timedOut: false, firstWordsMs: null, interactiveMs: null, heapMb: null, domElements: null, keyToPaintMs: [], doubleRafMs: [], typed: false }

  // 1. Data to interactive.
  await page.evaluate(`(${loadProbe})(${JSON.stringify({ mount: options.mount, head: options.head, tail: options.tail, ready: options.ready ?? '' })})`)
  try {
    await page.waitForFunction(() => (window as unknown as { __clock: { done: number } }).__clock.done > 0, null, { timeout: options.loadTimeoutMs, polling: 250 })
  } catch {
    out.timedOut = true
    // Where it got to, if the page answers at all (a render still running will not).
    const state = await Promise.race([page.evaluate(`({ clock: window.__clock, text: (document.body.textContent || '').length, elements: document.getElementsByTagName('*').length })`), new Promise((r) => setTimeout(() => r('page busy'), 5000))])
    console.error(`peers: not interactive within ${options.loadTimeoutMs} ms: ${JSON.stringify(state)}`)
    return out
  }
  const clock = await page.evaluate(() => (window as unknown as { __clock: { t0: number; first: number; done: number } }).__clock)
  out.interactiveMs = clock.done - clock.t0
  out.firstWordsMs = clock.first ? clock.first - clock.t0 : null

  // 2–3. Heap after a full collection, and DOM size.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const metrics = (await cdp.send('Performance.getMetrics')).metrics
  out.heapMb = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1048576
  out.domElements = await page.evaluate(() => document.getElementsByTagName('*').length)

  // 4. Typing near the middle.
  const point = await page.evaluate((editable) => {
    const root = document.querySelector(editable)
    if (!root) return null
    const nodes: Text[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const node = walker.currentNode as Text
      // Only text the user can edit: speaker labels and timecodes sit in contenteditable=false islands.
      if ((node.textContent ?? '').trim().length >= 3 && node.parentElement?.closest('[contenteditable]')?.getAttribute('contenteditable') === 'true') nodes.push(node)
    }
    const node = nodes[Math.floor(nodes.length / 2)]
    if (!node) return null
    node.parentElement?.scrollIntoView({ block: 'center' })
    const range = document.createRange()
    range.setStart(node, 0)
    range.setEnd(node, Math.min(2, node.length))
    const rect = range.getBoundingClientRect()
    return { x: rect.right, y: rect.top + rect.height / 2 }
  }, options.editable)
  if (!point) return out
  await page.waitForTimeout(500)
  await page.mouse.click(point.x, point.y)
  await page.waitForTimeout(500)
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __raf2: number[] }
    w.__keys = []
    w.__raf2 = []
    window.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now()
        requestAnimationFrame(() => {
          setTimeout(() => w.__keys.push(performance.now() - t0), 0)
          requestAnimationFrame(() => w.__raf2.push(performance.now() - t0))
        })
      },
      true
    )
  })
  await page.keyboard.type(typedText, { delay: typingDelayMs })
  await page.waitForFunction((n) => (window as unknown as { __raf2: number[] }).__raf2.length >= n, typedText.length, { timeout: 120_000, polling: 100 }).catch(() => undefined)
  const keys = await page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __raf2: number[] }
    return { paint: w.__keys, raf2: w.__raf2 }
  })
  out.keyToPaintMs = keys.paint
  out.doubleRafMs = keys.raf2
  out.typed = await page.evaluate((needle) => (document.body.textContent ?? '').includes(needle), typedText.slice(4, 19))
  return out
}

/** Up to `n` words at the start of the first or the end of the last speaker turn, as the DOM text test looks for them (within one turn: peers put labels between turns). */
function words(data: Dpe, n: number, from: 'start' | 'end'): string {
  const turn = from === 'start' ? data.paragraphs[0] : data.paragraphs[data.paragraphs.length - 1]
  const inTurn = data.words.filter((w) => w.start >= turn.start && w.start < turn.end + (from === 'end' ? Infinity : 0))
  const picked = from === 'start' ? inTurn.slice(0, n) : inTurn.slice(-n)
  return picked.map((w) => w.text).join(' ').replace(/\s+/g, ' ').trim()
}

/** Browser stand-ins for the Node built-ins the peers import. */
const nodeShims: Plugin = {
  name: 'node-shims',
  setup(b) {
    const shims: Record<string, string> = { path: 'path.js', assert: 'assert.js', fs: 'empty.js', util: 'empty.js' }
    b.onResolve({ filter: /^(path|assert|fs|util)$/ }, (args) => ({ path: join(here, 'peers/shims', shims[args.path]) }))
  }
}

async function bundle(entry: string): Promise<{ js: string; css: string }> {
  const result = await build({
    entryPoints: [join(here, 'peers', entry)],
    bundle: true,
    write: false,
    outdir: '/peer', // virtual: write is false
    format: 'iife',
    globalName: '__peer',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    loader: { '.js': 'jsx' },
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'silent',
    plugins: [nodeShims]
  })
  const text = (ext: string): string => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? ''
  return { js: text('.js'), css: text('.css') }
}

/** A loopback server and how to stop it. */
export type Served = { url: string; close: () => Promise<void> }

async function serve(files: Record<string, { type: string; body: string | Buffer }>): Promise<Served> {
  const server = createServer((req, res) => {
    const file = files[(req.url ?? '/').split('?')[0]]
    if (!file) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body)
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((ok) => server.close(() => ok())) }
}

function summary(samples: number[], unit = 'ms'): Figure {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  const round = (n: number): number => Math.round(n * 10) / 10
  return { value: round(at(0.5)), unit, median: round(at(0.5)), p95: round(at(0.95)), runs: sorted.length }
}

/** Builds each peer's page and serves them, the fixture (/data.json) and a 5 s tone (/media.wav) on loopback. */
export async function startPeerPages(work: string, raw: string): Promise<Served> {
  const wav = join(work, 'media.wav')
  await promisify(execFile)('sox', ['-n', '-r', '16000', '-c', '1', wav, 'synth', '5', 'sine', '440'])
  const files: Record<string, { type: string; body: string | Buffer }> = {
    '/data.json': { type: 'application/json', body: raw },
    '/media.wav': { type: 'audio/wav', body: await readFile(wav) }
  }
  for (const peer of allPeers) {
    const { js, css } = await bundle(peer.entry)
    files[`/${peer.name}.js`] = { type: 'text/javascript', body: js }
    files[`/${peer.name}.css`] = { type: 'text/css', body: css }
    files[`/${peer.name}.html`] = {
      type: 'text/html',
      body: `<!doctype html><html><head><meta charset="utf-8"><title>${peer.name}</title><link rel="stylesheet" href="/${peer.name}.css"></head><body><div id="root"></div><script src="/${peer.name}.js"></script></body></html>`
    }
  }
  return serve(files)
}

/** Runs the peers benchmark. */
export async function run(): Promise<Figures> {
  const raw = await readFile(fixture, 'utf8')
  const data = JSON.parse(raw) as Dpe
  const head = words(data, 6, 'start')
  const tail = words(data, 6, 'end')
  const work = await mkdtemp(join(tmpdir(), 'sdte-bench-peers-'))
  const figures: Figures = {}
  try {
    const server = await startPeerPages(work, raw)
    try {
      for (const peer of peers) {
        const loadsMs: number[] = []
        const firstMs: number[] = []
        const heaps: number[] = []
        const doms: number[] = []
        const paint: number[] = []
        const raf2: number[] = []
        let timedOut = false
        let typedEverywhere = true
        for (let i = 0; i < loads && !timedOut; i++) {
          const browser = await launchChromium()
          try {
            const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
            await page.goto(`${server.url}/${peer.name}.html`)
            await page.evaluate(async () => {
              ;(window as unknown as { __benchData: unknown }).__benchData = await (await fetch('/data.json')).json()
            })
            const m = await measureInPage(page, {
              mount: `window.__peer.mount(window.__benchData, ${JSON.stringify(`${server.url}/media.wav`)}, document.getElementById('root'))`,
              head,
              tail,
              editable: peer.editable,
              loadTimeoutMs
            })
            if (m.timedOut) timedOut = true
            // Per-load values on stderr: the spread across loads, which the summary's median/p95 hides.
            console.error(`peers: ${peer.name} load ${i + 1}/${loads}: interactive ${m.interactiveMs?.toFixed(0) ?? 'timed out'} ms, heap ${m.heapMb?.toFixed(1) ?? '-'} MB, ${m.domElements ?? '-'} elements, key-to-paint median ${m.keyToPaintMs.length ? summary(m.keyToPaintMs).median : '-'} ms`)
            if (m.interactiveMs !== null) loadsMs.push(m.interactiveMs)
            if (m.firstWordsMs !== null) firstMs.push(m.firstWordsMs)
            if (m.heapMb !== null) heaps.push(m.heapMb)
            if (m.domElements !== null) doms.push(m.domElements)
            paint.push(...m.keyToPaintMs)
            raf2.push(...m.doubleRafMs)
            if (!m.typed) typedEverywhere = false
          } finally {
            await browser.close()
          }
        }
        const key = (what: string): string => `${peer.name}: ${what}`
        if (timedOut) {
          figures[key('data-to-interactive')] = { value: loadTimeoutMs / 1000, unit: 's (timed out)' }
          continue
        }
        figures[key('data-to-interactive')] = summary(loadsMs)
        if (firstMs.length) figures[key('data-to-first-words')] = summary(firstMs)
        figures[key('js heap after load')] = summary(heaps, 'MB')
        figures[key('DOM elements')] = summary(doms, 'elements')
        // Keys whose character never reached the document would make the latency meaningless.
        const note = typedEverywhere ? '' : ' (typed text not found in the DOM)'
        if (paint.length) figures[key(`typing key-to-paint${note}`)] = summary(paint)
        if (raf2.length) figures[key(`typing key-to-double-rAF${note}`)] = summary(raf2)
      }
    } finally {
      await server.close()
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  return figures
}

/** Our figure over theirs, one line per figure and peer: `ours` is editor.ts's run() output (names without the "editor: " prefix), `theirs` this module's. */
export function ratios(ours: Figures, theirs: Figures): string[] {
  // Ours by name prefix (editor.ts names carry explanations after the prefix). The peers are timed
  // from their data in the page, handed to the component (measureInPage); ours the same way is
  // editor.ts's "peers' protocol" figure (the task store given the opened export): that is the
  // like-for-like ratio. The open-file flow's figure (from the export reaching the store over the
  // test bridge: freshly deserialised data, so a young-generation GC more) is shown after it,
  // labelled, not in place of it.
  const pairs: Array<[string, string, string]> = [
    ["2h task: data → interactive, peers' protocol", 'data-to-interactive', 'data-to-interactive (like for like: data in page, handed over)'],
    ['2h task: data in renderer → interactive, open-file flow', 'data-to-interactive', 'data-to-interactive (ours from the open-file flow, theirs handed over)'],
    ['2h task: JS heap used', 'js heap after load', 'js heap after load'],
    ['2h task: DOM elements', 'DOM elements', 'DOM elements'],
    ['2h task: key-to-paint', 'typing key-to-paint', 'typing key-to-paint']
  ]
  const lines: string[] = []
  const find = (all: Figures, prefix: string): [string, Figure] | undefined => Object.entries(all).find(([name]) => name.startsWith(prefix))
  for (const [oursPrefix, theirsName, label] of pairs) {
    const o = find(ours, oursPrefix)?.[1]
    if (!o) continue
    for (const peer of peers) {
      const t = find(theirs, `${peer.name}: ${theirsName}`)?.[1]
      if (!t) continue
      const value = (f: Figure): number => (f.unit.startsWith('s') ? f.value * 1000 : f.value)
      const p95 = o.p95 !== undefined && t.p95 !== undefined ? ` (p95 ${o.p95} / ${t.p95})` : ''
      lines.push(`${label}: ours ${o.value} ${o.unit} / ${peer.name} ${t.value} ${t.unit} = ${(value(o) / value(t)).toFixed(3)}, ${(value(t) / value(o)).toFixed(1)}× ${value(t) > value(o) ? 'better' : 'worse'}${p95}`)
    }
  }
  return lines
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit}${f.p95 !== undefined ? ` (median ${f.median}, p95 ${f.p95}, ${f.runs} runs)` : ''}`)
  if (process.argv.includes('--with-editor') && existsSync(join(here, 'editor.ts'))) {
    const editor = (await import('./editor')) as { run: () => Promise<Figures> }
    for (const line of ratios(await editor.run(), figures)) console.log(line)
  }
}
