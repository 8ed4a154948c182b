/*
 * Retry policy for the idempotent export GETs: network errors, 5xx and 429 are retried at most
 * `maxRetries` times with exponential backoff and full jitter, honouring Retry-After.
 */

/** Backoff settings. */
export interface RetryPolicy {
  readonly maxRetries: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
}

/** Default: 3 retries, 500 ms doubling, capped at 8 s. */
export const defaultRetryPolicy: RetryPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 8_000 }

/** Longest Retry-After we wait for; beyond this the server is effectively down for us. */
export const maxRetryAfterMs = 60_000

/** The delay before retry number `attempt` (0-based): full jitter in [base/2, base·2^attempt]. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  const floor = Math.min(ceiling, policy.baseDelayMs / 2)
  return Math.round(floor + random() * (ceiling - floor))
}

/** Retry-After (delta seconds or HTTP-date) in ms from `now`, or null when absent/unparseable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return null
  return Math.max(0, date - now)
}

/** True for statuses worth retrying on an idempotent GET. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504 || status >= 500
}

/**
 * The wait a Retry-After header asks for, in the server's own terms: "in 120 s" for delta
 * seconds, "after <the date as sent>" for an HTTP date; null when absent or unreadable. A
 * message that says "in a minute" when the server said 120 s sends people back too early.
 */
export function describeRetryAfter(value: string | null): string | null {
  if (value === null) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return `in ${Number(trimmed)} s`
  return Number.isNaN(Date.parse(trimmed)) ? null : `after ${trimmed}`
}

/** The message for a 429 that retries did not get past, with the server's Retry-After figure when it gave one. */
export function rateLimitedMessage(retryAfter: string | null): string {
  const when = describeRetryAfter(retryAfter)
  return `The server is rate-limiting requests (HTTP 429); try again ${when ?? 'later'}`
}

/** What a caller is told before each retry (for a progress line such as "waiting 30 s as the server asked"). */
export interface RetryInfo {
  readonly attempt: number
  readonly delayMs: number
  readonly reason: string
  /** The server's Retry-After in ms when the delay is the server's (else null: our own backoff). */
  readonly retryAfterMs: number | null
}
