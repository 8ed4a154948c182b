import { AppError } from '../../../shared/errors'
import { nullLogger, type Logger } from '../logging/logger'
import type { Redactor } from '../logging/redact'
import type { SecretStore } from './secret-store'
import { parseRetryAfter } from '../api/retry'
import { resolveTimeout, type TimeoutOption } from '../api/timeout'

/*
 * Holds the credentials and hands out access tokens. Only this service and the API client ever
 * see a token; what leaves it for the UI is `AuthStatus`, which holds no secret.
 */

/** How the user signed in. */
export type AuthMode = 'client-credentials' | 'token'

/** Everything the renderer may learn about the session; no token, secret or header. */
export interface AuthStatus {
  readonly signedIn: boolean
  readonly mode: AuthMode | null
  /** Epoch ms when the current access token expires; null when unknown (pasted token) or none. */
  readonly expiresAt: number | null
  readonly baseUrl: string
  /** False when secrets live in memory only because encryption is unavailable. */
  readonly persisted: boolean
}

/** Credentials as the sign-in form gives them. */
export type Credentials =
  | { readonly mode: 'client-credentials'; readonly clientId: string; readonly clientSecret: string }
  | { readonly mode: 'token'; readonly accessToken: string }

/** Ports and options for `AuthService`. */
export interface AuthServiceOptions {
  readonly fetch: typeof fetch
  readonly clock: () => number
  readonly secretStore: SecretStore
  /** Current API base URL (read at each request so a settings change applies at once). */
  readonly baseUrl: () => string
  readonly logger?: Logger
  /** Secrets are registered here so every log line masks them. */
  readonly redactor?: Redactor
  /** Timeout for the token request, or a function read at each request (the app's setting); default 30 s. */
  readonly timeoutMs?: TimeoutOption
}

interface CachedToken {
  readonly accessToken: string
  /** When the server says it expires (ms); null for a pasted token. */
  readonly expiresAt: number | null
  /** When we stop using it and ask again (ms). */
  readonly refreshAt: number
}

const storeKey = 'sdte.credentials'

/**
 * The token endpoint could not answer now (5xx, 429): not a verdict on the credentials, so a
 * caller may retry, after `retryAfterMs` when the server said (Retry-After).
 */
export class TokenUnavailableError extends AppError {
  readonly retryAfterMs: number | null
  constructor(message: string, retryAfterMs: number | null) {
    super('server', message)
    this.retryAfterMs = retryAfterMs
  }
}

/**
 * `expires_in` in seconds. RFC 6749 says a number; some servers send a numeric string, and the
 * vendor's documented default (3600) stands in when it is missing or unusable. This is the one
 * place that reading is made.
 */
export function readExpiresIn(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN
  return Number.isFinite(n) && n > 0 ? n : 3600
}

/** Refresh at 90% of the lifetime, but at least 60 s before expiry when the lifetime allows. */
export function refreshTime(issuedAt: number, expiresInMs: number): number {
  const early = Math.max(expiresInMs * 0.1, Math.min(60_000, expiresInMs / 2))
  return issuedAt + expiresInMs - early
}

/** Signs in with client credentials or a pasted token and supplies cached access tokens. */
export class AuthService {
  private readonly options: AuthServiceOptions
  private readonly logger: Logger
  private credentials: Credentials | null = null
  private token: CachedToken | null = null
  private inflight: Promise<string> | null = null
  private persisted = false
  // Bumped by sign-in/out so a token request started before them cannot repopulate the cache.
  private generation = 0

  constructor(options: AuthServiceOptions) {
    this.options = options
    this.logger = options.logger ?? nullLogger
  }

  /** Loads saved credentials (if any) from the secret store; call once at start-up. */
  async restore(): Promise<void> {
    if (!this.options.secretStore.isAvailable()) return
    const saved = await this.options.secretStore.load(storeKey).catch(() => null)
    if (!saved) return
    try {
      const parsed = JSON.parse(saved) as Credentials
      const usable = (parsed.mode === 'client-credentials' && parsed.clientId && parsed.clientSecret) || (parsed.mode === 'token' && parsed.accessToken)
      if (!usable) throw new Error('unrecognised saved credentials')
      this.useCredentials(parsed)
      this.persisted = true
    } catch {
      this.logger.warn('Saved credentials could not be read; sign in again')
    }
  }

