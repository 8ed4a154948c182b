import { englishNotices, type NoticeCode } from './notice-catalogue'

/*
 * A text for people built outside the renderer, as a code and its parameters: the renderer words
 * it in the reviewer's language (`notices.<code>` in its catalogues, renderer/src/lib/notice-message.ts),
 * `sdte` and logs in English (`noticeText`). Parameters are user data (strings, shown as they are),
 * numbers (formatted in the locale), a `time` (ms, written as a timecode) or another notice (a
 * phrase inside the sentence, worded the same way). See docs/i18n.md.
 */

export type { NoticeCode } from './notice-catalogue'
export { englishNotices, noticeCodes } from './notice-catalogue'

/** One parameter of a notice. */
export type NoticeParam = string | number | Notice

/** A text for people as a code and its parameters. */
export interface Notice {
  readonly code: NoticeCode
  readonly params?: Readonly<Record<string, NoticeParam>>
}

/** A notice with `code` and `params` (drops an empty params object). */
export function notice(code: NoticeCode, params?: Record<string, NoticeParam>): Notice {
  return params ? { code, params } : { code }
}

/** True for a notice-shaped parameter (a phrase inside another notice). */
export function isNotice(value: NoticeParam): value is Notice {
  return typeof value === 'object' && value !== null && typeof value.code === 'string'
}

/** Options for `noticeText`: how a `time` parameter is written (whole ms by default). */
export interface NoticeTextOptions {
  readonly formatTime?: (ms: number) => string
}

/** The notice in English, for `sdte` and logs (numbers as JavaScript writes them). */
export function noticeText(n: Notice, options: NoticeTextOptions = {}): string {
  const template: string = englishNotices[n.code] ?? n.code
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = n.params?.[name]
    if (value === undefined) return whole
    if (isNotice(value)) return noticeText(value, options)
    if (typeof value === 'number' && name === 'time' && options.formatTime) return options.formatTime(value)
    return String(value)
  })
}

/** The placeholders of a message, sorted ("{cue} at {time}" → ["cue", "time"]). */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1]!).sort()
}
