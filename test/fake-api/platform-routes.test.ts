import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFakeApi, type FakeApi } from './server'
import { documentTask, sampleTranscriptTask, seedIds } from './seeds'

/*
 * The fake's platform routes over real HTTP: paging, filters, both PATCH paths, bare and wrapped
 * speaker bodies, 403 for the read-only client, and state a test can read.
 */

let fake: FakeApi
const api = '/api/v1.0/external'

beforeAll(async () => {
  fake = await createFakeApi({ clientId: 'cid', clientSecret: 'sec', tasks: [sampleTranscriptTask(), documentTask()], readOnlyClient: { clientId: 'ro', clientSecret: 'ro-sec' } })
})
afterAll(() => fake.close())

async function token(clientId = 'cid', secret = 'sec'): Promise<string> {
  const res = await fetch(`${fake.baseUrl}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'WebAPI', client_id: clientId, client_secret: secret }).toString()
  })
  return ((await res.json()) as { access_token: string }).access_token
}
async function send(method: string, path: string, bearer: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${fake.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : null }
}

describe('fake API: platform routes', () => {
  it('lists with the documented envelope, 1-based pages and case-insensitive, repeatable filters', async () => {
    const t = await token()
    expect((await send('GET', `${api}/sdtask/statuslistpaginated`, t)).status).toBe(400)
    const page = await send('GET', `${api}/sdtask/statuslistpaginated?startdate=2000-01-01&pageSize=1&pageNumber=2`, t)
    expect(page).toMatchObject({ status: 200, json: { pageNumber: 2, totalPages: 2, totalCount: 2, hasPreviousPage: true, hasNextPage: false } })
    const ws = await send('GET', `${api}/sdtask/statuslistpaginated?startDate=2000-01-01&workspaceId=9&workspaceId=8`, t)
    expect((ws.json as { items: Array<{ taskId: number }> }).items.map((i) => i.taskId)).toEqual([seedIds.document.taskId])
    expect(Array.isArray((await send('GET', `${api}/sdtask/statuslist?endDate=2100-01-01`, t)).json)).toBe(true)
    expect((await send('GET', `${api}/sdtask/status?externalId=${seedIds.sample.externalId}`, t)).json).toMatchObject({ taskId: 1001, externalIntegrationStatus: 'never', taskStatusText: 'ToReview' })
    expect((await send('GET', `${api}/sdtask/statuslistpaginated?startDate=2000-01-01`, 'nope')).status).toBe(401)
  })

  it('serves the PATCH under both paths (or one, when told) and keeps the value', async () => {
    const t = await token()
    expect((await send('PATCH', `${api}/sdtask/externalIntegrationStatus?taskId=1001`, t, { externalIntegrationStatus: 'a' })).status).toBe(204)
    expect((await send('PATCH', `/api/v1.0/sdtask/externalIntegrationStatus?taskid=1001`, t, { externalIntegrationStatus: 'b' })).status).toBe(204)
    expect(fake.platform.tasks.get(1001)!.externalIntegrationStatus).toBe('b')
    expect((await send('PATCH', `${api}/sdtask/externalIntegrationStatus?taskId=1001`, t, { externalIntegrationStatus: 'x'.repeat(33) })).status).toBe(400)
    fake.platform.patchPaths = 'external-only'
    expect((await send('PATCH', `/api/v1.0/sdtask/externalIntegrationStatus?taskId=1001`, t, { externalIntegrationStatus: 'c' })).status).toBe(404)
    fake.platform.patchPaths = 'both'
  })

  it('takes speaker writes bare or wrapped, refuses the read-only client, and records every write', async () => {
    const t = await token()
    const path = `${api}/transcripts/speakers/tasks/1001/7`
    fake.platform.requests.length = 0
    expect((await send('POST', path, t, { speakerId: 'n1', speakerName: 'Bare', isDefault: false })).status).toBe(200)
    expect((await send('POST', path, t, { speakers: [{ speakerId: 'n2', speakerName: 'Wrapped', isDefault: false }] })).status).toBe(200)
    expect((await send('POST', path, t, { speakerId: 'N1', speakerName: 'Again', isDefault: false })).status).toBe(409)
    expect((await send('PUT', path, t, { speakers: [{ speakerId: 'n2', speakerName: 'Renamed', speakerSuffix: 'Jr', isDefault: false }] })).status).toBe(200)
    expect((await send('DELETE', `${path}/n1`, t)).status).toBe(204)
    expect((await send('GET', path, t)).json).toMatchObject({ speakers: [{ speakerName: 'Interviewer' }, { speakerName: 'Guest' }, { speakerId: 'n2', speakerName: 'Renamed', speakerSuffix: 'Jr' }] })
    expect(fake.platform.writes().map((w) => w.method)).toEqual(['POST', 'POST', 'POST', 'PUT', 'DELETE'])
    expect((await send('GET', `${api}/transcripts/speakers/tasks/1001/9`, t)).status).toBe(404)
    const ro = await token('ro', 'ro-sec')
    expect((await send('GET', path, ro)).status).toBe(200)
    expect((await send('DELETE', `${path}/n2`, ro)).status).toBe(403)
    expect((await send('PATCH', `${api}/sdtask/externalIntegrationStatus?taskId=1001`, ro, { externalIntegrationStatus: 'z' })).status).toBe(403)
    expect((await send('GET', `${api}/transcripts/speakers/workspaces/7`, t)).json).toMatchObject({ speakers: [{ speakerId: 'ws-0001' }] })
  })
})
