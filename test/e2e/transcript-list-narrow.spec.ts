import { test, expect } from './support/harness'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { convertRealFixture } from '../fixtures/real-to-export'

/*
 * A narrow transcript list (a small window, or the document pane beside it) puts each row's
 * speaker and time above its text; a wide one keeps them in a gutter to the left. The list
 * switches by its own width (composables/use-narrow.ts; it was a CSS container query, which made
 * every scroll frame lay the whole list out again: issue 21).
 */

test('rows put the gutter above the text in a narrow list and beside it in a wide one, and follow the window', async ({ app }) => {
  const { page } = app
  const file = join(app.dataDir, 'senate-2h.json')
  await writeFile(file, JSON.stringify(convertRealFixture('senate-hearing-2h.dpe.json')))
  app.nextExportFile = file
  await page.getByTestId('start-open-file').click()
  await expect(page.getByTestId('reviewed-progress')).toBeVisible()
  const place = () =>
    page.evaluate(() => {
      const row = document.querySelector('article.segment[data-index="0"]')!
      const gutter = row.querySelector('.gutter')!.getBoundingClientRect()
      const text = row.querySelector('[data-testid="segment-text"]')!.getBoundingClientRect()
      const list = document.querySelector('[data-testid="transcript-scroller"]')!.clientWidth
      return { list, beside: gutter.right <= text.left + 1, above: gutter.bottom <= text.top + 1 }
    })
  await expect.poll(place).toMatchObject({ beside: true, above: false })
  expect((await place()).list).toBeGreaterThan(700)
  await page.setViewportSize({ width: 640, height: 800 })
  await expect.poll(place).toMatchObject({ beside: false, above: true })
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect.poll(place).toMatchObject({ beside: true, above: false })
})
