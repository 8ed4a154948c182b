import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import { englishLeftOn } from './support/untranslated'
import { createFakeApi } from '../fake-api/server'
import type { FakeApi } from '../fake-api/server'
import { documentTask, makeToneWav, sampleTranscriptTask, seedIds } from '../fake-api/seeds'
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

test('the editor’s panels, prompts and menus in Portuguese: help, shortcut settings, speaker menu, find, annotations, draft prompt', async ({ app }) => {
  const { page } = app
  // The transcript pane, status bar and task header are translated separately: the check is
  // scoped to the panels translated here.
  const noEnglishIn = async (root: string): Promise<void> => {
    await expect(page.locator(root).first()).toBeVisible()
    expect(await englishLeftOn(page, [], root)).toEqual([])
  }
  await page.getByTestId('language-picker').selectOption('pt-PT')
  await page.getByTestId('start-open-sample').click()
  await expect(page.getByTestId('segment-text')).toHaveCount(4)
  await expect(page.getByTestId('media')).toBeAttached()
  await noEnglishIn('[data-testid="shortcut-hint"]')
  await expect(page.getByTestId('shortcut-hint')).toContainText('Dica: cada ação tem uma tecla. Prima ? (ou Atalhos acima da transcrição) para as ver todas; os botões')
  await noEnglishIn('[data-testid="word-marks-legend"]')
  await noEnglishIn('[data-testid="coverage-lane"]')
  await noEnglishIn('[data-testid="segment-status"]')

  // The help: actions and groups translated, key names as they are.
  await app.emit('menu:command', 'shortcuts')
  const help = page.getByTestId('shortcut-help')
  await expect(help.getByRole('heading', { level: 2 })).toHaveText('Atalhos de teclado')
  await expect(help).toContainText('Palavra de baixa confiança seguinte')
  await expect(help).toContainText('Ctrl+Z')
  await noEnglishIn('[data-testid="shortcut-help"]')
  await app.screenshot('pt-editor-help')
  // Its "Change…" opens the shortcut settings.
  await help.getByRole('button', { name: 'Alterar…' }).click()
  const settings = page.getByTestId('shortcut-settings')
  await expect(settings.getByRole('heading', { level: 2 })).toHaveText('Definições dos atalhos')
  await settings.getByRole('button', { name: 'Alterar as teclas de Anular' }).click()
  await page.keyboard.press('Alt+K')
  await expect(settings.getByRole('status')).toContainText('Alt sozinha não pode ser usada')
  await noEnglishIn('[data-testid="shortcut-settings"]')
  await app.screenshot('pt-editor-shortcut-settings')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await expect(settings).toHaveCount(0)

  // The speaker menu, and its name form.
  await page.getByTestId('speaker-chip').first().click()
  await expect(page.getByRole('menu', { name: 'Orador' })).toBeVisible()
  await noEnglishIn('[data-testid="speaker-menu"]')
  await app.screenshot('pt-editor-speaker-menu')
  await page.getByRole('menuitem', { name: 'Mudar o nome deste orador…' }).click()
  await expect(page.getByTestId('speaker-name-input')).toBeFocused()
  await noEnglishIn('[data-testid="speaker-menu"]')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('speaker-menu')).toHaveCount(0)

  // Find and replace, with a count and a replace-all status.
  await page.keyboard.press('Control+f')
  await expect(page.getByTestId('find-input')).toBeFocused()
  await page.getByTestId('find-input').fill('word')
  await page.getByLabel('Palavra inteira').check()
  await expect(page.getByTestId('find-count')).toContainText('de 3')
  await page.getByTestId('replace-input').fill('term')
  await page.getByTestId('replace-all').click()
  await expect(page.getByTestId('find-panel')).toContainText('Substituídos 3 resultados em 2 segmentos')
  await noEnglishIn('[data-testid="find-panel"]')
  await app.screenshot('pt-editor-find')
  await page.getByTestId('find-input').press('Escape')
  await expect(page.getByTestId('find-panel')).toHaveCount(0)

  // The annotations panel (its toggle lives in the transcript pane).
  await page.getByRole('button', { name: /^(Annotations|Anotações)$/ }).click()
  const panel = page.getByTestId('annotations-panel')
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('Anotações')
  await panel.getByTestId('add-annotation').click()
  await expect(panel.locator('li')).toHaveCount(2)
  await panel.locator('li').nth(0).getByLabel('Início').fill('x')
  await panel.locator('li').nth(0).getByLabel('Início').press('Enter')
  await expect(panel.getByRole('alert')).toContainText('não é um tempo')
  await noEnglishIn('[data-testid="annotations-panel"]')
  await app.screenshot('pt-editor-annotations')

  // A draft, then the prompt offering it when the task opens again.
  await expect.poll(async () => (await readdir(join(app.dataDir, 'drafts')).catch(() => [])).filter((f) => !f.startsWith('.') && !f.includes('.tmp')).length).toBeGreaterThan(0)
  await app.emit('menu:command', 'close-task')
  await page.getByTestId('start-open-sample').click()
  const prompt = page.getByTestId('draft-prompt')
  await expect(prompt).toContainText('Existe um rascunho guardado em')
  await noEnglishIn('[data-testid="draft-prompt"]')
  await app.screenshot('pt-editor-draft')
  await prompt.getByTestId('draft-discard').click()
  await expect(prompt).toHaveCount(0)
})

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

