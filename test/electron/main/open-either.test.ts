import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppHandlers } from '../../../electron/main/app-handlers'
import { testPlatform } from './support/test-platform'
import { createDispatcher, type Dispatch } from '../../../electron/main/ipc-dispatcher'
import { composeServices } from '../../../electron/main/compose-services'
import { createMemoryKeyValueStore } from '../../../electron/services/settings/key-value-store'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'
import { createFakeApi, type FakeApi } from '../../fake-api/server'
import { documentTask, sampleTranscriptTask, seedIds } from '../../fake-api/seeds'
import type { OpenedEither, RecentTask } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/errors'

/*
 * `tasks:openEither`, for a listed task whose kind the inbox could not tell: the real handlers
 * and services against the fake API on 127.0.0.1. A document task must never open as an empty
 * transcript, and a failure that says nothing about the kind must not be papered over.
 */

const sender = { url: 'app://app/index.html', isMainFrame: true }
let work: string
let fake: FakeApi
let dispatch: Dispatch

async function open(ref: { taskId: number } | { externalId: string }): Promise<Result<OpenedEither>> {
  return (await dispatch('tasks:openEither', { ref, requestId: `either-${Math.random()}` }, sender)) as Result<OpenedEither>
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'sdte-open-either-'))
  fake = await createFakeApi({ tasks: [sampleTranscriptTask(), documentTask()], clientId: 'c', clientSecret: 's' })
  const dataDir = join(work, 'data')
  await mkdir(join(dataDir, 'logs'), { recursive: true })
  const services = await composeServices({ dataDir, logsFolder: join(dataDir, 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(true) })
  const platform = testPlatform({ sampleExportPath: join(work, 'none.json'), sampleMediaPath: join(work, 'none.wav') })
  dispatch = createDispatcher(createAppHandlers({ ...services, platform, now: Date.now }), { isTrustedSender: (s) => s.url.startsWith('app://app/') })
  const signIn = await dispatch('auth:signIn', { mode: 'client-credentials', clientId: 'c', clientSecret: 's', baseUrl: fake.baseUrl }, sender)
  expect(signIn.ok).toBe(true)
})

afterEach(async () => {
  await fake.close()
  await rm(work, { recursive: true, force: true })
})

describe('opening a task of unknown kind', () => {
  it('a transcript task opens as a transcript', async () => {
    const result = await open({ taskId: seedIds.sample.taskId })
    expect(result.ok && result.value.kind).toBe('transcript')
  })

  it('a document task (the transcript export says not found) opens in the document pane, remembered as a document', async () => {
    const result = await open({ externalId: seedIds.document.externalId })
    expect(result.ok && result.value.kind === 'document' && result.value.document.data.taskId).toBe(seedIds.document.taskId)
    const recent = (await dispatch('tasks:recent', undefined, sender)) as Result<RecentTask[]>
    expect(recent.ok && recent.value.map((t) => [t.taskId, t.kind])).toEqual([[seedIds.document.taskId, 'document']])
  })

  it('a server that answers the transcript export with the document body still opens the document', async () => {
    fake.addTask({ ...documentTask(), kind: 'transcript' })
    const result = await open({ taskId: seedIds.document.taskId })
    expect(result.ok && result.value.kind).toBe('document')
  })

  it('a task that is neither reports the transcript export’s "not found"', async () => {
    const result = await open({ taskId: 999_999 })
    expect(result.ok).toBe(false)
    expect(!result.ok && [result.error.code, result.error.message]).toEqual(['not_found', expect.stringContaining('No transcript task with id 999999')])
  })

  it('a server error is no answer about the kind: reported, the document export not tried', async () => {
    fake.switches.persistent500 = true
    const result = await open({ taskId: seedIds.document.taskId })
    expect(!result.ok && result.error.code).toBe('server')
    expect(fake.counters.exportRequests).toBeGreaterThan(0)
    expect(fake.counters.documentExportRequests).toBe(0)
  })
})
