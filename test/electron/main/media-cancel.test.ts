import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppHandlers } from '../../../electron/main/app-handlers'
import { testPlatform } from './support/test-platform'
import { createDispatcher, type Dispatch } from '../../../electron/main/ipc-dispatcher'
import { composeServices } from '../../../electron/main/compose-services'
import { createMemoryKeyValueStore } from '../../../electron/services/settings/key-value-store'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'
import { createFakeApi, type FakeApi } from '../../fake-api/server'
import { makeToneWav, sampleTranscriptTask } from '../../fake-api/seeds'
import type { MediaProgressEvent, MediaState } from '../../../shared/ipc/contract'

/*
 * Cancelling the recording download (`media:cancelDownload`): the real services and dispatcher,
 * the fake API on 127.0.0.1 to sign in to, and a second local server that sends the first part
 * of the recording and then holds the connection open, as a slow link does. Cancel stops the
 * transfer, leaves no file behind, and the same download can be started again.
 */

const sender = { url: 'app://app/index.html', isMainFrame: true }
const recording = makeToneWav(8)
const firstPart = 64 * 1024

let work: string
let dataDir: string
let fake: FakeApi
let slow: Server
let slowUrl: string
/** Responses the slow server is holding open. */
const held: ServerResponse[] = []
let holdBack = true
let dispatch: Dispatch
let nextExportFile: string | null = null
let onProgress: ((event: MediaProgressEvent) => void) | null = null

async function call<T>(channel: string, payload?: unknown): Promise<T> {
  const result = await dispatch(channel, payload, sender)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'sdte-media-cancel-'))
  await writeFile(join(work, 'sample.wav'), makeToneWav(1))
  fake = await createFakeApi({ tasks: [sampleTranscriptTask()], media: { 'sample.wav': join(work, 'sample.wav') }, clientId: 'c', clientSecret: 's' })
  holdBack = true
  slow = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': String(recording.length) })
    if (!holdBack) {
      res.end(recording)
      return
    }
    // The first part, then nothing until the client goes away.
    res.write(recording.subarray(0, firstPart))
    held.push(res)
  })
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
  slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`

  dataDir = join(work, 'data')
  await mkdir(join(dataDir, 'logs'), { recursive: true })
  const services = await composeServices({ dataDir, logsFolder: join(dataDir, 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(true) })
  const platform = testPlatform({
    sampleExportPath: join(work, 'none.json'),
    sampleMediaPath: join(work, 'sample.wav'),
    chooseExportFile: async () => nextExportFile,
    sendProgress: (event) => onProgress?.(event)
  })
  dispatch = createDispatcher(createAppHandlers({ ...services, platform, now: Date.now }), { isTrustedSender: (s) => s.url.startsWith('app://app/') })
  await call('auth:signIn', { mode: 'client-credentials', clientId: 'c', clientSecret: 's', baseUrl: fake.baseUrl })
})

afterEach(async () => {
  held.splice(0).forEach((res) => res.destroy())
  slow.closeAllConnections()
  await new Promise((resolve) => slow.close(resolve))
  await fake.close()
  await rm(work, { recursive: true, force: true })
})

describe('cancelling the recording download', () => {
  it('stops it mid-way, leaves no file behind, and the download can be started again', async () => {
    // An export file whose recording is on the slow host (the reviewer agrees to that host).
    const body = { ...JSON.parse(fake.bodyOf('transcript', 1001)), originalFileUrl: `${slowUrl}/hearing.wav?sig=secret` }
    nextExportFile = join(work, 'hearing.json')
    await writeFile(nextExportFile, JSON.stringify(body))
    await call('files:openExport')
    const host = new URL(slowUrl).host

    // Cancel once the first bytes have arrived.
    const started = new Promise<MediaProgressEvent>((resolve) => {
      onProgress = (event) => {
        if (event.phase === 'download' && (event.receivedBytes ?? 0) > 0) resolve(event)
      }
    })
    const download = call<MediaState>('media:resolve', { taskId: 1001, allowHost: host })
    const first = await started
    expect(first.receivedBytes).toBeLessThan(recording.length)
    expect(first.totalBytes).toBe(recording.length)
    expect(await filesUnder(dataDir)).toContainEqual(expect.stringMatching(/\.media\.\d+\.[0-9a-f]+\.part$/))
    await call('media:cancelDownload', { taskId: 1001 })
    expect(await download).toEqual({ status: 'error', code: 'cancelled', message: 'Cancelled.', reason: 'cancelled' })
    // Nothing of the recording is left: no part file, no half a file, no cache entry.
    expect((await filesUnder(dataDir)).filter((f) => /media|\.part$/.test(f))).toEqual([])
    // Cancelling with nothing under way is harmless.
    await call('media:cancelDownload', { taskId: 1001 })

    // Download again: this time the server sends it all.
    holdBack = false
    onProgress = null
    const again = await call<MediaState>('media:resolve', { taskId: 1001, allowHost: host })
    expect(again).toMatchObject({ status: 'ready', source: 'download', size: recording.length })
    const stored = (await filesUnder(dataDir)).find((f) => /media\.wav$/.test(f))
    expect(stored).toBeDefined()
    expect((await readFile(join(dataDir, stored!))).equals(recording)).toBe(true)
  })

  it('refuses a task id that is not a number', async () => {
    const result = await dispatch('media:cancelDownload', { taskId: 'all' }, sender)
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } })
  })
})
