import { fsReasonOf, isErrorReason, type ErrorParams, type ErrorReason } from './error-reasons'

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
  /** English, for the log and for an error with no `reason` (the renderer then shows it with the code). */
  readonly message: string
  /** Exactly what went wrong (shared/error-reasons.ts): the renderer says it in the reviewer's language. */
  readonly reason?: ErrorReason
  /** What the reason's sentence fills in (a path, an HTTP status, a size). */
  readonly params?: ErrorParams
}

/** The result every IPC call returns: a value or an error, never a thrown string. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData }

/** An error with a code from the closed set; services throw this. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly reason?: ErrorReason
  readonly params?: ErrorParams
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; reason?: ErrorReason; params?: ErrorParams }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    if (options?.reason) this.reason = options.reason
    if (options?.params) this.params = options.params
  }
}

/** The reason and parameters an error carries, or those of a file-system failure in its cause chain. */
function detailOf(error: unknown): Pick<ErrorData, 'reason' | 'params'> {
  const fs = fsReasonOf(error)
  if (error instanceof AppError && error.reason) {
    // "Could not write" says less than "the disk is full": the cause's reason wins, with the path the service named.
    if (fs && genericFileReasons.has(error.reason)) return { reason: fs.reason, params: { ...fs.params, ...error.params } }
    return error.params ? { reason: error.reason, params: error.params } : { reason: error.reason }
  }
  return fs ?? {}
}

/** Reasons a file-system cause in the chain makes more precise. */
const genericFileReasons: ReadonlySet<ErrorReason> = new Set(['write_failed', 'read_failed'])

/** An error's reason as given, for code that passes `{ reason, params }` along unchanged. */
export function reasonOf(error: ErrorData): Pick<ErrorData, 'reason' | 'params'> {
  return isErrorReason(error.reason) ? { reason: error.reason, ...(error.params ? { params: error.params } : {}) } : {}
}

/** True when `value` is one of the known error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value)
}

/** Any thrown value as error data; unknown failures become `io` with their message. */
export function toErrorData(error: unknown, fallback: ErrorCode = 'io'): ErrorData {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...detailOf(error) }
  if (error instanceof Error && error.name === 'AbortError') return { code: 'cancelled', message: 'Cancelled.', reason: 'cancelled' }
  const message = error instanceof Error ? error.message : String(error)
  return { code: fallback, message: message || 'Something went wrong.', ...detailOf(error) }
}
