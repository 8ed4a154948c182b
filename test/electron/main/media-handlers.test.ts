import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppHandlers } from '../../../electron/main/app-handlers'
import { testPlatform } from './support/test-platform'
import { createDispatcher, type Dispatch } from '../../../electron/main/ipc-dispatcher'
import { composeServices, type AppServices } from '../../../electron/main/compose-services'
import { createMediaRoutes } from '../../../electron/main/media-routes'
import { createMemoryKeyValueStore } from '../../../electron/services/settings/key-value-store'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'
import { createFakeApi, type FakeApi } from '../../fake-api/server'
import { documentTask, makeToneWav, sampleTranscriptTask } from '../../fake-api/seeds'
import type { MediaProgressEvent, MediaState } from '../../../shared/ipc/contract'
import type { RequestHandler } from '../../../electron/services/media/range-response'

/*
 * The media handlers end to end: the real services and IPC dispatcher, the faithful fake API on
 * 127.0.0.1 (signed media URLs that expire by its clock) and a second local server playing a
 * stranger's host that a crafted export file points at.
 */

const appOrigin = 'app://app'
const sender = { url: 'app://app/index.html', isMainFrame: true }

let work: string
let fake: FakeApi
let clock: number
let stranger: Server
let strangerUrl: string
let strangerRequests: number
let services: AppServices
let dispatch: Dispatch
let routes: RequestHandler
let nextExportFile: string | null
const progress: MediaProgressEvent[] = []

const realRecording = makeToneWav(3)
const plantedRecording = makeToneWav(1)
const pdf = Buffer.from('%PDF-1.4\n% a tiny page\n%%EOF\n')

async function call<T>(channel: string, payload?: unknown): Promise<T> {
  const result = await dispatch(channel, payload, sender)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

async function served(url: string, origin = appOrigin): Promise<Response> {
  return routes(new Request(`http://app.test${new URL(url).pathname}`, { headers: { Origin: origin } }))
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'sdte-media-handlers-'))
  await writeFile(join(work, 'sample.wav'), realRecording)
  await writeFile(join(work, 'invoice.pdf'), pdf)
  clock = Date.now()
  fake = await createFakeApi({
    tasks: [sampleTranscriptTask(), { ...documentTask(), mediaFile: 'invoice.pdf' }],
    media: { 'sample.wav': join(work, 'sample.wav'), 'invoice.pdf': join(work, 'invoice.pdf') },
    clientId: 'c',
    clientSecret: 's',
    expiresInS: 10 * 24 * 3600,
    clock: () => clock
  })
  strangerRequests = 0
  stranger = createServer((req, res) => {
    strangerRequests++
    const body = req.url?.startsWith('/page') ? pdf : plantedRecording
    res.writeHead(200, { 'Content-Type': req.url?.startsWith('/page') ? 'application/pdf' : 'audio/wav', 'Content-Length': String(body.length) })
    res.end(body)
  })
  await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve))
  strangerUrl = `http://127.0.0.1:${(stranger.address() as AddressInfo).port}`

  const dataDir = join(work, 'data')
  await mkdir(join(dataDir, 'logs'), { recursive: true })
  services = await composeServices({ dataDir, logsFolder: join(dataDir, 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(true) })
  nextExportFile = null
  progress.length = 0
  const platform = testPlatform({
    sampleExportPath: join(work, 'none.json'),
    sampleMediaPath: join(work, 'sample.wav'),
    chooseExportFile: async () => nextExportFile,
    sendProgress: (event) => void progress.push(event)
  })
  dispatch = createDispatcher(createAppHandlers({ ...services, platform, now: () => clock }), { isTrustedSender: (s) => s.url.startsWith('app://app/') })
  routes = createMediaRoutes(services.media, services.peaks, services.documentFiles, { appOrigin })
  await call('auth:signIn', { mode: 'client-credentials', clientId: 'c', clientSecret: 's', baseUrl: fake.baseUrl })
})

afterEach(async () => {
  stranger.closeAllConnections()
  await new Promise((resolve) => stranger.close(resolve))
  await fake.close()
  await rm(work, { recursive: true, force: true })
})

/** Writes an export file: the server's task 1001 with its recording link pointing at `url`. */
async function craftedExport(url: string | null, name = 'crafted.json'): Promise<string> {
  const body = { ...JSON.parse(fake.bodyOf('transcript', 1001)), originalFileUrl: url }
  const path = join(work, name)
  await writeFile(path, JSON.stringify(body))
  return path
}

