import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { ensureLongRecording } from '../fixtures/audio/generate'
import { startApp, writeTwoHourExport } from './editor'
import type { Figure } from './stats'

/*
 * The editor bench's "first waveform" part, runnable alone (`npx tsx test/bench/first-waveform.ts`,
 * after `npm run build`): a 3-hour WAV attached to the 2-hour task in Chromium over the real
 * handlers, decoded by main's worker pool.
 *   - first peaks on screen, uncached: attach click → the first waveform canvas drawn (the
 *     overview of the peaks decoded so far), and → all peaks drawn (the note gone), which is
 *     when the waveform appeared before progressive drawing;
 *   - the cached open's peaks fetch: bytes over the peaks route now (levels + overview + the
 *     view's detail range) against the whole detail level that used to be fetched.
 * Figures only. Targets (issue 21): first peaks on screen ≤ 500 ms; the old way beside it is when
 * the waveform appeared before progressive drawing (all peaks). The whole 3-hour decode and the
 * main event-loop block (workers vs single thread vs ffmpeg) are media.ts's figures.
 */

/** In the page: clicks `selector` and times, by rAF polling, the first waveform canvas and the note's end. */
async function timeWaveform(page: Page, selector: string): Promise<{ firstCanvas: number; complete: number }> {
  return page.evaluate(async (sel) => {
    // (Inline, not named helpers: tsx would wrap a named function in __name, unknown in the page.)
    const t0 = performance.now()
    ;(document.querySelector(sel) as HTMLButtonElement).click()
    let firstCanvas = NaN
    for (;;) {
      const host = document.querySelector('[data-testid="waveform"] > div')
      if (Number.isNaN(firstCanvas) && host?.shadowRoot?.querySelector('canvas')) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
        firstCanvas = performance.now() - t0
      }
      if (!Number.isNaN(firstCanvas) && !document.querySelector('[data-testid="peaks-progress"]')) break
      if (performance.now() - t0 > 900_000) throw new Error('no complete waveform within 15 minutes')
      await new Promise((r) => requestAnimationFrame(r))
    }
    return { firstCanvas, complete: performance.now() - t0 }
  }, selector)
}

/** Runs the part; returns its figures. */
export async function run(): Promise<Record<string, Figure>> {
  const work = await mkdtemp(join(tmpdir(), 'sdte-bench-first-waveform-'))
  const app = await startApp(join(work, 'data'))
  const { page } = app
  const figures: Record<string, Figure> = {}
  try {
    app.state.nextExportFile = await writeTwoHourExport(work)
    app.state.nextMediaFile = await ensureLongRecording(3, 'wav')
    await page.getByTestId('start-open-file').click()
    await page.getByTestId('attach-recording').waitFor()
    const first = await timeWaveform(page, '[data-testid="attach-recording"]')
    figures['3h recording, uncached (worker decode): attach → first peaks on screen'] = { value: Math.round(first.firstCanvas), unit: 'ms', target: 500, old: Math.round(first.complete) }
    figures['3h recording, uncached (worker decode): attach → all peaks drawn (when the first waveform used to appear)'] = { value: Math.round(first.complete), unit: 'ms' }

    // Cached open: close and open again; the peaks come from the disk cache.
    await page.getByRole('button', { name: 'Close', exact: true }).click()
    await page.getByTestId('start-open-file').waitFor()
    await page.evaluate(() => performance.clearResourceTimings())
    const cached = await timeWaveform(page, '[data-testid="start-open-file"]')
    const sizes = await page.evaluate(async () => {
      // The view's detail range is asked for once wavesurfer has measured the view: wait for it (at most 10 s).
      const t0 = performance.now()
      while (!performance.getEntriesByType('resource').some((r) => r.name.includes('level=0')) && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50))
      const peaks = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/peaks/'))
      // Each distinct request once (a task opened twice in a row can ask for the overview twice).
      const now = [...new Map(peaks.map((r) => [r.name, r.encodedBodySize])).values()].reduce((n, size) => n + size, 0)
      // What the strip fetched before: the plain URL, the whole detail level.
      const plain = peaks[0]!.name.split('?')[0]!
      const whole = (await (await fetch(plain)).arrayBuffer()).byteLength
      return { now, whole, requests: [...new Set(peaks.map((r) => new URL(r.name).search))] }
    })
    figures['3h recording, cached open: open click → first peaks on screen'] = { value: Math.round(cached.firstCanvas), unit: 'ms', target: 500 }
    figures['3h recording, cached open: peaks fetched before (whole detail level)'] = { value: Math.round(sizes.whole / 1024), unit: 'KB' }
    figures[`3h recording, cached open: peaks fetched now (${sizes.requests.join(' ')})`] = { value: Math.round(sizes.now / 1024), unit: 'KB', old: Math.round(sizes.whole / 1024) }
  } finally {
    await app.close()
    await rm(work, { recursive: true, force: true })
  }
  return figures
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit}`)
}
