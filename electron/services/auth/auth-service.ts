import { AppError } from '../../../shared/errors'
import { badTokenCharsMessage, hasControlChars, isHeaderSafeToken, stripBearer } from '../../../shared/api/credential-chars'
import { nullLogger, type Logger } from '../logging/logger'
import type { Redactor } from '../logging/redact'
import type { SecretStore } from './secret-store'
import type { TimeoutOption } from '../api/timeout'
import { originOf } from '../api/same-origin-fetch'
import { validateBaseUrl } from '../settings/settings-service'
import { requestToken, type CachedToken } from './token-request'

export { describeNetworkError, joinUrl, readExpiresIn, refreshTime, TokenUnavailableError } from './token-request'

/*
 * Holds the credentials and hands out access tokens. Only this service and the API client ever
 * see a token; what leaves it for the UI is `AuthStatus`, which holds no secret.
 *
 * Credentials are bound to the base URL they were proven against: one session record, saved
 * together only after a successful sign-in, so no later change of address (typed, tested, or
 * sent by a compromised renderer) can send them to another server.
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
  /**
   * The base URL credentials are bound to when no other is given (the saved setting, or the
   * CLI's --base-url). A signed-in session keeps its own; a later change here does not move it.
   */
  readonly baseUrl: () => string
  readonly logger?: Logger
  /** Secrets are registered here so every log line masks them. */
  readonly redactor?: Redactor
  /** Timeout for the token request, or a function read at each request (the app's setting); default 30 s. */
  readonly timeoutMs?: TimeoutOption
}

/** Credentials together with the base URL they belong to; the one record that is saved. */
interface Session {
  readonly credentials: Credentials
  readonly baseUrl: string
}

const storeKey = 'sdte.credentials'

/** Signs in with client credentials or a pasted token and supplies cached access tokens. */
export class AuthService {
  private readonly options: AuthServiceOptions
  private readonly logger: Logger
  private session: Session | null = null
  private token: CachedToken | null = null
  private inflight: Promise<string> | null = null
  private persisted = false
  // Bumped by sign-in/out so a token request started before them cannot repopulate the cache.
  private generation = 0

  constructor(options: AuthServiceOptions) {
    this.options = options
    this.logger = options.logger ?? nullLogger
  }

  /**
   * Loads the saved session (if any) from the secret store; call once at start-up. A record
   * without its base URL (saved by an older version) is not used: nothing says which server
   * those credentials belong to.
   */
  async restore(): Promise<void> {
    if (!this.options.secretStore.isAvailable()) return
    const saved = await this.options.secretStore.load(storeKey).catch(() => null)
    if (!saved) return
    try {
      const parsed = JSON.parse(saved) as Credentials & { baseUrl?: unknown }
      const baseUrl = typeof parsed.baseUrl === 'string' ? validateBaseUrl(parsed.baseUrl) : null
      if (!baseUrl?.ok) throw new Error('saved credentials name no valid base URL')
      const credentials: Credentials = parsed.mode === 'token' ? { mode: 'token', accessToken: parsed.accessToken } : { mode: 'client-credentials', clientId: parsed.clientId, clientSecret: parsed.clientSecret }
      this.useCredentials(credentials, baseUrl.value)
      this.persisted = true
    } catch {
      this.logger.warn('Saved credentials could not be read; sign in again')
    }
  }

  /**
   * Sets the credentials without a network call, bound to `baseUrl` (default: the options'
   * base URL now); `signIn` also checks them.
   */
  useCredentials(credentials: Credentials, baseUrl: string = this.options.baseUrl()): void {
    const next = { credentials: normalise(credentials), baseUrl: checkedBaseUrl(baseUrl) }
    this.generation++
    if (this.session) this.unregisterSecrets(this.session.credentials)
    this.session = next
    this.token = null
    this.inflight = null
    this.persisted = false
    this.registerSecrets(next.credentials)
    if (next.credentials.mode === 'token') this.token = { accessToken: next.credentials.accessToken, expiresAt: null, refreshAt: Infinity }
  }

  /**
   * Signs in at `baseUrl` (default: the options' base URL): for client credentials, fetches a
   * token to prove them. Only then does the new session replace the old one, saved encrypted
   * (credentials and base URL in one record) when the store can, else kept in memory only. A
   * failed sign-in changes nothing: the previous session, saved or not, stays as it was.
   */
  async signIn(credentials: Credentials, options: { remember?: boolean; baseUrl?: string } = {}): Promise<AuthStatus> {
    const candidate: Session = { credentials: normalise(credentials), baseUrl: checkedBaseUrl(options.baseUrl ?? this.options.baseUrl()) }
    let token: CachedToken | null = null
    if (candidate.credentials.mode === 'client-credentials') {
      // Masked from the first log line on; a secret that turns out wrong stays masked.
      this.options.redactor?.addSecret(candidate.credentials.clientSecret)
      token = await this.requestToken(candidate)
    }
    this.useCredentials(candidate.credentials, candidate.baseUrl)
    if (token) this.token = token
    if (options.remember !== false && this.options.secretStore.isAvailable()) {
      try {
        await this.options.secretStore.save(storeKey, JSON.stringify({ ...candidate.credentials, baseUrl: candidate.baseUrl }))
        this.persisted = true
      } catch (error) {
        this.logger.warn('Could not save credentials; keeping them for this session only', { error })
      }
    } else {
      // Not remembered: a record from an earlier session must not come back after a restart.
      await this.options.secretStore.remove(storeKey).catch(() => undefined)
    }
    this.logger.info('Signed in', { mode: candidate.credentials.mode })
    return this.status()
  }

