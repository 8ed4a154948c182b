import { replaceText, segmentText, setSegmentText } from '../../../shared/transcript'
import { buildFindPattern, findMatches, replaceInText } from '../lib/find-replace'
import type { FindMatch, FindQuery } from '../lib/find-replace'
import type { EditorContext } from './editor-context'

/*
 * Find and replace over the open transcript (matching lives in lib/find-replace.ts). Part of
 * the editor store (editor-store.ts composes it); a replace is an ordinary undoable edit.
 */

/** Find and replace over an editor context. */
export function createFind(ctx: EditorContext) {
  /** Every match of a query, in transcript order. */
  function find(query: FindQuery): FindMatch[] {
    ctx.flushTyping()
    return ctx.model.value ? findMatches(ctx.model.value, query) : []
  }

  /** Replaces one match (looked up again, so a stale match does nothing). */
  function replaceOne(match: FindMatch, query: FindQuery, replacement: string): boolean {
    const seg = ctx.segmentById(match.segmentId)
    if (!seg) return false
    const text = segmentText(seg)
    if (text.slice(match.start, match.end) !== match.text) return false
    const pattern = buildFindPattern(query)
    if (!pattern) return false
    const replaced = replaceInText(match.text, pattern, query, replacement)
    return ctx.apply((m) => replaceText(m, { segmentId: match.segmentId, offset: match.start }, { segmentId: match.segmentId, offset: match.end }, replaced))
  }

  /** Replaces every match as one undo step; returns how many segments changed. */
  function replaceAll(query: FindQuery, replacement: string): number {
    const pattern = buildFindPattern(query)
    if (!pattern || !ctx.model.value) return 0
    let changedSegments = 0
    ctx.apply((m) => {
      let next = m
      for (const seg of m.segments) {
        if (query.speakerId && seg.speakerId !== query.speakerId) continue
        const text = segmentText(seg)
        const out = replaceInText(text, pattern, query, replacement)
        if (out !== text) {
          next = setSegmentText(next, seg.id, out)
          changedSegments++
        }
      }
      return next
    })
    return changedSegments
  }

  return { find, replaceOne, replaceAll }
}
