/*
 * Errors are data across every boundary (IPC, CLI): a closed set of codes the renderer and the
 * CLI each handle explicitly. Services throw `AppError`; the IPC wrapper and the CLI turn it
 * into `{ code, message }` (IPC) or an exit code (CLI).
 */

/** The closed set of error codes (docs/api.md#error-codes). */
export const errorCodes = [
  'unauthorized',
  'not_found',
  'bad_request',
  'network',
  'timeout',
  'server',
  'invalid_response',
  'cancelled',
  'io',
  /** A change was based on a revision the other side no longer holds (e.g. a draft patch after main restarted): send it whole. */
  'conflict'
] as const

/** One of the closed set of error codes. */
export type ErrorCode = (typeof errorCodes)[number]

/** An error as it crosses a boundary: a code and a message a person can act on. */
export interface ErrorData {
  readonly code: ErrorCode
  readonly message: string
}

/** The result every IPC call returns: a value or an error, never a thrown string. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData }

/** An error with a code from the closed set; services throw this. */
export class AppError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppError'
    this.code = code
  }
}

/** True when `value` is one of the known error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value)
}

/** Any thrown value as error data; unknown failures become `io` with their message. */
export function toErrorData(error: unknown, fallback: ErrorCode = 'io'): ErrorData {
  if (error instanceof AppError) return { code: error.code, message: error.message }
  if (error instanceof Error && error.name === 'AbortError') return { code: 'cancelled', message: 'Cancelled.' }
  const message = error instanceof Error ? error.message : String(error)
  return { code: fallback, message: message || 'Something went wrong.' }
}
