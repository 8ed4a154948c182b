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