describe('recordings of exports opened from a file', () => {
  it('asks before contacting the host, and never plants the recording the server task later plays', async () => {
    nextExportFile = await craftedExport(`${strangerUrl}/planted.wav?sig=x`)
    await call('files:openExport')
    const asked = await call<MediaState>('media:resolve', { taskId: 1001 })
    expect(asked).toEqual({ status: 'confirm', host: new URL(strangerUrl).host })
    expect(strangerRequests).toBe(0)
    // Agreeing to another host than the one shown changes nothing.
    expect(await call<MediaState>('media:resolve', { taskId: 1001, allowHost: 'elsewhere.example' })).toMatchObject({ status: 'confirm' })
    expect(strangerRequests).toBe(0)

    const planted = await call<MediaState>('media:resolve', { taskId: 1001, allowHost: new URL(strangerUrl).host })
    expect(planted).toMatchObject({ status: 'ready', source: 'download' })
    if (planted.status !== 'ready') return
    expect(Buffer.from(await (await served(planted.url)).arrayBuffer())).toEqual(Buffer.from(plantedRecording))

    // The real task, opened from the server with the same id, downloads its own recording.
    await call('tasks:openTranscript', { ref: { taskId: 1001 }, requestId: 'open-1' })
    const real = await call<MediaState>('media:resolve', { taskId: 1001 })
    expect(real).toMatchObject({ status: 'ready', source: 'download' })
    if (real.status !== 'ready') return
    expect(new URL(real.url).pathname).not.toBe(new URL(planted.url).pathname)
    expect(Buffer.from(await (await served(real.url)).arrayBuffer())).toEqual(Buffer.from(realRecording))
    expect(fake.counters.mediaRequests).toBe(1)
    // Byte counts reached the renderer as progress.
    expect(progress.some((p) => p.phase === 'download' && p.receivedBytes === realRecording.length && p.totalBytes === realRecording.length)).toBe(true)
  })

  it('refuses a data: link or plain http to another machine without asking', async () => {
    nextExportFile = await craftedExport(`data:audio/wav;base64,${Buffer.from(plantedRecording).toString('base64')}`, 'data.json')
    await call('files:openExport')
    expect(await call<MediaState>('media:resolve', { taskId: 1001 })).toMatchObject({ status: 'error', code: 'bad_request', message: expect.stringContaining('https') })
    nextExportFile = await craftedExport('http://recordings.example.com/a.wav', 'http.json')
    await call('files:openExport')
    expect(await call<MediaState>('media:resolve', { taskId: 1001 })).toMatchObject({ status: 'error', code: 'bad_request', message: expect.stringContaining('http://recordings.example.com') })
  })

  it('an opened file cannot ask the server for a fresh link', async () => {
    nextExportFile = await craftedExport(null)
    await call('files:openExport')
    expect(await call<MediaState>('media:resolve', { taskId: 1001 })).toEqual({ status: 'none' })
    const result = await dispatch('media:refreshLink', { taskId: 1001 }, sender)
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } })
  })

  it('a document opened from a file asks before fetching its original, then serves it', async () => {
    const body = { ...JSON.parse(fake.bodyOf('document', 2001)), originalFileUrl: `${strangerUrl}/page.pdf` }
    nextExportFile = join(work, 'doc.json')
    await writeFile(nextExportFile, JSON.stringify(body))
    await call('documents:openFile')
    expect(await call('documents:resolveFile', { taskId: 2001 })).toEqual({ status: 'confirm', host: new URL(strangerUrl).host })
    expect(strangerRequests).toBe(0)
    const ready = await call<{ status: string; url: string }>('documents:resolveFile', { taskId: 2001, allowHost: new URL(strangerUrl).host })
    expect(ready).toMatchObject({ status: 'ready', contentType: 'application/pdf' })
    const response = await served(ready.url)
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf)
  })
})

describe('Get a fresh link', () => {
  it('after the signed link expired, asks the server for the export again and downloads from the new link', async () => {
    await call('tasks:openTranscript', { ref: { taskId: 1001 }, requestId: 'open-1' })
    // Two hours later the link handed out at opening has expired (the blob store answers 403).
    clock += 2 * 3600_000
    expect(await call<MediaState>('media:resolve', { taskId: 1001 })).toEqual({ status: 'expired', canRefresh: true })
    // The server signs a fresh link on its next export.
    fake.addTask(sampleTranscriptTask())
    const exportsBefore = fake.counters.exportRequests
    const fresh = await call<MediaState>('media:refreshLink', { taskId: 1001 })
    expect(fake.counters.exportRequests).toBe(exportsBefore + 1)
    expect(fresh).toMatchObject({ status: 'ready', source: 'download', size: realRecording.length })
    if (fresh.status !== 'ready') return
    expect(Buffer.from(await (await served(fresh.url)).arrayBuffer())).toEqual(Buffer.from(realRecording))
  })
})

