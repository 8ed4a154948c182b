import { AppError } from '../../../shared/errors'
import type { Logger } from '../logging/logger'
import type { RetryPolicy } from './retry'
import type { Sleep } from './sleep'
import type { TimeoutOption } from './timeout'

/** What the API client needs from the auth service. */
export interface TokenSource {
  getAccessToken(): Promise<string>
  /** Drops a refused token; false when it cannot be replaced (a pasted token). */
  invalidate(accessToken: string): boolean
  /**
   * The origin the credentials belong to (null when signed out). When given, a token is never
   * sent to any other origin, whatever the base URL says by then.
   */
  boundOrigin?(): string | null
}

/**
 * The ports both the export client and the platform transport are built from: one list, because
 * the app and the CLI wire both from the same object and a port added to one is needed by both.
 */
export interface ApiPorts {
  readonly fetch: typeof fetch
  readonly auth: TokenSource
  readonly baseUrl: () => string
  readonly clock?: () => number
  readonly sleep?: Sleep
  readonly random?: () => number
  readonly logger?: Logger
  /** Per-attempt timeout, or a function read at each attempt (the app's setting); default 30 s. */
  readonly timeoutMs?: TimeoutOption
  readonly retry?: RetryPolicy
}

/** Parses a JSON response body; text that is not JSON becomes `invalid_response` naming `what`. */
export function parseJsonBody(text: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new AppError('invalid_response', `The ${what} is not valid JSON (${text.length} bytes received)`)
  }
}
