import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createFakeApi, type FakeApi } from '../../fake-api/server'
import { sampleTranscriptTask } from '../../fake-api/seeds'
import { composeServices, type AppServices } from '../../../electron/main/compose-services'
import { createAppHandlers, type PlatformPort } from '../../../electron/main/app-handlers'
import { testPlatform } from './support/test-platform'
import { createDispatcher, createSenderCheck } from '../../../electron/main/ipc-dispatcher'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'
import { createMemoryKeyValueStore, type KeyValueStore } from '../../../electron/services/settings/key-value-store'
import { createDraftStore } from '../../../electron/services/drafts/draft-store'
import { privateDirMode, privateFileMode } from '../../../electron/services/fs/private-files'
import type { StartupNotice } from '../../../shared/ipc/contract'

/*
 * At the composition level: the real services and handlers behind the real
 * dispatcher, a real local SmartDocumentor, real temp folders, and failures injected into the
 * ports (a full disk for the settings store, a read-only drafts folder, an uncreatable logs folder).
 */

let fake: FakeApi
let dir = ''
beforeAll(async () => {
  // The media file only has to exist for the export to carry a signed URL to it.
  fake = await createFakeApi({ tasks: [sampleTranscriptTask()], clientId: 'c', clientSecret: 's', media: { 'sample.wav': fileURLToPath(import.meta.url) } })
})
afterAll(() => fake.close())
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-recovery-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })

/** A settings store on a full disk: reads work, every write fails. */
function fullDiskStore(): KeyValueStore & { writes: number } {
  const inner = createMemoryKeyValueStore()
  const store = {
    writes: 0,
    get: (key: string) => inner.get(key),
    set: () => {
      store.writes++
      throw enospc()
    },
    delete: () => {
      store.writes++
      throw enospc()
    }
  }
  return store
}

const shown: string[] = []
function platform(): PlatformPort {
  return testPlatform({
    info: { name: 'SD Transcript Editor', version: 't', platform: 'linux' },
    showItemInFolder: (path) => void shown.push(path),
    mediaUrl: (path) => `sdte-media://app${path}`
  })
}

function dispatcher(services: AppServices, overrides: Partial<AppServices> = {}) {
  const dispatch = createDispatcher(createAppHandlers({ ...services, ...overrides, now: Date.now, startupNotices: services.notices, platform: platform() }), {
    isTrustedSender: createSenderCheck(['app://sdte'])
  })
  return (channel: string, payload?: unknown) => dispatch(channel, payload, { url: 'app://sdte/index.html', isMainFrame: true })
}

describe('bookkeeping writes on a full disk', () => {
  it('sign-in with a new base URL and opening a task still work; the failures are logged', async () => {
    const store = fullDiskStore()
    const services = await composeServices({ dataDir: join(dir, 'data'), logsFolder: join(dir, 'logs'), store, secrets: createMemorySecretStore(false) })
    const call = dispatcher(services)
    const signedIn = await call('auth:signIn', { mode: 'client-credentials', clientId: 'c', clientSecret: 's', baseUrl: fake.baseUrl })
    expect(signedIn).toMatchObject({ ok: true, value: { signedIn: true, baseUrl: fake.baseUrl } })
    const opened = await call('tasks:openTranscript', { ref: { taskId: sampleTranscriptTask().taskId }, requestId: 'r1' })
    expect(opened).toMatchObject({ ok: true, value: { origin: 'api', draft: null } })
    // The recent task is kept for this session even though it could not be written.
    expect(await call('tasks:recent')).toMatchObject({ ok: true, value: [{ taskId: sampleTranscriptTask().taskId }] })
    expect(store.writes).toBeGreaterThanOrEqual(2)
    const log = await readFile(services.logFile, 'utf8')
    expect(log).toContain('could not save "recentTasks"')
    expect(log).toContain('ENOSPC')
  })
})

