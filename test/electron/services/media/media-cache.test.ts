import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import { mkdtemp, readFile, readdir, rm, writeFile, copyFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { createMediaService, redactUrl, type MediaLogEvent, type MediaProgress } from '../../../../electron/services/media/media-cache'
import { rangeResponse, serveOverHttp } from '../../../../electron/services/media/range-response'
import { ensureFormat } from '../../../fixtures/audio/generate'

/*
 * A local stand-in for the blob store behind `originalFileUrl`: a real HTTP server on 127.0.0.1
 * serving real audio. The "sig" query parameter plays the SAS token: `expired` → 403, a
 * deleted path → 404, and a route that stalls mid-body for cancellation.
 */

let server: Server
let base: string
let mp3: string
let mp3Bytes: Buffer
let work: string
let requests: string[]

beforeAll(async () => {
  mp3 = await ensureFormat('mp3')
  mp3Bytes = await readFile(mp3)
  requests = []
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    requests.push(url.pathname)
    if (url.searchParams.get('sig') === 'expired') {
      res.writeHead(403).end('AuthenticationFailed')
      return
    }
    if (url.pathname === '/recordings/deleted.mp3') {
      res.writeHead(404).end('BlobNotFound')
      return
    }
    if (url.pathname === '/recordings/boom.mp3') {
      res.writeHead(500).end()
      return
    }
    if (url.pathname === '/recordings/stall.mp3') {
      res.writeHead(200, { 'Content-Type': 'audio/mpeg', 'Content-Length': String(mp3Bytes.length) })
      res.write(mp3Bytes.subarray(0, 1000))
      return // never ends: the client must cancel
    }
    if (url.pathname === '/recordings/short.mp3') {
      res.writeHead(200, { 'Content-Type': 'audio/mpeg', 'Content-Length': String(mp3Bytes.length) })
      // The connection drops after 1000 bytes of a longer body.
      res.write(mp3Bytes.subarray(0, 1000), () => res.destroy())
      return
    }
    if (url.pathname === '/recordings/octet') {
      // Blob stores often answer a generic type; the URL path has no extension either.
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(mp3Bytes.length) })
      res.end(mp3Bytes)
      return
    }
    // Everything else is the real recording, served by our own Range handler.
    serveOverHttp((request) => rangeResponse(request, { path: mp3 }))(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

let cacheDir: string
let logs: MediaLogEvent[]

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'sdte-media-'))
  cacheDir = join(work, 'cache')
  logs = []
  requests = []
  return () => rm(work, { recursive: true, force: true })
})

const service = (fetchImpl: typeof fetch = fetch) =>
  createMediaService({ fetch: fetchImpl, cacheDir, apiBaseUrl: () => base, now: () => 1_700_000_000_000, log: (event) => logs.push(event) })

