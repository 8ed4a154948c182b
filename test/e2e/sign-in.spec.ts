import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import type { AppHarness } from './support/harness'
import { createFakeApi } from '../fake-api/server'
import type { FakeApi } from '../fake-api/server'
import { sampleTranscriptTask, seedIds } from '../fake-api/seeds'
import { signInWithClientCredentials } from './support/sign-in'

/*
 * Sign-in end to end (docs/api.md#signing-in-and-tokens): sign in against the fake SmartDocumentor
 * over loopback, open a task, see its header; wrong credentials explain themselves; no token or
 * secret anywhere the renderer or the logs can see.
 */
let fake: FakeApi
test.beforeAll(async () => {
  fake = await createFakeApi({ tasks: [sampleTranscriptTask()], clientId: 'e2e-client', clientSecret: 'e2e-secret-Qz81' })
})
test.afterAll(async () => {
  await fake.close()
})

const signIn = (app: AppHarness, secret: string): Promise<void> => signInWithClientCredentials(app.page, fake, secret)

/** Everything the renderer holds that a leak could hide in: the DOM, input values, the stores. */
async function rendererSnapshot(app: AppHarness): Promise<string> {
  return app.page.evaluate(() => {
    const inputs = [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value)
    const root = document.querySelector('#app') as unknown as { __vue_app__?: { config: { globalProperties: { $pinia?: { state: { value: unknown } } } } } }
    const stores = root.__vue_app__?.config.globalProperties.$pinia?.state.value
    // The search must be able to fail: without the stores' state it would prove nothing.
    if (!stores || !('session' in (stores as object))) throw new Error('Pinia state not reachable from the page')
    return [document.documentElement.outerHTML, inputs.join('\n'), JSON.stringify(stores), JSON.stringify(localStorage), JSON.stringify(sessionStorage)].join('\n')
  })
}

async function logsText(app: AppHarness): Promise<string> {
  const dir = join(app.dataDir, 'logs')
  const files = await readdir(dir)
  const contents = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))
  return [...contents, ...app.logLines].join('\n')
}

test('sign in with client credentials, open a task by id, and see its header', async ({ app }) => {
  const { page } = app
  await signIn(app, fake.clientSecret)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByTestId('signed-in-as')).toContainText(fake.baseUrl)
  expect(fake.counters.tokenRequests).toBe(1)

  await page.getByTestId('start-open-task').click()
  const dialog = page.getByRole('dialog', { name: 'Open a transcript task' })
  await dialog.getByLabel('SmartDocumentor task id').fill(String(seedIds.sample.taskId))
  await dialog.getByRole('button', { name: 'Open', exact: true }).click()

  const body = JSON.parse(fake.bodyOf('transcript', seedIds.sample.taskId)) as { displayName: string; transcript: { transcripts: unknown[] } }
  await expect(page.getByTestId('task-name')).toHaveText(body.displayName)
  await expect(page.getByTestId('task-id')).toContainText(String(seedIds.sample.taskId))
  await expect(page.getByTestId('segment-count')).toHaveText(`${body.transcript.transcripts.length} segments`)
  await expect(page.getByTestId('connection-state')).toContainText('Signed in')
  await app.screenshot('task-opened-from-api')

  // The recent list remembers it, and it opens by external id too.
  await page.getByRole('button', { name: 'Close' }).click()
  await page.getByTestId('start-open-task').click()
  await expect(page.getByRole('region', { name: 'Recent tasks' })).toContainText(body.displayName)
  await page.getByRole('radio', { name: 'External id' }).check()
  await page.getByLabel('Your external id').fill(seedIds.sample.externalId)
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByTestId('task-name')).toHaveText(body.displayName)

  const everything = (await rendererSnapshot(app)) + (await logsText(app))
  expect(everything).not.toContain(fake.clientSecret)
})

test('wrong credentials show what is wrong and what to do', async ({ app }) => {
  await signIn(app, 'not-the-secret')
  const alert = app.page.getByRole('dialog').getByRole('alert')
  await expect(alert).toContainText('Client ID or secret is wrong or has expired')
  await expect(alert).toContainText('Sign in again')
  // The secret field was cleared after the attempt.
  await expect(app.page.getByRole('textbox', { name: 'Client Secret' })).toHaveValue('')
})

test('an unknown task id says so, and a slow open can be cancelled', async ({ app }) => {
  const { page } = app
  await signIn(app, fake.clientSecret)
  await page.getByTestId('start-open-task').click()
  await page.getByLabel('SmartDocumentor task id').fill('424242')
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('Not found')
  // Said once, in the dialog (not again on the start screen behind it), and not left behind
  // on the start screen when the dialog is closed.
  await expect(page.getByRole('alert')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByRole('alert')).toHaveCount(0)
  await page.getByTestId('start-open-task').click()

  fake.switches.latencyMs = 5000
  try {
    await page.getByLabel('SmartDocumentor task id').fill(String(seedIds.sample.taskId))
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await expect(page.getByRole('dialog').getByRole('status').filter({ hasText: 'Opening task' })).toBeVisible()
    await page.getByTestId('cancel-open').click()
    await expect(page.getByRole('dialog').getByRole('status').filter({ hasText: 'Opening task' })).toHaveCount(0)
    await expect(page.getByTestId('task-name')).toHaveCount(0)
  } finally {
    fake.switches.latencyMs = 0
  }
})