describe('logging never stops the app', () => {
  it('falls back to <data>/logs when the logs folder cannot be created, and says so once', async () => {
    await writeFile(join(dir, 'a-file'), 'x')
    const services = await composeServices({ dataDir: join(dir, 'data'), logsFolder: join(dir, 'a-file', 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(false) })
    expect(services.logging.folder).toBe(join(dir, 'data', 'logs'))
    expect(services.logging.note).toContain('could not be used')
    services.log.info('hello')
    expect(await readFile(join(dir, 'data', 'logs', 'sdte.log'), 'utf8')).toContain('hello')
    expect((await stat(services.logFile)).mode & 0o777).toBe(privateFileMode)
    expect((await stat(join(dir, 'data', 'logs'))).mode & 0o777).toBe(privateDirMode)
    const call = dispatcher(services)
    const first = (await call('app:startupNotices')) as { ok: true; value: StartupNotice[] }
    expect(first.value.map((n) => n.message).join()).toContain('logs are written to')
    expect(await call('app:startupNotices')).toEqual({ ok: true, value: [] })
  })

  it('runs without a log when no folder at all can be created', async () => {
    await writeFile(join(dir, 'a-file'), 'x')
    const services = await composeServices({ dataDir: join(dir, 'a-file', 'data'), logsFolder: join(dir, 'a-file', 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(false) })
    expect(services.logging).toMatchObject({ folder: null, note: expect.stringContaining('nothing is logged') })
    expect(() => services.log.warn('still fine')).not.toThrow()
    expect(services.notices).toHaveLength(1)
  })
})

describe('drafts', () => {
  it('a corrupt draft in a folder where it cannot be moved: the task opens, with a notice naming the kept file', async () => {
    const services = await composeServices({ dataDir: join(dir, 'data'), logsFolder: join(dir, 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(false) })
    const taskId = sampleTranscriptTask().taskId
    const draftsDir = join(dir, 'data', 'drafts')
    await writeFile(join(draftsDir, `${taskId}.draft.json`), '{"version":1,"taskId":"')
    // Tests may run as root, where a chmod-ed folder still allows the move: fail it as a read-only mount does.
    const drafts = createDraftStore({
      dir: draftsDir,
      now: Date.now,
      rename: async () => {
        throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' })
      }
    })
    const call = dispatcher(services, { drafts })
    await call('auth:signIn', { mode: 'client-credentials', clientId: 'c', clientSecret: 's', baseUrl: fake.baseUrl })
    const opened = await call('tasks:openTranscript', { ref: { taskId }, requestId: 'r1' })
    expect(opened).toMatchObject({
      ok: true,
      value: { draft: null, draftProblem: { keptAt: join(draftsDir, `${taskId}.draft.json`), message: expect.stringContaining('could not be moved aside (EROFS)') } }
    })
    expect(await call('drafts:showKept', { taskId })).toEqual({ ok: true, value: undefined })
    expect(shown.at(-1)).toBe(join(draftsDir, `${taskId}.draft.json`))
    expect(await call('drafts:showKept', { taskId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('a corrupt draft that can be moved is kept aside and named in the notice', async () => {
    const services = await composeServices({ dataDir: join(dir, 'data'), logsFolder: join(dir, 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(false) })
    const taskId = sampleTranscriptTask().taskId
    const draftsDir = join(dir, 'data', 'drafts')
    await writeFile(join(draftsDir, `${taskId}.draft.json`), Buffer.alloc(64))
    const call = dispatcher(services)
    await call('auth:signIn', { mode: 'client-credentials', clientId: 'c', clientSecret: 's', baseUrl: fake.baseUrl })
    const opened = (await call('tasks:openTranscript', { ref: { taskId }, requestId: 'r1' })) as { ok: true; value: { draftProblem: { keptAt: string; message: string } } }
    expect(opened.value.draftProblem.keptAt).toMatch(/\.draft\.json\.corrupt-\d+$/)
    expect(opened.value.draftProblem.message).toContain(opened.value.draftProblem.keptAt)
    expect(await readdir(draftsDir)).toEqual([opened.value.draftProblem.keptAt.split('/').at(-1)])
  })

  it('never writes the signed recording URL, and drafts are private files in a private folder', async () => {
    const services = await composeServices({ dataDir: join(dir, 'data'), logsFolder: join(dir, 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(false) })
    const call = dispatcher(services)
    await call('auth:signIn', { mode: 'client-credentials', clientId: 'c', clientSecret: 's', baseUrl: fake.baseUrl })
    const opened = (await call('tasks:openTranscript', { ref: { taskId: sampleTranscriptTask().taskId }, requestId: 'r1' })) as { ok: true; value: { data: { originalFileUrl: string; taskId: number }; exportHash: string } }
    const signed = opened.value.data.originalFileUrl
    expect(signed).toContain('sig=')
    const document = { ...opened.value.data, note: `listen at ${signed} and #frag`, nested: [{ url: `${signed}#t=10` }] }
    expect(await call('drafts:save', { taskId: opened.value.data.taskId, exportHash: opened.value.exportHash, document })).toMatchObject({ ok: true })
    const path = join(dir, 'data', 'drafts', `${opened.value.data.taskId}.draft.json`)
    const text = await readFile(path, 'utf8')
    expect(text).not.toContain('sig=')
    expect(text).not.toContain('?sv=')
    expect(text).not.toContain('#t=10')
    const unsigned = signed.slice(0, signed.indexOf('?'))
    expect(JSON.parse(text).document.originalFileUrl).toBe(unsigned)
    expect(JSON.parse(text).document.note).toBe(`listen at ${unsigned} and #frag`)
    expect((await stat(path)).mode & 0o777).toBe(privateFileMode)
    expect((await stat(join(dir, 'data', 'drafts'))).mode & 0o777).toBe(privateDirMode)
    expect((await stat(join(dir, 'data', 'media-cache'))).mode & 0o777).toBe(privateDirMode)
    // The log of this session has no signed query either.
    expect(await readFile(services.logFile, 'utf8').catch(() => '')).not.toContain('sig=')
  })
})
