/*
 * Every specific reason main can give for an error, with the parameters its sentence takes.
 * The coarse `ErrorCode` (shared/errors.ts) stays what scripts and the CLI's exit codes follow;
 * the reason says exactly what went wrong so the renderer can tell the reviewer in their
 * language (renderer/src/i18n/messages/<locale>/errors.ts, `errors.reason.<name>`), while main's
 * English `message` stays for the log and for an error that has no reason yet.
 * `test/renderer/error-reasons.test.ts` checks each has English and Portuguese text with exactly
 * these placeholders.
 */

/** Each reason and the names of its parameters (values: strings, or numbers; `size`/`max` are bytes). */
export const errorReasons = {
  // Sign-in (the token endpoint and the session).
  signin_rejected: [],
  signin_refused: ['detail'],
  signin_no_service: ['url'],
  signin_timeout: ['host'],
  signin_unreachable: ['host'],
  signin_bad_answer: [],
  not_signed_in: [],
  token_rejected: [],
  token_fresh_rejected: [],
  token_bad_chars: [],
  credentials_other_server: ['server'],
  // The API (tasks, workspaces, review status, speakers).
  api_forbidden: ['status'],
  api_not_found: ['status'],
  task_not_found: ['task'],
  api_bad_request: ['status'],
  api_server: ['status'],
  api_rate_limited: [],
  api_unreachable: [],
  api_timeout: [],
  api_bad_answer: [],
  api_redirect_refused: ['host'],
  // Files on this computer: drafts, exports, finished reviews.
  disk_full: ['path'],
  disk_quota: ['path'],
  read_only: ['path'],
  permission_denied: ['path'],
  file_exists: ['path'],
  file_not_found: ['path'],
  folder_missing: ['path'],
  is_folder: ['path'],
  name_too_long: ['path'],
  write_failed: ['path'],
  read_failed: ['path'],
  draft_too_large: ['size', 'max'],
  draft_conflict: [],
  draft_unreadable: [],
  no_finish_folder: [],
  not_an_export: ['file'],
  file_too_large: ['file'],
  // The recording.
  download_failed: ['status'],
  download_network: [],
  download_stalled: ['seconds'],
  download_too_large: ['max'],
  download_link_refused: [],
  cancelled: [],
  media_unsupported: [],
  media_undecodable: [],
  recording_not_ready: [],
  // Workspace speakers and the task's workflow.
  no_saved_draft: ['task'],
  no_workspace: ['task'],
  // A request main would not take (a bug or an out-of-date renderer).
  request_invalid: ['channel']
} as const satisfies Record<string, readonly string[]>

/** The name of one reason. */
export type ErrorReason = keyof typeof errorReasons

/** A reason's parameters: what its sentence fills in. */
export type ErrorParams = Readonly<Record<string, string | number>>

/** True when `value` names a known reason. */
export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorReasons, value)
}

/** Node's file-system error codes (`errno` names) and the reason each is. */
const fsReasons: Readonly<Record<string, ErrorReason>> = {
  ENOSPC: 'disk_full',
  EDQUOT: 'disk_quota',
  EROFS: 'read_only',
  EACCES: 'permission_denied',
  EPERM: 'permission_denied',
  EEXIST: 'file_exists',
  ENOENT: 'file_not_found',
  EISDIR: 'is_folder',
  ENAMETOOLONG: 'name_too_long'
}

/**
 * The reason behind a file-system failure anywhere in `error`'s cause chain (a service wraps
 * Node's error as the `cause` of its own), with the path Node names; null when none is one.
 */
export function fsReasonOf(error: unknown): { reason: ErrorReason; params: ErrorParams } | null {
  const seen = new Set<unknown>()
  for (let e = error; e && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e)
    const code = (e as { code?: unknown }).code
    const reason = typeof code === 'string' ? fsReasons[code] : undefined
    if (reason) {
      const path = (e as { path?: unknown }).path
      return { reason, params: { path: typeof path === 'string' ? path : '' } }
    }
  }
  return null
}
