import type { ErrorCode, ErrorData } from '../../../shared/errors'
import { t } from '../i18n'

/** What the reviewer is told for an error, and what to do next. */
export interface ErrorAdvice {
  readonly title: string
  readonly nextStep: string
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

/** The advice for an error code, in the reviewer's language. */
export function adviceFor(error: ErrorData): ErrorAdvice {
  const code: ErrorCode = error.code in codes ? error.code : 'io'
  return { title: t(`errors.${code}.title`), nextStep: t(`errors.${code}.nextStep`) }
}
