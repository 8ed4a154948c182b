import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import { createFakeApi } from '../fake-api/server'
import type { FakeApi } from '../fake-api/server'
import { sampleTranscriptTask } from '../fake-api/seeds'
import { writeDocumentPdf } from '../fixtures/documents/generate-pdf'
import { bigDocumentExport } from '../fixtures/documents/big-export'
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
