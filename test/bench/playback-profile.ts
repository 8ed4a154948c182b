import type { Page } from '@playwright/test'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { convertRealFixture } from '../fixtures/real-to-export'
import { ensureLongRecording } from '../fixtures/audio/generate'
import { startApp } from './editor'

/*
 * Where playback-sync time goes: the editor bench's flow (the 2-hour task, a 3-hour recording
 * attached, playing) with every rAF callback timed per source (labelled by where it was first
 * requested), plus, on request, a Chromium trace or a CPU profile of the same seconds. Not part
 * of `npm run bench`; `npm run build` first (or SDTE_BENCH_RENDERER_DIR, as for the bench).
 *
 *   node --import tsx test/bench/playback-profile.ts
 *
 * PROF_SECONDS   seconds of playback measured (6)
 * PROF_MODE      none | trace | cpu (none)
 * PROF_CATS      trace categories, comma-separated (devtools.timeline,blink,toplevel: light
 *                enough that the timings stay close to untraced ones; add
 *                disabled-by-default-devtools.timeline.stack for the JS stack of forced layouts)
 * PROF_OUT       the trace (.json) or CPU profile (.cpuprofile) file (/tmp/sdte-playback.*)
 * PROF_PAGE_TURN 1: start just before the playhead reaches the right edge of the view, so the
 *                measured seconds include the waveform turning a page
 * PROF_SHOT      a screenshot file taken at the end
 */

const seconds = Number(process.env['PROF_SECONDS'] ?? 6)
const mode = process.env['PROF_MODE'] ?? 'none'
const categories = (process.env['PROF_CATS'] ?? 'devtools.timeline,blink,toplevel').split(',')
const out = process.env['PROF_OUT'] ?? `/tmp/sdte-playback.${mode === 'cpu' ? 'cpuprofile' : 'json'}`

async function waitFor(page: Page, test: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await test())) {
    if (Date.now() > end) throw new Error('timed out')
    await page.waitForTimeout(20)
  }
}

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 1000) / 1000
}

const work = await mkdtemp(join(tmpdir(), 'sdte-prof-'))
const app = await startApp(join(work, 'data'))
const { page } = app
try {
  // Inside the bench's probe: each callback timed (with the microtasks it queues) under its source.
  await page.evaluate(() => {
    const w = window as unknown as { __bySource: Map<string, number[]>; __labels: WeakMap<object, string>; __probing: boolean; __perFrame: Map<number, number> }
    w.__bySource = new Map()
    w.__labels = new WeakMap()
    w.__perFrame = new Map()
    w.__probing = false
    const inner = window.requestAnimationFrame
    window.requestAnimationFrame = (cb) => {
      let label = w.__labels.get(cb)
      if (!label) {
        label = (new Error().stack ?? '').split('\n').slice(2, 5).map((s) => s.trim().replace(/https?:\/\/[^/]+\//, '')).join(' < ')
        w.__labels.set(cb, label)
      }
      const source = label
      return inner((ts) => {
        const t0 = performance.now()
        cb(ts)
        queueMicrotask(() =>
          queueMicrotask(() => {
            if (!w.__probing) return
            const spent = performance.now() - t0
            const samples = w.__bySource.get(source)
            if (samples) samples.push(spent)
            else w.__bySource.set(source, [spent])
            w.__perFrame.set(ts, (w.__perFrame.get(ts) ?? 0) + spent)
          })
        )
      })
    }
  })
  const file = join(work, 'senate-2h.json')
  await writeFile(file, JSON.stringify(convertRealFixture('senate-hearing-2h.dpe.json')))
  app.state.nextExportFile = file
  await page.getByTestId('start-open-file').click()
  await page.locator('article.segment').first().waitFor()
  app.state.nextMediaFile = await ensureLongRecording(3, 'wav')
  await page.getByTestId('attach-recording').click()
  await waitFor(page, async () => page.evaluate(() => Number(document.querySelector('[data-testid="waveform"]')?.getAttribute('data-segment-regions') ?? 0) > 0), 600_000)
  await page.waitForTimeout(500)
  if (process.env['PROF_PAGE_TURN']) {
    // A click at 93% of the view: the page turns at 95%, about a second of playback later.
    const box = (await page.getByTestId('waveform').boundingBox())!
    await page.getByTestId('waveform').click({ position: { x: box.width * 0.93, y: box.height * 0.4 } })
  }
  await page.getByTestId('play-toggle').click()
  await page.waitForTimeout(500)
  const browser = page.context().browser()!
  const cdp = await page.context().newCDPSession(page)
  await page.evaluate(() => ((window as unknown as { __probing: boolean }).__probing = true))
  if (mode === 'cpu') {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 })
    await cdp.send('Profiler.start')
  } else if (mode === 'trace') await browser.startTracing(page, { categories })
  await page.waitForTimeout(seconds * 1000)
  if (mode === 'cpu') await writeFile(out, JSON.stringify((await cdp.send('Profiler.stop')).profile))
  else if (mode === 'trace') await writeFile(out, await browser.stopTracing())
  const raw = await page.evaluate(() => {
    const w = window as unknown as { __bySource: Map<string, number[]>; __probing: boolean; __perFrame: Map<number, number> }
    w.__probing = false
    return { sources: [...w.__bySource], frames: [...w.__perFrame.values()] }
  })
  // The mean too: performance.now() is coarsened to 0.1 ms here, and a mean over hundreds of frames is finer.
  const stats = (a: number[]) => ({ n: a.length, mean: Math.round((a.reduce((x, y) => x + y, 0) / a.length) * 1000) / 1000, median: quantile(a, 0.5), p95: quantile(a, 0.95), max: quantile(a, 1) })
  console.log('rAF work per frame (all sources):', JSON.stringify(stats(raw.frames)))
  for (const [source, samples] of raw.sources) console.log(`  ${JSON.stringify(stats(samples))}  ${source}`)
  if (mode !== 'none') console.log(`wrote ${out}`)
  if (process.env['PROF_SHOT']) await page.screenshot({ path: process.env['PROF_SHOT'] })
  await page.getByTestId('play-toggle').click()
} finally {
  await app.close()
  await rm(work, { recursive: true, force: true })
}
