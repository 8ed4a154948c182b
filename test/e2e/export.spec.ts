import { readFile, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { execFileSync } from 'node:child_process'
import { test, expect } from './support/harness'

/*
 * Subtitle export in the app (docs/subtitles.md#formats): the export dialog previews cues and QC,
 * and writes several formats in one go through the save dialog; what it writes is what a real
 * parser reads.
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
  // Times are shown and typed as timecodes (this field took ms before).
  await dialog.getByLabel('Programme start (timecode)').fill('10:00:00:00')
  await expect(dialog.getByRole('region', { name: 'Preview' }).locator('.time').first()).toContainText('10:00:00')

  // Speaker names on each turn's first cue, where the preset cuts a new cue per speaker (under More options).
  await dialog.getByText('More options').click()
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

/** The sample task with a quick exchange after it (Ana: "Ready?", Ben: "Yes, go."), which fits one dialogue cue. */
function sampleWithExchange(): unknown {
  const sample = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/sample/sample-task.json'), 'utf8'))
  const [ana, ben] = sample.transcript.speakers.map((s: { speakerId: string }) => s.speakerId)
  const turn = (speakerId: string, words: Array<[string, number, number]>) => ({
    speakerId,
    start: words[0][1],
    end: words[words.length - 1][1] + words[words.length - 1][2],
    duration: words[words.length - 1][1] + words[words.length - 1][2] - words[0][1],
    confidence: 0.9,
    displayText: words.map((w) => w[0]).join(' '),
    displayWords: words.map(([text, offsetInSeconds, durationInSeconds]) => ({ text, offsetInSeconds, durationInSeconds, confidence: 0.9 }))
  })
  const transcripts = [...sample.transcript.transcripts, turn(ana, [['Ready?', 31, 0.5]]), turn(ben, [['Yes,', 31.8, 0.3], ['go.', 32.2, 0.4]])]
  return { ...sample, taskId: 5151, externalId: 'dialogue', displayName: 'Dialogue sample', transcript: { ...sample.transcript, transcripts } }
}

test('more options: gap closing and dialogue dashes set in the dialog reach the saved SRT; buttons stay in view at 1024×640', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1024, height: 640 })
  const file = join(app.dataDir, 'dialogue.json')
  await writeFile(file, JSON.stringify(sampleWithExchange()))
  app.nextExportFile = file
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('task-name')).toHaveText('Dialogue sample')

  await app.emit('menu:command', 'export')
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByTestId('qc-summary')).toContainText('cues')
  await dialog.getByLabel('Preset').selectOption('bbc')
  // The disclosure opens from the keyboard.
  await dialog.locator('summary', { hasText: 'More options' }).focus()
  await page.keyboard.press('Enter')
  // Times in ms, as this test was written (the field is a text field that takes timecodes too).
  await dialog.getByLabel('Times shown as').selectOption('ms')
  const gapClosing = dialog.getByRole('textbox', { name: 'Gap closing (ms)' })
  await expect(gapClosing).toBeVisible()
  await expect(gapClosing).toHaveValue('500')
  const save = dialog.getByRole('button', { name: 'Save…' })

  // Out of range: said beside the field and beside Save, which is off.
  await gapClosing.fill('6000')
  const message = 'Gap closing (ms) must be a whole number from 0 to 5000 ms.'
  await expect(dialog.getByTestId('gapClosingMs-hint')).toHaveText(message)
  await expect(dialog.getByTestId('save-blocked')).toHaveText(message)
  await expect(save).toBeDisabled()
  await expect(save).toBeInViewport({ ratio: 1 })
  await app.screenshot('export-dialog-invalid-value')

  // No gap closing (the 400 ms gap after "and pause." stays open) and dialogue dashes with an en dash.
  await gapClosing.fill('0')
  await dialog.getByLabel('Speaker change').selectOption('dialogue-dashes')
  await dialog.getByRole('textbox', { name: 'Dialogue dash' }).fill('– ')
  await expect(dialog.locator('summary')).toContainText('3 changed from bbc')
  await expect(dialog.getByRole('region', { name: 'Preview' })).toContainText('00:00:15,000 → 00:00:16,000')
  await expect(save).toBeEnabled()
  expect(await dialog.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
  await expect(save).toBeInViewport({ ratio: 1 })
  await dialog.getByRole('textbox', { name: 'Title (TTML, ASS, DOCX)' }).scrollIntoViewIfNeeded()
  await app.screenshot('export-dialog-more-options')

  app.nextSavePath = (name) => join(app.dataDir, name)
  await save.click()
  await expect(dialog.getByRole('status')).toContainText('SubRip (.srt): saved to')
  const srt = await readFile(join(app.dataDir, 'Dialogue sample.srt'), 'utf8')
  expect(srt).toContain('00:00:15,000 --> 00:00:16,000\nand pause.\n')
  expect(srt).toMatch(/\n– Ready\?\n– Yes, go\.\n/)

  // Reset to preset: bbc's numbers and a new cue per speaker again.
  await dialog.getByRole('button', { name: 'Reset to preset' }).click()
  await expect(gapClosing).toHaveValue('500')
  await expect(dialog.getByLabel('Speaker change')).toHaveValue('new-cue')
  await expect(dialog.getByRole('region', { name: 'Preview' })).toContainText('00:00:15,000 → 00:00:16,320')
})

test('a task with no transcript yet opens, but its export is refused with the reason and nothing is saved', async ({ app }) => {
  const { page } = app
  const sample = JSON.parse(readFileSync(join(resolve(import.meta.dirname, '../..'), 'resources/sample/sample-task.json'), 'utf8')) as Record<string, unknown>
  const file = join(app.dataDir, 'not-transcribed.json')
  await writeFile(file, JSON.stringify({ ...sample, taskId: 4344, transcript: null }))
  app.nextExportFile = file
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('transcript-notice')).toContainText('This task has no transcript yet')

  await app.emit('menu:command', 'export')
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog).toBeVisible()
  app.nextSavePath = (name) => join(app.dataDir, name)
  await dialog.getByRole('button', { name: 'Save…' }).click()
  await expect(dialog.getByRole('status')).toContainText('SubRip (.srt): not saved. Task 4344 has no transcript yet: there is nothing to export.')
  expect(app.saveRequests).toEqual([])
})
