import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser } from '@playwright/test'
import { mediaRequestHandler, serveOverHttp } from '../../../../electron/services/media/range-response'
import { ensureFormat, ensureSpeechFixture, type FixtureFormat } from '../../../fixtures/audio/generate'

/*
 * The Range handler as Chromium's media stack sees it: every format the editor promises
 * (docs/architecture.md#the-media-scheme) is served over loopback HTTP by
 * `serveOverHttp(rangeResponse)`, loaded into a real <audio>/<video>, and seeked near the end,
 * which Chromium does with Range requests. A handler that answered 200 to every Range (Electron's
 * file:// trap) shows up here as a media element that cannot seek (seekable empty / currentTime
 * snapping back).
 */

// Debian's Chromium, else Playwright's own browser; without either the suite is skipped and says why.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : chromium.executablePath())
const hasChromium = existsSync(executablePath)
const suite = 'Chromium plays and seeks media served by the Range handler'
const formats: FixtureFormat[] = ['mp3', 'm4a', 'wav', 'ogg', 'opus', 'flac', 'webm', 'mp4']

let server: Server
let base: string
let browser: Browser
const statuses: Array<{ path: string; range: string | null; status: number }> = []

interface PlayResult {
  duration: number
  afterSeek: number
  playedTo: number
  seekableEnd: number
}

/** Page code (a string: this project's node tsconfig has no DOM types): load, seek to 18.5 s, play 300 ms. */
function playScript(src: string, video: boolean): string {
  return `(async () => {
    const el = document.createElement(${JSON.stringify(video ? 'video' : 'audio')})
    el.preload = 'auto'
    el.muted = true
    document.body.append(el)
    const event = (name) => new Promise((resolve, reject) => {
      el.addEventListener(name, () => resolve(), { once: true })
      el.addEventListener('error', () => reject(new Error('media error ' + el.error?.code + ': ' + el.error?.message)), { once: true })
    })
    const loaded = event('loadedmetadata')
    el.src = ${JSON.stringify(src)}
    await loaded
    const seeked = event('seeked')
    el.currentTime = 18.5
    await seeked
    const afterSeek = el.currentTime
    await el.play()
    await new Promise((resolve) => setTimeout(resolve, 300))
    const playedTo = el.currentTime
    el.pause()
    return { duration: el.duration, afterSeek, playedTo, seekableEnd: el.seekable.length ? el.seekable.end(0) : 0 }
  })()`
}

describe.skipIf(!hasChromium)(hasChromium ? suite : `${suite} — SKIPPED: no browser at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`, () => {
  beforeAll(async () => {
    const files: Record<string, string> = {}
    for (const format of formats) files[`/media.${format}`] = await ensureFormat(format)
    const handler = mediaRequestHandler((url) => (files[url.pathname] ? { path: files[url.pathname]! } : null))
    const http = serveOverHttp(async (request) => {
      const url = new URL(request.url)
      if (url.pathname === '/') return new Response('<!doctype html><title>media</title>', { headers: { 'Content-Type': 'text/html' } })
      const response = await handler(request)
      statuses.push({ path: url.pathname, range: request.headers.get('range'), status: response.status })
      return response
    })
    server = createServer(http)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    // A browser that is there but cannot start fails the suite (it is not skipped as if it were missing).
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required'] })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it.each(formats)('%s', async (format) => {
    const { durationMs } = await ensureSpeechFixture()
    const page = await browser.newPage()
    try {
      await page.goto(`${base}/`)
      const src = `${base}/media.${format}`
      const result = (await page.evaluate(playScript(src, format === 'mp4' || format === 'webm'))) as PlayResult
      expect(Math.abs(result.duration * 1000 - durationMs)).toBeLessThan(150)
      expect(Math.abs(result.seekableEnd * 1000 - durationMs)).toBeLessThan(150)
      expect(result.afterSeek).toBeCloseTo(18.5, 1)
      expect(result.playedTo).toBeGreaterThan(18.5)
      // Chromium fetched with Range and got 206 (or 200 for an open-ended first request).
      const mine = statuses.filter((s) => s.path === `/media.${format}`)
      expect(mine.some((s) => s.range !== null && s.status === 206)).toBe(true)
      expect(mine.every((s) => s.status === 200 || s.status === 206)).toBe(true)
    } finally {
      await page.close()
    }
  })
})
