import { AppError } from '../../../shared/errors'
import { isHeaderSafeToken } from '../../../shared/api/credential-chars'
import type { Logger } from '../logging/logger'
import { parseRetryAfter } from '../api/retry'
import { resolveTimeout, type TimeoutOption } from '../api/timeout'
import { fetchSameOrigin, originOf } from '../api/same-origin-fetch'

/*
 * One client-credentials token request (docs/api.md#signing-in-and-tokens): the form POST, its
 * answer read under one timeout (headers and body), and every failure turned into an AppError whose
 * code says whether a retry can help.
 */

/** A token as the auth service caches it. */
export interface CachedToken {
  readonly accessToken: string
  /** When the server says it expires (ms); null for a pasted token. */
  readonly expiresAt: number | null
  /** When we stop using it and ask again (ms). */
  readonly refreshAt: number
}

/** What a token request needs. */
export interface TokenRequestPorts {
  readonly fetch: typeof fetch
  readonly clock: () => number
  readonly logger: Logger
  readonly timeoutMs?: TimeoutOption
}

/**
 * The token endpoint could not answer now (5xx, 429): not a verdict on the credentials, so a
 * caller may retry, after `retryAfterMs` when the server said (Retry-After).
 */
export class TokenUnavailableError extends AppError {
  readonly retryAfterMs: number | null
  constructor(message: string, retryAfterMs: number | null, status?: number) {
    super('server', message, status === 429 ? { reason: 'api_rate_limited' } : { reason: 'api_server', params: { status: status ?? 503 } })
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

/** Asks `baseUrl`'s token endpoint for a token with these client credentials. */
export async function requestToken(ports: TokenRequestPorts, baseUrl: string, clientId: string, clientSecret: string): Promise<CachedToken> {
  const url = joinUrl(baseUrl, '/connect/token')
  const where = originOf(url) ?? url
  const body = new URLSearchParams({ grant_type: 'client_credentials', scope: 'WebAPI', client_id: clientId, client_secret: clientSecret })
  // One timeout for the whole exchange: a server that stalls mid-body times out too.
  const signal = AbortSignal.timeout(resolveTimeout(ports.timeoutMs))
  let response: Response
  try {
    response = await fetchSameOrigin(
      ports.fetch,
      url,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: body.toString(), signal },
      'sign-in request'
    )
  } catch (error) {
    if (error instanceof AppError) throw error
    if (signal.aborted) throw new AppError('timeout', `The sign-in server at ${where} did not answer in time`, { cause: error, reason: 'signin_timeout', params: { host: where } })
    throw new AppError('network', `Could not reach ${where} to sign in: ${describeNetworkError(error)}`, { cause: error, reason: 'signin_unreachable', params: { host: where } })
  }
  const issuedAt = ports.clock()
  if (!response.ok) {
    // An error body that breaks off says nothing more than its status does.
    const text = await response.text().catch(() => '')
    throw refusal(ports.logger, response, text, where, issuedAt)
  }
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    // The answer started and broke off (reset, stall): the network failed, not the server's JSON.
    if (signal.aborted) throw new AppError('timeout', `The sign-in server at ${where} stopped sending its answer before it was complete`, { cause: error, reason: 'signin_timeout', params: { host: where } })
    throw new AppError('network', `The connection to ${where} broke while reading the sign-in answer: ${describeNetworkError(error)}`, { cause: error, reason: 'signin_unreachable', params: { host: where } })
  }
  let json: { access_token?: unknown; expires_in?: unknown }
  try {
    json = JSON.parse(text) as typeof json
  } catch {
    throw new AppError('invalid_response', 'The sign-in server answered with something that is not JSON', { reason: 'signin_bad_answer' })
  }
  if (typeof json.access_token !== 'string' || json.access_token === '') throw new AppError('invalid_response', 'access_token: missing from the sign-in answer', { reason: 'signin_bad_answer' })
  if (!isHeaderSafeToken(json.access_token)) throw new AppError('invalid_response', 'access_token: has characters that cannot be sent in a header', { reason: 'signin_bad_answer' })
  const expiresInS = readExpiresIn(json.expires_in)
  const expiresInMs = Math.round(expiresInS * 1000)
  ports.logger.info('Access token issued', { expiresInS })
  return { accessToken: json.access_token, expiresAt: issuedAt + expiresInMs, refreshAt: refreshTime(issuedAt, expiresInMs) }
}

/** The error for a non-2xx token answer. */
function refusal(logger: Logger, response: Response, text: string, where: string, now: number): AppError {
  const oauthError = readOAuthError(text)
  logger.warn('Token request refused', { status: response.status, error: oauthError })
  if (oauthError === 'invalid_client' || response.status === 401) return new AppError('unauthorized', 'Client ID or secret is wrong or has expired', { reason: 'signin_rejected' })
  if (oauthError) return new AppError('unauthorized', `The sign-in server refused the request (${oauthError})`, { reason: 'signin_refused', params: { detail: oauthError } })
  // No token endpoint at all: the base URL is wrong, the credentials may be fine.
  if (response.status === 404) return new AppError('bad_request', `No sign-in service at this address (${where}/connect/token answered HTTP 404); check the base URL`, { reason: 'signin_no_service', params: { url: where } })
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now)
  if (response.status === 429) return new TokenUnavailableError('The sign-in server is rate-limiting requests (HTTP 429); try again in a minute', retryAfterMs, 429)
  if (response.status >= 500) return new TokenUnavailableError(`The sign-in server failed (HTTP ${response.status}); try again later`, retryAfterMs, response.status)
  return new AppError('unauthorized', `The sign-in server refused the request (HTTP ${response.status})`, { reason: 'signin_refused', params: { detail: `HTTP ${response.status}` } })
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

/**
 * The useful part of a fetch failure (undici hides the reason in `cause`). A header the HTTP
 * library refused is reported by a fixed message: its own message quotes the header, token and all.
 */
export function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  if (cause?.code) return cause.code
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error))
  if (/header/i.test(message)) return 'a request header was refused by the HTTP library'
  return message
}
