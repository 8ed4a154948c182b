import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './support/harness'
import { createFakeApi, type FakeApi } from '../fake-api/server'
import { makeToneWav, sampleTranscriptTask } from '../fake-api/seeds'
import { signInWithClientCredentials } from './support/sign-in'

/*
 * Cancel beside the recording's download progress: a real local server sends the first part of
 * the recording and holds the rest back, as a slow link does. Escape on the focused Cancel stops
 * the download in main, no file is left behind, the editor offers "Download again" and "Attach
 * the recording…", and downloading again works.
 */

const recording = makeToneWav(20)
let fake: FakeApi
let dir: string
let slow: Server
let slowUrl: string
let holdBack = true
const held: ServerResponse[] = []

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-cancel-e2e-'))
  fake = await createFakeApi({ tasks: [sampleTranscriptTask()], clientId: 'cancel-client', clientSecret: 'cancel-secret-1' })
  slow = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': String(recording.length) })
    if (!holdBack) {
      res.end(recording)
      return
    }
    res.write(recording.subarray(0, 96 * 1024))
    held.push(res)
  })
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
  slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`
})
test.afterAll(async () => {
  held.splice(0).forEach((res) => res.destroy())
  slow.closeAllConnections()
  await new Promise((resolve) => slow.close(resolve))
  await fake.close()
  await rm(dir, { recursive: true, force: true })
})

/** Files of the recording anywhere in the app's data folder (the media cache, part files). */
async function recordingFiles(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile() && /^\.?media\b/.test(e.name)).map((e) => e.name)
}

test('Cancel (Escape on the button) stops the recording download mid-way; nothing is left; Download again works', async ({ app }) => {
  const { page } = app
  await signInWithClientCredentials(page, fake, fake.clientSecret)
  await expect(page.getByTestId('signed-in-as')).toBeVisible()
  const file = join(dir, 'slow.json')
  await writeFile(file, JSON.stringify({ ...JSON.parse(fake.bodyOf('transcript', 1001)), originalFileUrl: `${slowUrl}/recording.wav?sig=s` }))
  app.nextExportFile = file
  await page.getByTestId('start-open-file').click()
  await page.getByTestId('download-recording').click()

  // Mid-way: bytes and percent shown, a part file on disk.
  const progress = page.getByTestId('download-progress')
  await expect(progress).toContainText('MB (')
  expect((await recordingFiles(app.dataDir)).some((f) => f.endsWith('.part'))).toBe(true)
  await page.getByTestId('cancel-download').focus()
  await page.keyboard.press('Escape')

  const prompt = page.getByTestId('attach-prompt')
  await expect(prompt).toContainText('The download of the recording was cancelled.')
  await expect(progress).toHaveCount(0)
  await expect(prompt.getByTestId('attach-recording')).toBeEnabled()
  expect(app.calls.some((c) => c.channel === 'media:cancelDownload' && c.ok)).toBe(true)
  expect(await recordingFiles(app.dataDir)).toEqual([])
  // The editor is still usable.
  await page.locator('[data-testid="segment-text"] .w').first().click()
  await expect(page.locator('article.segment').first()).toHaveAttribute('aria-current', 'true')

  // Download again: the server sends it all this time.
  holdBack = false
  await prompt.getByTestId('download-again').click()
  await expect(page.getByTestId('media')).toBeAttached()
  await expect(prompt).toHaveCount(0)
  expect((await recordingFiles(app.dataDir)).filter((f) => !f.endsWith('.json'))).toEqual(['media.wav'])
})
