import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createApiServices, type ApiServices } from '../../../electron/services/api/create-services'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'
import { createMemoryKeyValueStore } from '../../../electron/services/settings/key-value-store'
import { applySpeakerPlan, planSpeakers } from '../../../electron/services/api/speaker-sync'
import { startDocServer, type DocServer } from './doc-server'
import { instantBackoff } from '../support/instant-backoff'

/*
 * The platform client against doc-server.ts's platform routes (doc-platform.ts), written from the
 * vendor's docs alone in a deliberately different style: only the `/external/` PATCH path, bare
 * speaker arrays, single-object writes echoed back, list answers as a bare array, the batch
 * envelope without `hasNextPage`, or PascalCase.
 */

let server: DocServer

beforeAll(async () => {
  server = await startDocServer()
})
afterAll(() => server.close())
afterEach(() => {
  server.platform.listStyle = 'batch-envelope'
  server.platform.forbidWrites = false
  server.platform.log.length = 0
})

async function signedIn(): Promise<ApiServices> {
  const services = createApiServices({ secretStore: createMemorySecretStore(), settingsStore: createMemoryKeyValueStore(), sleep: instantBackoff, timeoutMs: 5_000 })
  await services.settings.setBaseUrl(server.baseUrl)
  await services.auth.signIn({ mode: 'client-credentials', clientId: server.config.clientId, clientSecret: server.config.clientSecret }, { baseUrl: server.baseUrl })
  return services
}

describe('listing against the doc server', () => {
  it.each(['batch-envelope', 'pascal-envelope', 'bare-array'] as const)('pages through the list (%s)', async (style) => {
    server.platform.listStyle = style
    const { platform } = await signedIn()
    const first = await platform.listTasks({}, 1, 2)
    expect(first.items.map((t) => t.taskId)).toEqual([51, 50])
    expect(first.hasMore).toBe(true)
    const second = await platform.listTasks({}, 2, 2)
    expect(second.items.map((t) => t.taskId)).toEqual([49])
    expect(second.hasMore).toBe(false)
    expect(second.total).toBe(style === 'bare-array' ? null : 3)
    expect((await platform.listAllTasks({}, 2)).map((t) => t.taskId)).toEqual([51, 50, 49])
  })

  it('shows the docs example status 4 and unknown enums by text, or by number when there is none', async () => {
    const { platform } = await signedIn()
    const { items } = await platform.listTasks({ workspaceIds: [3] }, 1, 10)
    const byId = new Map(items.map((t) => [t.taskId, t]))
    expect(byId.get(49)).toMatchObject({ status: { value: 4, text: 'Processed' }, integrationStatus: { value: 2, text: 'Unknown (2)' }, lengthMinutes: 95 })
    expect(byId.get(50)!.status).toEqual({ value: 77, text: 'SomethingNew' })
    expect(byId.get(50)!.createdOn).toBe('2026-01-06T08:00:00.7831583Z')
  })

  it('sends repeatable filters and the external status filter as documented', async () => {
    const { platform } = await signedIn()
    const never = await platform.listTasks({ externalStatus: 'never', integrationStatuses: [1, 2], workspaceIds: [3, 4] }, 1, 10)
    expect(never.items.map((t) => t.taskId)).toEqual([51, 49])
    expect(server.platform.log.at(-1)).toContain('integrationStatus=1&integrationStatus=2')
    const dated = await platform.listTasks({ from: '2026-01-06T00:00:00Z' }, 1, 10)
    expect(dated.items.map((t) => t.taskId)).toEqual([51, 50])
  })

  it('looks up by external id', async () => {
    const { platform } = await signedIn()
    expect(await platform.lookupTask({ externalId: 'A-50' })).toMatchObject({ taskId: 50, externalStatus: 'exported' })
    await expect(platform.lookupTask({ taskId: 1 })).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('speakers and review status against the doc server', () => {
  it('plans from a bare array and applies add, rename and remove with single-object bodies echoed back', async () => {
    const { platform } = await signedIn()
    expect(await platform.getWorkspaceSpeakers(3)).toBeNull()
    const draft = [
      { id: '90edf137-ea2a-4b59-bf51-45446299d47e', name: 'Mayor', prefix: 'Hon.', suffix: '' },
      { id: 'c1', name: 'Reporter', prefix: '', suffix: '' }
    ]
    const plan = await planSpeakers(platform, 49, 3, draft, [])
    expect(plan.changes.map((c) => `${c.kind}:${c.speakerId}`)).toEqual(['add:c1', 'rename:90EDF137-EA2A-4B59-BF51-45446299D47E', 'remove:b1'])
    const result = await applySpeakerPlan(platform, plan)
    expect(result.complete).toBe(true)
    expect(server.platform.speakers.get(49)!.map((s) => [s.speakerId, s.speakerName, s.speakerPrefix])).toEqual([
      ['90EDF137-EA2A-4B59-BF51-45446299D47E', 'Mayor', 'Hon.'],
      ['c1', 'Reporter', '']
    ])
    expect((await planSpeakers(platform, 49, 3, draft, [])).changes).toEqual([])
  })

  it('403 on a write names the workspace', async () => {
    server.platform.forbidWrites = true
    const { platform } = await signedIn()
    const plan = await planSpeakers(platform, 49, 3, [{ id: 'zz', name: 'New', prefix: '', suffix: '' }], [])
    const result = await applySpeakerPlan(platform, plan)
    expect(result.results[0]).toMatchObject({ outcome: 'failed', message: 'This account may not change speakers in workspace 3 (HTTP 403)' })
  })

  it('marks a task reviewed through the only path this server has', async () => {
    const { platform } = await signedIn()
    expect((await platform.markReviewed({ taskId: 51 }, 'reviewed')).path).toBe('/api/v1.0/external/sdtask/externalIntegrationStatus')
    expect(server.platform.rows.find((r) => r.taskId === 51)!.externalIntegrationStatus).toBe('reviewed')
    const before = server.requests.length
    await platform.markReviewed({ externalId: 'B-51' }, 'checked')
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/api/v1.0/external/sdtask/externalIntegrationStatus'])
  })
})
