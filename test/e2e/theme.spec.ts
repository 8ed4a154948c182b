import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import type { AppHarness } from './support/harness'
import { lowContrastTexts } from './support/contrast'
import { documentTask } from '../fake-api/seeds'

/*
 * Both themes (following the system's prefers-color-scheme), screen by screen: every visible
 * text has at least WCAG AA contrast with what is behind it, including states that bring their
 * own colours (a selected document value, a reviewed segment, the playing word, error banners).
 */

async function expectReadable(app: AppHarness, screen: string): Promise<void> {
  const low = await lowContrastTexts(app.page)
  expect(low, `${screen}: ${JSON.stringify(low, null, 1)}`).toEqual([])
}

for (const scheme of ['light', 'dark'] as const) {
  test(`${scheme} theme: every screen's text is readable`, async ({ app }) => {
    const { page } = app
    await page.emulateMedia({ colorScheme: scheme })
    expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme)).toContain(scheme)
    await expectReadable(app, 'start screen')

    // An error banner.
    const broken = join(app.dataDir, 'broken.json')
    await writeFile(broken, '{"taskId": ')
    app.nextExportFile = broken
    await page.getByTestId('start-open-file').click()
    await expect(page.getByRole('alert')).toBeVisible()
    await expectReadable(app, 'error banner')

    // Sign-in dialog with its server section open.
    await page.getByTestId('start-sign-in').click()
    await page.getByRole('dialog').getByText('Server', { exact: true }).click()
    await expectReadable(app, 'sign-in dialog')
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()

    // The editor: a reviewed segment, the cursor word, low-confidence words, find, annotations.
    await page.getByTestId('start-open-sample').click()
    await expect(page.getByTestId('segment-count')).toHaveText('4 segments')
    await page.getByTestId('reviewed-toggle').first().click()
    await page.locator('[data-testid="segment-text"] .w', { hasText: 'recogniser' }).click()
    // The cursor row shows its Delete button (others reveal it on hover): its text is audited too.
    await expect(page.locator('.segment.cursor [data-testid="delete-segment"]')).toHaveCSS('opacity', '1')
    await page.getByRole('button', { name: 'Annotations', exact: true }).click()
    await page.keyboard.press('Control+f')
    await page.getByTestId('find-input').fill('word')
    await expectReadable(app, 'editor')
    await page.keyboard.press('Escape')
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('?')
    await expectReadable(app, 'shortcut help')
    await page.keyboard.press('Escape')

    // The document pane with a selected value.
    const doc = join(app.dataDir, 'invoice.json')
    await writeFile(doc, JSON.stringify(documentTask().body))
    app.nextExportFile = doc
    await page.getByRole('button', { name: 'Document pane', exact: true }).click()
    const pane = page.getByRole('complementary', { name: 'Document data' })
    await pane.getByRole('button', { name: 'Open saved JSON…' }).click()
    await pane.getByLabel('Filter text').fill('250.92')
    const total = pane.getByTestId('document-kv-row').filter({ hasText: '250.92 EUR' })
    await total.click()
    await expect(total).toHaveClass(/selected/)
    await expectReadable(app, 'document pane with a selected value')

    // Export dialog and the QC report.
    await app.emit('menu:command', 'export')
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await expect(dialog.getByTestId('qc-summary')).toContainText('cues')
    await expectReadable(app, 'export dialog')
    await dialog.getByRole('button', { name: 'Show QC report' }).click()
    await expectReadable(app, 'QC report')
    await app.screenshot(`theme-${scheme}-qc`)
  })
}
