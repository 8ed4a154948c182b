import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { composeServices, type AppServices } from '../../../electron/main/compose-services'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'
import { createMemoryKeyValueStore, type KeyValueStore } from '../../../electron/services/settings/key-value-store'
import { ApiClient } from '../../../electron/services/api/api-client'
import { createFakeApi, type FakeApi } from '../../fake-api/server'
import { seedIds } from '../../fake-api/seeds'
import { startRecordingServer, type RecordingServer } from '../support/recording-server'

/*
 * Credentials stay bound to their server, tried as an attacker would: the composed main-process
 * services (what the auth:* handlers call, what a compromised renderer can reach) against two real
 * servers on loopback. Host A is the real fake SmartDocumentor; host B records every request it
 * gets.
 */

const secretA = 'a-secret-that-must-stay-on-a'
let hostA: FakeApi
let hostB: RecordingServer
let dataDir: string
let store: KeyValueStore
let secrets: ReturnType<typeof createMemorySecretStore>

beforeAll(async () => {
  hostA = await createFakeApi({ clientId: 'client-a', clientSecret: secretA })
})
afterAll(() => hostA.close())

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sdte-binding-'))
  store = createMemoryKeyValueStore()
  secrets = createMemorySecretStore(true)
  // B answers the token form as a real server would for unknown credentials, and 401 otherwise.
  hostB = await startRecordingServer((request, res) => {
    if (request.url === '/connect/token') res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}')
    else res.writeHead(401).end()
  })
})
afterEach(async () => {
  hostA.reset()
  await hostB.close()
  await rm(dataDir, { recursive: true, force: true })
})

/** The app's services as main builds them; a second call with the same stores is a restart. */
function start(): Promise<AppServices> {
  return composeServices({ dataDir, logsFolder: join(dataDir, 'logs'), store, secrets })
}

async function signedInAtA(): Promise<AppServices> {
  const services = await start()
  await services.auth.signIn({ mode: 'client-credentials', clientId: 'client-a', clientSecret: secretA, baseUrl: hostA.baseUrl })
  return services
}

/** Opens the sample task and says which host served it (B never can). */
async function openSample(services: AppServices): Promise<number> {
  const data = await services.tasks.getTranscriptExport({ taskId: seedIds.sample.taskId }, new AbortController().signal)
  return data.taskId
}

/** B never saw A's Client ID, secret or any token A issued, nor an Authorization header. */
function expectNothingOfA(): void {
  const seen = hostB.everything()
  expect(seen).not.toContain(secretA)
  expect(seen).not.toContain('client-a')
  expect(hostB.requests.filter((r) => r.headers.authorization !== undefined)).toEqual([])
}

