import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createFakeApi, type FakeApi } from '../../../fake-api/server'
import { documentTask, sampleTranscriptTask, seedIds, type FakeTask } from '../../../fake-api/seeds'
import { createApiServices, type ApiServices } from '../../../../electron/services/api/create-services'
import { createMemorySecretStore } from '../../../../electron/services/auth/secret-store'
import { createMemoryKeyValueStore } from '../../../../electron/services/settings/key-value-store'
import { applySpeakerPlan, planSpeakers } from '../../../../electron/services/api/speaker-sync'
import { AppError } from '../../../../shared/errors'
import { instantBackoff } from '../../support/instant-backoff'

/*
 * The platform client (listing, speakers, review status) with the real services against the
 * real fake server over loopback. Backoff waits return at once; timeouts use the real sleep.
 */

let fake: FakeApi

function extraTask(taskId: number, workspaceId: number, name: string): FakeTask {
  const base = sampleTranscriptTask()
  return { ...base, taskId, externalId: `EXT-${taskId}`, mediaFile: undefined, body: { ...base.body, taskId, workspaceId, displayName: name } }
}

beforeAll(async () => {
  fake = await createFakeApi({ clientId: 'cid', clientSecret: 'sec', tasks: [sampleTranscriptTask(), documentTask()], readOnlyClient: { clientId: 'viewer', clientSecret: 'viewer-secret' } })
  for (let i = 0; i < 11; i++) fake.addTask(extraTask(3000 + i, 7, `Extra ${i}`))
})
afterAll(() => fake.close())
afterEach(() => {
  fake.reset()
  fake.platform.requests.length = 0
  fake.platform.speakerFaults.length = 0
  fake.platform.patchPaths = 'both'
})

async function signedIn(clientId = 'cid', clientSecret = 'sec'): Promise<ApiServices> {
  const services = createApiServices({ secretStore: createMemorySecretStore(), settingsStore: createMemoryKeyValueStore(), sleep: instantBackoff, timeoutMs: 5_000 })
  await services.settings.setBaseUrl(fake.baseUrl)
  await services.auth.signIn({ mode: 'client-credentials', clientId, clientSecret })
  return services
}