  /** Sets the credentials without a network call; `signIn` also checks them. */
  useCredentials(credentials: Credentials): void {
    this.generation++
    this.credentials = normalise(credentials)
    this.token = null
    this.inflight = null
    this.registerSecrets(this.credentials)
    if (this.credentials.mode === 'token') this.token = { accessToken: this.credentials.accessToken, expiresAt: null, refreshAt: Infinity }
  }

  /**
   * Signs in: for client credentials, fetches a token to prove them; then persists the
   * credentials encrypted when the secret store can, else keeps them in memory only.
   */
  async signIn(credentials: Credentials, options: { remember?: boolean } = {}): Promise<AuthStatus> {
    this.useCredentials(credentials)
    try {
      if (this.credentials?.mode === 'client-credentials') await this.getAccessToken()
    } catch (error) {
      this.credentials = null
      this.token = null
      throw error
    }
    this.persisted = false
    if (options.remember !== false && this.options.secretStore.isAvailable()) {
      try {
        await this.options.secretStore.save(storeKey, JSON.stringify(this.credentials))
        this.persisted = true
      } catch (error) {
        this.logger.warn('Could not save credentials; keeping them for this session only', { error })
      }
    }
    this.logger.info('Signed in', { mode: credentials.mode })
    return this.status()
  }

  /** Forgets credentials and tokens, in memory and in the secret store. */
  async signOut(): Promise<void> {
    this.generation++
    if (this.credentials) this.unregisterSecrets(this.credentials)
    if (this.token && this.options.redactor) this.options.redactor.removeSecret(this.token.accessToken)
    this.credentials = null
    this.token = null
    this.inflight = null
    this.persisted = false
    await this.options.secretStore.remove(storeKey).catch((error: unknown) => this.logger.warn('Could not remove saved credentials', { error }))
    this.logger.info('Signed out')
  }

  /** What the UI may know: signed in, how, until when, where, and whether it is remembered. */
  status(): AuthStatus {
    return {
      signedIn: this.credentials !== null,
      mode: this.credentials?.mode ?? null,
      expiresAt: this.token?.expiresAt ?? null,
      baseUrl: this.options.baseUrl(),
      persisted: this.persisted
    }
  }

  /** Checks the given credentials (or the current ones) without keeping them. */
  async testConnection(credentials?: Credentials): Promise<{ ok: true; expiresAt: number | null }> {
    if (!credentials) {
      await this.getAccessToken()
      return { ok: true, expiresAt: this.token?.expiresAt ?? null }
    }
    const c = normalise(credentials)
    this.registerSecrets(c)
    if (c.mode === 'token') return { ok: true, expiresAt: null }
    const fetched = await this.requestToken(c)
    this.options.redactor?.addSecret(fetched.accessToken)
    return { ok: true, expiresAt: fetched.expiresAt }
  }

  /**
   * A valid access token: the cached one until its refresh time, else one new request shared
   * by every concurrent caller (single flight).
   */
  async getAccessToken(): Promise<string> {
    const credentials = this.credentials
    if (!credentials) throw new AppError('unauthorized', 'Not signed in: sign in with a Client ID and secret or an access token')
    if (credentials.mode === 'token') return credentials.accessToken
    if (this.token && this.options.clock() < this.token.refreshAt) return this.token.accessToken
    if (this.inflight) return this.inflight
    const generation = this.generation
    const flight = this.requestToken(credentials).then((token) => {
      if (generation === this.generation) {
        this.token = token
        this.options.redactor?.addSecret(token.accessToken)
      }
      return token.accessToken
    })
    this.inflight = flight
    const clear = () => {
      if (this.inflight === flight) this.inflight = null
    }
    flight.then(clear, clear)
    return flight
  }