describe('credentials are bound to the server they were proven on', () => {
  it('a failed sign-in at host B changes nothing: after a restart, A\'s credentials still go only to A', async () => {
    const first = await signedInAtA()
    const attempt = await first.auth.signIn({ mode: 'client-credentials', clientId: 'typed-id', clientSecret: 'typed-guess', baseUrl: hostB.baseUrl }).catch((e: unknown) => e)
    expect(attempt).toMatchObject({ code: 'unauthorized' })
    expect(first.settings.get().baseUrl).toBe(hostA.baseUrl)
    expect(first.auth.status()).toMatchObject({ signedIn: true, baseUrl: hostA.baseUrl, persisted: true })
    // The only thing B ever got: the form the attacker typed.
    expect(hostB.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /connect/token'])
    expect(new URLSearchParams(hostB.requests[0].body).get('client_secret')).toBe('typed-guess')

    const restarted = await start()
    expect(restarted.auth.status()).toMatchObject({ signedIn: true, baseUrl: hostA.baseUrl })
    hostA.expireAllTokens()
    expect(await openSample(restarted)).toBe(seedIds.sample.taskId)
    expect(hostA.counters.tokenRequests).toBeGreaterThanOrEqual(2)
    expect(hostB.requests).toHaveLength(1)
    expectNothingOfA()
  })

  it('"Test connection" at host B saves nothing; the next requests (and the 401 refresh) stay on A', async () => {
    const services = await signedInAtA()
    const tested = await services.auth.testConnection({ mode: 'client-credentials', clientId: 'typed-id', clientSecret: 'typed-guess', baseUrl: hostB.baseUrl }).catch((e: unknown) => e)
    expect(tested).toMatchObject({ code: 'unauthorized' })
    const testedToken = await services.auth.testConnection({ mode: 'token', accessToken: 'typed-token', baseUrl: hostB.baseUrl }).catch((e: unknown) => e)
    expect(testedToken).toMatchObject({ code: 'unauthorized' })
    expect(services.settings.get().baseUrl).toBe(hostA.baseUrl)
    expect(services.auth.status()).toMatchObject({ signedIn: true, baseUrl: hostA.baseUrl })
    const seenByB = hostB.requests.length

    // A 401 makes the client ask for a new token: the secret goes with it, to A.
    hostA.expireAllTokens()
    expect(await openSample(services)).toBe(seedIds.sample.taskId)
    expect(await openSample(await start())).toBe(seedIds.sample.taskId)
    expect(hostB.requests).toHaveLength(seenByB)
    // What B got were the typed values only.
    expect(hostB.requests.map((r) => r.headers.authorization ?? new URLSearchParams(r.body).get('client_secret'))).not.toContain(undefined)
    expect(hostB.requests.some((r) => r.headers.authorization === 'Bearer typed-token')).toBe(true)
    expect(hostB.everything()).not.toContain(secretA)
    expect(hostB.everything()).not.toContain('client-a')
  })

  it('a wrong address (404 from the token endpoint) says so and keeps the session and the saved record', async () => {
    const services = await signedInAtA()
    const saved = [...secrets.values.values()]
    const wrongPath = `${hostA.baseUrl}/not-the-api`
    const error = await services.auth.signIn({ mode: 'client-credentials', clientId: 'client-a', clientSecret: secretA, baseUrl: wrongPath }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'bad_request', message: expect.stringContaining('No sign-in service at this address') })
    expect((error as Error).message).not.toContain(secretA)
    expect([...secrets.values.values()]).toEqual(saved)
    expect(services.auth.status()).toMatchObject({ signedIn: true, baseUrl: hostA.baseUrl })
    expect(services.settings.get().baseUrl).toBe(hostA.baseUrl)
  })

  it('a signed-in session moves to host B only by signing in there, and then A\'s secret is gone', async () => {
    const services = await signedInAtA()
    const token = 'b-issued-token'
    await services.auth.signIn({ mode: 'token', accessToken: token, baseUrl: hostB.baseUrl })
    expect(services.settings.get().baseUrl).toBe(hostB.baseUrl)
    expect(JSON.stringify([...secrets.values.values()])).not.toContain(secretA)
    expect(JSON.parse([...secrets.values.values()][0])).toEqual({ mode: 'token', accessToken: token, baseUrl: hostB.baseUrl })
    expectNothingOfA()
  })

  it('saved credentials without their base URL (an older version\'s record) are not used', async () => {
    await secrets.save('sdte.credentials', JSON.stringify({ mode: 'client-credentials', clientId: 'client-a', clientSecret: secretA }))
    await store.set('api.baseUrl', hostB.baseUrl)
    const services = await start()
    expect(services.auth.status()).toMatchObject({ signedIn: false })
    await expect(openSample(services)).rejects.toMatchObject({ code: 'unauthorized' })
    expect(hostB.requests).toEqual([])
  })

  it('the API client refuses to send a token to an origin other than the one it is bound to', async () => {
    const api = new ApiClient({
      fetch: globalThis.fetch,
      auth: { getAccessToken: async () => 'token-for-a', invalidate: () => true, boundOrigin: () => hostA.baseUrl },
      baseUrl: () => hostB.baseUrl
    })
    const error = await api.getTranscriptExport({ taskId: 1 }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining(hostA.baseUrl) })
    expect(hostB.requests).toEqual([])
  })
})
