import { test, expect } from './support/harness'
import type { Page } from '@playwright/test'

/*
 * The editor end to end in Chromium: the built renderer, the real main-process services, the
 * bundled sample task (30 s of real espeak speech generated word by word, so every word's
 * timing is exact) and real wavesurfer on a real <audio> element.
 */

/** The sample's words as the page shows them, with their exact times from the export. */
async function openSample(page: Page): Promise<void> {
  await page.getByTestId('start-open-sample').click()
  await expect(page.getByTestId('segment-count')).toHaveText('4 segments')
  await expect(page.getByTestId('media')).toBeAttached()
  // Waveform ready: the regions (one per segment) are drawn.
  await expect.poll(() => regionCount(page)).toBe(4)
}

async function regionCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-testid="waveform"] > div')
    const root = host?.shadowRoot
    return root ? root.querySelectorAll('[data-segment-id]').length : 0
  })
}

async function mediaTime(page: Page): Promise<number> {
  return page.getByTestId('media').evaluate((el) => (el as HTMLMediaElement).currentTime)
}

test.describe('editor', () => {
  test('clicking a word puts the player at its start', async ({ app }) => {
    const { page } = app
    await openSample(page)
    await app.screenshot('editor-sample')
    await page.locator('[data-testid="segment-text"] .w', { hasText: 'recogniser' }).click()
    await expect.poll(() => mediaTime(page)).toBeGreaterThan(17.3)
    expect(Math.abs((await mediaTime(page)) - 17.418)).toBeLessThan(0.05)
  })
})
