import type { TranscriptModel } from '../../../shared/transcript'
import { segmentText } from '../../../shared/transcript'

/*
 * Find and replace over segment texts: plain or regular expression, whole words, case, and
 * optionally only the segments of one speaker. Replacement goes through the store's pure edits.
 */

/** What to look for. */
export interface FindQuery {
  readonly text: string
  readonly regex: boolean
  readonly wholeWord: boolean
  readonly caseSensitive: boolean
  /** Only segments of this speaker; null/undefined = all. */
  readonly speakerId?: string | null
}

/** One match: a character range in a segment's text. */
export interface FindMatch {
  readonly segmentId: string
  readonly segmentIndex: number
  readonly start: number
  readonly end: number
  readonly text: string
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The search as a global RegExp, or null when the query is empty or not a valid expression. */
export function buildFindPattern(query: FindQuery): RegExp | null {
  if (query.text === '') return null
  let source = query.regex ? query.text : escapeRegExp(query.text)
  // Letters in any script count as word characters (names like "Zoë" or "Łukasz").
  if (query.wholeWord) source = `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`
  try {
    return new RegExp(source, query.caseSensitive ? 'gu' : 'giu')
  } catch {
    return null
  }
}

/** True when the query is a regular expression that does not compile. */
export function isInvalidPattern(query: FindQuery): boolean {
  return query.text !== '' && buildFindPattern(query) === null
}

/** Every non-empty match in the model, in transcript order (capped at `limit`). */
export function findMatches(model: TranscriptModel, query: FindQuery, limit = 5000): FindMatch[] {
  const pattern = buildFindPattern(query)
  if (!pattern) return []
  const out: FindMatch[] = []
  model.segments.forEach((seg, segmentIndex) => {
    if (out.length >= limit) return
    if (query.speakerId && seg.speakerId !== query.speakerId) return
    const text = segmentText(seg)
    pattern.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = pattern.exec(text)) !== null && out.length < limit) {
      if (m[0].length === 0) {
        pattern.lastIndex++
        continue
      }
      out.push({ segmentId: seg.id, segmentIndex, start: m.index, end: m.index + m[0].length, text: m[0] })
    }
  })
  return out
}

/** `text` with every match replaced ($1 etc. work for regular expressions; plain replacements are literal). */
export function replaceInText(text: string, pattern: RegExp, query: FindQuery, replacement: string): string {
  pattern.lastIndex = 0
  const literal = query.regex ? replacement : replacement.replace(/\$/g, '$$$$')
  return text.replace(pattern, literal)
}

/**
 * The words each match touches, by segment id (for highlighting every match in the transcript).
 * Offsets are in the segment's text, its words joined by single spaces (`segmentText`).
 */
export function matchedWords(model: TranscriptModel, matches: readonly FindMatch[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>()
  for (const match of matches) {
    const seg = model.segments[match.segmentIndex]
    if (!seg || seg.id !== match.segmentId) continue
    let words = out.get(seg.id)
    let pos = 0
    for (let i = 0; i < seg.words.length; i++) {
      const end = pos + seg.words[i]!.text.length
      if (pos < match.end && end > match.start) {
        if (!words) out.set(seg.id, (words = new Set()))
        words.add(i)
      }
      if (end >= match.end) break
      pos = end + 1
    }
  }
  return out
}

/**
 * The index of the first match at or after the cursor (a segment id and word index; -1 or no
 * cursor = the segment's start / the transcript's start), wrapping to the first match when none
 * follows it; -1 when there are no matches. Matches are in transcript order (`findMatches`).
 */
export function firstMatchFrom(model: TranscriptModel, matches: readonly FindMatch[], cursor: { readonly segmentId: string; readonly wordIndex: number } | null): number {
  if (matches.length === 0) return -1
  const segmentIndex = cursor ? model.segments.findIndex((s) => s.id === cursor.segmentId) : -1
  if (segmentIndex < 0) return 0
  const words = model.segments[segmentIndex]!.words
  // The cursor word's offset in the segment's text (words joined by single spaces).
  let offset = 0
  for (let i = 0; i < Math.min(Math.max(cursor!.wordIndex, 0), words.length); i++) offset += words[i]!.text.length + 1
  const at = matches.findIndex((m) => m.segmentIndex > segmentIndex || (m.segmentIndex === segmentIndex && m.end > offset))
  return at >= 0 ? at : 0
}