  /**
   * Marks `accessToken` as refused (a 401) so the next `getAccessToken` asks for a new one,
   * unless another caller already replaced it. False when it cannot be replaced (pasted token).
   */
  invalidate(accessToken: string): boolean {
    if (this.credentials?.mode !== 'client-credentials') return false
    if (this.token?.accessToken === accessToken) this.token = null
    return true
  }

  private async requestToken(credentials: Extract<Credentials, { mode: 'client-credentials' }>): Promise<CachedToken> {
    const url = joinUrl(this.options.baseUrl(), '/connect/token')
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: 'WebAPI',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret
    })
    const signal = AbortSignal.timeout(resolveTimeout(this.options.timeoutMs))
    let response: Response
    try {
      response = await this.options.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: body.toString(),
        signal
      })
    } catch (error) {
      if (signal.aborted) throw new AppError('timeout', `The sign-in server at ${origin(url)} did not answer in time`, { cause: error })
      throw new AppError('network', `Could not reach ${origin(url)} to sign in: ${describeNetworkError(error)}`, { cause: error })
    }
    const text = await response.text().catch(() => '')
    const issuedAt = this.options.clock()
    if (!response.ok) {
      const oauthError = readOAuthError(text)
      this.logger.warn('Token request refused', { status: response.status, error: oauthError })
      if (oauthError === 'invalid_client' || response.status === 401) throw new AppError('unauthorized', 'Client ID or secret is wrong or has expired')
      if (oauthError) throw new AppError('unauthorized', `The sign-in server refused the request (${oauthError})`)
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), issuedAt)
      if (response.status === 429) throw new TokenUnavailableError('The sign-in server is rate-limiting requests (HTTP 429); try again in a minute', retryAfterMs)
      if (response.status >= 500) throw new TokenUnavailableError(`The sign-in server failed (HTTP ${response.status}); try again later`, retryAfterMs)
      throw new AppError('unauthorized', `The sign-in server refused the request (HTTP ${response.status})`)
    }
    let json: { access_token?: unknown; expires_in?: unknown }
    try {
      json = JSON.parse(text) as typeof json
    } catch {
      throw new AppError('invalid_response', 'The sign-in server answered with something that is not JSON')
    }
    if (typeof json.access_token !== 'string' || json.access_token === '') throw new AppError('invalid_response', 'access_token: missing from the sign-in answer')
    this.options.redactor?.addSecret(json.access_token)
    const expiresInS = readExpiresIn(json.expires_in)
    const expiresInMs = Math.round(expiresInS * 1000)
    this.logger.info('Access token issued', { expiresInS })
    return { accessToken: json.access_token, expiresAt: issuedAt + expiresInMs, refreshAt: refreshTime(issuedAt, expiresInMs) }
  }

  private registerSecrets(c: Credentials): void {
    const r = this.options.redactor
    if (!r) return
    if (c.mode === 'token') r.addSecret(c.accessToken)
    else r.addSecret(c.clientSecret)
  }

  private unregisterSecrets(c: Credentials): void {
    const r = this.options.redactor
    if (!r) return
    if (c.mode === 'token') r.removeSecret(c.accessToken)
    else r.removeSecret(c.clientSecret)
  }
}

function normalise(c: Credentials): Credentials {
  if (c.mode === 'token') {
    const accessToken = c.accessToken.trim().replace(/^bearer\s+/i, '')
    if (!accessToken) throw new AppError('bad_request', 'Paste an access token')
    return { mode: 'token', accessToken }
  }
  const clientId = c.clientId.trim()
  const clientSecret = c.clientSecret.trim()
  if (!clientId || !clientSecret) throw new AppError('bad_request', 'Give both a Client ID and a Client Secret')
  return { mode: 'client-credentials', clientId, clientSecret }
}

function readOAuthError(text: string): string | null {
  try {
    const json = JSON.parse(text) as { error?: unknown }
    return typeof json.error === 'string' ? json.error : null
  } catch {
    return null
  }
}

/** `base` + `path`, tolerating a trailing slash on the base. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path
}

function origin(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

/** The useful part of a fetch failure (undici hides the reason in `cause`). */
export function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  if (cause?.code) return cause.code
  if (cause?.message) return cause.message
  return error instanceof Error ? error.message : String(error)
}
