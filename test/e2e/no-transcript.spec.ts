import { test, expect } from './support/harness'
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

/*
 * A task not transcribed yet, end to end: a saved export whose `transcript` is null opens in the
 * built app (it used to be refused as not a transcript export), says it has no transcript yet,
 * and the reviewer can attach the recording and start a segment at the playhead.
 */

const repoRoot = resolve(import.meta.dirname, '../..')

test('a task with transcript: null opens with the notice, and a segment can be started', async ({ app }) => {
  const { page } = app
  const sample = JSON.parse(readFileSync(join(repoRoot, 'resources/sample/sample-task.json'), 'utf8')) as Record<string, unknown>
  const file = join(app.dataDir, 'no-transcript.json')
  await writeFile(file, JSON.stringify({ ...sample, taskId: 4343, externalId: 'not-transcribed', transcript: null }))
  app.nextExportFile = file
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('transcript-notice')).toContainText('This task has no transcript yet')
  await expect(page.getByTestId('segment-count')).toHaveText('0 segments')
  app.nextMediaFile = join(repoRoot, 'resources/sample/sample.mp3')
  await page.getByTestId('attach-recording').click()
  await expect(page.getByTestId('media')).toBeAttached()
  await page.getByTestId('add-segment-at-playhead').click()
  await expect(page.getByTestId('segment-count')).toHaveText('1 segments')
  await expect(page.getByTestId('transcript-notice')).toHaveCount(0)
})
