import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import { createFakeApi } from '../fake-api/server'
import type { FakeApi } from '../fake-api/server'
import type { FakeTask } from '../fake-api/seeds'
import { documentTask, sampleTranscriptTask, seedIds } from '../fake-api/seeds'
import { signInWithClientCredentials } from './support/sign-in'

/*
 * The reviewer's day with the platform, end to end in Chromium against the fake
 * SmartDocumentor: the inbox with filters and paging from the keyboard, opening a task, renaming
 * and merging speakers and sending them (the fake's state changes), exporting and marking as
 * reviewed, and the "not reviewed by us" filter no longer showing the task.
 */

/** Copies of the sample under other ids and names, so the list has two pages of ten. */
function clones(): FakeTask[] {
  return Array.from({ length: 12 }, (_, i) => {
    const t = sampleTranscriptTask()
    const taskId = 3001 + i
    return { ...t, taskId, externalId: `CLONE-${taskId}`, body: { ...t.body, taskId, taskNumber: 100 + i, displayName: `Board meeting ${i + 1}` } }
  })
}

let fake: FakeApi
test.beforeAll(async () => {
  fake = await createFakeApi({ tasks: [sampleTranscriptTask(), ...clones(), documentTask()], clientId: 'e2e-client', clientSecret: 'e2e-secret-Qz81' })
  // Two tasks someone already marked: "not reviewed by us" leaves them out.
  fake.platform.tasks.get(3001)!.externalIntegrationStatus = 'reviewed'
  fake.platform.tasks.get(3002)!.externalIntegrationStatus = 'reviewed'
})
test.afterAll(async () => {
  await fake.close()
})

const sampleId = seedIds.sample.taskId

