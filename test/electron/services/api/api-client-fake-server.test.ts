import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createFakeApi, type FakeApi } from '../../../fake-api/server'
import { seedIds } from '../../../fake-api/seeds'
import { transcriptBody } from '../../../../shared/api/transcript-export'
import { createApiServices, type ApiServices } from '../../../../electron/services/api/create-services'
import { createMemorySecretStore } from '../../../../electron/services/auth/secret-store'
import { createMemoryKeyValueStore } from '../../../../electron/services/settings/key-value-store'
import { createMemoryLogger } from '../../../../electron/services/logging/logger'
import { instantBackoff } from '../../support/instant-backoff'

/*
 * The real services (auth + API client + settings) against the real fake server over loopback.
 * Backoff waits are replaced by an instant sleep (timeouts still use the real one) so retries
 * need no real time.
 */

let fake: FakeApi
let services: ApiServices
let logger: ReturnType<typeof createMemoryLogger>


beforeAll(async () => {
  fake = await createFakeApi({ clientId: 'cid', clientSecret: 'the-client-secret' })
})
afterAll(() => fake.close())
afterEach(() => fake.reset())

async function signedIn(): Promise<ApiServices> {
  services = createApiServices({
    secretStore: createMemorySecretStore(),
    settingsStore: createMemoryKeyValueStore(),
    sleep: instantBackoff,
    timeoutMs: 5_000,
    logger: (redactor) => (logger = createMemoryLogger((t) => redactor.redact(t)))
  })
  await services.settings.setBaseUrl(fake.baseUrl)
  await services.auth.signIn({ mode: 'client-credentials', clientId: 'cid', clientSecret: 'the-client-secret' })
  return services
}

describe('ApiClient against the fake API', () => {
  it('signs in and fetches both kinds by id and by external id, byte-for-byte', async () => {
    const { api, auth } = await signedIn()
    expect(auth.status()).toMatchObject({ signedIn: true, mode: 'client-credentials', baseUrl: fake.baseUrl, persisted: true })
    const byId = await api.fetchTranscriptExport({ taskId: 41003 })
    expect(byId.raw).toBe(fake.bodyOf('transcript', 41003))
    expect(transcriptBody(byId.data).transcripts!.length).toBeGreaterThan(800)
    const byExt = await api.fetchDocumentExport({ externalId: seedIds.document.externalId })
    expect(byExt.raw).toBe(fake.bodyOf('document', seedIds.document.taskId))
    expect(fake.counters.tokenRequests).toBe(1)
  })

  it('gets a new token when the server forgets the old one (401 → refresh → retry)', async () => {
    const { api } = await signedIn()
    fake.expireAllTokens()
    const data = await api.getTranscriptExport({ taskId: seedIds.sample.taskId })
    expect(data.taskId).toBe(seedIds.sample.taskId)
    expect(fake.counters.tokenRequests).toBe(2)
  })

  it('retries a burst of 5xx and a 429, and reports a persistent 500 as server', async () => {
    const { api } = await signedIn()
    fake.switches.burst5xx = 2
    fake.switches.rateLimit = 1
    fake.switches.retryAfter = '0'
    expect((await api.getTranscriptExport({ taskId: seedIds.sample.taskId })).taskId).toBe(seedIds.sample.taskId)
    expect(fake.counters.exportRequests).toBe(4)
    fake.switches.persistent500 = true
    await expect(api.getTranscriptExport({ taskId: seedIds.sample.taskId })).rejects.toMatchObject({ code: 'server' })
    expect(fake.counters.exportRequests).toBe(8)
  })

  it('maps 404 and malformed bodies', async () => {
    const { api } = await signedIn()
    await expect(api.getTranscriptExport({ externalId: 'missing' })).rejects.toMatchObject({ code: 'not_found', message: 'No transcript task with external id "missing" in this organisation' })
    fake.switches.malformed = 1
    await expect(api.getTranscriptExport({ taskId: seedIds.sample.taskId })).rejects.toMatchObject({ code: 'invalid_response' })
  })

  it('times out a slow server and a body that stops halfway', async () => {
    const { api } = await signedIn()
    fake.switches.truncateBody = true
    await expect(api.getTranscriptExport({ taskId: seedIds.sample.taskId })).rejects.toMatchObject({ code: 'network' })
    fake.switches.truncateBody = false
    const quick = createApiServices({ secretStore: createMemorySecretStore(), settingsStore: createMemoryKeyValueStore(), baseUrlOverride: fake.baseUrl, timeoutMs: 100, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } })
    quick.auth.useCredentials({ mode: 'token', accessToken: fake.issueToken() })
    fake.switches.latencyMs = 400
    await expect(quick.api.getTranscriptExport({ taskId: seedIds.sample.taskId })).rejects.toMatchObject({ code: 'timeout' })
  })

  it('cancels from an AbortSignal', async () => {
    const { api } = await signedIn()
    fake.switches.latencyMs = 300
    const controller = new AbortController()
    const pending = api.getTranscriptExport({ taskId: seedIds.sample.taskId }, { signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' })
  })

  it('wrong secret is unauthorized with the documented message', async () => {
    const s = createApiServices({ secretStore: createMemorySecretStore(), settingsStore: createMemoryKeyValueStore(), baseUrlOverride: fake.baseUrl })
    await expect(s.auth.signIn({ mode: 'client-credentials', clientId: 'cid', clientSecret: 'wrong' })).rejects.toMatchObject({ code: 'unauthorized', message: 'Client ID or secret is wrong or has expired' })
  })

  it('never logs the secret, the token or the signed URL query', async () => {
    const { api, auth } = await signedIn()
    fake.expireAllTokens()
    fake.switches.burst5xx = 1
    const data = await api.getTranscriptExport({ taskId: seedIds.sample.taskId })
    logger.info('opened', { url: data.originalFileUrl })
    const text = logger.lines.join('\n')
    expect(text).toContain('opened')
    expect(text).not.toContain('the-client-secret')
    expect(text).not.toContain('sig=')
    expect(text).not.toMatch(/fake\.[A-Za-z0-9_-]{20,}/)
    await auth.signOut()
    expect(auth.status().signedIn).toBe(false)
  })
})
