import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { composeServices } from '../../../electron/main/compose-services'
import { createAppHandlers, type PlatformPort } from '../../../electron/main/app-handlers'
import { createDispatcher } from '../../../electron/main/ipc-dispatcher'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'
import { createMemoryKeyValueStore } from '../../../electron/services/settings/key-value-store'
import { normaliseTranscript, updateSpeaker, mergeSpeakers } from '../../../shared/transcript'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import type { Result } from '../../../shared/errors'
import { createFakeApi, type FakeApi } from '../../fake-api/server'
import { documentTask, sampleTranscriptTask, seedIds } from '../../fake-api/seeds'

/*
 * The workflow's IPC channels through the real dispatcher (schema checks included) and the real
 * composed services, against the real fake API; last, the fake is shut down to show the inbox's
 * offline copy.
 */

let fake: FakeApi
let dataDir: string
let call: <T>(channel: string, payload?: unknown) => Promise<Result<T>>
let clock = Date.parse('2026-03-01T09:00:00Z')

beforeAll(async () => {
  fake = await createFakeApi({ clientId: 'cid', clientSecret: 'sec', tasks: [sampleTranscriptTask(), documentTask()] })
  dataDir = await mkdtemp(join(tmpdir(), 'sdte-workflow-'))
  const services = await composeServices({ dataDir, logsFolder: join(dataDir, 'logs'), store: createMemoryKeyValueStore(), secrets: createMemorySecretStore(true), now: () => clock })
  await services.auth.signIn({ mode: 'client-credentials', clientId: 'cid', clientSecret: 'sec', baseUrl: fake.baseUrl })
  // The desktop shell is not used by these channels.
  const handlers = createAppHandlers({ ...services, platform: {} as PlatformPort, now: () => clock })
  const dispatch = createDispatcher(handlers, { isTrustedSender: () => true })
  call = (channel, payload) => dispatch(channel, payload, { url: 'app://x', isMainFrame: true }) as never
})
afterAll(async () => {
  await fake.close().catch(() => undefined)
  await rm(dataDir, { recursive: true, force: true })
})

