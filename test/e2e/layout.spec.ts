import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './support/harness'
import { convertRealFixture } from '../fixtures/real-to-export'
import { ensureLongRecording } from '../fixtures/audio/generate'

/*
 * The transcript's layout on the 2-hour task: how many segments fit on a 1280×800 screen, and
 * screenshots at 1280×800 and 1920×1080, light and dark, saved as
 * test-results/screenshots/<tag>-*.png (tag from SDTE_SHOT_TAG, "after" by default; "before"
 * was taken on main before the left-gutter layout) and copied to docs/screenshots/ when
 * SDTE_SHOT_DOCS=1.
 */

const repoRoot = resolve(import.meta.dirname, '../..')
const tag = process.env['SDTE_SHOT_TAG'] ?? 'after'
/** Segments wholly on screen at 1280×800 with the old layout (one header line per segment), measured on main. */
const beforeWhole = 5

async function openHearing(page: Page, dataDir: string, app: { nextExportFile: string | null; nextMediaFile: string | null }): Promise<void> {
  const file = join(dataDir, 'senate-2h.json')
  await writeFile(file, JSON.stringify(convertRealFixture('senate-hearing-2h.dpe.json')))
  app.nextExportFile = file
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('segment-count')).toHaveText('838 segments')
  app.nextMediaFile = await ensureLongRecording(2, 'wav')
  await page.getByTestId('attach-recording').click()
  await expect(page.getByTestId('media')).toBeAttached({ timeout: 60_000 })
  // The waveform drawn (its regions in wavesurfer's shadow root), so the strip has its final height.
  await expect
    .poll(() => page.evaluate(() => document.querySelector('[data-testid="waveform"] > div')?.shadowRoot?.querySelectorAll('[data-segment-id]').length ?? 0), { timeout: 60_000 })
    .toBeGreaterThan(0)
  await expect(page.getByTestId('peaks-progress')).toHaveCount(0, { timeout: 60_000 })
}

/** Segments wholly inside the transcript's scroller, and those at least partly in it. */
async function segmentsOnScreen(page: Page): Promise<{ whole: number; partly: number }> {
  return page.evaluate(() => {
    const box = document.querySelector('[data-testid="transcript-scroller"]')!.getBoundingClientRect()
    let whole = 0
    let partly = 0
    for (const row of document.querySelectorAll('article.segment')) {
      const r = row.getBoundingClientRect()
      if (r.bottom <= box.top || r.top >= box.bottom) continue
      partly++
      if (r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5) whole++
    }
    return { whole, partly }
  })
}

async function shoot(app: { screenshot(name: string): Promise<string> }, name: string): Promise<void> {
  const path = await app.screenshot(`${tag}-${name}`)
  if (process.env['SDTE_SHOT_DOCS'] === '1') {
    await mkdir(join(repoRoot, 'docs/screenshots'), { recursive: true })
    await copyFile(path, join(repoRoot, 'docs/screenshots', `${tag}-${name}.png`))
  }
}

test('the 2-hour task at 1280×800 and 1920×1080, light and dark: segments on screen and screenshots', async ({ app }) => {
  test.setTimeout(120_000)
  const { page } = app
  await openHearing(page, app.dataDir, app)
  await page.locator('article.segment[data-index="0"]').waitFor()
  // Let the virtualiser measure the rows on screen before counting them.
  await expect.poll(async () => (await segmentsOnScreen(page)).whole, { timeout: 10_000 }).toBeGreaterThan(0)
  const small = await segmentsOnScreen(page)
  console.log(`[layout] ${tag}: 1280x800 segments wholly on screen ${small.whole}, at least partly ${small.partly}`)
  if (tag === 'after') expect(small.whole).toBeGreaterThanOrEqual(Math.ceil(beforeWhole * 1.7))
  await shoot(app, '1280x800-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await shoot(app, '1280x800-dark')

  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(async () => (await segmentsOnScreen(page)).whole).toBeGreaterThan(small.whole)
  const big = await segmentsOnScreen(page)
  console.log(`[layout] ${tag}: 1920x1080 segments wholly on screen ${big.whole}, at least partly ${big.partly}`)
  await shoot(app, '1920x1080-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await shoot(app, '1920x1080-dark')
})
