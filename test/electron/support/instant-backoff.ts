/*
 * The sleep the API services take, for tests: backoff waits (under 5 s) return at once so a
 * retried request does not hold the test up; the per-attempt timeout (5 s and over) really
 * waits, until the request aborts it, so a hung server is still seen as one.
 */

/** A `sleep` for createApiServices: instant backoff, real per-attempt timeouts. */
export function instantBackoff(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms < 5_000) return Promise.resolve()
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(new Error('aborted'))
    })
  })
}
