import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './support/harness'

/*
 * The recording's side of opening and closing a task (issue 21), in Chromium over the real
 * handlers: its first round trips start when the task opens (lib/recording-prefetch), once each,
 * not again when the waveform strip mounts; a reopened task draws from the peaks cache; closing
 * the task tells main its recording is no longer shown (`media:release`, which stops a decode
 * under way: test/electron/main/peaks-release.test.ts).
 */

const repoRoot = resolve(import.meta.dirname, '../..')

/** The waveform's first canvas is drawn (wavesurfer's shadow root). */
async function waveformDrawn(page: Page): Promise<boolean> {
  return page.evaluate(() => Boolean(document.querySelector('[data-testid="waveform"] > div')?.shadowRoot?.querySelector('canvas')))
}

test("a task's recording: resolved and its peaks asked for once per open, drawn, released on close, drawn from the cache on reopen", async ({ app }) => {
  const { page } = app
  const data = { ...JSON.parse(readFileSync(join(repoRoot, 'resources/sample/sample-task.json'), 'utf8')), taskId: 4343, externalId: 'reopen' }
  const file = join(app.dataDir, 'reopen.json')
  await writeFile(file, JSON.stringify(data))
  app.nextExportFile = file
  await page.getByTestId('start-open-file').click()
  app.nextMediaFile = join(repoRoot, 'resources/sample/sample.mp3')
  await page.getByTestId('attach-recording').click()
  await expect.poll(() => waveformDrawn(page)).toBe(true)
  await expect(page.getByTestId('peaks-progress')).toHaveCount(0)
  const count = (channel: string): number => app.calls.filter((c) => c.channel === channel).length

  await page.getByRole('button', { name: 'Close', exact: true }).click()
  await page.getByTestId('start-open-file').waitFor()
  await expect.poll(() => app.calls.filter((c) => c.channel === 'media:release').map((c) => c.payload)).toEqual([{ taskId: 4343 }])

  const resolves = count('media:resolve')
  const peaks = count('media:peaks')
  await page.getByTestId('start-open-file').click()
  await expect.poll(() => waveformDrawn(page)).toBe(true)
  // Once each for this open: the strip took what the open started.
  expect(count('media:resolve')).toBe(resolves + 1)
  expect(count('media:peaks')).toBe(peaks + 1)
  expect(app.calls.filter((c) => c.channel === 'media:peaks').at(-1)).toMatchObject({ payload: { taskId: 4343 }, ok: true })
  await expect(page.getByTestId('peaks-progress')).toHaveCount(0)
})