describe('MediaService.resolve', () => {
  it('downloads a signed URL once to <cache>/<taskId>/media.mp3 with progress, then reuses it', async () => {
    const media = service()
    const progress: MediaProgress[] = []
    const url = `${base}/recordings/task-17.mp3?sv=2024&sig=SECRET-SIGNATURE`
    const first = await media.resolve(17, url, { onProgress: (p) => progress.push(p) })
    expect(first).toEqual({ status: 'ready', path: join(cacheDir, '17', 'media.mp3'), contentType: 'audio/mpeg', size: mp3Bytes.length, source: 'download' })
    expect((await readFile(join(cacheDir, '17', 'media.mp3'))).equals(mp3Bytes)).toBe(true)
    expect(progress.at(-1)).toEqual({ receivedBytes: mp3Bytes.length, totalBytes: mp3Bytes.length })
    expect(progress.length).toBeGreaterThan(0)
    // No temp file left beside it.
    expect((await readdir(join(cacheDir, '17'))).sort()).toEqual(['media.json', 'media.mp3'])

    const again = await media.resolve(17, url)
    expect(again).toMatchObject({ status: 'ready', source: 'cache', size: mp3Bytes.length })
    expect(requests.filter((p) => p === '/recordings/task-17.mp3')).toHaveLength(1)
  })

  it('plays a cached recording offline even after the URL expired', async () => {
    await service().resolve(5, `${base}/recordings/five.mp3?sig=ok`)
    const offline = service(() => Promise.reject(new TypeError('fetch failed')))
    expect(await offline.resolve(5, `${base}/recordings/five.mp3?sig=expired`)).toMatchObject({ status: 'ready', source: 'cache' })
    expect(await offline.resolve(5, null)).toMatchObject({ status: 'ready', source: 'cache' })
  })

  it('answers none for a null URL, expired for 403, missing for 404, error for 500 and network failures', async () => {
    const media = service()
    expect(await media.resolve(1, null)).toEqual({ status: 'none' })
    expect(await media.resolve(2, `${base}/recordings/a.mp3?sig=expired`)).toEqual({ status: 'expired' })
    expect(await media.resolve(3, `${base}/recordings/deleted.mp3?sig=ok`)).toEqual({ status: 'missing' })
    expect(await media.resolve(4, `${base}/recordings/boom.mp3?sig=ok`)).toMatchObject({ status: 'error', code: 'server' })
    const offline = service(() => Promise.reject(new TypeError('fetch failed')))
    expect(await offline.resolve(6, `${base}/recordings/a.mp3?sig=ok`)).toMatchObject({ status: 'error', code: 'network' })
    // Nothing half-made is left in the cache for any of them.
    for (const task of ['2', '3', '4', '6']) {
      const names = await readdir(join(cacheDir, task)).catch(() => [])
      expect(names).toEqual([])
    }
  })

  it('rejects a truncated download and leaves no file', async () => {
    const result = await service().resolve(8, `${base}/recordings/short.mp3?sig=ok`)
    expect(result).toMatchObject({ status: 'error', code: 'network' })
    expect(await readdir(join(cacheDir, '8'))).toEqual([])
  })

  it('is cancellable mid-download and leaves no file', async () => {
    const controller = new AbortController()
    const pending = service().resolve(9, `${base}/recordings/stall.mp3?sig=ok`, {
      signal: controller.signal,
      onProgress: () => controller.abort()
    })
    expect(await pending).toMatchObject({ status: 'error', code: 'cancelled' })
    expect(await readdir(join(cacheDir, '9'))).toEqual([])
  })

  it('joins a second resolve to the download in flight; cancels only when every caller did', async () => {
    const media = service()
    const url = `${base}/recordings/joined.mp3?sig=ok`
    const seen: number[] = []
    const [a, b] = await Promise.all([media.resolve(30, url), media.resolve(30, url, { onProgress: (p) => seen.push(p.receivedBytes) })])
    expect(a).toMatchObject({ status: 'ready', source: 'download' })
    expect(b).toEqual(a)
    expect(seen.at(-1)).toBe(mp3Bytes.length)
    expect(requests.filter((p) => p === '/recordings/joined.mp3')).toHaveLength(1)

    // One of two callers cancels: the other still gets the file.
    const stallUrl = `${base}/recordings/stall.mp3?sig=ok`
    const first = new AbortController()
    const second = new AbortController()
    const one = media.resolve(31, stallUrl, { signal: first.signal })
    const two = media.resolve(31, stallUrl, { signal: second.signal, onProgress: () => first.abort() })
    expect(await one).toMatchObject({ status: 'error', code: 'cancelled' })
    second.abort()
    expect(await two).toMatchObject({ status: 'error', code: 'cancelled' })
    expect(await readdir(join(cacheDir, '31'))).toEqual([])
  })

  it('takes the extension from the URL when the server sends a generic type, else from the bytes', async () => {
    const byUrl = await service().resolve(10, `${base}/recordings/x.mp3?sig=ok`)
    expect(byUrl).toMatchObject({ status: 'ready', contentType: 'audio/mpeg' })
    const generic = await service().resolve(11, `${base}/recordings/octet?sig=ok`)
    expect(generic).toMatchObject({ status: 'ready', contentType: 'audio/mpeg', path: join(cacheDir, '11', 'media.mp3') })
  })

  it('never logs or stores the signed query string', async () => {
    const media = service()
    await media.resolve(12, `${base}/recordings/twelve.mp3?sv=1&sig=TOPSECRET`)
    await media.resolve(13, `${base}/recordings/t.mp3?sig=expired&x=TOPSECRET`)
    await media.resolve(14, `${base}/recordings/deleted.mp3?sig=TOPSECRET`)
    // An unparsable URL is refused by the URL policy before fetch (whose error would quote it whole).
    const bad = await media.resolve(15, 'ht!tp://bad host/a.mp3?sig=TOPSECRET')
    expect(bad).toMatchObject({ status: 'error', code: 'bad_request' })
    expect(JSON.stringify(bad)).not.toContain('TOPSECRET')
    const quoting = service(async (input) => {
      throw new TypeError(`Failed to parse URL from ${String(input)}`)
    })
    await quoting.resolve(16, `${base}/recordings/q.mp3?sig=TOPSECRET`)
    expect(logs.length).toBeGreaterThan(0)
    expect(JSON.stringify(logs)).not.toContain('TOPSECRET')
    expect(JSON.stringify(logs)).not.toContain('sig=')
    expect(await readFile(join(cacheDir, '12', 'media.json'), 'utf8')).not.toContain('TOPSECRET')
  })

  it('refuses task ids that could leave the cache folder', async () => {
    expect(await service().resolve('../evil', `${base}/recordings/x.mp3`)).toMatchObject({ status: 'error', code: 'bad_request' })
  })
})

