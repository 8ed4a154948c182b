import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { chromium } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { serveFolder } from '../e2e/support/static-server'
import { rangeResponse, serveOverHttp } from '../../electron/services/media/range-response'
import { scannedDocumentPdf } from '../fixtures/documents/scan-pdf'

/*
 * The document pane's bench page, shared by test/bench/document.ts (figures) and
 * test/bench/document-profile.ts (a trace of one open): the BUILT renderer served on loopback,
 * window.sdte stubbed so that "Open saved JSON…" answers the big export and the original file is
 * the PDF on the same origin, served with byte ranges by the app's own rangeResponse.
 */

/*
 * The page's window.sdte, stubbed: "Open saved JSON…" answers the big export (fetched from the
 * bench server), the original file is the PDF on the same origin, everything else fails politely
 * (the start screen works signed out). `__openedAt` is when the export reached the page (the
 * document opened), `__fileReadyAt` when main would have said where the file is.
 */
const stubBridge = `(() => {
  const fail = { ok: false, error: { code: 'unavailable', message: 'Not in the benchmark.' } }
  const answers = {
    'tasks:recent': async () => ({ ok: true, value: [] }),
    'documents:openFile': async () => {
      const data = await (await fetch('/bench/export.json')).json()
      // The document opened: the export is in the page (where main's answer would arrive).
      window.__openedAt = performance.now()
      return { ok: true, value: { origin: 'file', fileName: 'big.json', data } }
    },
    'documents:resolveFile': async () => ((window.__fileReadyAt = performance.now()), { ok: true, value: { status: 'ready', url: location.origin + '/document/big.pdf', contentType: 'application/pdf', size: 1 } })
  }
  const invoke = new Proxy({}, { get: (_, channel) => answers[channel] ?? (async () => fail) })
  window.sdte = { invoke, on: () => () => undefined }
})()`

/** A fresh browser on the built renderer with the document pane open (nothing opened in it yet). */
export interface DocumentPage {
  readonly browser: Browser
  readonly page: Page
  /** Closes the browser and the server. */
  close(): Promise<void>
}

/** Serves `rendererDir`, the export `json` and the PDF at `pdfPath`; opens a fresh Chromium on the start screen's document pane. */
export async function openDocumentPage(rendererDir: string, pdfPath: string, json: string): Promise<DocumentPage> {
  const servePdf = serveOverHttp((request) => rangeResponse(request, { path: pdfPath, contentType: 'application/pdf' }))
  const { url, server } = await serveFolder(rendererDir, undefined, {
    match: /^\/(bench|document)\//,
    handle: (req, res) => {
      if (req.url?.startsWith('/document/')) return servePdf(req, res)
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) })
      res.end(json)
    }
  })
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
  page.on('pageerror', (error) => console.error(`document bench: page error: ${error.message}`))
  page.on('crash', () => console.error('document bench: the page crashed'))
  await page.addInitScript({ content: stubBridge })
  await page.goto(`${url}/index.html`)
  await page.getByTestId('start-open-document').click()
  return {
    browser,
    page,
    async close() {
      await browser.close()
      server.close()
    }
  }
}

/**
 * Marks `prof:t0` now and `prof:painted` at the first frame that finds page 1's canvas painted
 * (as test/bench/document.ts counts "page 1 on screen"), for the profilers that read both marks
 * from a trace.
 */
export async function markPageOnePainted(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    performance.mark('prof:t0')
    const tick = () => (document.querySelector('canvas[data-rendered="true"]') ? performance.mark('prof:painted') : requestAnimationFrame(tick))
    requestAnimationFrame(tick)
  })()`)
}

/** The benches' Chromium: Debian's (or CHROMIUM_PATH), no GPU, nothing running in the background. */
function launchChromium(): Promise<Browser> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] })
}

/** Writes a scanned original of `pages` Letter pages to `path` (test/fixtures/documents/scan-pdf.ts; its JPEG made in a Chromium of its own). */
export async function writeScannedPdf(path: string, pages: number): Promise<void> {
  const browser = await launchChromium()
  try {
    await writeFile(path, await scannedDocumentPdf(await browser.newPage(), { pages }))
  } finally {
    await browser.close()
  }
}
