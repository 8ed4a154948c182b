import { afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { invokeContract } from '../../../../shared/ipc/contract'
import { createDispatcher } from '../../../../electron/main/ipc-dispatcher'
import { AuthService, describeNetworkError } from '../../../../electron/services/auth/auth-service'
import { createMemorySecretStore } from '../../../../electron/services/auth/secret-store'
import { ApiClient } from '../../../../electron/services/api/api-client'
import { startRecordingServer, type RecordingServer } from '../../support/recording-server'
import { spawnSdte } from '../../cli/spawn-sdte'

/*
 * Header injection through a token: a token with a line break or control character is refused where
 * it enters (the IPC schema, the auth service, the CLI's environment), and no message ever quotes
 * it: the HTTP library's header error, which does, is replaced by a fixed one.
 */

const hidden = 'HIDDEN-PART-of-the-token'
const badTokens = [`abc\n${hidden}`, `abc\r\nX-Injected: ${hidden}`, `abc\u0000${hidden}`, `abc ${hidden}`, `abc\u2028${hidden}`]

let server: RecordingServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

describe('a token that cannot go in a header', () => {
  it('is refused by the auth:signIn and auth:testConnection schemas, without quoting it', async () => {
    const dispatch = createDispatcher(
      { 'auth:signIn': () => ({ signedIn: true }), 'auth:testConnection': () => ({ expiresAt: null }) } as never,
      { isTrustedSender: () => true }
    )
    for (const accessToken of badTokens) {
      for (const channel of ['auth:signIn', 'auth:testConnection'] as const) {
        const result = await dispatch(channel, { mode: 'token', accessToken }, { url: 'file:///app', isMainFrame: true } as never)
        expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } })
        expect(JSON.stringify(result)).not.toContain(hidden)
      }
    }
    const secretWithBreak = invokeContract['auth:signIn'].request.safeParse({ mode: 'client-credentials', clientId: 'id', clientSecret: `s\n${hidden}` })
    expect(secretWithBreak.success).toBe(false)
    // What a reviewer really pastes still passes: surrounding space, a "Bearer " prefix, a JWT.
    for (const accessToken of ['  eyJhbGciOi.eyJzdWIi.c2ln  \n', 'Bearer abc-123_~+/=']) {
      expect(invokeContract['auth:signIn'].request.safeParse({ mode: 'token', accessToken }).success).toBe(true)
    }
  })

  it('is refused by the auth service (sign-in and test), without quoting it', async () => {
    const auth = new AuthService({ fetch: globalThis.fetch, clock: Date.now, secretStore: createMemorySecretStore(), baseUrl: () => 'https://api.example.test' })
    for (const accessToken of badTokens) {
      for (const attempt of [auth.signIn({ mode: 'token', accessToken }), auth.testConnection({ mode: 'token', accessToken })]) {
        const error = await attempt.catch((e: unknown) => e)
        expect(error).toMatchObject({ code: 'bad_request' })
        expect((error as Error).message).not.toContain(hidden)
      }
    }
    expect(auth.status().signedIn).toBe(false)
  })

  it('a token endpoint that issues one is an invalid answer, not quoted', async () => {
    server = await startRecordingServer((_r, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: `abc\n${hidden}`, expires_in: 3600 })))
    const auth = new AuthService({ fetch: globalThis.fetch, clock: Date.now, secretStore: createMemorySecretStore(), baseUrl: () => server!.baseUrl })
    const error = await auth.signIn({ mode: 'client-credentials', clientId: 'id', clientSecret: 'secret' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'invalid_response' })
    expect((error as Error).message).not.toContain(hidden)
  })

  it('reaching the HTTP library anyway, its header error is replaced by a fixed message', async () => {
    server = await startRecordingServer()
    const thrown = await fetch(server.baseUrl, { headers: { authorization: `Bearer abc\n${hidden}` } }).catch((e: unknown) => e)
    // The library's own message quotes the header; ours does not.
    expect(String((thrown as Error).message) + String((thrown as { cause?: Error }).cause?.message ?? '')).toContain(hidden)
    expect(describeNetworkError(thrown)).not.toContain(hidden)
    expect(describeNetworkError(thrown)).toMatch(/header/)

    const api = new ApiClient({
      fetch: globalThis.fetch,
      auth: { getAccessToken: async () => `abc\n${hidden}`, invalidate: () => false },
      baseUrl: () => server!.baseUrl
    })
    const error = await api.getTranscriptExport({ taskId: 1 }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'unauthorized' })
    expect((error as Error).message).not.toContain(hidden)
    expect(server.requests).toEqual([])
  })

  it('sdte refuses SDTE_TOKEN with a line break: exit 2, one line, the token not quoted, nothing sent', async () => {
    server = await startRecordingServer()
    const dir = await mkdtemp(join(tmpdir(), 'sdte-token-chars-'))
    try {
      const run = await spawnSdte(['export', '--task', '7', '--format', 'json', '--out', 'out.json'], {
        cwd: dir,
        env: { HOME: dir, SDTE_BASE_URL: server.baseUrl, SDTE_TOKEN: `abc\n${hidden}`, SDTE_LOG_DIR: join(dir, 'logs') }
      })
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/^sdte: SDTE_TOKEN contains a line break[^\n]*\n$/)
      expect(run.stderr + run.stdout).not.toContain(hidden)
      expect(server.requests).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
