import { test, expect } from './support/harness'
import { join } from 'node:path'
import { writeFile } from 'node:fs/promises'

test.describe('app shell', () => {
  test('start screen offers sign in, open task, open file and the sample', async ({ app }) => {
    const { page } = app
    await expect(page.getByRole('heading', { name: 'SD Transcript Editor' })).toBeVisible()
    for (const name of ['Sign in', 'Open a task', 'Open a saved export', 'Try the sample']) {
      await expect(page.getByRole('heading', { name })).toBeVisible()
    }
    // The status call went through the real dispatcher and services.
    expect(app.calls.some((c) => c.channel === 'auth:status' && c.ok)).toBe(true)
    await app.screenshot('start-screen')
  })

  test('start screen: the same width with an error shown, buttons in line, all of it in a 1024×640 window', async ({ app }) => {
    const { page } = app
    await page.setViewportSize({ width: 1024, height: 640 })
    const main = page.getByRole('main')
    const before = (await main.boundingBox())!.width
    const broken = join(app.dataDir, 'broken.json')
    await writeFile(broken, `{"taskId": "${'x'.repeat(300)}`)
    app.nextExportFile = broken
    await page.getByTestId('start-open-file').click()
    await expect(page.getByRole('alert')).toBeVisible()
    // A long message wraps inside the page instead of widening it.
    expect((await main.boundingBox())!.width).toBe(before)
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click()

    // Each row of cards has its buttons on one line, and every button is on screen without scrolling.
    const buttons = page.getByRole('region', { name: 'Get started' }).getByRole('button')
    const boxes = await buttons.evaluateAll((els) => els.map((el) => ({ card: el.closest('article')!.getBoundingClientRect().top, y: el.getBoundingClientRect().top })))
    expect(boxes).toHaveLength(5)
    for (const b of boxes) for (const c of boxes) if (b.card === c.card) expect(c.y).toBe(b.y)
    for (const button of await buttons.all()) await expect(button).toBeInViewport({ ratio: 1 })
  })

  test('the task header: the document pane button says whether the pane is open and stays on one line', async ({ app }) => {
    const { page } = app
    await page.setViewportSize({ width: 1024, height: 640 })
    await page.getByTestId('start-open-sample').click()
    const toggle = page.getByRole('button', { name: 'Document pane', exact: true })
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    const close = page.getByRole('banner', { name: 'Task' }).getByRole('button', { name: 'Close', exact: true })
    expect((await toggle.boundingBox())!.height).toBe((await close.boundingBox())!.height)
    await expect(page.getByRole('complementary', { name: 'Document data' }).getByRole('button', { name: 'Close document pane' })).toBeInViewport({ ratio: 1 })
  })

  test('the document pane is resized with the arrow keys or by dragging its edge, and keeps its width', async ({ app }) => {
    const { page } = app
    await page.getByTestId('start-open-sample').click()
    await page.getByRole('button', { name: 'Document pane', exact: true }).click()
    const pane = page.getByRole('complementary', { name: 'Document data' })
    const width = async () => Math.round((await pane.boundingBox())!.width)
    const splitter = page.getByRole('separator', { name: 'Width of the document pane' })
    await expect(splitter).toHaveAttribute('aria-valuenow', '40')
    expect(await width()).toBe(512)

    // Keyboard: left widens the pane (the separator moves left), right narrows it.
    await splitter.focus()
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft')
    await expect(splitter).toHaveAttribute('aria-valuenow', '50')
    expect(await width()).toBe(640)
    await page.keyboard.press('Home')
    await expect(splitter).toHaveAttribute('aria-valuenow', '25')
    expect(await width()).toBe(320)

    // Pointer: drag the edge to the middle of the window.
    const box = (await splitter.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    for (let x = box.x; x >= 640; x -= 40) await page.mouse.move(x, box.y + 100)
    await page.mouse.move(640, box.y + 100)
    await page.mouse.up()
    await expect(splitter).toHaveAttribute('aria-valuenow', '50')

    // Remembered for the next time the pane opens.
    await page.reload()
    await page.getByTestId('start-open-sample').click()
    await page.getByRole('button', { name: 'Document pane', exact: true }).click()
    await expect(page.getByRole('separator', { name: 'Width of the document pane' })).toHaveAttribute('aria-valuenow', '50')
    expect(await width()).toBe(640)
  })

  test('in a 1024×640 window a tall dialog scrolls but keeps its buttons in view', async ({ app }) => {
    const { page } = app
    await page.setViewportSize({ width: 1024, height: 640 })
    await page.getByTestId('start-sign-in').click()
    const signIn = page.getByRole('dialog', { name: 'Sign in to SmartDocumentor' })
    await signIn.getByText('Server', { exact: true }).click()
    await signIn.getByRole('textbox', { name: 'Client ID' }).fill('someone')
    await signIn.getByRole('textbox', { name: 'Client Secret' }).fill('wrong')
    await signIn.getByLabel('Base URL').fill('http://127.0.0.1:9')
    await signIn.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(signIn.getByRole('alert')).toBeVisible()
    expect(await signIn.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    await signIn.getByRole('textbox', { name: 'Client Secret' }).fill('again')
    await expect(signIn.getByRole('button', { name: 'Sign in', exact: true })).toBeInViewport({ ratio: 1 })
    await signIn.getByRole('button', { name: 'Cancel' }).click()

    await page.getByTestId('start-open-sample').click()
    await expect(page.getByTestId('task-name')).toHaveText('Sample: how the editor works')
    await app.emit('menu:command', 'export')
    const exportDialog = page.getByRole('dialog', { name: 'Export' })
    await expect(exportDialog.getByTestId('qc-summary')).toContainText('cues')
    expect(await exportDialog.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    await expect(exportDialog.getByRole('button', { name: 'Save…' })).toBeInViewport({ ratio: 1 })
    await app.screenshot('export-dialog-small-window')
  })

  test('a window.sdte call reaches a real main-process service and returns its value', async ({ app }) => {
    const info = await app.page.evaluate(() => window.sdte.invoke['app:info']())
    expect(info).toEqual({ ok: true, value: { name: 'SD Transcript Editor', version: '0.0.0-e2e', platform: process.platform } })
  })

  test('opening the bundled sample shows the main layout', async ({ app }) => {
    const { page } = app
    await page.getByTestId('start-open-sample').click()
    await expect(page.getByTestId('task-name')).toHaveText('Sample: how the editor works')
    await expect(page.getByTestId('segment-count')).toHaveText('4 segments')
    await expect(page.getByRole('region', { name: 'Transcript' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Waveform and playback' })).toBeVisible()
    await expect(page.getByTestId('connection-state')).toHaveText('Not signed in')
    await page.getByRole('button', { name: 'Document pane' }).click()
    await expect(page.getByRole('complementary', { name: 'Document data' })).toBeVisible()
    await app.screenshot('main-layout')
  })

  test('a service failure arrives in the renderer as an error code, not a thrown string', async ({ app }) => {
    const broken = join(app.dataDir, 'broken.json')
    await writeFile(broken, '{"taskId": "not a number"')
    app.nextExportFile = broken
    const result = await app.page.evaluate(() => window.sdte.invoke['files:openExport']())
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_response')
      expect(result.error.message).toContain('broken.json is not valid JSON')
    }
    // And the UI shows it with a next step.
    await app.page.getByTestId('start-open-file').click()
    await expect(app.page.getByRole('alert')).toContainText('The data could not be read')
  })

  test('a payload that fails its schema is rejected in main before any service runs', async ({ app }) => {
    const before = app.services.settings.get()
    const result = await app.page.evaluate(() =>
      (window.sdte.invoke['settings:setRequestTimeout'] as unknown as (r: unknown) => Promise<unknown>)({ seconds: 90, extra: 1 })
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(app.services.settings.get()).toEqual(before)
    const ok = await app.page.evaluate(() => window.sdte.invoke['settings:setRequestTimeout']({ seconds: 90 }))
    expect(ok).toMatchObject({ ok: true })
    expect(app.services.settings.get()).not.toEqual(before)
  })

  test('channels the renderer never calls do not exist (least privilege)', async ({ app }) => {
    const exposed = await app.page.evaluate(() => Object.keys(window.sdte.invoke))
    expect(exposed).not.toContain('shell:openExternal')
    expect(exposed).not.toContain('app:openLogsFolder')
    const sender = { url: `${app.url}/index.html`, isMainFrame: true }
    for (const channel of ['shell:openExternal', 'app:openLogsFolder']) {
      expect(await app.dispatch(channel, channel === 'shell:openExternal' ? { url: 'https://docs.smartdocumentor.net/' } : undefined, sender)).toEqual({
        ok: false,
        error: { code: 'bad_request', message: `Unknown channel ${channel}.` }
      })
    }
  })

  test('a call from a frame that is not ours is rejected', async ({ app }) => {
    const { page } = app
    // 1. A sub-frame is not the app's top-level frame. The CSP forbids loading frames
    // (frame-src 'none'), so the test uses an inline srcdoc frame, which loads nothing.
    await page.evaluate(() => {
      const frame = document.createElement('iframe')
      frame.srcdoc = '<!doctype html><p>inner</p>'
      document.body.appendChild(frame)
      return new Promise((resolve) => frame.addEventListener('load', resolve))
    })
    const sub = page.frames().find((f) => f !== page.mainFrame())
    expect(sub).toBeDefined()
    const fromSubFrame = await sub!.evaluate(() => window.sdte.invoke['app:info']())
    expect(fromSubFrame).toMatchObject({ ok: false, error: { code: 'unauthorized' } })

    // A frame loaded from a URL is refused by the CSP before any script could run in it.
    const blocked = await page.evaluate(async (src) => {
      const frame = document.createElement('iframe')
      frame.src = src
      document.body.appendChild(frame)
      await new Promise((resolve) => setTimeout(resolve, 300))
      try {
        return frame.contentWindow?.location.href ?? null
      } catch {
        return 'cross-origin'
      }
    }, `${app.url}/index.html?frame`)
    expect(blocked).not.toContain('index.html?frame')

    // 2. A top-level page from another origin (the CSP would not even let it be framed).
    const { serveFolder } = await import('./support/static-server')
    const other = await serveFolder(app.dataDir, (p) => (p === '/other.html' ? '<!doctype html><p>other</p>' : null))
    try {
      await page.goto(`${other.url}/other.html`)
      const fromOther = await page.evaluate(() => window.sdte.invoke['app:info']())
      expect(fromOther).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    } finally {
      other.server.close()
    }
    // 3. The dispatcher itself, called as a foreign sender, never reaches a handler.
    const direct = await app.dispatch('app:info', undefined, { url: 'https://evil.example/', isMainFrame: true })
    expect(direct).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })

  test('menu commands arrive as typed events', async ({ app }) => {
    await app.emit('menu:command', 'open-sample')
    await expect(app.page.getByTestId('task-name')).toHaveText('Sample: how the editor works')
    await app.emit('menu:command', 'close-task')
    await expect(app.page.getByRole('heading', { name: 'Try the sample' })).toBeVisible()
  })
})
