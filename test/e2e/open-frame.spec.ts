import { createServer, request } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import type { AppHarness } from './support/harness'
import { createFakeApi } from '../fake-api/server'
import type { FakeApi } from '../fake-api/server'
import { sampleTranscriptTask, seedIds } from '../fake-api/seeds'
import { signInWithClientCredentials } from './support/sign-in'

/*
 * The editor's frame while a task is on its way (issue 21, cold open): from the click, the
 * editor's layout shows with the task's name, an empty list that says (to a screen reader too)
 * what it waits for, and nothing to act on; the task's rows arrive into it. A failed or cancelled
 * open leaves the start screen as it was, with nothing half-open. The export is held by a real
 * loopback proxy in front of the fake SmartDocumentor until the test lets it through, so the
 * frame is looked at while the open is really under way (no timing).
 */

let fake: FakeApi
let proxy: Server
let proxyUrl = ''
/** Export requests held back; each forwards its request when called. */
const held: Array<() => void> = []
let holding = false

/** Forwards one request to the fake, answer and all. */
function forward(req: IncomingMessage, res: ServerResponse): void {
  const upstream = request({ host: '127.0.0.1', port: fake.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers)
    answer.pipe(res)
  })
  upstream.on('error', () => res.destroy())
  req.pipe(upstream)
}

test.beforeAll(async () => {
  fake = await createFakeApi({ tasks: [sampleTranscriptTask()], clientId: 'frame-client', clientSecret: 'frame-secret-7Qa' })
  proxy = createServer((req, res) => {
    if (holding && /getexportdata\/transcript/i.test(req.url ?? '')) held.push(() => forward(req, res))
    else forward(req, res)
  })
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done))
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
})
test.afterAll(async () => {
  proxy.closeAllConnections()
  await new Promise((done) => proxy.close(done))
  await fake.close()
})
test.afterEach(() => {
  holding = false
  held.splice(0).forEach((go) => go())
})

/** Lets the held export requests through. */
function release(): void {
  holding = false
  held.splice(0).forEach((go) => go())
}

/** Signs in through the proxy and asks for the sample task by id, its export held back; resolves once main has asked for it. */
async function openHeld(app: AppHarness): Promise<void> {
  const { page } = app
  await signInWithClientCredentials(page, { baseUrl: proxyUrl, clientId: fake.clientId }, fake.clientSecret)
  await expect(page.getByTestId('signed-in-as')).toBeVisible()
  holding = true
  await page.getByTestId('start-open-task').click()
  await page.getByLabel('SmartDocumentor task id').fill(String(seedIds.sample.taskId))
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect.poll(() => held.length).toBe(1)
}

test('while the task is on its way the editor frame shows its name and an announced, empty list; the task lands in it', async ({ app }) => {
  const { page } = app
  await openHeld(app)
  // The frame behind the dialog: the header named after the task asked for, the list busy and
  // empty, its loading line a status (read out), the start screen out of sight, no key acts.
  const header = page.getByRole('banner', { name: 'Task' })
  await expect(header.getByRole('heading', { name: `Task ${seedIds.sample.taskId}` })).toBeVisible()
  const list = page.getByTestId('transcript-scroller')
  await expect(list).toHaveAttribute('aria-busy', 'true')
  await expect(page.getByTestId('transcript-loading')).toHaveAttribute('role', 'status')
  await expect(page.getByTestId('transcript-loading')).toHaveText(`Opening task ${seedIds.sample.taskId}…`)
  await expect(page.locator('article.segment')).toHaveCount(0)
  // No count before the task is there ("0 segments" would be untrue, and tests waiting for a count would go on early).
  await expect(page.getByTestId('segment-count')).toHaveText('')
  await expect(page.getByTestId('start-open-task')).toBeHidden()
  expect(await header.locator('.tools').evaluate((el) => (el as HTMLElement).inert)).toBe(true)
  await expect(page.getByTestId('task-name')).toHaveCount(0)

  release()
  await expect(page.getByTestId('task-name')).toHaveText('Sample interview')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByTestId('segment-count')).toHaveText(/^\d+ segments$/)
  await expect(page.getByTestId('transcript-loading')).toHaveCount(0)
  await expect(list).not.toHaveAttribute('aria-busy', 'true')
  await expect(page.locator('article.segment').first()).toBeVisible()
  expect(await header.locator('.tools').evaluate((el) => (el as HTMLElement).inert)).toBe(false)
})

