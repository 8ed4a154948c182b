import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import { englishLeftOn } from './support/untranslated'
import { createFakeApi } from '../fake-api/server'
import type { FakeApi } from '../fake-api/server'
import { documentTask, sampleTranscriptTask, seedIds } from '../fake-api/seeds'
import { writeDocumentPdf } from '../fixtures/documents/generate-pdf'
import { signInWithClientCredentials } from './support/sign-in'

/*
 * The app in European Portuguese (docs/i18n.md): chosen on the start screen, remembered across a
 * reload, told to main for the menu and dialogs, and no English left on the translated screens.
 */

test('switching to Portuguese translates the start screen, is remembered and reaches main', async ({ app }) => {
  const { page } = app
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByTestId('language-picker').selectOption('pt-PT')
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-PT')
  await expect(page.getByTestId('start-open-sample')).toHaveText('Abrir tarefa de exemplo')
  expect(await englishLeftOn(page)).toEqual([])
  await expect.poll(() => app.calls.filter((c) => c.channel === 'app:setLanguage').map((c) => c.payload)).toContainEqual({ preference: 'pt-PT' })

  await page.reload()
  await expect(page.getByTestId('start-open-sample')).toHaveText('Abrir tarefa de exemplo')
  await expect(page.getByTestId('language-picker')).toHaveValue('pt-PT')

  // Back to following the system (English in this browser).
  await page.getByTestId('language-picker').selectOption('system')
  await expect(page.getByTestId('start-open-sample')).toHaveText('Open sample task')
})

// ---- i18n part C: the export dialog, the inbox and the document pane in Portuguese ----------------

let fake: FakeApi
let dir: string
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-lang-e2e-'))
  const invoice = documentTask()
  await writeDocumentPdf(invoice.body, join(dir, 'invoice.pdf'))
  fake = await createFakeApi({ tasks: [sampleTranscriptTask(), { ...invoice, mediaFile: 'invoice.pdf' }], clientId: 'lang-client', clientSecret: 'lang-secret-20' })
  fake.addMedia('invoice.pdf', join(dir, 'invoice.pdf'))
})
test.afterAll(async () => {
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})

test('the export dialog in Portuguese: no English left in it, numbers with a decimal comma', async ({ app }) => {
  const { page } = app
  await page.getByTestId('language-picker').selectOption('pt-PT')
  await page.getByTestId('start-open-sample').click()
  await expect(page.getByTestId('task-name')).toBeVisible()
  await app.emit('menu:command', 'export')
  const dialog = page.getByRole('dialog', { name: 'Exportar' })
  await expect(dialog.getByTestId('qc-summary')).toContainText(/\d+ legendas · \d+ falhas graves · \d+ ligeiras \(\d+,\d % das legendas\)/)
  await expect(dialog.getByRole('button', { name: 'Guardar…' })).toBeVisible()
  // The editor behind the dialog is another area's: only the dialog is checked here.
  expect(await englishLeftOn(page, [], 'dialog[open]')).toEqual([])
  await app.screenshot('pt-export')
  // "Mais opções" open: its fields and hints too.
  await dialog.getByTestId('more-options').locator('summary').click()
  await dialog.getByLabel('Mudança de orador').selectOption('dialogue-dashes')
  expect(await englishLeftOn(page, [], 'dialog[open]')).toEqual([])
  await dialog.getByTestId('more-options').scrollIntoViewIfNeeded()
  await app.screenshot('pt-export-more')
})

test('the inbox in Portuguese: no English left on the start screen with the task list', async ({ app }) => {
  const { page } = app
  await signInWithClientCredentials(page, fake, fake.clientSecret)
  const inbox = page.getByTestId('inbox')
  await expect(inbox.getByTestId('inbox-row')).toHaveCount(2)
  await page.getByTestId('language-picker').selectOption('pt-PT')
  await expect(inbox.getByRole('heading', { name: 'Caixa de entrada' })).toBeVisible()
  await expect(inbox.getByTestId('inbox-page')).toContainText('Página 1')
  await expect(inbox.getByTestId('inbox-kind').first()).not.toHaveText('')
  expect(await englishLeftOn(page)).toEqual([])
  await app.screenshot('pt-inbox')
})

test('the document pane in Portuguese: no English left beside the page', async ({ app }) => {
  const { page } = app
  await signInWithClientCredentials(page, fake, fake.clientSecret)
  await expect(page.getByTestId('signed-in-as')).toBeVisible()
  await page.getByTestId('language-picker').selectOption('pt-PT')
  await page.getByTestId('start-open-document').click()
  const pane = page.getByRole('complementary', { name: 'Dados do documento' })
  await pane.getByTestId('document-ref-input').fill(String(seedIds.document.taskId))
  await pane.getByRole('button', { name: 'Abrir documento' }).click()
  await expect(pane.locator('canvas[data-page="1"][data-rendered="true"]')).toHaveCount(1)
  await expect(pane.getByRole('button', { name: 'Fechar documento', exact: true })).toBeVisible()
  expect(await englishLeftOn(page)).toEqual([])
  await app.screenshot('pt-document')
})
