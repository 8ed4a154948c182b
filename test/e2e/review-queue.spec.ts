import { test, expect } from './support/harness'
import type { Page } from '@playwright/test'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { convertRealFixture } from '../fixtures/real-to-export'

/*
 * The review queue end to end, keyboard only, on a real transcript (the radio show: real
 * recogniser confidences): walk the queue, accept some words, correct others, reload, and find
 * the accepted ones still accepted (they live in the draft).
 */

async function openRadioShow(page: Page): Promise<void> {
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('segment-count')).toHaveText(/\d+ segments/)
}

async function openCount(page: Page): Promise<number> {
  // The word list loads and the subtitle cues are cut when idle: read the count once they are in.
  await expect(page.getByTestId('review-queue')).toHaveAttribute('data-settled', 'true')
  const text = (await page.getByTestId('review-queue-count').textContent()) ?? ''
  return Number(text.split(' ')[0])
}

async function currentItem(page: Page): Promise<{ wordId: string; text: string }> {
  const row = page.locator('[data-testid="review-queue-item"][aria-current="true"]')
  await expect(row).toHaveCount(1)
  return { wordId: (await row.getAttribute('data-word-id'))!, text: (await row.locator('.text').textContent())! }
}

test('walk the queue by keyboard, accept some words, correct others; after a reload the accepted stay accepted', async ({ app }) => {
  test.setTimeout(90_000)
  const { page } = app
  const file = join(app.dataDir, 'today-in-focus.json')
  await writeFile(file, JSON.stringify(convertRealFixture('today-in-focus.amazon-transcribe.json')))
  app.nextExportFile = file
  await openRadioShow(page)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())

  // Q opens the queue on its top item; the transcript outlines it and the waveform lane ticks it.
  await page.keyboard.press('q')
  const panel = page.getByTestId('review-queue')
  await expect(panel).toBeVisible()
  const total = await openCount(page)
  expect(total).toBeGreaterThan(10)
  const first = await currentItem(page)
  await expect(page.locator(`.w[data-word-id="${first.wordId}"]`)).toHaveClass(/queued-current/)
  await expect(page.getByTestId('review-queue-toggle')).toHaveText(`Queue: ${total} to check`)

  // Next and back.
  await page.keyboard.press('q')
  const second = await currentItem(page)
  expect(second.wordId).not.toBe(first.wordId)
  await page.keyboard.press('Shift+Q')
  expect((await currentItem(page)).wordId).toBe(first.wordId)

  // Accept two: each leaves the queue and the next item becomes current.
  await page.keyboard.press('y')
  await expect(page.getByTestId('review-queue-count')).toHaveText(`${total - 1} open`)
  expect((await currentItem(page)).wordId).toBe(second.wordId)
  await page.keyboard.press('y')
  await expect(page.getByTestId('review-queue-count')).toHaveText(`${total - 2} open`)
  const accepted = [first.wordId, second.wordId]

  // Correct the next one: Enter edits the word (selected), typing replaces it, Escape keeps it.
  const third = await currentItem(page)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('segment-editor')).toBeFocused()
  // A replacement as long as the word, so the subtitle cues (cut by length) stay as they were.
  const fix = 'q'.repeat(Math.max(1, third.text.length))
  await page.keyboard.type(fix)
  await page.keyboard.press('Escape')
  expect(await openCount(page)).toBe(total - 3)
  await expect(panel.locator(`[data-word-id="${third.wordId}"]`)).toHaveCount(0)
  await expect(page.locator('[data-testid="segment-text"] .w', { hasText: new RegExp(`^${fix}$`) })).toHaveCount(1)

  // Walk on and accept one more.
  await page.keyboard.press('q')
  const fourth = await currentItem(page)
  await page.keyboard.press('y')
  accepted.push(fourth.wordId)
  expect(await openCount(page)).toBe(total - 4)
  await expect(page.getByTestId('save-state')).toHaveText(/Draft saved/)
  await app.screenshot('review-queue')

  // Reload and reopen: restore the draft by keyboard; the accepted words are still accepted.
  await page.reload()
  app.nextExportFile = file
  await openRadioShow(page)
  const restore = page.getByTestId('draft-restore')
  await restore.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('draft-prompt')).toHaveCount(0)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('q')
  expect(await openCount(page)).toBe(total - 4)
  for (const id of [...accepted, third.wordId]) await expect(panel.locator(`[data-word-id="${id}"]`)).toHaveCount(0)
  // The draft on disk holds both: the accepted ids and the corrected word.
  const drafts = (await readdir(join(app.dataDir, 'drafts'))).filter((f) => !f.startsWith('.') && !f.includes('.tmp') && !f.endsWith('.review.json'))
  expect(drafts).toHaveLength(1)
  const draft = JSON.parse(await readFile(join(app.dataDir, 'drafts', drafts[0]), 'utf8')) as { document: { acceptedWordIds?: string[]; segments: Array<{ words: Array<{ id: string; text: string }> }> } }
  expect(draft.document.acceptedWordIds).toEqual(accepted)
  expect(draft.document.segments.flatMap((sg) => sg.words).find((w) => w.id === third.wordId)?.text).toBe(fix)
})
