import { AppError } from '../../../shared/errors'
import { describeTaskRef, taskRefLabel, exportFallbackPath, exportRequestPath, type ExportKind, type TaskRef } from '../../../shared/api/endpoints'
import { parseDocumentExport, parseTranscriptExport } from '../../../shared/api/parse-export'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import type { DocumentExport } from '../../../shared/api/document-export'
import { nullLogger, type Logger } from '../logging/logger'
import { describeNetworkError, joinUrl, TokenUnavailableError } from '../auth/token-request'
import { fetchSameOrigin } from './same-origin-fetch'
import { backoffDelay, defaultRetryPolicy, isRetryableStatus, maxRetryAfterMs, parseRetryAfter, rateLimitedMessage, type RetryInfo, type RetryPolicy } from './retry'
import { realSleep, type Sleep } from './sleep'
import { resolveTimeout } from './timeout'
import { checkTokenDestination, startAttemptTimer } from './attempt-guard'
import { parseJsonBody, type ApiPorts } from './api-ports'

// Kept importable from here: the type lives with the ports so the two files do not import each other.
export type { TokenSource } from './api-ports'

/** Ports and options for `ApiClient` (the same the platform transport gets). */
export type ApiClientOptions = ApiPorts

/** Per-call options. */
export interface CallOptions {
  readonly signal?: AbortSignal
  /** Called before each retry, so the UI can say "retrying in 2 s" (and the CLI that it waits out a Retry-After). */
  readonly onRetry?: (info: RetryInfo) => void
}

/** A validated export plus the exact bytes the server sent (for a byte-for-byte JSON export). */
export interface FetchedExport<T> {
  readonly data: T
  readonly raw: string
}

/** Talks to the two export endpoints: auth, timeouts, retries, cancellation and validation. */
export class ApiClient {
  private readonly options: ApiClientOptions
  private readonly sleep: Sleep
  private readonly clock: () => number
  private readonly random: () => number
  private readonly logger: Logger
  private readonly retry: RetryPolicy

  constructor(options: ApiClientOptions) {
    this.options = options
    this.sleep = options.sleep ?? realSleep
    this.clock = options.clock ?? Date.now
    this.random = options.random ?? Math.random
    this.logger = options.logger ?? nullLogger
    this.retry = options.retry ?? defaultRetryPolicy
  }

  /** The transcript export of a task, validated. */
  async getTranscriptExport(ref: TaskRef, options: CallOptions = {}): Promise<TranscriptExport> {
    return (await this.fetchTranscriptExport(ref, options)).data
  }

  /** The document export of a task, validated. */
  async getDocumentExport(ref: TaskRef, options: CallOptions = {}): Promise<DocumentExport> {
    return (await this.fetchDocumentExport(ref, options)).data
  }

  /** The transcript export with the raw body text. */
  async fetchTranscriptExport(ref: TaskRef, options: CallOptions = {}): Promise<FetchedExport<TranscriptExport>> {
    const raw = await this.getExportText('transcript', ref, options)
    return { raw, data: parseTranscriptExport(parseJsonBody(raw, 'transcript export')) }
  }

  /** The document export with the raw body text. */
  async fetchDocumentExport(ref: TaskRef, options: CallOptions = {}): Promise<FetchedExport<DocumentExport>> {
    const raw = await this.getExportText('document', ref, options)
    return { raw, data: parseDocumentExport(parseJsonBody(raw, 'document export')) }
  }

  /** Either export by kind, with the raw body text. */
  fetchExport(kind: ExportKind, ref: TaskRef, options: CallOptions = {}): Promise<FetchedExport<TranscriptExport | DocumentExport>> {
    return kind === 'transcript' ? this.fetchTranscriptExport(ref, options) : this.fetchDocumentExport(ref, options)
  }

