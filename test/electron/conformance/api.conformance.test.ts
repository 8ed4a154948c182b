import { describe, expect, it } from 'vitest'
import { createApiServices, type ApiServices } from '../../../electron/services/api/create-services'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'
import { createMemoryKeyValueStore } from '../../../electron/services/settings/key-value-store'
import { flattenDocument } from '../../../shared/document/flatten'
import { parseDocumentExportText } from '../../../electron/services/files/read-export-file'
import { normaliseTranscript } from '../../../shared/transcript'
import type { AppError } from '../../../shared/errors'
import type { TokenStyle } from './doc-server'
import { useDocServer } from './use-doc-server'
import { smallTokens, smallTranscript, sparseDocument } from './doc-exports'

/*
 * The real auth service and API client (real fetch, loopback HTTP) against doc-docs.server.ts, an
 * independent implementation of the documented API that varies what the documents permit.
 * Time is injected: the clock moves only when a test moves it; backoff waits are recorded and
 * return at once (the per-attempt timeout keeps waiting for its abort).
 */

const timeoutMs = 10_000
const docs = useDocServer()

interface Harness {
  readonly services: ApiServices
  readonly waits: number[]
  advance(ms: number): void
}

function harness(credentials: { clientId?: string; clientSecret?: string; token?: string } = {}): Harness {
  let now = Date.parse('2026-03-01T12:00:00Z')
  const waits: number[] = []
  const sleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (ms >= timeoutMs) {
        signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true })
        return
      }
      waits.push(ms)
      resolve()
    })
  const services = createApiServices({
    secretStore: createMemorySecretStore(false),
    settingsStore: createMemoryKeyValueStore(),
    baseUrlOverride: docs.server.baseUrl,
    clock: () => now,
    sleep,
    random: () => 0.5,
    timeoutMs
  })
  if (credentials.token) services.auth.useCredentials({ mode: 'token', accessToken: credentials.token })
  else services.auth.useCredentials({ mode: 'client-credentials', clientId: credentials.clientId ?? docs.server.config.clientId, clientSecret: credentials.clientSecret ?? docs.server.config.clientSecret })
  return { services, waits, advance: (ms) => (now += ms) }
}

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError)
const tokenPosts = () => docs.server.requests.filter((r) => r.path === '/connect/token')
const exportGets = () => docs.server.requests.filter((r) => r.path.startsWith('/api/'))

function serveSmall(taskId = 5001, externalId: string | null = 'MEET-1') {
  const body = JSON.stringify(smallTranscript({ taskId, externalId }))
  docs.server.serve({ kind: 'transcript', taskId, externalId, body })
  return body
}

