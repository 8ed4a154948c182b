import { test, expect } from './support/harness'
import { englishLeftOn } from './support/untranslated'

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
  expect(await englishLeftOn(page, { root: frameRegions })).toEqual([])
  await app.screenshot('pt-editor-1280')
  await page.setViewportSize({ width: 1920, height: 1080 })
  await app.screenshot('pt-editor-1920')

  await page.getByTestId('finish-review-button').click()
  await expect(page.getByTestId('finish-checklist')).toBeVisible()
  await expect(page.getByTestId('finish-line-unreviewed')).toContainText('por marcar como revistos')
  expect(await englishLeftOn(page, { root: frameRegions })).toEqual([])
  await page.setViewportSize({ width: 1280, height: 800 })
  await app.screenshot('pt-finish-review-1280')
})