describe('listing', () => {
  it('lists workspaces and pages through tasks with filters', async () => {
    const { platform } = await signedIn()
    expect((await platform.listWorkspaces()).map((w) => w.workspaceId)).toEqual([7, 9])
    const first = await platform.listTasks({ workspaceIds: [7] }, 1, 5)
    expect(first).toMatchObject({ page: 1, pageSize: 5, total: 12, hasMore: true })
    expect(first.items).toHaveLength(5)
    const last = await platform.listTasks({ workspaceIds: [7] }, 3, 5)
    expect(last).toMatchObject({ hasMore: false })
    expect(last.items).toHaveLength(2)
    const all = await platform.listAllTasks({ workspaceIds: [7] }, 5)
    expect(new Set(all.map((t) => t.taskId)).size).toBe(12)
    const both = await platform.listTasks({ workspaceIds: [7, 9] }, 1, 50)
    expect(both.total).toBe(13)
    // Repeated workspaceId went as two parameters (OR), and a date was sent since the list needs one.
    const query = fake.platform.requests.at(-1)!.query
    expect(query).toContain('workspaceId=7&workspaceId=9')
    expect(query).toContain('startDate=')
  })

  it('filters by status, external status and dates; unknown status shows its text', async () => {
    const { platform } = await signedIn()
    fake.platform.tasks.get(3000)!.externalIntegrationStatus = 'reviewed'
    const never = await platform.listTasks({ externalStatus: 'never' }, 1, 50)
    expect(never.items.map((t) => t.taskId)).not.toContain(3000)
    expect(never.total).toBe(12)
    const docs = await platform.listTasks({ taskStatuses: [34] }, 1, 50)
    expect(docs.items.map((t) => t.taskId)).toEqual([seedIds.document.taskId])
    expect(docs.items[0].status).toEqual({ value: 34, text: 'PreProcessingSuccessful' })
    const toReview = await platform.listTasks({ taskStatuses: [40], integrationStatuses: [0] }, 1, 1)
    // 40 is not in the readable Mappings table: shown by the server's text.
    expect(toReview.items[0].status).toEqual({ value: 40, text: 'ToReview' })
    const dated = await platform.listTasks({ from: '2026-02-01T00:00:00Z', to: '2026-02-02T23:59:59Z' }, 1, 50)
    expect(dated.items.map((t) => t.createdOn)).toEqual(['2026-02-01T10:00:00Z', '2026-02-02T10:00:00.1234567Z'])
  })

  it('looks a task up by id and by external id; an unknown one is not_found', async () => {
    const { platform } = await signedIn()
    expect(await platform.lookupTask({ taskId: seedIds.sample.taskId })).toMatchObject({ taskId: 1001, externalId: seedIds.sample.externalId, workspaceId: 7, externalStatus: 'never' })
    expect(await platform.lookupTask({ externalId: seedIds.document.externalId })).toMatchObject({ taskId: seedIds.document.taskId })
    await expect(platform.lookupTask({ taskId: 999999 })).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('speakers', () => {
  const draftOf = () => [
    { id: '3f1c2a9e-6b7d-4c1e-9a51-0d2f3b4c5a61', name: 'Host', prefix: 'Dr', suffix: '' },
    { id: 'new-speaker-1', name: 'Caller', prefix: '', suffix: '' },
    { id: 'new-speaker-2', name: 'Second caller', prefix: '', suffix: 'PhD' }
  ]
  const taskId = 3005

  it('reads the workspace list and the task list', async () => {
    const { platform } = await signedIn()
    expect(await platform.getWorkspaceSpeakers(7)).toEqual([{ speakerId: 'ws-0001', name: 'Chair', prefix: 'Hon.', suffix: '', isDefault: true }])
    expect((await platform.getTaskSpeakers(taskId, 7)).map((s) => s.name)).toEqual(['Interviewer', 'Guest'])
  })

  it('a write failing halfway: exact per-speaker result, no blind retry, a second attempt converges', async () => {
    const { platform } = await signedIn()
    const plan = await planSpeakers(platform, taskId, 7, draftOf(), [{ fromId: '8e2d4f60-1a3b-4c5d-8e7f-9a0b1c2d3e4f', intoId: '3f1c2a9e-6b7d-4c1e-9a51-0d2f3b4c5a61' }])
    expect(plan.changes.map((c) => c.kind)).toEqual(['add', 'add', 'rename', 'merge'])
    // First add lands; the second add is applied but its answer is lost (connection dropped).
    fake.platform.speakerFaults.push('ok', 'reset-after-apply')
    const first = await applySpeakerPlan(platform, plan)
    expect(first.complete).toBe(false)
    expect(first.results.map((r) => r.outcome)).toEqual(['done', 'unknown', 'not-attempted', 'not-attempted'])
    expect(first.results[1].message).toMatch(/may or may not have been applied/)
    // The fake saw each write exactly once: nothing was re-sent after the dropped answer.
    expect(fake.platform.writes().map((w) => w.method)).toEqual(['POST', 'POST'])
    fake.platform.requests.length = 0
    const second = await applySpeakerPlan(platform, plan)
    expect(second.complete).toBe(true)
    expect(second.results.map((r) => r.outcome)).toEqual(['already', 'already', 'done', 'done'])
    expect(fake.platform.writes().map((w) => w.method)).toEqual(['PUT', 'DELETE'])
    expect(fake.platform.speakers.get(taskId)!.map((s) => [s.speakerName, s.speakerPrefix, s.speakerSuffix])).toEqual([
      ['Host', 'Dr', ''],
      ['Caller', '', ''],
      ['Second caller', '', 'PhD']
    ])
    // And a third plan has nothing left to do.
    expect((await planSpeakers(platform, taskId, 7, draftOf(), [])).changes).toEqual([])
  })

  it('a 500 on one write: that speaker failed, the rest not attempted; 503 is retried (not processed)', async () => {
    const { platform } = await signedIn()
    const id = 3006
    const plan = await planSpeakers(platform, id, 7, draftOf(), [])
    fake.platform.speakerFaults.push('503', 'ok', '500')
    const result = await applySpeakerPlan(platform, plan)
    expect(result.results.map((r) => r.outcome)).toEqual(['done', 'failed', 'not-attempted', 'not-attempted'])
    expect(result.results[1].message).toContain('HTTP 500')
    expect(fake.platform.writes().map((w) => w.method)).toEqual(['POST', 'POST', 'POST'])
    expect(fake.platform.speakers.get(id)!.map((s) => s.speakerName)).toEqual(['Interviewer', 'Guest', 'Caller'])
  })

  it('a write whose answer never comes (timeout) is unknown and not sent again', async () => {
    const services = createApiServices({ secretStore: createMemorySecretStore(), settingsStore: createMemoryKeyValueStore(), timeoutMs: 300 })
    await services.settings.setBaseUrl(fake.baseUrl)
    await services.auth.signIn({ mode: 'client-credentials', clientId: 'cid', clientSecret: 'sec' })
    const plan = await planSpeakers(services.platform, 3008, 7, draftOf(), [])
    fake.platform.speakerFaults.push('stall-after-apply')
    const result = await applySpeakerPlan(services.platform, plan)
    expect(result.results.map((r) => r.outcome)).toEqual(['unknown', 'not-attempted', 'not-attempted', 'not-attempted'])
    expect(result.results[0]).toMatchObject({ code: 'timeout', message: expect.stringMatching(/did not answer .* may or may not have been applied/) })
    expect(fake.platform.writes().map((w) => w.method)).toEqual(['POST'])
    // It was applied: the next attempt finds it there and does the rest.
    const again = await applySpeakerPlan(services.platform, plan)
    expect(again.results.map((r) => r.outcome)).toEqual(['already', 'done', 'done', 'done'])
  })

  it('403 for a read-only account says which workspace', async () => {
    const { platform } = await signedIn('viewer', 'viewer-secret')
    const plan = await planSpeakers(platform, 3007, 7, draftOf(), [])
    const result = await applySpeakerPlan(platform, plan)
    expect(result.results[0]).toMatchObject({ outcome: 'failed', message: 'This account may not change speakers in workspace 7 (HTTP 403)' })
    expect(result.results.slice(1).every((r) => r.outcome === 'not-attempted')).toBe(true)
    await expect(platform.markReviewed({ taskId: 3007 }, 'reviewed')).rejects.toThrow(/may not change the review status/)
  })
})

describe('review status', () => {
  it('PATCHes the documented path; falls back to the other on 404 and remembers it per base URL', async () => {
    const { platform } = await signedIn()
    expect(await platform.markReviewed({ taskId: 3001 }, 'reviewed')).toEqual({ path: '/api/v1.0/external/sdtask/externalIntegrationStatus', value: 'reviewed' })
    expect(fake.platform.tasks.get(3001)!.externalIntegrationStatus).toBe('reviewed')
    fake.platform.patchPaths = 'short-only'
    fake.platform.requests.length = 0
    expect((await platform.markReviewed({ externalId: 'EXT-3002' }, 'exported-to-cms')).path).toBe('/api/v1.0/sdtask/externalIntegrationStatus')
    expect(fake.platform.requests.map((r) => r.path)).toEqual(['/api/v1.0/external/sdtask/externalIntegrationStatus', '/api/v1.0/sdtask/externalIntegrationStatus'])
    expect(fake.platform.tasks.get(3002)!.externalIntegrationStatus).toBe('exported-to-cms')
    fake.platform.requests.length = 0
    await platform.markReviewed({ taskId: 3003 }, 'reviewed')
    expect(fake.platform.requests.map((r) => r.path)).toEqual(['/api/v1.0/sdtask/externalIntegrationStatus'])
    expect(JSON.parse(fake.platform.requests[0].body)).toEqual({ externalIntegrationStatus: 'reviewed' })
  })

  it('refuses empty and over-long values before sending; an unknown task is not_found', async () => {
    const { platform } = await signedIn()
    await expect(platform.markReviewed({ taskId: 3001 }, '  ')).rejects.toMatchObject({ code: 'bad_request' })
    await expect(platform.markReviewed({ taskId: 3001 }, 'x'.repeat(33))).rejects.toBeInstanceOf(AppError)
    expect(fake.platform.writes()).toEqual([])
    await expect(platform.markReviewed({ taskId: 424242 }, 'reviewed')).rejects.toMatchObject({ code: 'not_found' })
  })
})