describe('token endpoint (docs/api.md#signing-in-and-tokens)', () => {
  it('posts the documented form, with a secret that needs form encoding', async () => {
    const body = serveSmall()
    const { services } = harness()
    expect((await services.api.fetchTranscriptExport({ taskId: 5001 })).raw).toBe(body)
    const [post] = tokenPosts()
    expect(post.method).toBe('POST')
    expect(post.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
    expect(Object.fromEntries(new URLSearchParams(post.body))).toEqual({ grant_type: 'client_credentials', scope: 'WebAPI', client_id: 'doc-client', client_secret: 'doc secret+/=&%' })
    expect(exportGets()[0].headers.authorization).toMatch(/^Bearer [^\s]+$/)
  })

  it.each<[TokenStyle, number]>([
    ['documented', 300],
    ['reordered-extra', 300],
    ['string-expires', 300],
    ['no-expires', 3600]
  ])('%s answer: the token is reused while valid and replaced before it expires', async (tokenStyle, lifetimeS) => {
    docs.server.config.tokenStyle = tokenStyle
    docs.server.config.tokenLifetimeS = 300
    serveSmall()
    const h = harness()
    await h.services.api.getTranscriptExport({ taskId: 5001 })
    h.advance(lifetimeS * 500)
    await h.services.api.getTranscriptExport({ taskId: 5001 })
    expect(tokenPosts()).toHaveLength(1)
    expect(h.services.auth.status().expiresAt).toBe(Date.parse('2026-03-01T12:00:00Z') + lifetimeS * 1000)
    // Past its lifetime the server no longer takes it; the client must not even try it.
    h.advance(lifetimeS * 500)
    docs.server.expireTokens()
    await h.services.api.getTranscriptExport({ taskId: 5001 })
    expect(tokenPosts()).toHaveLength(2)
    expect(docs.server.requests.filter((r) => r.path.startsWith('/api/')).length).toBe(3)
  })

  it.each([400, 401] as const)('invalid_client as HTTP %d is "wrong credentials" (unauthorized)', async (status) => {
    docs.server.config.invalidClientStatus = status
    const { services } = harness({ clientSecret: 'wrong' })
    const error = await errorOf(services.api.getTranscriptExport({ taskId: 5001 }))
    expect(error).toMatchObject({ code: 'unauthorized', message: 'Client ID or secret is wrong or has expired' })
    expect(exportGets()).toHaveLength(0)
  })

  it.each([
    ['HTTP 503', { route: 'token' as const, status: 503 }],
    ['HTTP 429 with Retry-After', { route: 'token' as const, status: 429, headers: { 'Retry-After': '2' } }]
  ])('a transient answer (%s) from the token endpoint is retried like one from the API', async (_label, scripted) => {
    const body = serveSmall()
    docs.server.next(scripted)
    const h = harness()
    expect((await h.services.api.fetchTranscriptExport({ taskId: 5001 })).raw).toBe(body)
    expect(tokenPosts()).toHaveLength(2)
    if ('headers' in scripted) expect(h.waits).toEqual([2000])
  })
})

describe('export endpoints (docs/api.md#the-two-export-endpoints)', () => {
  it('asks the documented paths: taskId in the path, externalId as a query parameter with path id 0', async () => {
    serveSmall(5001, 'MEET-1')
    docs.server.serve({ kind: 'document', taskId: 6001, externalId: 'DOC-1', body: JSON.stringify(sparseDocument()) })
    const { services } = harness()
    await services.api.getTranscriptExport({ taskId: 5001 })
    await services.api.getTranscriptExport({ externalId: 'MEET-1' })
    await services.api.getTranscriptExport({ taskId: 5001, externalId: 'MEET-1' })
    await services.api.getDocumentExport({ taskId: 6001 })
    await services.api.getDocumentExport({ externalId: 'DOC-1' })
    expect(exportGets().map((r) => r.rawUrl)).toEqual([
      '/api/v1.0/external/sdtask/GetExportData/Transcript/5001',
      '/api/v1.0/external/sdtask/GetExportData/Transcript/0?externalId=MEET-1',
      '/api/v1.0/external/sdtask/GetExportData/Transcript/5001?externalId=MEET-1',
      '/api/v1.0/external/sdtask/GetExportData/6001',
      '/api/v1.0/external/sdtask/GetExportData/0?externalId=DOC-1'
    ])
  })

  it('an externalId is found whichever way the server reads "…?externalId=X" (path id 0, or no path id)', async () => {
    serveSmall(5001, 'MEET-1')
    docs.server.serve({ kind: 'document', taskId: 6001, externalId: 'DOC-1', body: JSON.stringify(sparseDocument()) })
    docs.server.config.externalIdRouting = 'no-path-id'
    const { services } = harness()
    expect((await services.api.getTranscriptExport({ externalId: 'MEET-1' })).taskId).toBe(5001)
    expect((await services.api.getDocumentExport({ externalId: 'DOC-1' })).taskId).toBe(6001)
    expect(exportGets().map((r) => r.rawUrl)).toEqual([
      '/api/v1.0/external/sdtask/GetExportData/Transcript/0?externalId=MEET-1',
      '/api/v1.0/external/sdtask/GetExportData/Transcript?externalId=MEET-1',
      '/api/v1.0/external/sdtask/GetExportData/0?externalId=DOC-1',
      '/api/v1.0/external/sdtask/GetExportData?externalId=DOC-1'
    ])
    // An unknown externalId is "not found" under both readings, whatever the second form answers.
    for (const routing of ['no-path-id', 'zero-is-none'] as const) {
      docs.server.config.externalIdRouting = routing
      for (const call of [services.api.getTranscriptExport({ externalId: 'nobody' }), services.api.getDocumentExport({ externalId: 'nobody' })]) {
        expect(await errorOf(call)).toMatchObject({ code: 'not_found', message: expect.stringContaining('external id "nobody"') })
      }
    }
    // With a taskId the path id is real: a 404 is final.
    docs.server.requests.length = 0
    expect(await errorOf(services.api.getTranscriptExport({ taskId: 999, externalId: 'MEET-1' }))).toMatchObject({ code: 'not_found' })
    expect(exportGets()).toHaveLength(1)
  })

  it.each(['with space', 'a/b\\c', 'ação ü 東京', 'x&y=z#frag?q', '100%+plus', ' padded '])('finds the task by the externalId %j', async (externalId) => {
    const body = serveSmall(5002, externalId)
    const { services } = harness()
    expect((await services.api.fetchTranscriptExport({ externalId })).raw).toBe(body)
    expect(exportGets()[0].query.get('externalId')).toBe(externalId)
  })

  it.each([['application/json; charset=utf-8'], ['application/json'], ['text/plain; charset=utf-8'], [null]])('reads the export whatever the Content-Type (%s)', async (type) => {
    docs.server.config.jsonContentType = type
    const body = serveSmall()
    const { services } = harness()
    const fetched = await services.api.fetchTranscriptExport({ taskId: 5001 })
    expect(fetched.raw).toBe(body)
    expect(fetched.data.displayName).toBe('Morning meeting — São Paulo')
  })

  it('reads an export that starts with a UTF-8 byte order mark', async () => {
    const body = JSON.stringify(smallTranscript())
    docs.server.serve({ kind: 'transcript', taskId: 5001, body: '\uFEFF' + body })
    const { services } = harness()
    const fetched = await services.api.fetchTranscriptExport({ taskId: 5001 })
    expect(JSON.parse(fetched.raw)).toEqual(JSON.parse(body))
  })

  it('takes nulls everywhere optional, missing lists, unknown fields and 7-digit/Z-less datetimes', async () => {
    for (const [taskId, variant] of [[5101, { sparse: true, unit: 'ticks' }], [5102, { extras: true, unit: 'milliseconds', unsorted: true }]] as const) {
      docs.server.serve({ kind: 'transcript', taskId, body: JSON.stringify(smallTranscript({ ...variant, taskId })) })
    }
    docs.server.serve({ kind: 'document', taskId: 6001, body: JSON.stringify(sparseDocument()) })
    const { services } = harness()
    for (const taskId of [5101, 5102]) {
      const model = normaliseTranscript(await services.api.getTranscriptExport({ taskId }))
      expect(model.segments.flatMap((s) => s.words.map((w) => w.text))).toEqual(smallTokens())
    }
    const doc = flattenDocument(await services.api.getDocumentExport({ taskId: 6001 }))
    expect(doc.keyValues.map((k) => k.content)).toEqual(['FT 2024/17', '1.234,50 €'])
    expect(doc.grids[0].rows[0].cells.map((c) => c?.content)).toEqual(['Widget', '3'])
  })

  it.each(['empty', 'challenge', 'oauth-json'] as const)('a 401 (%s) gets one new token and a retry', async (style) => {
    docs.server.config.unauthorized = style
    const body = serveSmall()
    const { services } = harness()
    await services.api.getTranscriptExport({ taskId: 5001 })
    docs.server.expireTokens()
    expect((await services.api.fetchTranscriptExport({ taskId: 5001 })).raw).toBe(body)
    expect(tokenPosts()).toHaveLength(2)
  })

  it('a pasted token that is refused is "unauthorized" without a token request', async () => {
    serveSmall()
    const { services } = harness({ token: 'Bearer pasted-and-unknown' })
    expect(await errorOf(services.api.getTranscriptExport({ taskId: 5001 }))).toMatchObject({ code: 'unauthorized' })
    expect(exportGets()[0].headers.authorization).toBe('Bearer pasted-and-unknown')
    expect(tokenPosts()).toHaveLength(0)
  })

  it.each(['empty', 'problem', 'text'] as const)('404 and 400 with a %s body are not_found and bad_request', async (style) => {
    docs.server.config.errorBodies = style
    const { services } = harness()
    expect(await errorOf(services.api.getTranscriptExport({ taskId: 999 }))).toMatchObject({ code: 'not_found' })
    expect(await errorOf(services.api.getDocumentExport({ externalId: 'nobody' }))).toMatchObject({ code: 'not_found' })
    docs.server.next({ route: 'export', status: 400, ...(style === 'empty' ? {} : { body: '{"title":"Bad Request","status":400}', headers: { 'Content-Type': 'application/problem+json' } }) })
    expect(await errorOf(services.api.getTranscriptExport({ taskId: 5001 }))).toMatchObject({ code: 'bad_request' })
  })

  it('429 and 503 are retried, honouring Retry-After in seconds and as an HTTP-date', async () => {
    const body = serveSmall()
    const h = harness()
    const inFive = new Date(Date.parse('2026-03-01T12:00:05Z')).toUTCString()
    docs.server.next(
      { route: 'export', status: 429, headers: { 'Retry-After': '3' } },
      { route: 'export', status: 503, headers: { 'Retry-After': inFive }, body: '<html>busy</html>' },
      { route: 'export', status: 503 }
    )
    expect((await h.services.api.fetchTranscriptExport({ taskId: 5001 })).raw).toBe(body)
    expect(h.waits.slice(0, 2)).toEqual([3000, 5000])
    expect(exportGets()).toHaveLength(4)
  })

  it('a Retry-After too long to wait for fails at once with a server error', async () => {
    serveSmall()
    const h = harness()
    docs.server.next({ route: 'export', status: 429, headers: { 'Retry-After': '3600' } })
    expect(await errorOf(h.services.api.getTranscriptExport({ taskId: 5001 }))).toMatchObject({ code: 'server' })
    expect(h.waits).toEqual([])
  })

  it.each([301, 302, 307, 308])('follows a same-origin %d redirect with the token', async (status) => {
    const body = serveSmall()
    docs.server.next({ route: 'export', status, redirectToSelf: true })
    const { services } = harness()
    expect((await services.api.fetchTranscriptExport({ taskId: 5001 })).raw).toBe(body)
    expect(exportGets().map((r) => r.query.get('redirected'))).toEqual([null, '1'])
    expect(exportGets()[1].headers.authorization).toBe(exportGets()[0].headers.authorization)
  })

  it('a 200 whose body is not JSON is invalid_response, a 200 with the wrong shape names the field', async () => {
    const { services } = harness()
    docs.server.next({ route: 'export', status: 200, body: '<html>login</html>', headers: { 'Content-Type': 'text/html' } })
    expect(await errorOf(services.api.getTranscriptExport({ taskId: 5001 }))).toMatchObject({ code: 'invalid_response' })
    docs.server.next({ route: 'export', status: 200, body: '{"taskId":"5001","transcript":{}}' })
    expect(await errorOf(services.api.getTranscriptExport({ taskId: 5001 }))).toMatchObject({ code: 'invalid_response', message: expect.stringContaining('taskId') })
  })
})

describe('document export variants', () => {
  it('customFormValues sent as an object rather than JSON text is read, and kept byte-for-byte', async () => {
    const body = sparseDocument(6002) as { chunks: Array<{ entities: Array<Record<string, unknown>> }> }
    body.chunks[0].entities[0].customFormValues = { approved: true, costCentre: 'CC-1' }
    const text = JSON.stringify(body)
    docs.server.serve({ kind: 'document', taskId: 6002, body: text })
    const { services } = harness()
    const fetched = await services.api.fetchDocumentExport({ taskId: 6002 })
    expect(fetched.raw).toBe(text)
    expect(flattenDocument(fetched.data).entities[0].customFormValues).toEqual({ approved: true, costCentre: 'CC-1' })
  })
})

describe('saved export files', () => {
  it('a document export saved with a byte order mark opens', () => {
    const text = JSON.stringify(sparseDocument(6003))
    expect(parseDocumentExportText('\uFEFF' + text, 'doc.json').taskId).toBe(6003)
    expect(() => parseDocumentExportText('{', 'doc.json')).toThrow(/doc.json is not valid JSON/)
  })
})

describe('checking credentials (Test connection)', () => {
  it('on a server with only the export endpoints, a live token passes and a dead one is refused', async () => {
    const live = harness()
    expect(await live.services.api.checkAccess()).toEqual({ workspaces: 0 })
    const token = exportGets()[0].headers.authorization!.slice('Bearer '.length)
    const pasted = harness({ token })
    expect(await pasted.services.api.checkAccess()).toEqual({ workspaces: 0 })
    const dead = harness({ token: 'no-such-token' })
    expect(await errorOf(dead.services.api.checkAccess())).toMatchObject({ code: 'unauthorized' })
  })
})
