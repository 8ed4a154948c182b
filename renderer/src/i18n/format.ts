import { currentLocale } from './index'

/*
 * Numbers, percentages, dates and lists in the reviewer's locale (Intl; a decimal comma in
 * pt-PT). Media clocks and subtitle timecodes are not here: they are technical formats that read
 * the same in every language (shared/time).
 */

// Building an Intl formatter costs far more than using one (the first in a page loads the
// locale's data: ~50 ms of a cold task open, issue 21), so each one is made once per locale.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>()
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(kind: string, options: object, make: (locale: string) => T): T {
  const locale = currentLocale()
  const key = `${kind} ${locale} ${JSON.stringify(options)}`
  let f = formatters.get(key) as T | undefined
  if (!f) formatters.set(key, (f = make(locale)))
  return f
}
const numberFormat = (o: Intl.NumberFormatOptions): Intl.NumberFormat => cached('n', o, (l) => new Intl.NumberFormat(l, o))
const dateFormat = (o: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => cached('d', o, (l) => new Intl.DateTimeFormat(l, o))

/** Makes the formatters a task's first screen uses ahead of time (called when the page is idle, before any task opens). */
export function warmFormats(): void {
  formatNumber(1)
  formatPercent(0.5)
  formatDate(0)
  formatDateTime(0)
}

/** A number, with at most `maxDecimals` decimals (0 by default). */
export function formatNumber(value: number, maxDecimals = 0, minDecimals = 0): string {
  return numberFormat({ maximumFractionDigits: maxDecimals, minimumFractionDigits: minDecimals }).format(value)
}

/** A fraction 0..1 as a whole percentage ("73%", "73 %" where the locale spaces it). */
export function formatPercent(fraction: number, maxDecimals = 0): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: maxDecimals }).format(fraction)
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
  return dateFormat({ dateStyle: style, timeStyle: 'short' }).format(date)
}

/** A date without the time; '' when unreadable. */
export function formatDate(value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return dateFormat({ dateStyle: 'medium' }).format(date)
}

/** A time of day ("14:05"); '' when unreadable. */
export function formatTimeOfDay(value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return dateFormat({ timeStyle: 'short' }).format(date)
}

/** Items joined the way the locale lists them ("a, b and c" / "a, b e c"). */
export function formatList(items: readonly string[]): string {
  return cached('l', {}, (l) => new Intl.ListFormat(l, { style: 'long', type: 'conjunction' })).format(items)
}