  /** Forgets credentials and tokens, in memory and in the secret store. */
  async signOut(): Promise<void> {
    this.generation++
    if (this.session) this.unregisterSecrets(this.session.credentials)
    if (this.token && this.options.redactor) this.options.redactor.removeSecret(this.token.accessToken)
    this.session = null
    this.token = null
    this.inflight = null
    this.persisted = false
    await this.options.secretStore.remove(storeKey).catch((error: unknown) => this.logger.warn('Could not remove saved credentials', { error }))
    this.logger.info('Signed out')
  }

  /** The base URL requests go to: the session's own when signed in, else the options' one. */
  baseUrl(): string {
    return this.session?.baseUrl ?? this.options.baseUrl()
  }

  /** The origin the current credentials may be sent to; null when signed out. */
  boundOrigin(): string | null {
    return this.session ? originOf(this.session.baseUrl) : null
  }

  /** What the UI may know: signed in, how, until when, where, and whether it is remembered. */
  status(): AuthStatus {
    return {
      signedIn: this.session !== null,
      mode: this.session?.credentials.mode ?? null,
      expiresAt: this.token?.expiresAt ?? null,
      baseUrl: this.baseUrl(),
      persisted: this.persisted
    }
  }

  /**
   * Checks the given credentials at `baseUrl` (default: the options' base URL) without keeping
   * them, or the current session at its own address; changes nothing either way.
   */
  async testConnection(credentials?: Credentials, baseUrl?: string): Promise<{ ok: true; expiresAt: number | null }> {
    if (!credentials) {
      await this.getAccessToken()
      return { ok: true, expiresAt: this.token?.expiresAt ?? null }
    }
    const probe: Session = { credentials: normalise(credentials), baseUrl: checkedBaseUrl(baseUrl ?? this.options.baseUrl()) }
    if (probe.credentials.mode === 'token') return { ok: true, expiresAt: null }
    this.options.redactor?.addSecret(probe.credentials.clientSecret)
    const fetched = await this.requestToken(probe)
    return { ok: true, expiresAt: fetched.expiresAt }
  }

  /**
   * A valid access token: the cached one until its refresh time, else one new request shared
   * by every concurrent caller (single flight).
   */
  async getAccessToken(): Promise<string> {
    const session = this.session
    if (!session) throw new AppError('unauthorized', 'Not signed in: sign in with a Client ID and secret or an access token', { reason: 'not_signed_in' })
    if (session.credentials.mode === 'token') return session.credentials.accessToken
    if (this.token && this.options.clock() < this.token.refreshAt) return this.token.accessToken
    if (this.inflight) return this.inflight
    const generation = this.generation
    const flight = this.requestToken(session).then((token) => {
      if (generation === this.generation) this.token = token
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
    if (this.session?.credentials.mode !== 'client-credentials') return false
    if (this.token?.accessToken === accessToken) this.token = null
    return true
  }

  /** A token for `session`, at the session's own base URL; the issued token is masked in logs. */
  private async requestToken(session: Session): Promise<CachedToken> {
    if (session.credentials.mode !== 'client-credentials') throw new AppError('bad_request', 'A pasted token has no token request')
    const { clientId, clientSecret } = session.credentials
    const token = await requestToken({ fetch: this.options.fetch, clock: this.options.clock, logger: this.logger, timeoutMs: this.options.timeoutMs }, session.baseUrl, clientId, clientSecret)
    this.options.redactor?.addSecret(token.accessToken)
    return token
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

/** Trimmed credentials; a token without "Bearer "; `bad_request` for what cannot be sent. */
function normalise(c: Credentials): Credentials {
  if (c.mode === 'token') {
    const accessToken = stripBearer(c.accessToken)
    if (!accessToken) throw new AppError('bad_request', 'Paste an access token')
    if (!isHeaderSafeToken(accessToken)) throw new AppError('bad_request', badTokenCharsMessage)
    return { mode: 'token', accessToken }
  }
  const clientId = c.clientId.trim()
  const clientSecret = c.clientSecret.trim()
  if (!clientId || !clientSecret) throw new AppError('bad_request', 'Give both a Client ID and a Client Secret')
  if (hasControlChars(clientId) || hasControlChars(clientSecret)) throw new AppError('bad_request', 'The Client ID or Client Secret contains a line break or control character; paste each value alone')
  return { mode: 'client-credentials', clientId, clientSecret }
}

/** The normalised base URL, or `bad_request` saying why it cannot hold credentials. */
function checkedBaseUrl(input: string): string {
  const checked = validateBaseUrl(input)
  if (!checked.ok) throw new AppError('bad_request', checked.message)
  return checked.value
}
