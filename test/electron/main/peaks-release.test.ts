import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createAppHandlers } from '../../../electron/main/app-handlers'
import { testPlatform } from './support/test-platform'
import { createDispatcher, createSenderCheck, type Dispatch } from '../../../electron/main/ipc-dispatcher'
import { composeServices } from '../../../electron/main/compose-services'
import { createMemoryKeyValueStore } from '../../../electron/services/settings/key-value-store'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'
import { createPeaksService } from '../../../electron/services/media/peaks'
import { idleWorkerCount, liveWorkerCount, stopIdleWorkers } from '../../../electron/services/media/warm-workers'
import type { MediaProgressEvent, PeaksState } from '../../../shared/ipc/contract'
import { ensureFormat, ensureLongRecording } from '../../fixtures/audio/generate'

/*
 * A decode nobody will look at is cancelled (issue 21): when its task closes (`media:release`),
 * another task opens, or another recording replaces it. The real handlers, dispatcher and
 * services, a real recording decoded by real worker threads, cancelled mid-decode (at its first
 * peaks): its workers stop (none is left in a job), nothing of it reaches the renderer after the
 * cancel, and the same recording decodes again, whole and correct.
 */

const repoRoot = resolve(import.meta.dirname, '../../..')
const sender = { url: 'app://sdte/index.html', isMainFrame: true }

let work: string
let wav: string
let mp3: string
let reference: PeaksState
let dispatch: Dispatch
let exportFor: (taskId: number) => Promise<string>
let nextExport = ''
let nextMedia = ''
let events: MediaProgressEvent[]
let onEvent: (event: MediaProgressEvent) => void

async function call<T>(channel: string, payload?: unknown): Promise<T> {
  const result = await dispatch(channel, payload, sender)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** Opens an export of task `taskId` from a file; its id as main answers it. */
async function open(taskId: number): Promise<number> {
  nextExport = await exportFor(taskId)
  return (await call<{ data: { taskId: number } }>('files:openExport')).data.taskId
}

/** Attaches `path` to the task, asks for its peaks (as the renderer does) and resolves once its first peaks are announced. */
async function decodeUntilFirstPeaks(taskId: number, path: string): Promise<{ peaks: Promise<PeaksState>; at: number }> {
  const first = new Promise<number>((done) => {
    onEvent = (event) => {
      if (event.taskId === taskId && event.peaksUrl) done(events.length)
    }
  })
  nextMedia = path
  await call('media:attach', { taskId })
  const peaks = call<PeaksState>('media:peaks', { taskId })
  return { peaks, at: await first }
}

beforeAll(async () => {
  // Over 4 MiB: decoded in two parts that send their peaks as they go.
  wav = await ensureLongRecording(0.05, 'wav')
  // Another recording, of another length.
  mp3 = await ensureFormat('mp3')
  const refDir = await mkdtemp(join(tmpdir(), 'sdte-peaks-release-ref-'))
  const result = await createPeaksService({ cacheDir: refDir }).getPeaks(1, wav)
  reference = result.status === 'ready' ? { status: 'ready', url: '', length: result.peaks.length, peaksPerSecond: result.peaks.peaksPerSecond, durationMs: result.peaks.durationMs, fromCache: false } : (() => { throw new Error('no reference peaks') })()
  await rm(refDir, { recursive: true, force: true })
})

beforeEach(async () => {
  await stopIdleWorkers()
  work = await mkdtemp(join(tmpdir(), 'sdte-peaks-release-'))
  const sample = JSON.parse(await readFile(join(repoRoot, 'resources/sample/sample-task.json'), 'utf8')) as Record<string, unknown>
  exportFor = async (taskId) => {
    const file = join(work, `task-${taskId}.json`)
    await writeFile(file, JSON.stringify({ ...sample, taskId }))
    return file
  }
  events = []
  onEvent = () => undefined
  const services = await composeServices({ dataDir: join(work, 'data'), logsFolder: join(work, 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(true) })
  const platform = testPlatform({
    chooseExportFile: async () => nextExport,
    chooseMediaFile: async () => nextMedia,
    mediaUrl: (path) => `sdte-media://app${path}`,
    sendProgress: (event) => {
      events.push(event)
      onEvent(event)
    }
  })
  dispatch = createDispatcher(createAppHandlers({ ...services, platform, now: Date.now }), { isTrustedSender: createSenderCheck(['app://sdte']) })
})

afterAll(async () => {
  await stopIdleWorkers()
  await rm(work, { recursive: true, force: true })
})

/** No decode thread is left in a job: each is stopped or back in the warm idle list. */
async function expectNoWorkerInAJob(): Promise<void> {
  expect(await liveWorkerCount()).toBe(idleWorkerCount())
}

describe('cancelling a decode nobody will look at', () => {
  it('closing the task mid-decode stops its workers, sends nothing more, and reopening decodes it again', async () => {
    const taskId = await open(501)
    const { peaks, at } = await decodeUntilFirstPeaks(taskId, wav)
    await call('media:release', { taskId })
    expect(await peaks).toMatchObject({ status: 'error', code: 'cancelled' })
    await expectNoWorkerInAJob()
    // Nothing after the cancel: no late progress, no late peaks.
    const late = events.length
    expect(late).toBe(at)
    // The task opened again: its recording decodes again, whole and correct (nothing was cached).
    expect(await open(501)).toBe(taskId)
    const again = await call<PeaksState>('media:peaks', { taskId })
    expect(again).toMatchObject({ ...reference, url: expect.stringContaining('/peaks/') })
    expect(events.slice(late).every((event) => event.taskId === taskId)).toBe(true)
    await expectNoWorkerInAJob()
  })

  it("opening another task cancels the last task's decode; the new task hears nothing of it", async () => {
    const first = await open(502)
    const { peaks } = await decodeUntilFirstPeaks(first, wav)
    const second = await open(503)
    // Cancelled while the second task opened: nothing of it from then on.
    const at = events.length
    expect(await peaks).toMatchObject({ status: 'error', code: 'cancelled' })
    await expectNoWorkerInAJob()
    expect(events.length).toBe(at)
    nextMedia = mp3
    await call('media:attach', { taskId: second })
    expect(await call<PeaksState>('media:peaks', { taskId: second })).toMatchObject({ status: 'ready', fromCache: false })
    expect(events.slice(at).every((event) => event.taskId === second)).toBe(true)
  })

  it('another recording attached to the task replaces the one being decoded', async () => {
    const taskId = await open(504)
    const { peaks } = await decodeUntilFirstPeaks(taskId, wav)
    nextMedia = mp3
    await call('media:attach', { taskId })
    expect(await peaks).toMatchObject({ status: 'error', code: 'cancelled' })
    const replaced = await call<PeaksState>('media:peaks', { taskId })
    expect(replaced).toMatchObject({ status: 'ready', fromCache: false })
    // The other recording's peaks, not the first one's.
    expect(replaced).not.toMatchObject({ durationMs: reference.status === 'ready' ? reference.durationMs : -1 })
    await expectNoWorkerInAJob()
  })
})
