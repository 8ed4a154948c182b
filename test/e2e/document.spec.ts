import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import type { AppHarness } from './support/harness'
import type { Locator } from '@playwright/test'
import { createFakeApi } from '../fake-api/server'
import type { FakeApi } from '../fake-api/server'
import { documentTask, sampleTranscriptTask, seedIds } from '../fake-api/seeds'
import { writeDocumentPdf } from '../fixtures/documents/generate-pdf'
import { parseCsv } from '../fixtures/documents/parse-csv'
import { signInWithClientCredentials } from './support/sign-in'

/*
 * Issue 7 end to end: the fake API serves the seed invoice with a two-page PDF original the test
 * generates (every box placed on its text); the pane opens it beside a transcript, shows the
 * grid, highlights a selected entity's box on the page rendered by pdf.js, filters by low
 * confidence and exports a CSV that parses back to the grid's cells. An expired file link
 * still shows the data and says why the page does not.
 */

const expiredTaskId = 2002
let fake: FakeApi
let dir: string

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-doc-e2e-'))
  const invoice = documentTask()
  await writeDocumentPdf(invoice.body, join(dir, 'invoice.pdf'))
  fake = await createFakeApi({ tasks: [sampleTranscriptTask(), { ...invoice, mediaFile: 'invoice.pdf' }], clientId: 'doc-client', clientSecret: 'doc-secret-77' })
  fake.addMedia('invoice.pdf', join(dir, 'invoice.pdf'))
  // The same invoice whose signed link expired a minute ago (the blob store answers 403).
  fake.addTask({
    ...invoice,
    taskId: expiredTaskId,
    externalId: 'INV-EXPIRED',
    body: { ...invoice.body, taskId: expiredTaskId, externalId: 'INV-EXPIRED', displayName: 'Invoice with an expired link', originalFileUrl: fake.signMediaUrl('invoice.pdf', -60_000) }
  })
})
test.afterAll(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})

/** Signs in, opens the sample transcript, shows the document pane, opens a document task in it. */
async function openDocument(app: AppHarness, taskId: number): Promise<void> {
  const { page } = app
  await page.setViewportSize({ width: 1900, height: 1000 })
  await signInWithClientCredentials(page, fake, fake.clientSecret)
  await expect(page.getByTestId('signed-in-as')).toBeVisible()
  await page.getByTestId('start-open-task').click()
  await page.getByLabel('SmartDocumentor task id').fill(String(seedIds.sample.taskId))
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByTestId('task-name')).toBeVisible()
  await page.getByRole('button', { name: 'Document pane' }).click()
  const pane = page.getByRole('complementary', { name: 'Document data' })
  await pane.getByLabel('Document task id').fill(String(taskId))
  await pane.getByRole('button', { name: 'Open document' }).click()
}

/** Every key-value row id met while scrolling the (virtualised) data list from top to bottom. */
async function kvRowIdsByScrolling(pane: Locator): Promise<string[]> {
  return pane.getByTestId('document-data').evaluate(async (list) => {
    const ids = new Set<string>()
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    for (let top = 0; ; top += Math.max(50, list.clientHeight / 2)) {
      list.scrollTop = top
      await frame()
      for (const row of list.querySelectorAll('[data-testid="document-kv-row"]')) ids.add(row.getAttribute('data-item-id') ?? '')
      if (top >= list.scrollHeight - list.clientHeight) break
    }
    list.scrollTop = 0
    return [...ids]
  })
}

