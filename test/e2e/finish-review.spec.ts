import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import { createFakeApi } from '../fake-api/server'
import type { FakeApi } from '../fake-api/server'
import { sampleTranscriptTask, seedIds } from '../fake-api/seeds'
import { signInWithClientCredentials } from './support/sign-in'
import { parseChangeSet } from '../../shared/review/change-set'

/*
 * Finish review from the keyboard, against the fake SmartDocumentor: the checklist lists what
 * is open, "Go to first" lands on it, "Finish anyway" asks for a reason, and finishing writes
 * the chosen formats and the change set into the chosen folder, sends the speakers and marks
 * the task reviewed on the (fake) server.
 */

let fake: FakeApi
let out: string
test.beforeAll(async () => {
  fake = await createFakeApi({ tasks: [sampleTranscriptTask()], clientId: 'e2e-client', clientSecret: 'e2e-secret-Fin1' })
  out = await mkdtemp(join(tmpdir(), 'sdte-finish-e2e-'))
})
test.afterAll(async () => {
  await fake.close()
  await rm(out, { recursive: true, force: true })
})

test('checklist → go to first → finish anyway with a reason → files, change set and the task marked', async ({ app }) => {
  const { page } = app
  const sampleId = seedIds.sample.taskId
  await signInWithClientCredentials(page, fake, fake.clientSecret)
  const rows = page.getByTestId('inbox').getByTestId('inbox-row')
  await rows.first().focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('task-name')).toHaveText('Sample interview')
  const segments = page.locator('article.segment')
  await expect(segments.first()).toBeVisible()

  // Mark the first segment reviewed from the keyboard: the checklist then points at the second.
  await segments.first().click()
  await page.keyboard.press('Control+D')
  await expect(segments.first()).toHaveClass(/reviewed/)

  await page.keyboard.press('Control+Shift+E')
  const dialog = page.getByRole('dialog', { name: 'Finish review' })
  // Coverage is tracked: nothing was played yet, so nothing was heard.
  await expect(dialog.getByTestId('finish-line-heard')).toContainText('Heard 0%')
  await expect(dialog.getByTestId('finish-line-unreviewed')).toContainText('not marked reviewed')
  await expect(dialog.getByTestId('finish-summary')).toContainText('open item')
  await app.screenshot('finish-review-checklist')

  // Go to first: the dialog closes and the cursor is on the first unreviewed segment.
  await dialog.getByTestId('finish-goto-unreviewed').focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(segments.nth(1)).toHaveAttribute('aria-current', 'true')

  // Again: choose the folder once, then finish anyway with a reason.
  await page.keyboard.press('Control+Shift+E')
  await expect(dialog).toBeVisible()
  app.nextFolder = out
  await dialog.getByTestId('finish-choose-folder').focus()
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('finish-folder')).toHaveText(out)
  await dialog.getByTestId('finish-anyway').focus()
  await page.keyboard.press('Enter')
  await dialog.getByTestId('finish-reason').focus()
  await page.keyboard.type('Client deadline; names checked by phone')
  await dialog.getByTestId('finish-anyway').focus()
  await page.keyboard.press('Enter')

  await expect(dialog.getByTestId('finish-step-mark')).toContainText('Marked “reviewed” on the server.')
  await expect(dialog.getByTestId('finish-step-speakers')).not.toContainText('failed')
  await expect(dialog.getByTestId('finish-step-change-set')).toContainText('Saved')
  await app.screenshot('finish-review-done')

  const files = (await readdir(out)).sort()
  expect(files).toEqual(['Sample interview.change-set.csv', 'Sample interview.change-set.json', 'Sample interview.docx', 'Sample interview.srt'])
  expect(await readFile(join(out, 'Sample interview.srt'), 'utf8')).toMatch(/^1\r?\n00:00:/)
  const set = parseChangeSet(JSON.parse(await readFile(join(out, 'Sample interview.change-set.json'), 'utf8')))
  expect(set.taskId).toBe(sampleId)
  expect(set.review.finishReason).toBe('Client deadline; names checked by phone')
  expect((await readFile(join(out, 'Sample interview.change-set.csv'), 'utf8')).startsWith('\uFEFFChange,Kind,')).toBe(true)
  expect(fake.platform.tasks.get(sampleId)!.externalIntegrationStatus).toBe('reviewed')
})
