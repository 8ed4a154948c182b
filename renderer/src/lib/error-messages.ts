import { isErrorCode, type ErrorCode } from '../../../shared/errors'
import { isErrorReason, type ErrorParams } from '../../../shared/error-reasons'
import { formatBytes, formatNumber } from '../i18n/format'
import { t } from '../i18n'

/** What the reviewer is told for an error, and what to do next. */
export interface ErrorAdvice {
  readonly title: string
  readonly nextStep: string
}

/** An error as main sends it, in any of its shapes (a Result's error, a media or document state's). */
export interface ErrorLike {
  readonly code: string
  readonly message: string
  readonly reason?: string
  readonly params?: ErrorParams
}

/** An error as the reviewer reads it: advice from the code, the sentence from the reason. */
export interface ErrorText extends ErrorAdvice {
  /** What went wrong, in the reviewer's language; null when main gave no reason this version knows. */
  readonly message: string | null
  /** Main's English message, shown (marked as English, with the code) only when `message` is null. */
  readonly english: string | null
}

// One entry per code in the closed set: the compiler checks none is missing. The texts are in
// the catalogues (i18n/messages/*/errors.ts); this keeps the codes honest.
const codes: Record<ErrorCode, true> = {
  unauthorized: true,
  not_found: true,
  bad_request: true,
  network: true,
  timeout: true,
  server: true,
  invalid_response: true,
  cancelled: true,
  io: true,
  conflict: true
}

/** The advice for an error code, in the reviewer's language (an unknown code gets the general advice, naming it). */
export function adviceFor(error: { readonly code: string; readonly message?: string }): ErrorAdvice {
  const code = error.code
  if (!isErrorCode(code) || !codes[code]) return { title: t('errors.unknown.title', { code }), nextStep: t('errors.unknown.nextStep') }
  return { title: t(`errors.${code}.title`), nextStep: t(`errors.${code}.nextStep`) }
}

/** Parameters as the sentence shows them: sizes in the locale's units, numbers in its digits. */
function shownParams(params: ErrorParams | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value !== 'number') out[name] = String(value)
    else out[name] = name === 'size' || name === 'max' ? formatBytes(value) : name === 'status' || name === 'task' ? String(value) : formatNumber(value)
  }
  return out
}

/** The sentence for an error's reason in the reviewer's language; null when it has none this version knows. */
export function reasonText(error: Pick<ErrorLike, 'reason' | 'params'>): string | null {
  return isErrorReason(error.reason) ? t(`errors.reason.${error.reason}`, shownParams(error.params)) : null
}

/** Everything the reviewer reads about an error: translated from its code and reason, English only as a fallback. */
export function describeError(error: ErrorLike): ErrorText {
  const message = reasonText(error)
  return { ...adviceFor(error), message, english: message === null ? error.message : null }
}

/** One line for a place with room for a sentence only: the reason's, or main's English message. */
export function errorLine(error: ErrorLike): string {
  return reasonText(error) ?? error.message
}
