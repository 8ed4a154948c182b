import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { test, expect } from './support/harness'

/*
 * Issue 6 in the app: the export dialog previews cues and QC, and writes several formats in one
 * go through the save dialog; what it writes is what a real parser reads.
 */

test('export dialog: preview, QC summary, several formats saved, files parse', async ({ app }) => {
  const { page } = app
  await page.getByTestId('start-open-sample').click()
  await expect(page.getByTestId('task-name')).toHaveText('Sample: how the editor works')

  await app.emit('menu:command', 'export')
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('qc-summary')).toContainText('cues')
  // The preview shows the first words of the recording.
  await expect(dialog.getByRole('region', { name: 'Preview' })).toContainText('Welcome to the sample task.')

  await dialog.getByRole('checkbox', { name: 'WebVTT (.vtt)' }).check()
  await dialog.getByRole('checkbox', { name: 'Word transcript (.docx)' }).check()
  await dialog.getByLabel('Preset').selectOption('bbc')
  await expect(dialog.getByLabel('Frame rate')).toHaveValue('25')
  app.nextSavePath = (name) => join(app.dataDir, name)
  await dialog.getByRole('button', { name: 'Save 3 files…' }).click()
  await expect(dialog.getByRole('status')).toContainText('Word transcript (.docx): saved to')
  expect(app.saveRequests.map((r) => r.suggestedName)).toEqual([
    'Sample how the editor works.srt',
    'Sample how the editor works.vtt',
    'Sample how the editor works.docx'
  ])
  await app.screenshot('export-dialog')

  const cueCount = Number((await dialog.getByTestId('qc-summary').textContent())?.match(/(\d+) cues/)?.[1])
  const srt = await readFile(join(app.dataDir, 'Sample how the editor works.srt'), 'utf8')
  expect(srt.trim().split(/\n\n/)).toHaveLength(cueCount)
  // ffmpeg's SRT and WebVTT demuxers read the same number of cues.
  for (const ext of ['srt', 'vtt']) {
    const out = execFileSync('ffmpeg', ['-v', 'error', '-i', join(app.dataDir, `Sample how the editor works.${ext}`), '-f', 'srt', '-'], { encoding: 'utf8' })
    expect(out.trim().split(/\n\n/), ext).toHaveLength(cueCount)
  }
  const docx = await readFile(join(app.dataDir, 'Sample how the editor works.docx'))
  expect(docx.subarray(0, 2).toString()).toBe('PK')

  // A cancelled save dialog saves nothing and says so.
  app.nextSavePath = null
  await dialog.getByRole('checkbox', { name: 'WebVTT (.vtt)' }).uncheck()
  await dialog.getByRole('checkbox', { name: 'Word transcript (.docx)' }).uncheck()
  await dialog.getByRole('button', { name: 'Save…' }).click()
  await expect(dialog.getByRole('status')).toContainText('SubRip (.srt): not saved')

  // A programme start of 10:00:00:00 moves every cue; the preview shows it.
  await dialog.getByLabel('Programme start (ms)').fill('36000000')
  await expect(dialog.getByRole('region', { name: 'Preview' }).locator('.time').first()).toContainText('10:00:00')

  // Speaker names on each turn's first cue, where the preset cuts a new cue per speaker.
  await dialog.getByRole('checkbox', { name: 'Speaker names on the first cue of each turn' }).check()
  const preview = dialog.getByRole('region', { name: 'Preview' })
  await expect(preview).toContainText('Ana Ribeiro: Welcome')
  await expect(preview).toContainText('Ben Carter: Click any word')

  // The QC report opens beside the editor.
  await dialog.getByRole('button', { name: 'Show QC report' }).click()
  await expect(page.getByRole('complementary', { name: 'QC report' })).toBeVisible()
})

test('a file that cannot be written says so, with what to do next', async ({ app }) => {
  const { page } = app
  await page.getByTestId('start-open-sample').click()
  await expect(page.getByTestId('task-name')).toHaveText('Sample: how the editor works')
  await app.emit('menu:command', 'export')
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByTestId('qc-summary')).toContainText('cues')
  // A "folder" that is a file: nothing can be written under it.
  await writeFile(join(app.dataDir, 'not-a-folder'), '')
  app.nextSavePath = join(app.dataDir, 'not-a-folder', 'out.srt')
  await dialog.getByRole('button', { name: 'Save…' }).click()
  const outcome = dialog.getByRole('status')
  await expect(outcome).toContainText('SubRip (.srt): not saved.')
  await expect(outcome).toContainText('Check the folder exists, you may write to it, and the disk has space.')
})
