import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import { englishLeftOn } from './support/untranslated'
import { createFakeApi } from '../fake-api/server'
import type { FakeApi } from '../fake-api/server'
import { documentTask, seedIds } from '../fake-api/seeds'
import { writeDocumentPdf } from '../fixtures/documents/generate-pdf'
import { loadRealExport } from '../fixtures/real-to-export'
import { signInWithClientCredentials } from './support/sign-in'

/*
 * Texts built in shared/ (QC breaches, cue-view rule names, document warnings) reach the screen
 * in Portuguese (docs/i18n.md "Notices"): no English left in the cue view and its QC panel on a
 * real transcript with breaches, nor beside a document whose export has entities the app
 * cannot show as they came.
 */

test('the cue view and its QC panel in Portuguese: breaches worded with decimal commas, no English left', async ({ app }) => {
  const { page } = app
  const file = join(app.dataDir, 'kate-darling-ted.json')
  await writeFile(file, JSON.stringify(loadRealExport('kate-darling-ted.dpe.json')))
  app.nextExportFile = file
  await page.getByTestId('language-picker').selectOption('pt-PT')
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('segment-count')).toHaveText(/^\d+ segmentos$/)
  await page.keyboard.press('v')
  const view = page.getByTestId('cue-view')
  await expect(view).toBeVisible()
  await view.getByTestId('cue-preset').selectOption('bbc')
  // A breaching row names its rules in Portuguese.
  await page.keyboard.press('e')
  const selected = view.locator('[data-testid="cue-row"].selected')
  await expect(selected).toHaveAttribute('data-severity', /soft|hard/)
  await expect(selected.locator('.qc')).toHaveText(/velocidade de leitura|palavras por minuto|duração|intervalo mínimo|caracteres por linha/)
  // The docked QC panel words each breach, figures with a decimal comma where they have decimals.
  const breaches = page.locator('.qc [data-testid="qc-breach"]')
  await expect(breaches.first()).toHaveText(/^(A )?[Ll]egenda \d+ em \d\d:\d\d:\d\d,\d{3}/)
  expect((await breaches.allTextContents()).some((text) => /\d+,\d+ (car\.\/s|palavras\/min)/.test(text))).toBe(true)
  // Durations and speeds in the rows with a decimal comma too.
  await expect(selected.locator('.meta')).toContainText(/\d+,\d\d s/)
  expect(await englishLeftOn(page, [], '[data-testid="cue-view"]')).toEqual([])
  await app.screenshot('pt-cue-view')
})

let fake: FakeApi
let dir: string
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-notices-e2e-'))
  const invoice = documentTask()
  await writeDocumentPdf(invoice.body, join(dir, 'invoice.pdf'))
  // The invoice plus a chunk the app cannot show as it came: a table without data, an unknown type.
  const body = invoice.body as { chunks: unknown[] }
  const odd = { entities: [{ type: 'table', groupName: 'Tabela partida', table: null }, { type: 'signature', groupName: 'Assinatura', keyValues: [] }] }
  fake = await createFakeApi({ tasks: [{ ...invoice, body: { ...body, chunks: [...body.chunks, odd] }, mediaFile: 'invoice.pdf' }], clientId: 'notices-client', clientSecret: 'notices-secret-20' })
  fake.addMedia('invoice.pdf', join(dir, 'invoice.pdf'))
})
test.afterAll(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})

test('a document with warnings in Portuguese: the warnings translated, no English left beside the page', async ({ app }) => {
  const { page } = app
  await signInWithClientCredentials(page, fake, fake.clientSecret)
  await expect(page.getByTestId('signed-in-as')).toBeVisible()
  await page.getByTestId('language-picker').selectOption('pt-PT')
  await page.getByTestId('start-open-document').click()
  const pane = page.getByRole('complementary', { name: 'Dados do documento' })
  await pane.getByTestId('document-ref-input').fill(String(seedIds.document.taskId))
  await pane.getByRole('button', { name: 'Abrir documento' }).click()
  await expect(pane.locator('canvas[data-page="1"][data-rendered="true"]')).toHaveCount(1)
  const warnings = pane.locator('.warnings li')
  await expect(warnings).toHaveText(['A tabela “Tabela partida” não tem dados de tabela.', 'A entidade “Assinatura” tem um tipo desconhecido “signature”; mostra-se o que contém.'])
  expect(await englishLeftOn(page)).toEqual([])
  await app.screenshot('pt-document-warnings')
})
