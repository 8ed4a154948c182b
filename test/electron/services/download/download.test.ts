import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMediaService } from '../../../../electron/services/media/media-cache'
import { createDocumentFileCache } from '../../../../electron/services/documents/document-file-cache'
import { checkDownloadUrl } from '../../../../electron/services/download/url-policy'
import { cacheKeyFor } from '../../../../electron/services/download/cache-key'
import { makeToneWav } from '../../../fake-api/seeds'

/*
 * The one download module behind both caches, against a real local server: which URLs may be
 * fetched, the size and stall limits, and the integrity check of what is cached.
 */

const wav = Buffer.from(makeToneWav(2))
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20_000, 0x20), Buffer.from('\n%%EOF\n')])
let server: Server
let base: string
let hits: Map<string, number>
let closedEarly: string[]

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    hits.set(path, (hits.get(path) ?? 0) + 1)
    req.socket.once('close', () => {
      if (!res.writableFinished) closedEarly.push(path)
    })
    switch (path) {
      case '/big-declared.wav':
        // Declares more than the limit: refused before the body is read.
        res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': String(wav.length) })
        res.end(wav)
        return
      case '/big-chunked.wav': {
        // No Content-Length: the limit stops the download while it streams (and the server sees it go).
        res.writeHead(200, { 'Content-Type': 'audio/wav' })
        const more = (): void => {
          if (res.destroyed) return
          if (res.write(wav.subarray(0, 16_384))) setImmediate(more)
          else res.once('drain', more)
        }
        more()
        return
      }
      case '/stall.wav':
        res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': String(wav.length) })
        res.write(wav.subarray(0, 1000))
        return // never ends
      case '/silent.wav':
        return // never even answers
      case '/to-data':
        res.writeHead(302, { Location: 'data:audio/wav;base64,UklGRg==' }).end()
        return
      case '/to-elsewhere':
        res.writeHead(302, { Location: 'http://recordings.example.com/a.wav' }).end()
        return
      case '/page.pdf':
        res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': String(pdf.length) })
        res.end(pdf)
        return
      default:
        res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': String(wav.length) })
        res.end(wav)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

let cacheDir: string
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'sdte-download-'))
  hits = new Map()
  closedEarly = []
  return () => rm(cacheDir, { recursive: true, force: true })
})

const loopbackApi = () => 'http://127.0.0.1:4010'
const publicApi = () => 'https://api.smartdocumentor.net'
const media = (options: { api?: () => string; maxBytes?: number; stallMs?: number } = {}) =>
  createMediaService({ fetch, cacheDir, apiBaseUrl: options.api ?? loopbackApi, limits: { maxBytes: options.maxBytes ?? 1024 ** 3, stallMs: options.stallMs ?? 60_000 } })

/** Every file left under the cache, recursively (part files included). */
async function filesIn(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) out.push(entry.name)
  return out
}

describe('URL policy', () => {
  it.each([
    ['https anywhere', 'https://blob.example.net/a.wav?sig=1', publicApi(), true],
    ['http to loopback when the API is loopback', 'http://127.0.0.1:9/a.wav', loopbackApi(), true],
    ['http to [::1] when the API is localhost', 'http://[::1]:9/a.wav', 'http://localhost:4010', true],
    ['http to loopback when the API is public', 'http://127.0.0.1:9/a.wav', publicApi(), false],
    ['http to another machine', 'http://blob.example.net/a.wav', loopbackApi(), false],
    ['http to a LAN address', 'http://192.168.1.10/a.wav', loopbackApi(), false],
    ['data:', 'data:audio/wav;base64,UklGRg==', loopbackApi(), false],
    ['file:', 'file:///etc/passwd', loopbackApi(), false],
    ['a user name in the URL', 'https://user:pw@blob.example.net/a.wav', publicApi(), false],
    ['not a URL', 'ht!tp://x y', publicApi(), false]
  ])('%s', (_label, url, api, allowed) => {
    if (allowed) expect(checkDownloadUrl(url, api).href).toBeTruthy()
    else expect(() => checkDownloadUrl(url, api)).toThrow(/allowed|refused|valid/)
  })

  it('plain http to loopback is refused when the API is not loopback: nothing is requested', async () => {
    const result = await media({ api: publicApi }).resolve(1, `${base}/a.wav`)
    expect(result).toMatchObject({ status: 'error', code: 'bad_request', message: expect.stringContaining('Only https') })
    expect(hits.size).toBe(0)
  })

  it('data: is refused, also for the document cache', async () => {
    const data = `data:audio/wav;base64,${wav.toString('base64')}`
    expect(await media().resolve(1, data)).toMatchObject({ status: 'error', code: 'bad_request' })
    const docs = createDocumentFileCache({ fetch, cacheDir, apiBaseUrl: loopbackApi })
    expect(await docs.resolve(1, `data:application/pdf;base64,${pdf.toString('base64')}`)).toMatchObject({ status: 'error', code: 'bad_request' })
    expect(await filesIn(cacheDir)).toEqual([])
  })

  it('a redirect to data: or to http elsewhere is refused at that hop', async () => {
    expect(await media().resolve(1, `${base}/to-data`)).toMatchObject({ status: 'error', code: 'bad_request' })
    expect(await media().resolve(2, `${base}/to-elsewhere`)).toMatchObject({ status: 'error', code: 'bad_request', message: expect.stringContaining('recordings.example.com') })
  })
})