test('a document task beside the transcript: grid, page boxes, low-confidence filter, CSV export', async ({ app }) => {
  const { page } = app
  await openDocument(app, seedIds.document.taskId)
  const pane = page.getByRole('complementary', { name: 'Document data' })
  await expect(pane.getByTestId('document-title')).toHaveText('Invoice FT 2026-42 (Transcritas)')

  // The line-item table as a real grid: a cell read back by its column header.
  const grid = pane.getByRole('table', { name: 'Lines grid' })
  await expect(grid.getByRole('columnheader')).toHaveText(['Description', 'Quantity', 'Unit price', 'Amount'])
  const secondRow = grid.getByRole('row').nth(2)
  await expect(secondRow.getByRole('cell').nth(0)).toHaveText('Speaker identification')
  await expect(secondRow.getByRole('cell').nth(3)).toHaveText('30.00')

  // pdf.js rendered both pages of the generated PDF; the unit was decided as inches.
  await expect(pane.locator('canvas[data-page="1"][data-rendered="true"]')).toHaveCount(1)
  await expect(pane.locator('canvas[data-page="2"][data-rendered="true"]')).toHaveCount(1)
  await expect(pane.getByTestId('document-unit')).toHaveText('Coordinates: inches')

  // Clicking an entity (the "Total" key-value, on page 2) highlights its box and scrolls to it.
  const totalRow = pane.getByTestId('document-kv-row').filter({ hasText: '250.92 EUR' })
  await totalRow.click()
  const totalId = await totalRow.getAttribute('data-item-id')
  const box = pane.locator(`svg[data-overlay-page="2"] rect[data-target="${totalId}"]`)
  await expect(box).toHaveClass(/selected/)
  await expect(box).toBeInViewport()
  await expect(pane.locator('rect.selected')).toHaveCount(1)
  // The highlighted box sits where the text was drawn: inside page 2's canvas, upper right.
  const canvas = await pane.locator('canvas[data-page="2"]').boundingBox()
  const rect = await box.boundingBox()
  expect(canvas && rect).toBeTruthy()
  const fx = (rect!.x - canvas!.x) / canvas!.width
  const fy = (rect!.y - canvas!.y) / canvas!.height
  expect(Math.abs(fx - 5.4 / 8.5)).toBeLessThan(0.01)
  expect(Math.abs(fy - 1.6 / 11)).toBeLessThan(0.01)
  await app.screenshot('document-pane')

  // Clicking a box on the page selects its entity in the data.
  const tableEntityBox = pane.locator('svg[data-overlay-page="1"] rect.entity').first()
  await tableEntityBox.click({ force: true })
  await expect(pane.locator('article.entity.selected')).toHaveAttribute('aria-label', 'Lines (Table)')

  // Low confidence: only the template's approval date (77 %) is left.
  await pane.getByLabel('Confidence', { exact: true }).selectOption('low')
  await expect(pane.getByTestId('document-kv-row')).toHaveCount(1)
  await expect(pane.getByTestId('document-kv-row')).toContainText('Approval date')
  await expect(pane.getByText('Transcritas, Lda.')).toHaveCount(0)
  await pane.getByLabel('Confidence', { exact: true }).selectOption('all')
  // The list is virtualised: every value is met by scrolling through it.
  await expect.poll(() => kvRowIdsByScrolling(pane)).toHaveLength(13)

  // Export CSV through the save dialog; the file parses back to the grid's cells.
  const out = join(dir, 'invoice.csv')
  app.nextSavePath = out
  await pane.getByRole('button', { name: 'Export CSV' }).click()
  await expect(pane.getByTestId('document-notice')).toContainText('Saved')
  expect(app.saveRequests.at(-1)).toEqual({ suggestedName: 'INV-2026-0042.csv', extensions: ['csv'] })
  const bytes = await readFile(out)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const records = parseCsv(bytes.toString('utf8'))
  const gridCells = await grid.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')))
  const csvCells = [1, 2, 3].map((row) => records.filter((r) => r[0] === 'table' && r[1] === 'Lines' && r[4] === String(row)).map((r) => r[7]))
  expect(csvCells).toEqual(gridCells)
  expect(records.find((r) => r[6] === 'Supplier')?.[7]).toBe('Transcritas, Lda.')
  expect(app.logLines.filter((l) => l.startsWith('pageerror'))).toEqual([])
})

test('an expired file link: the data shows and the pane says why the page does not', async ({ app }) => {
  const { page } = app
  await openDocument(app, expiredTaskId)
  const pane = page.getByRole('complementary', { name: 'Document data' })
  await expect(pane.getByTestId('document-title')).toHaveText('Invoice with an expired link')
  await expect(pane.getByRole('table', { name: 'Lines grid' }).getByRole('cell', { name: 'Speaker identification' })).toBeVisible()
  await expect(pane.getByTestId('document-page-unavailable')).toContainText('expired')
  await expect(pane.locator('canvas')).toHaveCount(0)
  await app.screenshot('document-pane-expired')
})

test('a document task on its own, from the start screen, without a transcript', async ({ app }) => {
  const { page } = app
  await signInWithClientCredentials(page, fake, fake.clientSecret)
  await page.getByTestId('start-open-document').click()
  const pane = page.getByRole('complementary', { name: 'Document data' })
  await pane.getByLabel('Document task id').fill(String(seedIds.document.taskId))
  await pane.getByRole('button', { name: 'Open document' }).click()
  await expect(pane.getByTestId('document-title')).toHaveText('Invoice FT 2026-42 (Transcritas)')
  await expect(page.getByTestId('task-name')).toHaveCount(0)
  await expect(pane.locator('canvas[data-page="1"][data-rendered="true"]')).toHaveCount(1)
  await app.screenshot('document-alone')
  // Closing it goes back to the start screen.
  await pane.getByRole('button', { name: 'Close document pane' }).click()
  await expect(page.getByTestId('start-open-document')).toBeVisible()
})
