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
 * How pdf.js reads a document: by byte ranges, only what the pages shown need. The first request
 * learns the size and `Accept-Ranges` (the media routes expose them cross-origin) and is then
 * dropped; the trailer, cross-reference table and page 1's objects come in 64 KiB ranges, and
 * nothing more is fetched ahead (`disableAutoFetch`, which needs `disableStream` to hold) — a
 * 100-page PDF is not read whole before its first page. A server without ranges still works:
 * pdf.js then reads the one full response.
 */
export const pdfLoadOptions = { isEvalSupported: false, disableAutoFetch: true, disableStream: true, rangeChunkSize: 65536 } as const

/** The one document asked for ahead of its page view: its URL and loading task. */
let pending: { url: string; task: Promise<PDFDocumentLoadingTask> } | null = null

/** Starts loading the PDF at `url` now (pdf.js too); the page view picks it up with `takePdf`. */
export function preloadPdf(url: string): void {
  if (pending?.url === url) return
  dropPreloaded()
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
  void old?.task.then((task) => task.destroy()).catch(() => undefined)
}
