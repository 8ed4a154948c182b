import { test, expect } from './support/harness'
import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/*
 * Audio coverage, segment status, notes and filters end to end, keyboard only, on the bundled
 * sample task (30 s of real espeak speech) in Chromium with the real main-process services:
 * listening at 1× fills the coverage lane and "Heard", listening at 2× does not, the next-unheard
 * key finds where listening stopped; statuses, a note and the filters work by key; after a reload
 * the coverage (from the review-state sidecar) and the statuses and note (from the draft) are back.
 */

async function mediaTime(page: Page): Promise<number> {
  return page.getByTestId('media').evaluate((el) => (el as HTMLMediaElement).currentTime)
}

async function paused(page: Page): Promise<boolean> {
  return page.getByTestId('media').evaluate((el) => (el as HTMLMediaElement).paused)
}

async function heardMs(page: Page): Promise<number> {
  return Number(await page.getByTestId('coverage-lane').getAttribute('data-heard-ms'))
}

/** Focus leaves whatever control has it, so the editor's plain keys apply. */
async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
}

/** Tabs until the element with `testId` has focus (keyboard only), then presses Enter. */
async function tabToAndPress(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) {
      await page.keyboard.press('Enter')
      return
    }
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${testId}`)
}

async function openSample(page: Page): Promise<void> {
  await tabToAndPress(page, 'start-open-sample')
  await expect(page.getByTestId('segment-count')).toHaveText('4 segments')
  await expect(page.getByTestId('coverage-lane')).toBeVisible()
}

async function playUntil(page: Page, seconds: number): Promise<void> {
  await page.keyboard.press('Space')
  await expect.poll(() => mediaTime(page), { timeout: 30_000 }).toBeGreaterThan(seconds)
  await page.keyboard.press('Space')
  await expect.poll(() => paused(page)).toBe(true)
}

test('coverage at 1× and 2×, statuses, a note and filters by keyboard, all back after a reload', async ({ app }) => {
  test.setTimeout(150_000)
  const { page } = app
  await openSample(page)
  await expect(page.getByTestId('heard-progress')).toHaveText('Heard 0%')
  await expect(page.getByTestId('heard-span')).toHaveCount(0)
  await blur(page)

  // 1×: about 4 s heard, one stretch on the lane.
  await playUntil(page, 4)
  const heard1 = await heardMs(page)
  expect(heard1).toBeGreaterThan(3500)
  expect(heard1).toBeLessThanOrEqual(Math.ceil((await mediaTime(page)) * 1000) + 1)
  await expect(page.getByTestId('heard-span')).toHaveCount(1)
  await expect(page.getByTestId('heard-progress')).toHaveText(/^Heard 1[0-9]%$/)
  const percent1 = await page.getByTestId('heard-progress').textContent()

  // 2×: skip 10 s ahead, listen for 6 s of recording: nothing more counts as heard.
  await page.keyboard.press('l')
  await page.keyboard.press('l')
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+]')
  await expect(page.getByTestId('rate')).toHaveValue('2')
  const from = await mediaTime(page)
  await playUntil(page, from + 6)
  expect(await heardMs(page)).toBe(heard1)
  await expect(page.getByTestId('heard-progress')).toHaveText(percent1!)
  await expect(page.getByTestId('heard-span')).toHaveCount(1)

  // Back to 1×: H finds where the 1× listening stopped; listening on grows the same stretch.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+[')
  await expect(page.getByTestId('rate')).toHaveValue('1')
  await page.keyboard.press('h')
  await expect.poll(() => mediaTime(page)).toBeCloseTo(heard1 / 1000, 1)
  await playUntil(page, heard1 / 1000 + 2.5)
  const heard2 = await heardMs(page)
  expect(heard2).toBeGreaterThan(heard1 + 2000)
  await expect(page.getByTestId('heard-span')).toHaveCount(1)

  // Statuses: first segment reviewed, second marked for a second pass, with a note.
  await blur(page)
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp')
  await page.keyboard.press('s')
  const status = page.getByTestId('segment-status')
  await expect(status.nth(0)).toHaveAttribute('data-status', 'reviewed')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('s')
  await page.keyboard.press('s')
  await expect(status.nth(1)).toHaveAttribute('data-status', 'second-pass')
  await page.keyboard.press('c')
  await expect(page.getByTestId('note-editor')).toBeFocused()
  await page.keyboard.type('Check the speaker name')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('segment-note')).toHaveText(/Check the speaker name/)
  // Escape cancels an edit of the note.
  await page.keyboard.press('c')
  await expect(page.getByTestId('note-editor')).toBeFocused()
  await page.keyboard.type(' and more')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('segment-note')).toHaveText(/Check the speaker name$/)

  // Filters: F steps through them.
  await blur(page)
  await page.keyboard.press('f')
  await expect(page.getByTestId('transcript-filter')).toHaveValue('unreviewed')
  await expect(page.locator('article.segment')).toHaveCount(2)
  await expect(page.getByTestId('filter-count')).toHaveText('2 shown')
  await page.keyboard.press('f')
  await expect(page.getByTestId('transcript-filter')).toHaveValue('second-pass')
  await expect(page.locator('article.segment')).toHaveCount(1)
  await expect(page.getByTestId('segment-status')).toHaveAttribute('data-status', 'second-pass')
  await page.keyboard.press('f')
  await expect(page.getByTestId('transcript-filter')).toHaveValue('notes')
  await expect(page.locator('article.segment')).toHaveCount(1)
  await expect(page.getByTestId('segment-note')).toBeVisible()
  await page.keyboard.press('f')
  await expect(page.locator('article.segment')).toHaveCount(4)
  await app.screenshot('review-coverage')

  // Saved: the draft (statuses, note) and the sidecar (coverage) are on disk.
  await expect(page.getByTestId('save-state')).toHaveText(/Draft saved/, { timeout: 20_000 })
  const sidecar = join(app.dataDir, 'drafts', '1.review.json')
  await expect
    .poll(async () => {
      try {
        return JSON.parse(await readFile(sidecar, 'utf8')) as { heard: Array<[number, number]> }
      } catch {
        return null
      }
    }, { timeout: 20_000 })
    .toMatchObject({ heard: [[expect.any(Number), expect.any(Number)]] })
  // Saved at most every few seconds: the last save has everything heard.
  const savedHeard = async (): Promise<number> => {
    const saved = JSON.parse(await readFile(sidecar, 'utf8')) as { heard: Array<[number, number]> }
    return saved.heard[0][1] - saved.heard[0][0]
  }
  await expect.poll(savedHeard, { timeout: 20_000 }).toBe(heard2)
  const saved = JSON.parse(await readFile(sidecar, 'utf8')) as { activeMs: number; maxRate: number }
  expect(saved.maxRate).toBe(1.5)
  // Active time: the reviewer played and typed throughout, so it is at least the listening time.
  expect(saved.activeMs).toBeGreaterThan(5000)

  // Reload: coverage comes back from the sidecar, statuses and the note with the draft.
  await page.reload()
  await openSample(page)
  expect(await heardMs(page)).toBe(heard2)
  await expect(page.getByTestId('heard-span')).toHaveCount(1)
  await tabToAndPress(page, 'draft-restore')
  await expect(page.getByTestId('draft-prompt')).toHaveCount(0)
  await expect(page.getByTestId('segment-status').nth(0)).toHaveAttribute('data-status', 'reviewed')
  await expect(page.getByTestId('segment-status').nth(1)).toHaveAttribute('data-status', 'second-pass')
  await expect(page.getByTestId('segment-note')).toHaveText(/Check the speaker name$/)
})
