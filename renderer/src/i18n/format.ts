import { currentLocale } from './index'

/*
 * Numbers, percentages, dates and lists in the reviewer's locale (Intl; a decimal comma in
 * pt-PT). Media clocks and subtitle timecodes are not here: they are technical formats that read
 * the same in every language (shared/time).
 */

// Number formatters by locale and options: making one costs far more than formatting with it,
// and the transcript's rows format a percentage for every low-confidence word's tooltip.
const numberFormats = new Map<string, Intl.NumberFormat>()
function numberFormat(percent: boolean, maxDecimals: number, minDecimals: number): Intl.NumberFormat {
  const locale = currentLocale()
  const key = `${locale}|${percent}|${maxDecimals}|${minDecimals}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, percent ? { style: 'percent', maximumFractionDigits: maxDecimals } : { maximumFractionDigits: maxDecimals, minimumFractionDigits: minDecimals })
    numberFormats.set(key, format)
  }
  return format
}

/** A number, with at most `maxDecimals` decimals (0 by default). */
export function formatNumber(value: number, maxDecimals = 0, minDecimals = 0): string {
  return numberFormat(false, maxDecimals, minDecimals).format(value)
}

/** A fraction 0..1 as a whole percentage ("73%", "73 %" where the locale spaces it). */
export function formatPercent(fraction: number, maxDecimals = 0): string {
  return numberFormat(true, maxDecimals, 0).format(fraction)
}

/** A byte count in KB/MB/GB with one decimal over 1 KB ("3,4 MB" in pt-PT). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${formatNumber(value, unit === 0 ? 0 : 1)} ${units[unit]}`
}

/** A date and time (ISO string or ms since the epoch) the way the locale writes it; '' when unreadable. */
export function formatDateTime(value: string | number | Date, style: 'short' | 'medium' = 'medium'): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: style, timeStyle: 'short' }).format(date)
}

/** A date without the time; '' when unreadable. */
export function formatDate(value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(date)
}

/** A time of day ("14:05"); '' when unreadable. */
export function formatTimeOfDay(value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'short' }).format(date)
}

/** Items joined the way the locale lists them ("a, b and c" / "a, b e c"). */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(currentLocale(), { style: 'long', type: 'conjunction' }).format(items)
}