describe('MediaService.attachLocalFile', () => {
  it('records a chosen file, prefers it from then on, and forgets it on detach', async () => {
    const media = service()
    const expired = await media.resolve(20, `${base}/recordings/x.mp3?sig=expired`)
    expect(expired).toEqual({ status: 'expired' })
    const ogg = await ensureFormat('ogg')
    const attached = await media.attachLocalFile(20, ogg)
    expect(attached).toMatchObject({ status: 'ready', path: ogg, contentType: 'audio/ogg', source: 'local' })
    expect(await media.resolve(20, `${base}/recordings/x.mp3?sig=expired`)).toMatchObject({ source: 'local', path: ogg })
    expect(await media.mediaFile(20)).toMatchObject({ path: ogg, contentType: 'audio/ogg' })

    // Preferred even over a cached download.
    await media.detachLocalFile(20)
    expect(await media.resolve(20, `${base}/recordings/x.mp3?sig=ok`)).toMatchObject({ source: 'download' })
    await media.attachLocalFile(20, ogg)
    expect(await media.resolve(20, `${base}/recordings/x.mp3?sig=ok`)).toMatchObject({ source: 'local' })
    await media.detachLocalFile(20)
    expect(await media.resolve(20, null)).toMatchObject({ source: 'cache' })
  })

  it.each([
    ['m4a', 'audio/mp4'],
    ['mp4', 'video/mp4'],
    ['webm', 'video/webm'],
    ['flac', 'audio/flac'],
    ['wav', 'audio/wav'],
    ['opus', 'audio/ogg'],
    ['aac', 'audio/aac']
  ] as const)('accepts a real .%s as %s', async (format, type) => {
    const attached = await service().attachLocalFile(21, await ensureFormat(format))
    expect(attached.contentType).toBe(type)
  })

  it('refuses a missing file, a folder, and a document renamed to .mp3', async () => {
    const media = service()
    await expect(media.attachLocalFile(22, join(work, 'nope.mp3'))).rejects.toMatchObject({ code: 'not_found' })
    await expect(media.attachLocalFile(22, work)).rejects.toMatchObject({ code: 'bad_request' })
    const fake = join(work, 'notes.mp3')
    await writeFile(fake, 'Meeting notes, not audio at all.')
    await expect(media.attachLocalFile(22, fake)).rejects.toMatchObject({ code: 'bad_request' })
    expect(await media.localMedia(22)).toBeNull()
  })

  it('falls back to the download when the attached file disappears', async () => {
    const media = service()
    await media.resolve(23, `${base}/recordings/x.mp3?sig=ok`)
    const copy = join(work, 'copy.mp3')
    await copyFile(mp3, copy)
    await media.attachLocalFile(23, copy)
    await rm(copy)
    expect(await media.resolve(23, null)).toMatchObject({ source: 'cache' })
  })

  it('clear() drops the download but keeps the reviewer’s attached file', async () => {
    const media = service()
    await media.resolve(24, `${base}/recordings/x.mp3?sig=ok`)
    await media.attachLocalFile(24, mp3)
    await media.clear(24)
    expect(await readdir(join(cacheDir, '24'))).toEqual(['local.json'])
    expect(await media.resolve(24, null)).toMatchObject({ source: 'local' })
  })
})

describe('redactUrl', () => {
  it('drops query and fragment', () => {
    expect(redactUrl('https://acct.blob.core.windows.net/c/a.mp3?sv=1&sig=abc#t=1')).toBe('https://acct.blob.core.windows.net/c/a.mp3?…')
    expect(redactUrl('https://h/a.mp3')).toBe('https://h/a.mp3')
    expect(redactUrl('not a url')).toBe('<invalid url>')
  })
})
