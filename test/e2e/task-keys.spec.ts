import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './support/harness'
import type { AppHarness } from './support/harness'

/*
 * Ctrl+O and Ctrl+W work in the page itself (no Electron menu here): Open Task… asks to sign in
 * first when signed out; Close Task saves the draft first and asks when that save fails. (The
 * menu's echo of a key the page already handled: test/renderer/menu-echo.test.ts.)
 */

async function openSample(page: Page): Promise<void> {
  await page.getByTestId('start-open-sample').click()
  await expect(page.getByTestId('segment-count')).toHaveText('4 segments')
}

async function draftFiles(app: AppHarness): Promise<string[]> {
  try {
    return (await readdir(join(app.dataDir, 'drafts'))).filter((f) => !f.startsWith('.') && !f.includes('.tmp') && !f.endsWith('.review.json')) // the draft and its journal, not the review-state sidecar
  } catch {
    return []
  }
}

/** Lets the page render what a delivered event changed (Vue renders before the next frame). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
}

test('Ctrl+O opens the task dialog (sign-in first when signed out), also from inside the editor', async ({ app }) => {
  const { page } = app
  const signIn = page.getByRole('dialog', { name: 'Sign in to SmartDocumentor' })
  await page.keyboard.press('Control+o')
  await expect(signIn).toBeVisible()
  // Electron's menu sends its own open-task only for a press the page left unhandled; one that
  // arrives for this press anyway changes nothing (one dialog, still open).
  await app.emit('menu:command', 'open-task')
  await settle(page)
  await expect(signIn).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(signIn).toHaveCount(0)
  // After other input, a menu click of its own works.
  await app.emit('menu:command', 'open-task')
  await expect(signIn).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(signIn).toHaveCount(0)

  // From inside the editor, with focus in the transcript.
  await openSample(page)
  await page.locator('[data-testid="segment-text"] .w').first().click()
  await page.keyboard.press('Control+o')
  await expect(signIn).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('segment-count')).toHaveText('4 segments')
})

test('Ctrl+W closes the task: the draft is saved first; a save that fails asks before losing the changes', async ({ app }) => {
  const { page } = app
  const start = page.getByRole('heading', { name: 'Try the sample' })
  const prompt = page.getByTestId('close-task-prompt')

  // Nothing changed: it just closes.
  await openSample(page)
  await page.keyboard.press('Control+w')
  await expect(start).toBeVisible()

  // Typed and not yet committed: committed, saved, closed — no question.
  await openSample(page)
  await page.locator('[data-testid="segment-text"] .w', { hasText: 'unsure' }).dblclick()
  await expect(page.getByTestId('segment-editor')).toBeFocused()
  await page.keyboard.type('uncertain')
  await page.keyboard.press('Control+w')
  await expect(start).toBeVisible()
  await expect(prompt).toHaveCount(0)
  // One draft; an autosave that ran while typing (a slow machine) leaves the close's save as that draft's journal beside it.
  const files = await draftFiles(app)
  const drafts = files.filter((f) => f.endsWith('.draft.json'))
  expect(drafts).toHaveLength(1)
  expect(files.filter((f) => f !== drafts[0] && f !== `${drafts[0]}.journal`)).toEqual([])

  // The drafts folder replaced by a file: the save fails, so Ctrl+W asks.
  await openSample(page)
  await page.getByTestId('draft-discard').click()
  await expect.poll(() => draftFiles(app)).toEqual([])
  await rm(join(app.dataDir, 'drafts'), { recursive: true, force: true })
  await writeFile(join(app.dataDir, 'drafts'), 'not a folder')
  await page.locator('[data-testid="segment-text"] .w', { hasText: 'unsure' }).dblclick()
  await page.keyboard.type('doubtful')
  await page.keyboard.press('Control+w')
  await expect(prompt).toBeVisible()
  await expect(prompt).toContainText('close the task and lose the unsaved changes')
  // The safe answer has focus: Enter keeps editing, with the text still there.
  await expect(prompt.getByRole('button', { name: 'Keep editing' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(prompt).toHaveCount(0)
  await expect(page.getByTestId('segment-text').nth(2)).toContainText('doubtful')
  // The menu's Close Task asks the same.
  await app.emit('menu:command', 'close-task')
  await expect(prompt).toBeVisible()
  await prompt.getByRole('button', { name: 'Close anyway' }).click()
  await expect(start).toBeVisible()
})