test('a pasted access token never reaches the renderer or the logs', async ({ app }) => {
  const { page } = app
  const token = fake.issueToken(3600)
  await page.getByTestId('start-sign-in').click()
  const dialog = page.getByRole('dialog', { name: 'Sign in to SmartDocumentor' })
  await dialog.getByRole('radio', { name: 'Access token' }).check()
  await dialog.getByText('Server').click()
  await dialog.getByLabel('Base URL').fill(fake.baseUrl)
  await dialog.getByRole('textbox', { name: 'Access token' }).fill(token)
  await dialog.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('signed-in-as')).toBeVisible()
  await page.getByTestId('start-open-task').click()
  await page.getByLabel('SmartDocumentor task id').fill(String(seedIds.sample.taskId))
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByTestId('task-name')).toBeVisible()

  const everything = (await rendererSnapshot(app)) + (await logsText(app)) + JSON.stringify(app.calls.map((c) => c.channel === 'auth:signIn' ? null : c))
  expect(everything).not.toContain(token)
  expect(everything.toLowerCase()).not.toContain('bearer ')
})

test('"Test connection" checks a pasted token against the API before signing in', async ({ app }) => {
  const { page } = app
  await page.getByTestId('start-sign-in').click()
  const dialog = page.getByRole('dialog', { name: 'Sign in to SmartDocumentor' })
  await dialog.getByRole('radio', { name: 'Access token' }).check()
  await dialog.getByText('Server').click()
  await dialog.getByLabel('Base URL').fill(fake.baseUrl)
  await dialog.getByRole('textbox', { name: 'Access token' }).fill('expired-or-made-up')
  await dialog.getByRole('button', { name: 'Test connection' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Not signed in')
  await dialog.getByRole('textbox', { name: 'Access token' }).fill(fake.issueToken(600))
  await dialog.getByRole('button', { name: 'Test connection' }).click()
  await expect(dialog.getByRole('status').filter({ hasText: 'Connection works' })).toBeVisible()
  // Testing does not sign in.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0)
})

// (That the API client waits exactly the saved time, read at each request, is shown in
// test/electron/services/api/request-timeout-setting.test.ts without waiting for real.)
test('the request timeout is set where the server is, checked, and remembered by main', async ({ app }) => {
  const { page } = app
  await page.getByTestId('start-sign-in').click()
  const dialog = page.getByRole('dialog', { name: 'Sign in to SmartDocumentor' })
  await dialog.getByText('Server').click()
  const field = dialog.getByRole('spinbutton', { name: 'Request timeout (seconds)' })
  await expect(field).toHaveValue('30')
  // Out of range: said where the field is, nothing saved.
  await field.fill('2')
  await field.press('Tab')
  await expect(dialog.getByTestId('timeout-problem')).toHaveText('Enter whole seconds from 5 to 600.')
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  expect(app.services.settings.get().requestTimeoutSeconds).toBe(30)
  // A payload outside the schema is refused in main even if the form were bypassed.
  const refused = await page.evaluate(() => window.sdte.invoke['settings:setRequestTimeout']({ seconds: 0.5 }))
  expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } })

  await field.fill('90')
  await field.press('Tab')
  await expect(dialog.getByTestId('timeout-saved')).toHaveText('Saved: each request may take up to 90 s.')
  expect(app.services.settings.get().requestTimeoutSeconds).toBe(90)

  // Remembered: a new window (reload) shows it again.
  await page.reload()
  await page.getByTestId('start-sign-in').click()
  await page.getByRole('dialog', { name: 'Sign in to SmartDocumentor' }).getByText('Server').click()
  await expect(page.getByRole('spinbutton', { name: 'Request timeout (seconds)' })).toHaveValue('90')

  // Typed and signed in straight away (no change event first): saved before the sign-in runs.
  const again = page.getByRole('dialog', { name: 'Sign in to SmartDocumentor' })
  await again.getByRole('spinbutton', { name: 'Request timeout (seconds)' }).fill('5')
  await again.getByLabel('Base URL').fill(fake.baseUrl)
  await again.getByRole('textbox', { name: 'Client ID' }).fill(fake.clientId)
  await again.getByRole('textbox', { name: 'Client Secret' }).fill(fake.clientSecret)
  await again.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByTestId('signed-in-as')).toBeVisible()
  expect(app.services.settings.get().requestTimeoutSeconds).toBe(5)
})