describe('limits', () => {
  it('refuses a download whose declared size is over the limit, with a clear message', async () => {
    const result = await media({ maxBytes: 10_000 }).resolve(1, `${base}/big-declared.wav`)
    expect(result).toMatchObject({ status: 'error', code: 'invalid_response', message: expect.stringMatching(/too large.*limit/) })
    expect(await filesIn(cacheDir)).toEqual([])
  })

  it('stops a download that grows past the limit and leaves nothing behind', async () => {
    const result = await media({ maxBytes: 100_000 }).resolve(1, `${base}/big-chunked.wav`)
    expect(result).toMatchObject({ status: 'error', code: 'invalid_response', message: expect.stringMatching(/too large/) })
    expect(await filesIn(cacheDir)).toEqual([])
    await expect.poll(() => closedEarly).toContain('/big-chunked.wav')
  })

  it('gives up on a stalled body and on a server that never answers (timeout)', async () => {
    expect(await media({ stallMs: 300 }).resolve(1, `${base}/stall.wav`)).toMatchObject({ status: 'error', code: 'timeout', message: expect.stringContaining('stalled') })
    expect(await media({ stallMs: 300 }).resolve(2, `${base}/silent.wav`)).toMatchObject({ status: 'error', code: 'timeout' })
    expect(await filesIn(cacheDir)).toEqual([])
  })

  it('the document cache has the same limits', async () => {
    const docs = createDocumentFileCache({ fetch, cacheDir, apiBaseUrl: loopbackApi, limits: { maxBytes: 1000 } })
    expect(await docs.resolve(1, `${base}/page.pdf`)).toMatchObject({ status: 'error', code: 'invalid_response' })
  })
})

describe('integrity of cached files', () => {
  it('re-downloads a cached recording corrupted to the same size (next run), and one changed under a running app', async () => {
    const first = await media().resolve(7, `${base}/seven.wav`)
    expect(first).toMatchObject({ status: 'ready', source: 'download' })
    if (first.status !== 'ready') return
    // Same length, different bytes (a bad sector, a stray write).
    const corrupt = Buffer.from(wav)
    corrupt.fill(0, 100, 200)
    await writeFile(first.path, corrupt)

    const nextRun = media()
    expect(await nextRun.localMedia(7)).toBeNull()
    const again = await nextRun.resolve(7, `${base}/seven.wav`)
    expect(again).toMatchObject({ status: 'ready', source: 'download', size: wav.length })
    expect(hits.get('/seven.wav')).toBe(2)
    expect(await readFile(first.path)).toEqual(wav)
    // Verified once per run: the next use is served from the cache without another request.
    expect(await nextRun.resolve(7, `${base}/seven.wav`)).toMatchObject({ status: 'ready', source: 'cache' })
    expect(hits.get('/seven.wav')).toBe(2)

    // Rewritten while the app runs (new mtime): checked again before use.
    await writeFile(first.path, corrupt)
    expect(await nextRun.resolve(7, `${base}/seven.wav`)).toMatchObject({ status: 'ready', source: 'download' })
    expect(hits.get('/seven.wav')).toBe(3)
  })

  it('the document cache verifies too, and downloads once for concurrent callers', async () => {
    const docs = createDocumentFileCache({ fetch, cacheDir, apiBaseUrl: loopbackApi })
    const [a, b] = await Promise.all([docs.resolve(3, `${base}/page.pdf`), docs.resolve(3, `${base}/page.pdf`)])
    expect(a).toMatchObject({ status: 'ready', contentType: 'application/pdf' })
    expect(b).toEqual(a)
    expect(hits.get('/page.pdf')).toBe(1)
    if (a.status !== 'ready') return
    const corrupt = Buffer.from(pdf)
    corrupt[50] = 0x41
    await writeFile(a.path, corrupt)
    const nextRun = createDocumentFileCache({ fetch, cacheDir, apiBaseUrl: loopbackApi })
    expect(await nextRun.cached(3)).toBeNull()
    expect(await nextRun.resolve(3, `${base}/page.pdf`)).toMatchObject({ status: 'ready' })
    expect(await readFile(a.path)).toEqual(pdf)
  })
})

describe('cache keys', () => {
  it('separate APIs and opened files, and never collide with each other', () => {
    const server = cacheKeyFor({ kind: 'api', apiBaseUrl: 'https://api.smartdocumentor.net/' }, 41003)
    expect(server).toBe(cacheKeyFor({ kind: 'api', apiBaseUrl: 'https://api.smartdocumentor.net/other/path' }, 41003))
    expect(server).not.toBe(cacheKeyFor({ kind: 'api', apiBaseUrl: 'https://staging.smartdocumentor.net' }, 41003))
    const file = cacheKeyFor({ kind: 'file', exportHash: 'ab'.repeat(32) }, 41003)
    expect(file).toMatch(/^file-/)
    expect(server).toMatch(/^api-/)
    expect(cacheKeyFor({ kind: 'sample' }, 41003)).toBe('sample-41003')
  })
})
