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
/** Segments wholly on screen at 1280×800, summed over the five places, with the old layout (a header line per segment), measured on main: 21 (30 at least partly). */
const beforeWhole = 21

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

async function shoot(app: { page: Page; screenshot(name: string): Promise<string> }, name: string): Promise<void> {
  // The pointer off the rows, so no row shows its hover state.
  await app.page.mouse.move(0, 0)
  const path = await app.screenshot(`${tag}-${name}`)
  if (process.env['SDTE_SHOT_DOCS'] === '1') {
    await mkdir(join(repoRoot, 'docs/screenshots'), { recursive: true })
    await copyFile(path, join(repoRoot, 'docs/screenshots', `${tag}-${name}.png`))
  }
}

/** Segments on screen at five places down the list (the top, then every fifth of the way): totals. */
async function segmentsAcrossTheList(page: Page): Promise<{ whole: number; partly: number }> {
  const total = { whole: 0, partly: 0 }
  const scroller = page.getByTestId('transcript-scroller')
  for (let k = 0; k < 5; k++) {
    const top = await scroller.evaluate((el, f) => (el.scrollTop = Math.round((el.scrollHeight - el.clientHeight) * f)), k / 5)
    // The rows at that place rendered and measured (the virtualiser settles the offsets in a frame or two).
    await expect.poll(async () => (await segmentsOnScreen(page)).whole).toBeGreaterThan(0)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    await scroller.evaluate((el, t) => (el.scrollTop = t), top)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    const here = await segmentsOnScreen(page)
    total.whole += here.whole
    total.partly += here.partly
  }
  await scroller.evaluate((el) => (el.scrollTop = 0))
  await page.locator('article.segment[data-index="0"]').waitFor()
  return total
}

test('the 2-hour task at 1280×800 and 1920×1080, light and dark: segments on screen and screenshots', async ({ app }) => {
  test.setTimeout(120_000)
  const { page } = app
  await openHearing(page, app.dataDir, app)
  await page.locator('article.segment[data-index="0"]').waitFor()
  // Let the virtualiser measure the rows on screen before counting them.
  await expect.poll(async () => (await segmentsOnScreen(page)).whole, { timeout: 10_000 }).toBeGreaterThan(0)
  const small = await segmentsAcrossTheList(page)
  console.log(`[layout] ${tag}: 1280x800, at five places down the list: ${small.whole} segments wholly on screen, ${small.partly} at least partly`)
  await shoot(app, '1280x800-light')
  // 1.95× when the gutter layout landed; the coverage and review-queue lanes under the waveform
  // have since taken some height back (1.48× at the last count).
  if (tag === 'after') expect(small.whole).toBeGreaterThanOrEqual(Math.ceil(beforeWhole * 1.4))
  await page.emulateMedia({ colorScheme: 'dark' })
  await shoot(app, '1280x800-dark')

  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.emulateMedia({ colorScheme: 'light' })
  const big = await segmentsAcrossTheList(page)
  console.log(`[layout] ${tag}: 1920x1080, at five places down the list: ${big.whole} segments wholly on screen, ${big.partly} at least partly`)
  await shoot(app, '1920x1080-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await shoot(app, '1920x1080-dark')

  if (tag === 'before') return
  // A side panel takes the rest of a wide window; the transcript keeps its rows' width.
  await page.getByRole('button', { name: 'Annotations', exact: true }).click()
  const panel = await page.getByTestId('side-panels').boundingBox()
  const pane = await page.getByRole('region', { name: 'Transcript' }).boundingBox()
  expect(panel!.width).toBeGreaterThan(800)
  expect(pane!.width).toBeLessThanOrEqual(1040)
  // Nothing of a row is cut off: its Review button is inside the pane.
  const review = await page.getByTestId('reviewed-toggle').first().boundingBox()
  expect(review!.x + review!.width).toBeLessThanOrEqual(pane!.x + pane!.width)
  await shoot(app, '1920x1080-dark-annotations')
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect.poll(async () => (await page.getByTestId('side-panels').boundingBox())?.width).toBeGreaterThanOrEqual(300)
  const narrow = await page.getByRole('region', { name: 'Transcript' }).boundingBox()
  const review2 = await page.getByTestId('reviewed-toggle').first().boundingBox()
  expect(review2!.x + review2!.width).toBeLessThanOrEqual(narrow!.x + narrow!.width)
  await page.emulateMedia({ colorScheme: 'light' })
  await shoot(app, '1280x800-light-annotations')
})
