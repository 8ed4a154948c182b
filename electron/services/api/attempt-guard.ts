import { AppError } from '../../../shared/errors'
import { isHeaderSafeToken } from '../../../shared/api/credential-chars'
import type { TokenSource } from './api-ports'
import { originOf } from './same-origin-fetch'
import type { Sleep } from './sleep'

/*
 * What every authorised attempt (export client and platform transport alike) does before and
 * around its fetch: one place, so the token guard and the timeout cannot drift apart.
 */

/**
 * Refuses to send `token` where it does not belong: to an origin other than the one the
 * credentials are bound to, or with characters that would break the header (the HTTP
 * library's own error would quote the header, token and all).
 */
export function checkTokenDestination(auth: TokenSource, url: string, token: string): void {
  const bound = auth.boundOrigin?.()
  if (bound !== undefined && bound !== originOf(url)) {
    throw new AppError('unauthorized', `The saved credentials belong to ${bound}, not ${originOf(url) ?? 'this address'}; sign in to that server to use it`, { reason: 'credentials_other_server', params: { server: bound ?? '' } })
  }
  if (!isHeaderSafeToken(token)) throw new AppError('unauthorized', 'The access token contains characters that cannot be sent in a header; paste it again or sign in with a Client ID and secret', { reason: 'token_bad_chars' })
}

/** One attempt's abort signal: fires on the caller's abort or when the timeout passes. */
export interface AttemptTimer {
  readonly signal: AbortSignal
  /** True once the timeout (not the caller) aborted the attempt. */
  timedOut(): boolean
  /** Stops the timer and lets go of the caller's signal; call in `finally`. */
  stop(): void
}

/** Starts the per-attempt timeout on the injected `sleep` (tests need no real time). */
export function startAttemptTimer(sleep: Sleep, timeoutMs: number, signal: AbortSignal | undefined): AttemptTimer {
  const controller = new AbortController()
  const onAbort = () => controller.abort()
  signal?.addEventListener('abort', onAbort, { once: true })
  const stopTimer = new AbortController()
  let timedOut = false
  sleep(timeoutMs, stopTimer.signal).then(
    () => {
      timedOut = true
      controller.abort()
    },
    () => undefined
  )
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    stop() {
      stopTimer.abort()
      signal?.removeEventListener('abort', onAbort)
    }
  }
}