  /**
   * Proves the current credentials with the cheapest documented authenticated call
   * (`GET /api/v1.0/external/sdworkspace/CurrentWorkspaces`, docs/api.md#signing-in-and-tokens):
   * the only way to check a pasted token, which has no token endpoint round trip. A server without
   * that route is asked through the transcript export endpoint instead
   * (docs/api.md#the-two-export-endpoints).
   */
  async checkAccess(options: CallOptions = {}): Promise<{ workspaces: number }> {
    const url = joinUrl(this.options.baseUrl(), '/api/v1.0/external/sdworkspace/CurrentWorkspaces')
    const token = await this.options.auth.getAccessToken()
    let response: { status: number; text: string | null }
    try {
      response = await this.attemptOnce(url, token, options.signal)
      if (response.status === 404 || response.status === 405) {
        // A server without that route says nothing about the token (authorization is per
        // endpoint). Ask the endpoint this app is built on instead, for task 0, which exists
        // nowhere: 401/403 refuses the token, any other 4xx (400, 404) accepts it.
        response = await this.attemptOnce(joinUrl(this.options.baseUrl(), exportRequestPath('transcript', { taskId: 0 })), token, options.signal)
        if (response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 403) return { workspaces: 0 }
      }
    } catch (error) {
      throw error instanceof TransientError ? error.appError : error
    }
    if (response.status === 401 || response.status === 403) throw new AppError('unauthorized', 'The API refused the access token: it is wrong or has expired; paste a new one or sign in with a Client ID and secret', { reason: 'token_rejected' })
    if (response.status >= 500) throw new AppError('server', `SmartDocumentor answered ${response.status}; try again later`, { reason: 'api_server', params: { status: response.status } })
    if (response.status !== 200 || response.text === null) throw new AppError('invalid_response', `Unexpected answer ${response.status} from the workspaces endpoint`, { reason: 'api_bad_answer' })
    let body: unknown
    try {
      body = JSON.parse(response.text)
    } catch {
      throw new AppError('invalid_response', 'The workspaces endpoint did not answer JSON', { reason: 'api_bad_answer' })
    }
    return { workspaces: Array.isArray(body) ? body.length : 0 }
  }

  /**
   * GETs an export body as text at the documented path; an externalId-only reference that is not
   * found there is asked for once more in the form without a path id (see endpoints.ts).
   */
  private async getExportText(kind: ExportKind, ref: TaskRef, options: CallOptions): Promise<string> {
    try {
      return await this.getExportTextAt(kind, ref, exportRequestPath(kind, ref), options, false)
    } catch (error) {
      const fallback = exportFallbackPath(kind, ref)
      if (fallback === null || !(error instanceof AppError) || error.code !== 'not_found') throw error
      this.logger.info('No task at path id 0; asking without a path id', { kind })
      try {
        return await this.getExportTextAt(kind, ref, fallback, options, true)
      } catch (second) {
        // A server without that route says so with 404/405/400: the task is still "not found".
        if (second instanceof AppError && second.code === 'not_found') throw error
        throw second
      }
    }
  }

