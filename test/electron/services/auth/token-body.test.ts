import { afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ServerResponse } from 'node:http'
import { createApiServices } from '../../../../electron/services/api/create-services'
import { createMemorySecretStore } from '../../../../electron/services/auth/secret-store'
import { createMemoryKeyValueStore } from '../../../../electron/services/settings/key-value-store'
import { realSleep } from '../../../../electron/services/api/sleep'
import { startRecordingServer, type RecordingServer } from '../../support/recording-server'
import { spawnSdte } from '../../cli/spawn-sdte'

/*
 * A broken token answer is a network failure: a token answer whose body never arrives whole (the
 * socket is reset mid-body, or the server stalls past the timeout) is a network failure, retried
 * like the export calls, not "not JSON". Real loopback servers break the body for real.
 */

const tokenJson = JSON.stringify({ access_token: 'token-ok', expires_in: 3600, token_type: 'Bearer', scope: 'WebAPI' })
const exportBody = JSON.stringify({ taskId: 7, displayName: 'T', transcript: { transcripts: [], speakers: [], annotations: [] } })
const creds = { mode: 'client-credentials', clientId: 'client', clientSecret: 'token-body-secret' } as const

/** Headers and the first bytes of a 200 answer, then the socket is reset or left hanging. */
function brokenBody(res: ServerResponse, how: 'reset' | 'stall'): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(tokenJson.length) })
  res.write(tokenJson.slice(0, 12))
  if (how === 'reset') setImmediate(() => res.socket?.destroy())
}

let server: RecordingServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

/** A token endpoint that breaks its first `broken` answers, then answers properly; exports always work. */
async function serverBreakingTokens(how: 'reset' | 'stall', broken: number): Promise<RecordingServer> {
  let tokenAnswers = 0
  server = await startRecordingServer((request, res) => {
    if (request.url !== '/connect/token') return void res.writeHead(200, { 'content-type': 'application/json' }).end(exportBody)
    if (tokenAnswers++ < broken) brokenBody(res, how)
    else res.writeHead(200, { 'content-type': 'application/json' }).end(tokenJson)
  })
  return server
}

function services(baseUrl: string, timeoutMs: number) {
  // Backoff needs no real time; the request timeout runs on the real clock.
  const sleep = (ms: number, signal?: AbortSignal) => (ms === timeoutMs ? realSleep(ms, signal) : Promise.resolve())
  return createApiServices({ secretStore: createMemorySecretStore(), settingsStore: createMemoryKeyValueStore(), baseUrlOverride: baseUrl, sleep, timeoutMs })
}

const tokenRequests = (s: RecordingServer) => s.requests.filter((r) => r.url === '/connect/token').length

describe('a token answer that breaks off', () => {
  it('reset mid-body: sign-in says the network failed (not "not JSON")', async () => {
    const s = await serverBreakingTokens('reset', Infinity)
    const error = await services(s.baseUrl, 10_000).auth.signIn(creds).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'network', message: expect.stringContaining('broke while reading the sign-in answer') })
  })

  it('reset mid-body: an export asks for the token again and succeeds', async () => {
    const s = await serverBreakingTokens('reset', 2)
    const api = services(s.baseUrl, 10_000)
    api.auth.useCredentials(creds)
    expect((await api.api.getTranscriptExport({ taskId: 7 })).taskId).toBe(7)
    expect(tokenRequests(s)).toBe(3)
  })

  it('stalled mid-body past the timeout: sign-in times out; an export retries and succeeds', async () => {
    const s = await serverBreakingTokens('stall', 1)
    const first = services(s.baseUrl, 400)
    expect(await first.auth.signIn(creds).catch((e: unknown) => e)).toMatchObject({ code: 'timeout' })
    const second = await serverBreakingTokens('stall', 1)
    const api = services(second.baseUrl, 400)
    api.auth.useCredentials(creds)
    expect((await api.api.getTranscriptExport({ taskId: 7 })).taskId).toBe(7)
    expect(tokenRequests(second)).toBe(2)
    await s.close()
  })

  it('sdte: a token body that keeps breaking exits 5 (network) after retrying, on one line', async () => {
    const s = await serverBreakingTokens('reset', Infinity)
    const dir = await mkdtemp(join(tmpdir(), 'sdte-token-body-'))
    try {
      const run = await spawnSdte(['export', '--task', '7', '--format', 'json', '--out', 'out.json'], {
        cwd: dir,
        env: { HOME: dir, SDTE_BASE_URL: s.baseUrl, SDTE_CLIENT_ID: 'client', SDTE_CLIENT_SECRET: 'token-body-secret', SDTE_LOG_DIR: join(dir, 'logs') }
      })
      expect(run.code).toBe(5)
      expect(run.stderr).not.toContain('not JSON')
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(tokenRequests(s)).toBe(4)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
