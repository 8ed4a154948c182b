import type * as PdfJs from 'pdfjs-dist'
import type { PDFDocumentLoadingTask } from 'pdfjs-dist'

/*
 * pdf.js and a document's first bytes, started as early as the page knows it will need them.
 * Profiled (test/bench/document.ts, user-timing marks in use-pdf-pages.ts): the first page's wait
 * was not the paint — pdf.js and its worker were loaded only once the page view mounted with the
 * file, and the document was asked for only after the data pane's first render (flattening and
 * drawing 1,000 entities), ~1 s and ~1.2-2 s of a 100-page PDF's 2.2 s (more under load). Now
 * the library is warmed when a document opens, and the PDF is asked for the moment main says
 * where it is, so the worker fetches and parses it while the data pane renders; the page view
 * takes the loading task already under way.
 */

let pdfJs: Promise<typeof PdfJs> | null = null

/**
 * pdf.js and its worker, loaded on first use. The worker is bundled by Vite (`?worker`) as a .js
 * chunk from 'self' — allowed by the CSP and served with a JavaScript MIME type everywhere
 * (an .mjs asset is not, by every static server) — and shared by every document opened.
 */
export function loadPdfJs(): Promise<typeof PdfJs> {
  pdfJs ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?worker')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerPort = new worker.default()
    return lib
  })
  return pdfJs
}

/**
 * How pdf.js reads a document: by byte ranges, only what the pages shown need, nothing fetched
 * ahead (`disableAutoFetch`, which needs `disableStream` to hold) — a 200 MB scan is not read whole
 * before its first page. The file is always local (main serves it from its cache), so bytes cost
 * next to nothing and round trips are what cost: each range goes worker → this thread → main →
 * back, and the worker asks for the next one only once it has parsed the last. Profiled on a
 * 100-page, 1 MB PDF (test/bench/document-profile.ts), 64 KiB chunks took six such trips in a row
 * (~0.8 s under load) before page 1 could be parsed. With 1 MiB chunks a file up to 2 MiB is read
 * in the first response (pdf.js reads whole what is no bigger than two chunks) and a bigger one
 * in a few trips. A server without ranges still works: pdf.js then reads the one full response.
 *
 * JPEG pages (scans, the usual original) are decoded by the browser's ImageDecoder in the worker
 * (`isImageDecoderSupported`), not by pdf.js's own JavaScript decoder. pdf.js turns it off by
 * default in Chromium because of two Chromium bugs of 2024, since fixed (pdf.js 19060; upstream
 * turns it on for Chrome again in PR 20961); a JPEG it cannot hand over (CMYK with a decode
 * array, an unusual colour transform) or a failed decode falls back to the JavaScript decoder.
 * Measured on a 100-page scan of 300 dpi colour JPEGs, cold first page, 5 interleaved pairs
 * under load 15-21 (test/bench/document-cold-cpu.ts, SDTE_BENCH_PDF=scan): the worker's CPU
 * 847 → 101 ms, every renderer thread's CPU 2,082 → 849 ms (the decode now on the browser's
 * image threads), file ready → page 1 on screen 0.38× per pair.
 */
export const pdfLoadOptions = { isEvalSupported: false, disableAutoFetch: true, disableStream: true, rangeChunkSize: 1 << 20, isImageDecoderSupported: true } as const

/**
 * Loads pdf.js and starts its worker while the page idles (the start screen, the document pane's
 * open form), so a document opened later does not wait for them: cold, the worker's 1.7 MB script
 * took ~0.3-0.7 s to start, all of it on the first page's way (test/bench/document-profile.ts).
 */
export function warmPdfJs(): void {
  void loadPdfJs().catch(() => undefined)
}

/** Page 1 of one document: settled once it is on screen, or once it will not be (failed, replaced). */
let firstPage: { url: string; done: Promise<void>; settle: () => void } | null = null

/** The one document asked for ahead of its page view: its URL and loading task. */
let pending: { url: string; task: Promise<PDFDocumentLoadingTask> } | null = null

/** Starts loading the PDF at `url` now (pdf.js too); the page view picks it up with `takePdf`. */
export function preloadPdf(url: string): void {
  if (pending?.url === url) return
  dropPreloaded()
  // A new load (the slot cleared above): its page 1 is to come, even when the same file was shown before.
  firstPageSlot(url)
  const task = loadPdfJs().then((lib) => lib.getDocument({ url, ...pdfLoadOptions }))
  // A failure surfaces where the page view awaits it; here it is not unhandled.
  task.catch(() => undefined)
  pending = { url, task }
}

/** The loading task of `url`: the preloaded one (handed over once) or a new one. */
export async function takePdf(url: string): Promise<PDFDocumentLoadingTask> {
  if (pending?.url === url) {
    const { task } = pending
    pending = null
    return task
  }
  return (await loadPdfJs()).getDocument({ url, ...pdfLoadOptions })
}

/** Forgets a preloaded document nobody took (another file was opened, or the document closed). */
export function dropPreloaded(): void {
  const old = pending
  pending = null
  // Nobody waits for the page 1 of a document closed.
  firstPage?.settle()
  firstPage = null
  void old?.task.then((task) => task.destroy()).catch(() => undefined)
}

function firstPageSlot(url: string): NonNullable<typeof firstPage> {
  if (firstPage?.url !== url) {
    // The document before it will not be shown now: nobody is left waiting on it.
    firstPage?.settle()
    let settle = (): void => undefined
    const done = new Promise<void>((resolve) => (settle = resolve))
    firstPage = { url, done, settle }
  }
  return firstPage
}

/** Resolves once page 1 of the PDF at `url` is painted, or will not be (the data list waits for it: document-store.ts). */
export function firstPageOf(url: string): Promise<void> {
  return firstPageSlot(url).done
}

/** Says page 1 of the PDF at `url` is painted, or will not be (use-pdf-pages.ts). */
export function firstPageDone(url: string): void {
  firstPageSlot(url).settle()
}