  /**
   * GETs `pathAndQuery` with one 401 refresh and up to `maxRetries` transient retries. With
   * `fallback`, a 400 or 405 (a server without this route) reads as not found.
   */
  private async getExportTextAt(kind: ExportKind, ref: TaskRef, pathAndQuery: string, options: CallOptions, fallback: boolean): Promise<string> {
    const url = joinUrl(this.options.baseUrl(), pathAndQuery)
    const path = url.split('?')[0]
    let refreshed = false
    let attempt = 0
    for (;;) {
      throwIfCancelled(options.signal)
      let retryReason: string
      let retryAfterMs: number | null = null
      let lastError: AppError
      try {
        const token = await this.tokenForAttempt()
        throwIfCancelled(options.signal)
        const response = await this.attemptOnce(url, token, options.signal)
        if (response.status === 401) {
          // A pasted token cannot be refreshed; a client-credentials one is refreshed once.
          const canRefresh = this.options.auth.invalidate(token)
          if (!canRefresh) throw new AppError('unauthorized', 'The API refused the access token: it is wrong or has expired; paste a new one or sign in with a Client ID and secret', { reason: 'token_rejected' })
          if (refreshed) throw new AppError('unauthorized', 'The API refused a freshly issued access token; check that the Client ID belongs to this organisation and base URL', { reason: 'token_fresh_rejected' })
          refreshed = true
          this.logger.info('Export request got 401; refreshing the token once', { path })
          continue
        }
        if (response.text !== null) {
          this.logger.info('Export fetched', { kind, path, chars: response.text.length, attempt })
          return response.text
        }
        const notFound = response.status === 404 || (fallback && (response.status === 400 || response.status === 405))
        if (response.status === 400 && !notFound) throw new AppError('bad_request', 'The server refused the request: give a task id or an external id', { reason: 'api_bad_request', params: { status: 400 } })
        if (notFound) throw new AppError('not_found', `No ${kind} task with ${describeTaskRef(ref)} in this organisation`, { reason: 'task_not_found', params: { task: taskRefLabel(ref) } })
        if (response.status === 403) throw new AppError('unauthorized', `This account may not read the ${kind} task with ${describeTaskRef(ref)} (HTTP 403)`, { reason: 'api_forbidden', params: { status: 403 } })
        if (!isRetryableStatus(response.status)) throw new AppError('server', `The server answered HTTP ${response.status} for the ${kind} task with ${describeTaskRef(ref)}`, { reason: 'api_server', params: { status: response.status } })
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.clock())
        retryReason = `HTTP ${response.status}`
        lastError =
          response.status === 429
            ? new AppError('server', rateLimitedMessage(response.headers.get('retry-after')), { reason: 'api_rate_limited' })
            : new AppError('server', `The server failed (HTTP ${response.status}) ${attempt + 1} times in a row; try again later`, { reason: 'api_server', params: { status: response.status } })
      } catch (error) {
        if (!(error instanceof TransientError)) throw error
        retryReason = error.message
        lastError = error.appError
        retryAfterMs = error.retryAfterMs
      }
      if (attempt >= this.retry.maxRetries || (retryAfterMs !== null && retryAfterMs > maxRetryAfterMs)) throw lastError
      const delayMs = retryAfterMs ?? backoffDelay(attempt, this.retry, this.random)
      attempt++
      this.logger.warn('Export request failed; retrying', { path, reason: retryReason, attempt, delayMs })
      options.onRetry?.({ attempt, delayMs, reason: retryReason, retryAfterMs })
      await this.sleep(delayMs, options.signal)
    }
  }

  /**
   * The access token for the next attempt. A token endpoint that cannot answer right now (5xx,
   * 429, network, timeout) is retried like the export itself; wrong credentials are not.
   */
  private async tokenForAttempt(): Promise<string> {
    try {
      return await this.options.auth.getAccessToken()
    } catch (error) {
      if (error instanceof TokenUnavailableError) throw new TransientError(`token endpoint: ${error.message}`, error, error.retryAfterMs)
      if (error instanceof AppError && (error.code === 'network' || error.code === 'timeout')) throw new TransientError(`token endpoint: ${error.message}`, error)
      throw error
    }
  }

  /**
   * One request under the per-attempt timeout, body included (a server that stalls mid-body
   * times out too). `text` is the body for 2xx answers and null otherwise. Network failures and
   * timeouts become TransientError; the caller's abort becomes `cancelled`.
   */
  private async attemptOnce(url: string, token: string, signal: AbortSignal | undefined): Promise<{ status: number; headers: Headers; text: string | null }> {
    const timeoutMs = resolveTimeout(this.options.timeoutMs)
    const timer = startAttemptTimer(this.sleep, timeoutMs, signal)
    let stage = 'connect'
    try {
      checkTokenDestination(this.options.auth, url, token)
      const response = await fetchSameOrigin(
        this.options.fetch,
        url,
        { method: 'GET', headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: timer.signal },
        'export request'
      )
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined)
        return { status: response.status, headers: response.headers, text: null }
      }
      stage = 'body'
      const text = await response.text()
      return { status: response.status, headers: response.headers, text }
    } catch (error) {
      if (signal?.aborted) throw new AppError('cancelled', 'Cancelled', { reason: 'cancelled' })
      if (error instanceof AppError) throw error
      if (timer.timedOut()) {
        const message = stage === 'body'
          ? `The server stopped sending the export before it was complete (no end within ${seconds(timeoutMs)} s)`
          : `The server did not answer within ${seconds(timeoutMs)} s; try again later or raise the timeout`
        throw new TransientError('timeout', new AppError('timeout', message, { reason: 'api_timeout' }))
      }
      const reason = describeNetworkError(error)
      const message = stage === 'body'
        ? `The connection broke while reading the export: ${reason}`
        : `Could not reach ${safeOrigin(url)}: ${reason}; check the network and the base URL`
      throw new TransientError(reason, new AppError('network', message, { reason: 'api_unreachable' }))
    } finally {
      timer.stop()
    }
  }

}

/** A failure worth retrying, carrying the error to report if retries run out. */
class TransientError extends Error {
  readonly appError: AppError
  /** The server's Retry-After, when it gave one. */
  readonly retryAfterMs: number | null
  constructor(reason: string, appError: AppError, retryAfterMs: number | null = null) {
    super(reason)
    this.appError = appError
    this.retryAfterMs = retryAfterMs
  }
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('cancelled', 'Cancelled', { reason: 'cancelled' })
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return 'the server'
  }
}
