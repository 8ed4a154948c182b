import { isNotice, type Notice } from '../../../shared/i18n/notices'
import { formatSrtTime } from '../../../shared/time'
import { t } from '../i18n'
import { formatNumber } from '../i18n/format'

/*
 * A notice built in shared/ (a code and parameters) in the reviewer's language: the catalogue's
 * `notices.<code>` with its numbers in the locale (a decimal comma in pt-PT), a `time` as the
 * subtitle timecode (a technical format, the same in every language), user data as it is, and
 * a phrase given as another notice worded the same way. Called when shown, so it follows a
 * language change.
 */

/** The notice in the current language. */
export function noticeMessage(n: Notice): string {
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(n.params ?? {})) {
    values[key] = isNotice(value) ? noticeMessage(value) : typeof value === 'string' ? value : key === 'time' ? formatSrtTime(value) : formatNumber(value, 2)
  }
  return t(`notices.${n.code}`, values)
}