test('a cancelled open takes the frame away: the start screen as it was, nothing half-open', async ({ app }) => {
  const { page } = app
  await openHeld(app)
  await expect(page.getByTestId('transcript-loading')).toBeVisible()
  await page.getByTestId('cancel-open').click()
  await expect(page.getByTestId('transcript-loading')).toHaveCount(0)
  await expect(page.getByTestId('transcript-scroller')).toHaveCount(0)
  await expect(page.getByRole('banner', { name: 'Task' })).toHaveCount(0)
  await expect(page.getByTestId('start-open-task')).toBeVisible()
  await expect(page.getByTestId('signed-in-as')).toContainText(proxyUrl)
  await expect(page.getByRole('alert')).toHaveCount(0)
  // The dialog stays, ready for another id, as before the frame.
  await expect(page.getByRole('dialog', { name: 'Open a transcript task' })).toBeVisible()
  release()
  await expect(page.getByTestId('task-name')).toHaveCount(0)
})

test('a second open while the first is on its way: the one that lands last is the task, as without the frame', async ({ app }) => {
  const { page } = app
  await openHeld(app)
  await page.keyboard.press('Escape')
  // The bundled sample, from the menu, lands first; the held task replaces it when it lands.
  await app.emit('menu:command', 'open-sample')
  await expect(page.getByTestId('task-name')).toHaveText('Sample: how the editor works')
  await expect(page.getByTestId('transcript-loading')).toHaveCount(0)
  release()
  await expect(page.getByTestId('task-name')).toHaveText('Sample interview')
})

test('a file that fails to open: the frame showed and went, the start screen shows the error, focus back on its button', async ({ app }) => {
  const { page } = app
  const broken = join(app.dataDir, 'broken.json')
  await writeFile(broken, '{"taskId": 7, "transcript": ')
  app.nextExportFile = broken
  // Whether the frame was ever in the page, recorded by the page itself.
  await page.evaluate(() => {
    const w = window as unknown as { __framed: boolean }
    w.__framed = false
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="transcript-loading"]')) w.__framed = true
    }).observe(document.body, { childList: true, subtree: true })
  })
  const button = page.getByTestId('start-open-file')
  await button.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toContainText('The data could not be read')
  expect(await page.evaluate(() => (window as unknown as { __framed: boolean }).__framed)).toBe(true)
  await expect(page.getByTestId('transcript-scroller')).toHaveCount(0)
  await expect(page.getByRole('banner', { name: 'Task' })).toHaveCount(0)
  await expect(button).toBeVisible()
  await expect(button).toBeFocused()
})

test('the frame warms the data\'s code and lays out two made-up rows (the cursor\'s, a light one) while it waits, unseen: never in a painted frame, gone before the task lands', async ({ app }) => {
  const { page } = app
  // Recorded by the page: warm-up rows added, and whether any frame (requestAnimationFrame, just before a paint) found one.
  await page.evaluate(() => {
    const w = window as unknown as { __warmRows: number; __warmSeen: boolean }
    w.__warmRows = 0
    w.__warmSeen = false
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.matches('article.segment') && n.closest('.row-warm-up')) w.__warmRows++
    }).observe(document.body, { childList: true, subtree: true })
    const look = (): void => {
      if (document.querySelector('.row-warm-up article.segment')) w.__warmSeen = true
      requestAnimationFrame(look)
    }
    requestAnimationFrame(look)
  })
  await openHeld(app)
  await expect.poll(() => page.evaluate(() => (window as unknown as { __warmRows: number }).__warmRows)).toBe(2)
  // Before the rows, in an idle task of its own, the reply's unpacking and normalise ran on a made-up export (lib/open-warm-up.ts).
  expect(await page.evaluate(() => performance.getEntriesByName('sdte:open-warm-up').length)).toBe(1)
  await expect(page.locator('.row-warm-up article.segment')).toHaveCount(0)
  await expect(page.locator('article.segment')).toHaveCount(0)
  release()
  await expect(page.getByTestId('task-name')).toHaveText('Sample interview')
  await expect(page.locator('.row-warm-up')).toHaveCount(0)
  // The real rows show the task's own words, and no made-up one.
  await expect(page.locator('article.segment').first()).toBeVisible()
  await expect(page.locator('[data-word-id^="warm-up"]')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __warmSeen: boolean }).__warmSeen)).toBe(false)
})
