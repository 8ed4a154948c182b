import { describe, expect, it } from 'vitest'
import { AuthService, refreshTime } from '../../../../electron/services/auth/auth-service'
import { createMemorySecretStore } from '../../../../electron/services/auth/secret-store'
import { createRedactor } from '../../../../electron/services/logging/redact'
import { AppError } from '../../../../shared/errors'

/** A token endpoint double: counts calls, can hold answers until released. */
function tokenServer(options: { expiresIn?: number; fail?: { status: number; body: string } } = {}) {
  const calls: Array<{ url: string; body: string; contentType: string | null }> = []
  const pending: Array<() => void> = []
  let hold = false
  let n = 0
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers)
    calls.push({ url: String(input), body: String(init?.body), contentType: headers.get('content-type') })
    if (hold) await new Promise<void>((resolve) => pending.push(resolve))
    if (options.fail) return new Response(options.fail.body, { status: options.fail.status })
    n++
    return Response.json({ access_token: `token-${n}`, expires_in: options.expiresIn ?? 3600, token_type: 'Bearer', scope: 'WebAPI' })
  }) as typeof fetch
  return {
    fetchFn,
    calls,
    hold: () => {
      hold = true
    },
    release: () => {
      hold = false
      pending.splice(0).forEach((r) => r())
    }
  }
}

function setup(options: Parameters<typeof tokenServer>[0] = {}, storeAvailable = true) {
  const server = tokenServer(options)
  let now = 1_000_000
  const store = createMemorySecretStore(storeAvailable)
  const redactor = createRedactor()
  const auth = new AuthService({ fetch: server.fetchFn, clock: () => now, secretStore: store, baseUrl: () => 'https://api.example.test/', redactor })
  return { server, auth, store, redactor, advance: (ms: number) => (now += ms), now: () => now }
}

const creds = { mode: 'client-credentials', clientId: 'client-a', clientSecret: 's3cr3t-value' } as const

