import { segmentText } from '../../../shared/transcript'
import { lastAtOrBefore } from '../../../shared/transcript/binary-search'
import { editorMessages } from '../lib/editor-messages'
import { usePlaybackStore } from './playback-store'
import { wordRange } from './editor-context'
import type { Cursor, EditorContext } from './editor-context'

/*
 * Moving through the transcript: the cursor (the highlighted row, the one keys act on), going
 * to a segment or word, stepping by segment, word or low-confidence word, and opening a segment
 * for typing. Part of the editor store (editor-store.ts composes it).
 */

/** Words with a confidence below this are marked for checking, until the reviewer sets another (review-prefs-store). */
export const lowConfidenceThreshold = 0.7

/** The navigation actions over an editor context. */
export function createNavigation(ctx: EditorContext) {
  const playback = usePlaybackStore()
  const { model, cursor, editing, lookup } = ctx

  /**
   * The segment and word keys act on: the cursor — the highlighted row, which moves with
   * playback while the transcript follows it (use-playback-follow.ts followCursor) — and, while
   * playing, the word being played when it is in that row. With no cursor, the segment at the
   * playhead.
   */
  function position(): Cursor | null {
    ctx.flushTyping()
    const m = model.value
    if (!m) return null
    if (ctx.cursorIndex.value >= 0) {
      const c = cursor.value!
      const wi = lookup.wordIndex.value
      const k = lookup.playingWord.value
      if (playback.playing && wi && k >= 0 && wi.segment[k] === ctx.cursorIndex.value) return { segmentId: c.segmentId, wordIndex: wi.word[k] }
      return c
    }
    if (m.segments.length) {
      const i = Math.max(0, lookup.activeSegmentIndex.value)
      return { segmentId: m.segments[i].id, wordIndex: -1 }
    }
    return null
  }

  /** Puts the cursor on a segment (and word), seeks there, and asks the pane to show it. */
  function goTo(segmentId: string, wordIdx = -1, options: { seek?: boolean; focus?: boolean } = {}): void {
    ctx.flushTyping()
    const seg = ctx.segmentById(segmentId)
    if (!seg) return
    // Jumping elsewhere ends the edit in progress (its words are committed above).
    if (editing.value && editing.value.segmentId !== segmentId) editing.value = null
    cursor.value = { segmentId, wordIndex: wordIdx }
    if (options.seek ?? true) playback.seek(wordIdx >= 0 && seg.words[wordIdx] ? seg.words[wordIdx].startMs : seg.startMs)
    ctx.requestFocus(options.focus ?? true)
  }

  /** Moves to the next (1) or previous (-1) segment. */
  function moveSegment(direction: 1 | -1): void {
    const m = model.value
    if (!m || m.segments.length === 0) return
    const p = position()
    const from = p ? m.segments.findIndex((s) => s.id === p.segmentId) : -1
    const to = Math.min(m.segments.length - 1, Math.max(0, from + direction))
    goTo(m.segments[to].id)
  }

  /** The flat word index to step from: the position's word, else the playhead's. */
  function flatFrom(p: Cursor | null, whenNoWord: number): number {
    const m = model.value!
    const wi = lookup.wordIndex.value!
    const si = p ? m.segments.findIndex((s) => s.id === p.segmentId) : -1
    if (p && si >= 0) return wi.segmentFirst[si] + (p.wordIndex >= 0 ? p.wordIndex : whenNoWord)
    return lastAtOrBefore(wi.starts, playback.timeMs)
  }

  /** Moves the cursor one word on (1) or back (-1), across segment boundaries, and seeks there. */
  function moveWord(direction: 1 | -1): void {
    const m = model.value
    const wi = lookup.wordIndex.value
    if (!m || !wi || wi.ids.length === 0) return
    let flat = flatFrom(position(), direction === 1 ? -1 : 0) + direction
    flat = Math.min(wi.ids.length - 1, Math.max(0, flat))
    goTo(m.segments[wi.segment[flat]].id, wi.word[flat])
  }

  /** Moves to the next (1) or previous (-1) word below `threshold` (the reviewer's setting); false when there is none. */
  function moveLowConfidence(direction: 1 | -1, threshold = lowConfidenceThreshold): boolean {
    const m = model.value
    const wi = lookup.wordIndex.value
    if (!m || !wi) return false
    const flat = flatFrom(position(), direction === 1 ? -1 : 0)
    for (let k = flat + direction; k >= 0 && k < wi.ids.length; k += direction) {
      const w = m.segments[wi.segment[k]].words[wi.word[k]]
      if (w.confidence !== null && w.confidence < threshold) {
        goTo(m.segments[wi.segment[k]].id, wi.word[k])
        return true
      }
    }
    ctx.lastError.value = editorMessages.noMoreLowConfidence(direction)
    return false
  }

  /** Puts the cursor on the playing word (after a pause, or "back to playhead"). */
  function cursorToPlayhead(focus = true): void {
    const m = model.value
    const wi = lookup.wordIndex.value
    if (!m || !wi) return
    const k = lookup.playingWord.value
    if (k >= 0) cursor.value = { segmentId: m.segments[wi.segment[k]].id, wordIndex: wi.word[k] }
    else if (lookup.activeSegmentIndex.value >= 0) cursor.value = { segmentId: m.segments[lookup.activeSegmentIndex.value].id, wordIndex: -1 }
    ctx.requestFocus(focus)
  }

  /** Starts editing a segment in place, with the current word (or the given range) selected. */
  function startEditing(segmentId?: string, range?: { start: number; end: number }): void {
    ctx.flushTyping()
    if (ctx.refuseWhileReadOnly()) return
    const p = segmentId ? { segmentId, wordIndex: cursor.value?.segmentId === segmentId ? cursor.value.wordIndex : -1 } : position()
    if (!p) return
    const seg = ctx.segmentById(p.segmentId)
    if (!seg) return
    const text = segmentText(seg)
    const r = range ?? (p.wordIndex >= 0 ? wordRange(seg.words, p.wordIndex) : { start: text.length, end: text.length })
    cursor.value = { segmentId: p.segmentId, wordIndex: p.wordIndex }
    editing.value = { segmentId: p.segmentId, selectionStart: r.start, selectionEnd: r.end }
  }

  /** Leaves in-place editing and gives focus back to the segment. */
  function stopEditing(): void {
    ctx.flushTyping()
    editing.value = null
    ctx.requestFocus(true)
  }

  /** Remembers the caret of the segment being edited (its row is leaving the DOM), to restore it later. */
  function keepEditing(segmentId: string, selectionStart: number, selectionEnd: number): void {
    if (editing.value?.segmentId !== segmentId) return
    editing.value = { segmentId, selectionStart, selectionEnd }
  }

  return { position, goTo, moveSegment, moveWord, moveLowConfidence, cursorToPlayhead, startEditing, stopEditing, keepEditing }
}
