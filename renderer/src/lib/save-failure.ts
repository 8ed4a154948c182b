import { t } from '../i18n'

/*
 * Why a draft save failed, in the reviewer's words, for the status bar: main's message carries
 * the file system's code (`ENOSPC: no space left on device, …`), which says nothing to most people.
 */

/** A short reason for a failed save ("disk full"), or the message itself when it is not a known one. */
export function describeSaveFailure(message: string | null): string {
  const text = message ?? ''
  if (/ENOSPC|no space left/i.test(text)) return t('editorPanels.saveFailure.diskFull')
  if (/EDQUOT|quota/i.test(text)) return t('editorPanels.saveFailure.quota')
  if (/EROFS|read-only file system/i.test(text)) return t('editorPanels.saveFailure.readOnly')
  if (/EACCES|EPERM|permission denied|operation not permitted/i.test(text)) return t('editorPanels.saveFailure.permission')
  if (/EIO|input\/output error/i.test(text)) return t('editorPanels.saveFailure.io')
  return text.trim() || t('editorPanels.saveFailure.unknown')
}