describe('AuthService', () => {
  it('posts the documented form to /connect/token', async () => {
    const { server, auth } = setup()
    await auth.signIn(creds)
    expect(server.calls).toHaveLength(1)
    expect(server.calls[0].url).toBe('https://api.example.test/connect/token')
    expect(server.calls[0].contentType).toBe('application/x-www-form-urlencoded')
    const form = new URLSearchParams(server.calls[0].body)
    expect(Object.fromEntries(form)).toEqual({ grant_type: 'client_credentials', scope: 'WebAPI', client_id: 'client-a', client_secret: 's3cr3t-value' })
  })

  it('caches the token until 90% of expires_in (at least 60 s early), then asks again', async () => {
    const { server, auth, advance } = setup({ expiresIn: 3600 })
    expect(await auth.getAccessToken().catch((e: AppError) => e.code)).toBe('unauthorized')
    auth.useCredentials(creds)
    expect(await auth.getAccessToken()).toBe('token-1')
    advance(3_239_000)
    expect(await auth.getAccessToken()).toBe('token-1')
    expect(server.calls).toHaveLength(1)
    advance(2_000)
    expect(await auth.getAccessToken()).toBe('token-2')
    expect(server.calls).toHaveLength(2)
  })

  it('refreshes short-lived tokens before expiry', () => {
    expect(refreshTime(0, 3_600_000)).toBe(3_240_000)
    expect(refreshTime(0, 300_000)).toBe(240_000)
    expect(refreshTime(0, 10_000)).toBe(5_000)
  })

  it('shares one token request between concurrent callers (single flight)', async () => {
    const { server, auth } = setup()
    auth.useCredentials(creds)
    server.hold()
    const all = Promise.all([auth.getAccessToken(), auth.getAccessToken(), auth.getAccessToken()])
    await new Promise((r) => setTimeout(r, 0))
    server.release()
    expect(await all).toEqual(['token-1', 'token-1', 'token-1'])
    expect(server.calls).toHaveLength(1)
  })

  it('a refused token is replaced once; a newer token is kept', async () => {
    const { server, auth } = setup()
    auth.useCredentials(creds)
    const first = await auth.getAccessToken()
    expect(auth.invalidate(first)).toBe(true)
    const second = await auth.getAccessToken()
    expect(second).toBe('token-2')
    auth.invalidate(first)
    expect(await auth.getAccessToken()).toBe('token-2')
    expect(server.calls).toHaveLength(2)
  })

  it('turns invalid_client into a clear unauthorized error and stays signed out', async () => {
    const { auth } = setup({ fail: { status: 400, body: '{"error":"invalid_client"}' } })
    const error = await auth.signIn(creds).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'unauthorized', message: 'Client ID or secret is wrong or has expired' })
    expect(auth.status().signedIn).toBe(false)
  })

  it('maps a 5xx from the token endpoint to server and a broken body to invalid_response', async () => {
    expect(await setup({ fail: { status: 502, body: '' } }).auth.signIn(creds).catch((e: AppError) => e.code)).toBe('server')
    const notJson = new AuthService({
      fetch: (async () => new Response('<html>', { status: 200 })) as typeof fetch,
      clock: () => 0,
      secretStore: createMemorySecretStore(),
      baseUrl: () => 'https://x.test'
    })
    expect(await notJson.signIn(creds).catch((e: AppError) => e.code)).toBe('invalid_response')
  })

  it('status exposes only signedIn, mode, expiresAt, baseUrl and persisted', async () => {
    const { auth, now } = setup()
    const status = await auth.signIn(creds)
    expect(Object.keys(status).sort()).toEqual(['baseUrl', 'expiresAt', 'mode', 'persisted', 'signedIn'])
    expect(status).toEqual({ signedIn: true, mode: 'client-credentials', expiresAt: now() + 3_600_000, baseUrl: 'https://api.example.test', persisted: true })
    expect(JSON.stringify(status)).not.toContain('token-1')
    expect(JSON.stringify(status)).not.toContain('s3cr3t')
  })

  it('persists through the secret store, restores, and wipes on sign-out', async () => {
    const { auth, store, server } = setup()
    await auth.signIn(creds)
    expect(store.values.size).toBe(1)
    const again = new AuthService({ fetch: server.fetchFn, clock: () => 0, secretStore: store, baseUrl: () => 'https://api.example.test' })
    await again.restore()
    expect(again.status()).toMatchObject({ signedIn: true, mode: 'client-credentials', persisted: true })
    await again.signOut()
    expect(store.values.size).toBe(0)
    expect(again.status()).toMatchObject({ signedIn: false, mode: null, expiresAt: null })
    expect(await again.getAccessToken().catch((e: AppError) => e.code)).toBe('unauthorized')
  })

  it('keeps secrets in memory only when encryption is unavailable, and says so', async () => {
    const { server } = setup()
    const saves: string[] = []
    const store = { isAvailable: () => false, save: async (_k: string, v: string) => void saves.push(v), load: async () => null, remove: async () => undefined }
    const auth = new AuthService({ fetch: server.fetchFn, clock: () => 0, secretStore: store, baseUrl: () => 'https://api.example.test' })
    const status = await auth.signIn(creds)
    expect(status).toMatchObject({ signedIn: true, persisted: false })
    expect(saves).toEqual([])
    expect(await auth.getAccessToken()).toBe('token-1')
  })

  it('ignores unreadable saved credentials', async () => {
    const { server } = setup()
    const store = createMemorySecretStore()
    await store.save('sdte.credentials', '{"mode":"token"}')
    const auth = new AuthService({ fetch: server.fetchFn, clock: () => 0, secretStore: store, baseUrl: () => 'https://api.example.test' })
    await auth.restore()
    expect(auth.status()).toMatchObject({ signedIn: false, persisted: false })
  })

  it('accepts a pasted token (with or without "Bearer "), which cannot be refreshed', async () => {
    const { auth, server } = setup()
    const status = await auth.signIn({ mode: 'token', accessToken: '  Bearer pasted-abc  ' })
    expect(status).toMatchObject({ signedIn: true, mode: 'token', expiresAt: null })
    expect(await auth.getAccessToken()).toBe('pasted-abc')
    expect(auth.invalidate('pasted-abc')).toBe(false)
    expect(server.calls).toHaveLength(0)
  })

  it('testConnection checks other credentials without signing in with them', async () => {
    const { auth } = setup()
    expect(await auth.testConnection(creds)).toMatchObject({ ok: true })
    expect(auth.status().signedIn).toBe(false)
  })

  it('registers the secret and the issued token with the redactor', async () => {
    const { auth, redactor } = setup()
    await auth.signIn(creds)
    expect(redactor.redact('secret s3cr3t-value and token-1')).toBe('secret [REDACTED] and [REDACTED]')
  })

  it('a token request in flight during sign-out does not sign the user back in', async () => {
    const { auth, server } = setup()
    auth.useCredentials(creds)
    server.hold()
    const pending = auth.getAccessToken()
    await new Promise((r) => setTimeout(r, 0))
    await auth.signOut()
    server.release()
    await pending
    expect(auth.status()).toMatchObject({ signedIn: false, expiresAt: null })
  })
})