/*
 * The editor's frame and the review features in Portuguese (i18n part B): task header, transcript
 * pane and rows, waveform strip, status bar, the review queue panel and Finish review. Checked by
 * region, since other parts of the editor are translated by their own tests.
 */
const frameRegions = [
  '.task-header',
  '.pane > .bar > .count',
  '.pane > .bar > button',
  '.pane > .bar > .meter',
  '[data-testid="transcript-scroller"]',
  '.strip',
  '.status-bar',
  '[data-testid="review-queue"]',
  '[data-testid="finish-review"]',
  'dialog.modal:has([data-testid="finish-review"])'
].join(', ')

test('the editor frame, review queue and Finish review in Portuguese leave no English', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByTestId('language-picker').selectOption('pt-PT')
  await page.getByTestId('start-open-sample').click()
  await expect(page.getByTestId('segment-count')).toHaveText(/^\d+ segmentos$/)
  await expect(page.getByTestId('finish-review-button')).toHaveText('Concluir revisão…')

  await page.getByTestId('review-queue-toggle').click()
  await expect(page.getByTestId('review-queue')).toHaveAttribute('data-settled', 'true')
  await expect(page.getByTestId('review-queue-count')).toHaveText(/^\d+ em aberto$/)
  expect(await englishLeftOn(page, [], frameRegions)).toEqual([])
  await app.screenshot('pt-editor-1280')
  await page.setViewportSize({ width: 1920, height: 1080 })
  await app.screenshot('pt-editor-1920')

  await page.getByTestId('finish-review-button').click()
  await expect(page.getByTestId('finish-checklist')).toBeVisible()
  await expect(page.getByTestId('finish-line-unreviewed')).toContainText('por marcar como revistos')
  expect(await englishLeftOn(page, [], frameRegions)).toEqual([])
  await page.setViewportSize({ width: 1280, height: 800 })
  await app.screenshot('pt-finish-review-1280')
})

/*
 * Errors from main in Portuguese (issue 20, ib): a wrong Client Secret against the fake API, and
 * the recording's download prompt while a real local server holds the rest of the file back;
 * then the shortcut help and the settings. Each checked for English left on screen.
 */
test('errors from main, the recording download prompt, the shortcut help and the settings in Portuguese', async ({ app }) => {
  const { page } = app
  const recording = makeToneWav(20)
  const held: ServerResponse[] = []
  const slow = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': String(recording.length) })
    res.write(recording.subarray(0, 96 * 1024))
    held.push(res)
  })
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
  try {
    await page.getByTestId('language-picker').selectOption('pt-PT')
    await page.getByTestId('start-sign-in').click()
    const dialog = page.getByRole('dialog', { name: 'Iniciar sessão no SmartDocumentor' })
    await dialog.getByText('Servidor', { exact: true }).click()
    await dialog.getByLabel('URL base').fill(fake.baseUrl)
    await dialog.getByRole('textbox', { name: 'ID de cliente' }).fill(fake.clientId)
    await dialog.getByRole('textbox', { name: 'Segredo do cliente' }).fill('not-the-secret')
    await dialog.getByRole('button', { name: 'Iniciar sessão' }).click()
    const banner = dialog.getByRole('alert').filter({ has: page.getByTestId('error-message') })
    await expect(banner).toHaveAttribute('data-reason', 'signin_rejected')
    await expect(banner.getByTestId('error-message')).toHaveText('O ID de cliente ou o segredo de cliente está errado ou expirou.')
    expect(await englishLeftOn(page, [], 'dialog.modal')).toEqual([])
    await app.screenshot('pt-sign-in-error')
    await dialog.getByRole('textbox', { name: 'Segredo do cliente' }).fill(fake.clientSecret)
    await dialog.getByRole('button', { name: 'Iniciar sessão' }).click()
    await expect(page.getByTestId('signed-in-as')).toBeVisible()

    // The recording's download under way, then cancelled: progress and prompt in Portuguese.
    const file = join(dir, 'slow-pt.json')
    const port = (slow.address() as AddressInfo).port
    await writeFile(file, JSON.stringify({ ...JSON.parse(fake.bodyOf('transcript', 1001)), originalFileUrl: `http://127.0.0.1:${port}/recording.wav?sig=s` }))
    app.nextExportFile = file
    await page.getByTestId('start-open-file').click()
    await page.getByTestId('download-recording').click()
    const progress = page.getByTestId('download-progress')
    await expect(progress).toContainText('MB (')
    expect(await englishLeftOn(page, [], '[data-testid="download-progress"]')).toEqual([])
    await app.screenshot('pt-recording-download')
    await page.getByTestId('cancel-download').click()
    await expect(progress).toHaveCount(0)
    expect(await englishLeftOn(page, [], '[data-testid="attach-prompt"]')).toEqual([])

    await app.emit('menu:command', 'shortcuts')
    await expect(page.getByTestId('shortcut-help')).toBeVisible()
    expect(await englishLeftOn(page, [], '[data-testid="shortcut-help"]')).toEqual([])
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('shortcut-help')).toHaveCount(0)
    await page.keyboard.press('Control+,')
    await expect(page.getByTestId('shortcut-settings')).toBeVisible()
    expect(await englishLeftOn(page, [], '[data-testid="shortcut-settings"]')).toEqual([])
    await app.screenshot('pt-settings')
  } finally {
    held.splice(0).forEach((res) => res.destroy())
    slow.closeAllConnections()
    await new Promise((resolve) => slow.close(resolve))
  }
})
