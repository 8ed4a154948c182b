import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import { createFakeApi } from '../fake-api/server'
import type { FakeApi } from '../fake-api/server'
import { sampleTranscriptTask } from '../fake-api/seeds'
import { writeDocumentPdf } from '../fixtures/documents/generate-pdf'
import { bigDocumentExport } from '../fixtures/documents/big-export'
import { scannedDocumentPdf } from '../fixtures/documents/scan-pdf'
import { signInWithClientCredentials } from './support/sign-in'
import { showDocumentPane, openDocumentInPane } from './support/document-pane'

/*
 * The document pane's first page (issue 21): the profile showed the wait was pdf.js being loaded
 * only once the page view mounted — after the data pane's first render of every entity. pdf.js
 * (library and worker) now starts loading when the document opens, so its request is under way
 * before the data list is drawn. Ordering, not timing: the pdf.js chunk's request starts before
 * the first entity card is in the DOM, and the first page still paints.
 */

const taskId = 2300
const smallTaskId = 2301
const scanTaskId = 2302
let fake: FakeApi
let dir: string

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-doc-first-page-'))
  const body = bigDocumentExport(30, taskId)
  // Over 2 MiB with its filler: pdf.js reads a file of up to two 1 MiB chunks whole (pdf-preload.ts).
  await writeDocumentPdf(body, join(dir, 'big.pdf'), { fillerBytes: 3 << 20 })
  fake = await createFakeApi({ tasks: [sampleTranscriptTask()], clientId: 'doc-client', clientSecret: 'doc-secret-77' })
  fake.addMedia('big.pdf', join(dir, 'big.pdf'))
  fake.addTask({ kind: 'document', taskId, externalId: 'BIG-FIRST', body, mediaFile: 'big.pdf' })
  // 100 pages, ~0.4 MB: more than two 64 KiB chunks (read by ranges before), less than two 1 MiB ones.
  const small = bigDocumentExport(100, smallTaskId)
  await writeDocumentPdf(small, join(dir, 'small.pdf'))
  fake.addMedia('small.pdf', join(dir, 'small.pdf'))
  fake.addTask({ kind: 'document', taskId: smallTaskId, externalId: 'SMALL-FIRST', body: small, mediaFile: 'small.pdf' })
})
test.afterAll(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})

test('pdf.js starts loading before the data list is drawn, and the first page paints', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1900, height: 1000 })
  const pane = await showDocumentPane(page, fake, fake.clientSecret)
  // When the first entity card enters the DOM (a string: the loader's helpers are not in the page).
  await page.evaluate(`(() => {
    window.__firstEntityAt = null
    const observer = new MutationObserver(() => {
      if (window.__firstEntityAt === null && document.querySelector('[data-testid="document-entity"]')) {
        window.__firstEntityAt = performance.now()
        observer.disconnect()
      }
    })
    observer.observe(document.body, { childList: true, subtree: true })
  })()`)
  await openDocumentInPane(pane, taskId)
  await expect(pane.getByTestId('document-entity').first()).toBeVisible()
  await expect(pane.locator('canvas[data-rendered="true"]').first()).toBeAttached({ timeout: 60_000 })
  const order = (await page.evaluate(`(() => {
    const chunk = performance.getEntriesByType('resource').find((r) => /\\/assets\\/pdf-[^/]*\\.js$/.test(r.name))
    return { pdfJsRequestedAt: chunk ? chunk.startTime : null, firstEntityAt: window.__firstEntityAt }
  })()`)) as { pdfJsRequestedAt: number | null; firstEntityAt: number | null }
  expect(order.pdfJsRequestedAt).not.toBeNull()
  expect(order.firstEntityAt).not.toBeNull()
  expect(order.pdfJsRequestedAt!).toBeLessThan(order.firstEntityAt!)
})

/*
 * The original is read by byte ranges: pdf.js sees the route's Accept-Ranges and Content-Length
 * and asks for the parts the first page needs (disableAutoFetch: nothing more ahead of time).
 */
test('pdf.js reads the original by byte ranges, answered 206 with the right bytes', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1900, height: 1000 })
  const ranged: Array<{ range: string; status: number; contentRange: string | null; body: Buffer }> = []
  page.on('response', (response) => {
    const range = response.request().headers()['range']
    if (!/\/document\//.test(response.url()) || !range) return
    void response.body().then(
      (body) => ranged.push({ range, status: response.status(), contentRange: response.headers()['content-range'] ?? null, body }),
      () => undefined
    )
  })
  const pane = await showDocumentPane(page, fake, fake.clientSecret)
  await openDocumentInPane(pane, taskId)
  await expect(pane.locator('canvas[data-rendered="true"]').first()).toBeAttached({ timeout: 60_000 })
  await expect.poll(() => ranged.length).toBeGreaterThan(0)
  const file = await readFile(join(dir, 'big.pdf'))
  for (const r of ranged) {
    expect(r.status).toBe(206)
    const [, start, end, size] = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(r.contentRange ?? '')!.map(Number) as [number, number, number, number]
    expect(size).toBe(file.length)
    expect(r.body.equals(file.subarray(start, end + 1))).toBe(true)
  }
  // Not the whole file, range by range: what the first page needs.
  expect(ranged.reduce((sum, r) => sum + r.body.length, 0)).toBeLessThan(file.length)
})

