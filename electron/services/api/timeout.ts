/** A request timeout as the services take it: fixed (the CLI's --timeout) or read at each request (the app's setting). */
export type TimeoutOption = number | (() => number)

/** The default per-request timeout. */
export const defaultTimeoutMs = 30_000

/** The timeout in force now: the fixed number, the setting's current value, or the default. */
export function resolveTimeout(option: TimeoutOption | undefined): number {
  const ms = typeof option === 'function' ? option() : option
  return ms !== undefined && Number.isFinite(ms) && ms > 0 ? ms : defaultTimeoutMs
}