test('inbox → editor → send speakers → export → mark as reviewed', async ({ app }) => {
  const { page } = app
  await signInWithClientCredentials(page, fake, fake.clientSecret)
  const inbox = page.getByTestId('inbox')
  const rows = inbox.getByTestId('inbox-row')

  // The first page: ten of fourteen, the columns a reviewer needs.
  await expect(rows).toHaveCount(10)
  await expect(inbox.getByTestId('inbox-page')).toHaveText('Page 1 of 2 · 14 tasks')
  const first = rows.first()
  await expect(first).toContainText('Sample interview')
  await expect(first).toContainText(seedIds.sample.externalId)
  await expect(first).toContainText('ToReview')
  await expect(first).toContainText('1 min')

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await app.screenshot(`inbox-${scheme}`)
  }
  await page.emulateMedia({ colorScheme: 'light' })

  // Paging from the keyboard.
  await first.focus()
  await page.keyboard.press('PageDown')
  await expect(inbox.getByTestId('inbox-page')).toHaveText('Page 2 of 2 · 14 tasks')
  await expect(rows).toHaveCount(4)
  await expect(rows.last()).toContainText('Invoice')
  await page.keyboard.press('PageUp')
  await expect(inbox.getByTestId('inbox-page')).toHaveText('Page 1 of 2 · 14 tasks')

  // Filters: "not reviewed by us" sends the documented query and drops the two marked tasks.
  await inbox.getByTestId('filter-review').selectOption({ label: 'Not reviewed by us' })
  await expect(inbox.getByTestId('inbox-page')).toHaveText('Page 1 of 2 · 12 tasks')
  await expect(inbox.locator('[data-task-id="3001"]')).toHaveCount(0)
  expect(fake.platform.requests.some((r) => r.query.includes('externalIntegrationStatus=never'))).toBe(true)
  // Workspace 9 holds only the document task.
  await inbox.getByTestId('filter-workspaces').locator('summary').click()
  await inbox.getByTestId('filter-workspaces').getByLabel('Invoices').check()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Invoice')
  await inbox.getByTestId('filter-workspaces').getByRole('button', { name: 'Clear' }).click()
  await expect(rows).toHaveCount(10)

  // Type to filter this page, arrows and Enter open the task.
  await rows.nth(3).focus()
  await page.keyboard.type('sample')
  await expect(rows).toHaveCount(1)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('task-name')).toHaveText('Sample interview')

  // Rename "Interviewer" and merge "Guest" into it, with the editor's speaker menu.
  await page.getByTestId('speaker-chip').nth(0).click()
  await page.getByRole('menuitem', { name: 'Rename this speaker…' }).click()
  await page.getByTestId('speaker-name-input').fill('Host')
  await page.getByTestId('speaker-name-input').press('Enter')
  await expect(page.getByTestId('speaker-chip').nth(0)).toHaveText('Host')
  await page.getByTestId('speaker-chip').nth(1).click()
  await page.getByRole('menuitem', { name: 'Merge this speaker into…' }).click()
  await page.getByRole('menuitem', { name: 'Host' }).click()
  await expect(page.getByTestId('speaker-chip').nth(1)).toHaveText('Host')

  // Send speakers: the preview first, nothing written yet.
  const writesBefore = fake.platform.writes().length
  await page.getByTestId('send-speakers-button').click()
  const dialog = page.getByRole('dialog', { name: 'Send speakers to SmartDocumentor' })
  await expect(dialog.getByTestId('speakers-rename')).toContainText('Interviewer → Host')
  await expect(dialog.getByTestId('speakers-rename')).toContainText('(name)')
  await expect(dialog.getByTestId('speakers-merge')).toContainText('Guest into Host')
  expect(fake.platform.writes().length).toBe(writesBefore)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await app.screenshot(`speakers-preview-${scheme}`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await dialog.getByTestId('speakers-send').click()
  await expect(dialog.getByTestId('speakers-summary')).toHaveText('The server has these speakers now.')
  await expect(dialog.getByTestId('speaker-result')).toHaveCount(2)
  const onServer = fake.platform.speakers.get(sampleId) ?? []
  expect(onServer.map((s) => s.speakerName)).toEqual(['Host'])
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()
  await expect(dialog).toHaveCount(0)

  // The workspace's speakers (read when the task opened) from the keyboard: the menu's last item,
  // then Enter on the first entry gives the segment "Hon. Chair", a speaker the task did not have.
  expect(fake.platform.requests.some((r) => /speakers\/workspaces\/7$/i.test(r.path))).toBe(true)
  await page.getByTestId('speaker-chip').nth(0).click()
  const speakerMenu = page.getByTestId('speaker-menu')
  await page.keyboard.press('End')
  await expect(speakerMenu.getByRole('menuitem', { name: 'Workspace speakers…' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(speakerMenu.getByRole('listbox', { name: 'Workspace speakers' })).toBeFocused()
  await expect(speakerMenu.getByRole('option')).toHaveText(['Hon. Chair'])
  await app.screenshot('speaker-menu-workspace-light')
  await page.keyboard.press('Enter')
  await expect(speakerMenu).toHaveCount(0)
  await expect(page.getByTestId('speaker-chip').nth(0)).toHaveText('Hon. Chair')
  await expect(page.getByTestId('speaker-chip').nth(1)).toHaveText('Host')
  // One undo step takes it back (the speaker leaves the task with it).
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('speaker-chip').nth(0)).toHaveText('Host')

  // Export, then mark as reviewed from the export dialog's success state.
  await app.emit('menu:command', 'export')
  const exportDialog = page.getByRole('dialog', { name: /Export/ })
  app.nextSavePath = (name) => join(app.dataDir, name)
  await exportDialog.getByRole('button', { name: 'Save…' }).click()
  await expect(exportDialog.getByRole('status').first()).toContainText('saved to')
  const srt = await readFile(join(app.dataDir, app.saveRequests.at(-1)!.suggestedName), 'utf8')
  expect(srt).toContain('Good morning and welcome')
  await exportDialog.getByTestId('mark-reviewed-button').click()
  await expect(exportDialog.getByTestId('mark-reviewed-done')).toHaveText('Marked “reviewed” on the server.')
  expect(fake.platform.tasks.get(sampleId)!.externalIntegrationStatus).toBe('reviewed')
  await exportDialog.getByRole('button', { name: 'Close', exact: true }).last().click()

  // The inbox over the editor (its key), filtered to "not reviewed by us": the task is gone.
  await page.keyboard.press('Control+Shift+O')
  const inboxDialog = page.getByRole('dialog', { name: 'Inbox' })
  await expect(inboxDialog.getByTestId('filter-review')).toHaveValue('never')
  await expect(inboxDialog.getByTestId('inbox-row').first()).toBeVisible()
  await expect(inboxDialog.locator(`[data-task-id="${sampleId}"]`)).toHaveCount(0)
  await expect(inboxDialog.getByTestId('inbox-page')).toHaveText('Page 1 of 2 · 11 tasks')
  await app.screenshot('inbox-over-editor-light')
})

test('a document task opened from the inbox opens in the document pane, never as an empty transcript', async ({ app }) => {
  const { page } = app
  await signInWithClientCredentials(page, fake, fake.clientSecret)
  const inbox = page.getByTestId('inbox')
  const rows = inbox.getByTestId('inbox-row')
  await expect(rows).toHaveCount(10)
  await expect(rows.first().getByTestId('inbox-kind')).toHaveText('♪ Transcript')

  // Workspace 9 (the Invoices template) holds the document task.
  await inbox.getByTestId('filter-workspaces').locator('summary').click()
  await inbox.getByTestId('filter-workspaces').getByLabel('Invoices').check()
  await expect(rows).toHaveCount(1)
  await expect(rows.first().getByTestId('inbox-kind')).toHaveText('▤ Document')
  await rows.first().focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('document-title')).toHaveText('Invoice FT 2026-42 (Transcritas)')
  await expect(page.getByTestId('task-name')).toHaveCount(0)
  await app.screenshot('inbox-document-opened-light')
})

test('a task whose workspace says nothing about its kind is tried as a transcript, then opened as the document it is', async ({ app }) => {
  const { page } = app
  // A workspace with no template name and task type numbers no other workspace shares.
  fake.workspaces.push({ workspaceId: 12, tenantId: 3, workspaceName: 'Scans', workspaceDescription: null, isDefault: false, taskType: 77, workspaceType: 1, templateType: 77 })
  const docTask = fake.platform.tasks.get(seedIds.document.taskId)!
  docTask.workspaceId = 12
  try {
    await signInWithClientCredentials(page, fake, fake.clientSecret)
    const inbox = page.getByTestId('inbox')
    await inbox.getByTestId('inbox-search').fill(String(seedIds.document.taskId))
    await inbox.getByTestId('inbox-search').press('Enter')
    const row = inbox.getByTestId('inbox-row')
    await expect(row).toHaveCount(1)
    await expect(row.getByTestId('inbox-kind')).toHaveText('? Unknown')
    await expect(row.getByTestId('inbox-kind')).toHaveAttribute('title', 'workspace 12: no template name, task type 77, template type 77')
    await row.dblclick()
    await expect(page.getByTestId('document-title')).toHaveText('Invoice FT 2026-42 (Transcritas)')
    await expect(page.getByTestId('task-name')).toHaveCount(0)
  } finally {
    docTask.workspaceId = 9
    fake.workspaces.pop()
  }
})
