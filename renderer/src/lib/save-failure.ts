import type { ErrorData } from '../../../shared/errors'
import type { ErrorReason } from '../../../shared/error-reasons'
import { t } from '../i18n'
import { reasonText } from './error-messages'

/*
 * Why a draft save failed, in the reviewer's words, for the status bar. Main says why with a
 * reason (disk full, read-only…); an older main only had its English message, which carries the
 * file system's code (`ENOSPC: no space left on device, …`) and is read as a last resort.
 */

/** The status bar's short words for the reasons a save most often fails. */
const shortReasons: Partial<Record<ErrorReason, string>> = {
  disk_full: 'editorPanels.saveFailure.diskFull',
  disk_quota: 'editorPanels.saveFailure.quota',
  read_only: 'editorPanels.saveFailure.readOnly',
  permission_denied: 'editorPanels.saveFailure.permission'
}

/** A short reason for a failed save ("disk full"): from main's reason, else its message when it is not a known one. */
export function describeSaveFailure(message: string | null, failure?: Pick<ErrorData, 'reason' | 'params'> | null): string {
  const short = failure?.reason ? shortReasons[failure.reason] : undefined
  if (short) return t(short)
  const sentence = failure ? reasonText(failure) : null
  if (sentence) return sentence.replace(/\.$/, '')
  const text = message ?? ''
  if (/ENOSPC|no space left/i.test(text)) return t('editorPanels.saveFailure.diskFull')
  if (/EDQUOT|quota/i.test(text)) return t('editorPanels.saveFailure.quota')
  if (/EROFS|read-only file system/i.test(text)) return t('editorPanels.saveFailure.readOnly')
  if (/EACCES|EPERM|permission denied|operation not permitted/i.test(text)) return t('editorPanels.saveFailure.permission')
  if (/EIO|input\/output error/i.test(text)) return t('editorPanels.saveFailure.io')
  return text.trim() || t('editorPanels.saveFailure.unknown')
}

/** The whole story of a failed save for a tooltip: main's reason in the reviewer's language, else its English message. */
export function saveFailureDetail(message: string | null, failure?: Pick<ErrorData, 'reason' | 'params'> | null): string | undefined {
  return (failure ? reasonText(failure) : null) ?? message ?? undefined
}
