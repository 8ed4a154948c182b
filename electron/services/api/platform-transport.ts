import { AppError } from '../../../shared/errors'
import { describeNetworkError, joinUrl, TokenUnavailableError } from '../auth/token-request'
import { nullLogger, type Logger } from '../logging/logger'
import { backoffDelay, defaultRetryPolicy, isRetryableStatus, maxRetryAfterMs, parseRetryAfter, type RetryPolicy } from './retry'
import { fetchSameOrigin, originOf } from './same-origin-fetch'
import { realSleep, type Sleep } from './sleep'
import { resolveTimeout } from './timeout'
import { checkTokenDestination, startAttemptTimer } from './attempt-guard'
import type { ApiPorts } from './api-ports'

/*
 * One authorised JSON request to the platform API, for the listing, speaker and review-status
 * calls. Reads (GET) are retried like the exports. Writes are not retried once they may have
 * reached the server: a network error or timeout after sending is reported as "may or may not
 * have been applied" (WriteOutcomeUnknown), and only 429 and 503 (refused before processing)
 * are tried again. A 401 is answered by one token refresh, for reads and writes alike (the
 * server did nothing with an unauthenticated request).
 */

/** Ports of the transport (the same the export client gets). */
export type PlatformTransportOptions = ApiPorts

/** A request: method, path and query (no origin), an optional JSON body. */
export interface PlatformRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly path: string
  readonly body?: unknown
  readonly signal?: AbortSignal
}

/** The answer: any status but 401 (handled here), with the body text. */
export interface PlatformResponse {
  readonly status: number
  readonly text: string
}

/** A write whose request may have reached the server, but whose answer never came. */
export class WriteOutcomeUnknown extends AppError {
  constructor(code: 'network' | 'timeout', message: string) {
    super(code, message)
    this.name = 'WriteOutcomeUnknown'
  }
}

/** Sends platform requests with auth, timeouts and the retry rules above. */
export class PlatformTransport {
  private readonly o: PlatformTransportOptions
  private readonly sleep: Sleep
  private readonly logger: Logger
  private readonly retry: RetryPolicy

  constructor(options: PlatformTransportOptions) {
    this.o = options
    this.sleep = options.sleep ?? realSleep
    this.logger = options.logger ?? nullLogger
    this.retry = options.retry ?? defaultRetryPolicy
  }

  /** The base URL requests go to now (the fallback memory is kept per base URL). */
  baseUrl(): string {
    return this.o.baseUrl()
  }

  /** Sends `request`; throws AppError for network failures (WriteOutcomeUnknown for writes). */
  async send(request: PlatformRequest): Promise<PlatformResponse> {
    const url = joinUrl(this.o.baseUrl(), request.path)
    const isRead = request.method === 'GET'
    let refreshed = false
    for (let attempt = 0; ; attempt++) {
      if (request.signal?.aborted) throw new AppError('cancelled', 'Cancelled', { reason: 'cancelled' })
      const token = await this.token()
      let response: { status: number; text: string; retryAfter: string | null }
      try {
        response = await this.once(url, token, request)
      } catch (error) {
        if (!(error instanceof Transient)) throw error
        // A write that may have arrived is never sent again; one refused at connect surely did not.
        if (!isRead && !error.beforeSend) throw new WriteOutcomeUnknown(error.code, `${error.message}; the change may or may not have been applied (nothing was sent again)`)
        if (attempt >= this.retry.maxRetries) throw new AppError(error.code, error.message, { reason: error.code === 'timeout' ? 'api_timeout' : 'api_unreachable' })
        await this.wait(attempt, null, request)
        continue
      }
      if (response.status === 401) {
        const canRefresh = this.o.auth.invalidate(token)
        if (!canRefresh) throw new AppError('unauthorized', 'The API refused the access token: it is wrong or has expired; paste a new one or sign in with a Client ID and secret', { reason: 'token_rejected' })
        if (refreshed) throw new AppError('unauthorized', 'The API refused a freshly issued access token; check that the Client ID belongs to this organisation and base URL', { reason: 'token_fresh_rejected' })
        refreshed = true
        attempt--
        continue
      }
      // Writes: only answers that say "not processed" are worth another try.
      const retryable = isRead ? isRetryableStatus(response.status) : response.status === 429 || response.status === 503
      if (!retryable) return { status: response.status, text: response.text }
      const after = parseRetryAfter(response.retryAfter, (this.o.clock ?? Date.now)())
      if (attempt >= this.retry.maxRetries || (after !== null && after > maxRetryAfterMs)) return { status: response.status, text: response.text }
      await this.wait(attempt, after, request)
    }
  }

  private async wait(attempt: number, after: number | null, request: PlatformRequest): Promise<void> {
    const delayMs = after ?? backoffDelay(attempt, this.retry, this.o.random ?? Math.random)
    this.logger.warn('Platform request failed; retrying', { method: request.method, path: request.path.split('?')[0], attempt: attempt + 1, delayMs })
    await this.sleep(delayMs, request.signal)
  }

  private async token(): Promise<string> {
    try {
      return await this.o.auth.getAccessToken()
    } catch (error) {
      if (error instanceof TokenUnavailableError) throw new AppError('server', `The sign-in service cannot answer now: ${error.message}`, { reason: error.reason, params: error.params })
      throw error
    }
  }

  /** One attempt under the timeout; Transient for network failures and timeouts. */
  private async once(url: string, token: string, request: PlatformRequest): Promise<{ status: number; text: string; retryAfter: string | null }> {
    checkTokenDestination(this.o.auth, url, token)
    const timeoutMs = resolveTimeout(this.o.timeoutMs)
    const timer = startAttemptTimer(this.sleep, timeoutMs, request.signal)
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' }
    if (request.body !== undefined) headers['content-type'] = 'application/json'
    let sent = false
    try {
      const response = await fetchSameOrigin(
        this.o.fetch,
        url,
        { method: request.method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body), signal: timer.signal },
        'platform request'
      )
      sent = true
      const text = await response.text()
      return { status: response.status, text, retryAfter: response.headers.get('retry-after') }
    } catch (error) {
      if (request.signal?.aborted) throw new AppError('cancelled', 'Cancelled', { reason: 'cancelled' })
      if (error instanceof AppError) throw error
      const where = safeOrigin(url)
      if (timer.timedOut()) throw new Transient('timeout', `${where} did not answer within ${Math.round(timeoutMs / 100) / 10} s`, false)
      // fetch cannot tell "refused before sending" from "broke after"; only a refused connection is surely unsent.
      const reason = describeNetworkError(error)
      const beforeSend = !sent && /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/i.test(reason + String((error as { cause?: { code?: string } }).cause?.code ?? ''))
      throw new Transient('network', `Could not reach ${where}: ${reason}`, beforeSend)
    } finally {
      timer.stop()
    }
  }
}

/** A failure of one attempt; `beforeSend` when the request surely never left. */
class Transient extends Error {
  constructor(readonly code: 'network' | 'timeout', message: string, readonly beforeSend: boolean) {
    super(message)
  }
}

function safeOrigin(url: string): string {
  return originOf(url) ?? 'the server'
}