describe('workflow channels', () => {
  it('workspaces:list, tasks:list and tasks:lookup', async () => {
    expect(await call('workspaces:list')).toMatchObject({ ok: true, value: [{ workspaceId: 7 }, { workspaceId: 9 }] })
    const page = await call('tasks:list', { filters: { externalStatus: 'never', workspaceIds: [7] }, page: 1, pageSize: 10 })
    expect(page).toMatchObject({ ok: true, value: { offline: false, asOf: clock, total: 1, hasMore: false, items: [{ taskId: 1001, name: 'Sample interview', externalStatus: 'never', status: { text: 'ToReview' } }] } })
    expect(await call('tasks:lookup', { ref: { externalId: seedIds.document.externalId } })).toMatchObject({ ok: true, value: { taskId: seedIds.document.taskId } })
    expect(await call('tasks:list', { filters: { sort: 'x;drop' }, page: 0, pageSize: 1000 })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
  })

  it('speakers:workspace: the list, or none with a quiet reason when the server has none or refuses', async () => {
    expect(await call('speakers:workspace', { workspaceId: 7 })).toEqual({ ok: true, value: { speakers: [{ speakerId: 'ws-0001', name: 'Chair', prefix: 'Hon.', suffix: '' }], note: null } })
    try {
      fake.platform.workspaceSpeakersRoute = 'missing'
      expect(await call('speakers:workspace', { workspaceId: 7 })).toEqual({ ok: true, value: { speakers: null, note: 'This server has no workspace speaker list' } })
      fake.platform.workspaceSpeakersRoute = 'forbidden'
      expect(await call('speakers:workspace', { workspaceId: 7 })).toEqual({ ok: true, value: { speakers: null, note: 'This account may not read the workspace speaker list' } })
    } finally {
      fake.platform.workspaceSpeakersRoute = 'ok'
    }
    expect(await call('speakers:workspace', { workspaceId: -1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
  })

  it('speakers:plan from the saved draft (rename and merge found), then speakers:apply', async () => {
    const model = normaliseTranscript(sampleTranscriptTask().body as unknown as TranscriptExport)
    const [a, b] = model.speakers
    const edited = updateSpeaker(mergeSpeakers(model, b.id, a.id), a.id, { name: 'Host', prefix: 'Dr' })
    expect(await call('drafts:save', { taskId: 1001, exportHash: 'h', document: edited as unknown as Record<string, unknown> })).toMatchObject({ ok: true })
    const reply = await call<{ plan: { changes: Array<{ kind: string }>; workspaceId: number }; workspaceSpeakers: unknown[] }>('speakers:plan', { taskId: 1001 })
    if (!reply.ok) throw new Error(reply.error.message)
    expect(reply.value.plan.changes.map((c) => c.kind)).toEqual(['rename', 'merge'])
    expect(reply.value.plan.workspaceId).toBe(7)
    expect(reply.value.workspaceSpeakers).toEqual([{ speakerId: 'ws-0001', name: 'Chair', prefix: 'Hon.', suffix: '' }])
    // The plan goes back as it came; a tampered one fails the schema.
    expect(await call('speakers:apply', { plan: { ...reply.value.plan, changes: [{ kind: 'rename', speakerId: 'x' }] } })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(await call('speakers:apply', { plan: reply.value.plan })).toMatchObject({ ok: true, value: { complete: true } })
    expect(fake.platform.speakers.get(1001)).toEqual([{ speakerId: a.id, speakerName: 'Host', speakerPrefix: 'Dr', speakerSuffix: '', isDefault: false }])
    expect(await call('speakers:plan', { taskId: 2999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('tasks:markReviewed uses the setting (default "reviewed"); the value is checked at the schema', async () => {
    expect(await call('settings:getReviewStatus')).toEqual({ ok: true, value: { value: 'reviewed' } })
    expect(await call('tasks:markReviewed', { ref: { taskId: 1001 } })).toMatchObject({ ok: true, value: { value: 'reviewed' } })
    expect(fake.platform.tasks.get(1001)!.externalIntegrationStatus).toBe('reviewed')
    expect(await call('settings:setReviewStatus', { value: ' checked-by-qa ' })).toEqual({ ok: true, value: { value: 'checked-by-qa' } })
    await call('tasks:markReviewed', { ref: { externalId: seedIds.document.externalId } })
    expect(fake.platform.tasks.get(seedIds.document.taskId)!.externalIntegrationStatus).toBe('checked-by-qa')
    expect(await call('tasks:markReviewed', { ref: { taskId: 1001 }, value: 'x'.repeat(33) })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(await call('settings:setReviewStatus', { value: '   ' })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
  })

  it('offline: the last page shown comes back with its time and a flag', async () => {
    const shown = await call('tasks:list', { filters: {}, page: 1, pageSize: 5 })
    expect(shown).toMatchObject({ ok: true, value: { offline: false } })
    expect(JSON.parse(await readFile(join(dataDir, 'inbox-cache.json'), 'utf8'))).toMatchObject({ baseUrl: fake.baseUrl, asOf: clock })
    const asOf = clock
    clock += 3_600_000
    await fake.close()
    const offline = await call<{ offline: boolean; asOf: number; items: unknown[]; offlineReason: string; cachedFor: unknown }>('tasks:list', { filters: { workspaceIds: [9] }, page: 2, pageSize: 5 })
    expect(offline).toMatchObject({ ok: true, value: { offline: true, asOf, cachedFor: { filters: {}, page: 1 } } })
    expect(offline.ok && offline.value.items).toHaveLength(2)
    expect(offline.ok && offline.value.offlineReason).toMatch(/Could not reach/)
    // Lookups have no offline copy: they fail with the network error.
    expect(await call('tasks:lookup', { ref: { taskId: 1001 } })).toMatchObject({ ok: false, error: { code: 'network' } })
  })
})

describe('drafts:summaries', () => {
  it('names the listed tasks that have a draft, with the share of segments reviewed', async () => {
    const model = normaliseTranscript(sampleTranscriptTask().body as unknown as TranscriptExport)
    const reviewed = { ...model, segments: model.segments.map((s, i) => (i === 0 ? { ...s, reviewed: true } : s)) }
    expect(await call('drafts:save', { taskId: 1001, exportHash: 'h', document: reviewed as unknown as Record<string, unknown> })).toMatchObject({ ok: true })
    const reply = await call<Array<{ taskId: number; reviewedPercent: number | null; savedAt: number }>>('drafts:summaries', { taskIds: [1001, 424242, 1001] })
    expect(reply).toEqual({ ok: true, value: [{ taskId: 1001, savedAt: clock, reviewedPercent: Math.floor(100 / model.segments.length) }] })
    expect(await call('drafts:summaries', { taskIds: [-1] })).toMatchObject({ ok: false, error: { code: 'bad_request' } })
  })
})
