import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiServices, type ApiServices } from '../../../../electron/services/api/create-services'
import { createMemorySecretStore } from '../../../../electron/services/auth/secret-store'
import { createMemoryKeyValueStore } from '../../../../electron/services/settings/key-value-store'
import { realSleep } from '../../../../electron/services/api/sleep'
import { startRecordingServer, type RecordingHandler, type RecordingServer } from '../../support/recording-server'

/*
 * Redirects on the calls that carry credentials (never followed to another host): the token form
 * (client secret in the body) and the export GETs (bearer token). Two real loopback servers; host B
 * records what reaches it, which must be nothing.
 */

const secret = 'redirect-test-secret-value'
const exportBody = JSON.stringify({ taskId: 7, displayName: 'T', transcript: { transcripts: [], speakers: [], annotations: [] } })
const tokenJson = JSON.stringify({ access_token: 'token-from-a', expires_in: 3600, token_type: 'Bearer', scope: 'WebAPI' })

let hostA: RecordingServer
let hostB: RecordingServer
let answerA: RecordingHandler

beforeEach(async () => {
  hostB = await startRecordingServer((_r, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(tokenJson))
  answerA = () => undefined
  hostA = await startRecordingServer((request, res) => answerA(request, res))
})
afterEach(async () => {
  await hostA.close()
  await hostB.close()
})

// Retries need no real time; the 10 s request timeout still runs on the real clock.
const backoffInstantly = (ms: number, signal?: AbortSignal) => (ms >= 10_000 ? realSleep(ms, signal) : Promise.resolve())

function services(): ApiServices {
  return createApiServices({ secretStore: createMemorySecretStore(), settingsStore: createMemoryKeyValueStore(), baseUrlOverride: hostA.baseUrl, sleep: backoffInstantly, timeoutMs: 10_000 })
}

const signIn = (s: ApiServices) => s.auth.signIn({ mode: 'client-credentials', clientId: 'client-a', clientSecret: secret })

/** Host A: the token endpoint answers, exports go wherever `exports` says. */
function tokenThen(exports: RecordingHandler): RecordingHandler {
  return (request, res) => (request.url === '/connect/token' ? res.writeHead(200, { 'content-type': 'application/json' }).end(tokenJson) : exports(request, res))
}

describe('redirects on credential-carrying calls', () => {
  it('the token request is not followed to another host: refused, the error names the host, B gets nothing', async () => {
    answerA = (_r, res) => res.writeHead(307, { location: `${hostB.baseUrl}/connect/token` }).end()
    const s = services()
    const error = await signIn(s).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'server', message: expect.stringContaining(hostB.host) })
    expect((error as Error).message).not.toContain(secret)
    expect(hostB.requests).toEqual([])
    expect(s.auth.status().signedIn).toBe(false)
  })

  it('a same-origin 307 on the token request is followed with its form', async () => {
    answerA = (request, res) => {
      if (request.url === '/connect/token') res.writeHead(307, { location: '/identity/connect/token' }).end()
      else res.writeHead(200, { 'content-type': 'application/json' }).end(tokenJson)
    }
    const s = services()
    await signIn(s)
    expect(s.auth.status().signedIn).toBe(true)
    expect(hostA.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /connect/token', 'POST /identity/connect/token'])
    expect(new URLSearchParams(hostA.requests[1].body).get('client_secret')).toBe(secret)
  })

  it('an export redirected to another host is refused naming the host; the bearer token never reaches B', async () => {
    answerA = tokenThen((_r, res) => res.writeHead(302, { location: `${hostB.baseUrl}/steal?x=1` }).end())
    const s = services()
    await signIn(s)
    const error = await s.api.getTranscriptExport({ taskId: 7 }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'server', message: expect.stringContaining(hostB.host) })
    expect((error as Error).message).not.toContain('steal')
    expect(hostB.requests).toEqual([])
    // Refused once, not retried: a redirect off the origin is not a passing fault.
    expect(hostA.requests.filter((r) => r.method === 'GET')).toHaveLength(1)
  })

  it('an export redirected within the same origin is followed, with the token', async () => {
    answerA = tokenThen((request, res) => {
      if (request.url.startsWith('/moved/')) res.writeHead(200, { 'content-type': 'application/json' }).end(exportBody)
      else res.writeHead(308, { location: `${hostA.baseUrl}/moved${request.url}` }).end()
    })
    const s = services()
    await signIn(s)
    const data = await s.api.getTranscriptExport({ taskId: 7 })
    expect(data.taskId).toBe(7)
    const gets = hostA.requests.filter((r) => r.method === 'GET')
    expect(gets).toHaveLength(2)
    expect(gets.map((r) => r.headers.authorization)).toEqual(['Bearer token-from-a', 'Bearer token-from-a'])
    expect(hostB.requests).toEqual([])
  })

  it('a redirect loop within the origin ends with an error instead of following forever', async () => {
    answerA = tokenThen((_r, res) => res.writeHead(302, { location: '/again' }).end())
    const s = services()
    await signIn(s)
    await expect(s.api.getTranscriptExport({ taskId: 7 })).rejects.toMatchObject({ code: 'server', message: expect.stringContaining('more than') })
  })
})
