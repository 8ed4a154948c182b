import type { Page } from '@playwright/test'

/** Where and as whom to sign in: the fake API's base URL and client credentials. */
export interface SignInTarget {
  readonly baseUrl: string
  readonly clientId: string
}

/** Signs in from the start screen with client credentials, the way a reviewer does. */
export async function signInWithClientCredentials(page: Page, target: SignInTarget, clientSecret: string): Promise<void> {
  await page.getByTestId('start-sign-in').click()
  const dialog = page.getByRole('dialog', { name: 'Sign in to SmartDocumentor' })
  await dialog.getByText('Server').click()
  await dialog.getByLabel('Base URL').fill(target.baseUrl)
  await dialog.getByRole('textbox', { name: 'Client ID' }).fill(target.clientId)
  await dialog.getByRole('textbox', { name: 'Client Secret' }).fill(clientSecret)
  await dialog.getByRole('button', { name: 'Sign in' }).click()
}
