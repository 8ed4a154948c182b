import type { Locator, Page } from '@playwright/test'
import { expect } from './harness'
import { seedIds } from '../../fake-api/seeds'
import { signInWithClientCredentials, type SignInTarget } from './sign-in'

/*
 * The way a reviewer reaches the document pane in the e2e specs: signed in, the sample transcript
 * open beside it, the pane shown; then a document task opened in it by id.
 */

/** Signs in to `target`, opens the sample transcript and shows the document pane; returns the pane. */
export async function showDocumentPane(page: Page, target: SignInTarget, clientSecret: string): Promise<Locator> {
  await signInWithClientCredentials(page, target, clientSecret)
  await expect(page.getByTestId('signed-in-as')).toBeVisible()
  await page.getByTestId('start-open-task').click()
  await page.getByLabel('SmartDocumentor task id').fill(String(seedIds.sample.taskId))
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByTestId('task-name')).toBeVisible()
  await page.getByRole('button', { name: 'Document pane' }).click()
  return page.getByRole('complementary', { name: 'Document data' })
}

/** Opens document task `taskId` in the pane (showDocumentPane's). */
export async function openDocumentInPane(pane: Locator, taskId: number): Promise<void> {
  await pane.getByLabel('Document task id').fill(String(taskId))
  await pane.getByRole('button', { name: 'Open document' }).click()
}
