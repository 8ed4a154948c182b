import type { QueueReason, SignalName } from '../../../shared/review/queue'
import { t } from '../i18n'
import { formatNumber, formatPercent } from '../i18n/format'

/*
 * What each review-queue signal and reason is called in the panel and its settings, in the
 * reviewer's language. shared/ gives codes and figures (it cannot translate); the words are
 * made here each time they are shown, so a language change reads them again.
 */

/** A short name for a signal. */
export function signalLabel(signal: SignalName): string {
  return t(`review.signals.${signal}`)
}

/** A reason's detail ("confidence 41 %", "2,5 s de silêncio antes"); the shared English detail when it has no code. */
export function reasonDetail(reason: QueueReason): string {
  const note = reason.note
  if (!note) return reason.detail
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(note.values ?? {})) {
    values[key] = typeof value === 'string' ? value : key === 'percent' ? formatPercent(value) : formatNumber(value, 1)
  }
  return t(`review.reasons.${note.code}`, values)
}

/** Every reason of an item: "Low confidence (confidence 41%) · Name (…)". */
export function reasonsText(reasons: readonly QueueReason[]): string {
  return reasons.map((r) => `${signalLabel(r.signal)} (${reasonDetail(r)})`).join(' · ')
}