describe('peaks progress', () => {
  it('once main has decoded buckets, each progress event says where to read the peaks so far and how many are done', async () => {
    // Over 4 MiB: decoded in parts by the worker pool, which hands buckets over as they come.
    await writeFile(join(work, 'sample.wav'), makeToneWav(300))
    await call('tasks:openTranscript', { ref: { taskId: 1001 }, requestId: 'open-1' })
    await call<MediaState>('media:resolve', { taskId: 1001 })
    progress.length = 0
    const peaks = await call<{ status: string; url: string; length: number; fromCache: boolean }>('media:peaks', { taskId: 1001 })
    expect(peaks).toMatchObject({ status: 'ready', fromCache: false })
    const withPeaks = progress.filter((p) => p.phase === 'peaks' && p.peaksUrl !== undefined)
    expect(withPeaks.length).toBeGreaterThan(0)
    for (const event of withPeaks) {
      expect(event.peaksUrl).toBe(peaks.url)
      expect(event.buckets).toBe(peaks.length)
      expect(event.bucketsDone).toBeGreaterThan(0)
      expect(event.bucketsDone).toBeLessThanOrEqual(peaks.length)
    }
    const done = withPeaks.map((p) => p.bucketsDone!)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    expect(done.at(-1)).toBe(peaks.length)
    // The URL answers the levels (here, of the finished cache).
    const levels = (await (await routes(new Request(`http://app.test${new URL(peaks.url).pathname}?levels`))).json()) as { complete: boolean; levels: Array<{ length: number }> }
    expect(levels.complete).toBe(true)
    expect(levels.levels[0]!.length).toBe(peaks.length)
    // Reopened from the cache: nothing is decoded, so no event carries a peaks URL.
    progress.length = 0
    expect((await call<{ fromCache: boolean }>('media:peaks', { taskId: 1001 })).fromCache).toBe(true)
    expect(progress.some((p) => p.peaksUrl !== undefined)).toBe(false)
  })
})

describe('media routes and CORS', () => {
  it('answers only the app origin, never a wildcard, on /media, /peaks and /document', async () => {
    await call('tasks:openTranscript', { ref: { taskId: 1001 }, requestId: 'open-1' })
    const media = await call<MediaState>('media:resolve', { taskId: 1001 })
    const peaks = await call<{ status: string; url: string }>('media:peaks', { taskId: 1001 })
    await call('tasks:openDocument', { ref: { taskId: 2001 }, requestId: 'open-2' })
    const doc = await call<{ status: string; url: string }>('documents:resolveFile', { taskId: 2001 })
    expect([media.status, peaks.status, doc.status]).toEqual(['ready', 'ready', 'ready'])
    for (const url of [(media as { url: string }).url, peaks.url, doc.url]) {
      const ours = await served(url)
      expect(ours.status).toBeLessThan(300)
      expect(ours.headers.get('access-control-allow-origin')).toBe(appOrigin)
      const theirs = await served(url, 'https://evil.example')
      expect(theirs.headers.get('access-control-allow-origin')).toBeNull()
      const none = await routes(new Request(`http://app.test${new URL(url).pathname}`))
      expect(none.headers.get('access-control-allow-origin')).toBeNull()
    }
  })

  it('serves nothing for keys that are not cache keys', async () => {
    expect((await routes(new Request('http://app.test/media/..%2F..%2Fetc'))).status).toBe(404)
    expect((await routes(new Request('http://app.test/document/1001'))).status).toBe(404)
  })
})

describe('the media files on disk', () => {
  it('are owner-only: folders 0700, files 0600', async () => {
    if (process.platform === 'win32') return
    await call('tasks:openTranscript', { ref: { taskId: 1001 }, requestId: 'open-1' })
    const media = await call<MediaState>('media:resolve', { taskId: 1001 })
    expect(media.status).toBe('ready')
    const { stat, readdir } = await import('node:fs/promises')
    const cacheDir = join(work, 'data', 'media-cache')
    expect((await stat(cacheDir)).mode & 0o777).toBe(0o700)
    const [entry] = await readdir(cacheDir)
    expect(entry).toMatch(/^api-[0-9a-f]{16}-1001$/)
    expect((await stat(join(cacheDir, entry!))).mode & 0o777).toBe(0o700)
    for (const name of await readdir(join(cacheDir, entry!))) {
      if (name.startsWith('media.')) expect((await stat(join(cacheDir, entry!, name))).mode & 0o777, name).toBe(0o600)
    }
    expect(JSON.parse(await readFile(join(cacheDir, entry!, 'media.json'), 'utf8'))).toMatchObject({ size: realRecording.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
  })
})