/*
 * A file of up to two 1 MiB chunks is read in the first response: the original is local, and
 * every range is a round trip (worker → page → main → back) that page 1 waited on in turn.
 */
test('a PDF up to 2 MiB is read in one response, without ranges, and its first page paints', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1900, height: 1000 })
  const reads: Array<{ range: string | undefined; status: number }> = []
  page.on('response', (response) => {
    if (/\/document\//.test(response.url()) || /small\.pdf/.test(response.url())) reads.push({ range: response.request().headers()['range'], status: response.status() })
  })
  await signInWithClientCredentials(page, fake, fake.clientSecret)
  await page.getByTestId('start-open-document').click()
  const pane = page.getByRole('complementary', { name: 'Document data' })
  await openDocumentInPane(pane, smallTaskId)
  await expect(pane.locator('canvas[data-rendered="true"]').first()).toBeAttached({ timeout: 60_000 })
  const size = (await readFile(join(dir, 'small.pdf'))).length
  expect(size).toBeLessThan(2 << 20)
  expect(reads.length).toBeGreaterThan(0)
  expect(reads.filter((r) => r.range !== undefined)).toEqual([])
})

/*
 * A scanned original (each page one JPEG, the usual original): its JPEG is decoded by the
 * browser's ImageDecoder in pdf.js's worker (pdf-preload.ts), not by pdf.js's own decoder. The
 * page must look the same: page 1 is the scan — its paper where the scan has paper, its dark
 * heading where the scan has it — and a page further down paints too when scrolled to.
 */
test('a scanned original: page 1 shows the scan (paper and heading where they are), and page 3 paints when scrolled to', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1900, height: 1000 })
  // 150 dpi: the same scan, smaller (made with this Chromium's canvas before the app is used).
  await writeFile(join(dir, 'scan.pdf'), await scannedDocumentPdf(page, { width: 1275, height: 1650, pages: 3 }))
  fake.addMedia('scan.pdf', join(dir, 'scan.pdf'))
  fake.addTask({ kind: 'document', taskId: scanTaskId, externalId: 'SCAN-FIRST', body: bigDocumentExport(3, scanTaskId), mediaFile: 'scan.pdf' })
  const errors: string[] = []
  page.on('console', (message) => /Unable to decode image|getTransferableImage/.test(message.text()) && errors.push(message.text()))
  await signInWithClientCredentials(page, fake, fake.clientSecret)
  await page.getByTestId('start-open-document').click()
  const pane = page.getByRole('complementary', { name: 'Document data' })
  await openDocumentInPane(pane, scanTaskId)
  await expect(pane.locator('canvas[data-page="1"][data-rendered="true"]')).toBeAttached({ timeout: 60_000 })
  // Mean colour of a region of page 1's canvas, in fractions of its size (a string: the loader's helpers are not in the page).
  const mean = (x0: number, y0: number, x1: number, y1: number) =>
    page.evaluate(`(() => {
      const canvas = document.querySelector('canvas[data-page="1"]')
      const x = Math.round(${x0} * canvas.width), y = Math.round(${y0} * canvas.height)
      const data = canvas.getContext('2d').getImageData(x, y, Math.max(1, Math.round(${x1} * canvas.width) - x), Math.max(1, Math.round(${y1} * canvas.height) - y)).data
      const sum = [0, 0, 0]
      let dark = 0
      for (let i = 0; i < data.length; i += 4) {
        sum[0] += data[i]; sum[1] += data[i + 1]; sum[2] += data[i + 2]
        if (data[i] + data[i + 1] + data[i + 2] < 300) dark++
      }
      const n = data.length / 4
      return { r: sum[0] / n, g: sum[1] / n, b: sum[2] / n, dark: dark / n }
    })()`) as Promise<{ r: number; g: number; b: number; dark: number }>
  // The right margin near the top: the scan's off-white paper (#f4f1ea with grain), not blank white or black.
  const paper = await mean(0.88, 0.02, 0.98, 0.06)
  expect(paper.r).toBeGreaterThan(225)
  expect(paper.r).toBeLessThan(252)
  expect(paper.r - paper.b).toBeGreaterThan(4)
  expect(paper.dark).toBe(0)
  // "INVOICE 2026-0457" in bold at the top left: a good share of dark pixels.
  const heading = await mean(0.07, 0.075, 0.3, 0.092)
  expect(heading.dark).toBeGreaterThan(0.1)
  await pane.locator('[data-page-frame="3"]').scrollIntoViewIfNeeded()
  await expect(pane.locator('canvas[data-page="3"][data-rendered="true"]')).toBeAttached({ timeout: 60_000 })
  expect(errors).toEqual([])
})
