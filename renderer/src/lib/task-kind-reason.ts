import type { TaskKindInfo } from '../../../shared/api/task-kind'
import { noticeMessage } from './notice-message'

/*
 * Why the inbox thinks a task is a transcript or a document, in the reviewer's language.
 * shared/api/task-kind.ts gives the reason as a notice (code and parameters) beside its English
 * wording, which `sdte list --json` prints for scripts.
 */

/** The reason of `info` in the current language (read when shown, so it follows a language change). */
export function kindReason(info: TaskKindInfo): string {
  return noticeMessage(info.notice)
}
