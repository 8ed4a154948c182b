import {
  addSpeaker as addSpeakerEdit,
  deleteSegment as deleteSegmentEdit,
  insertSegment,
  joinSplit,
  mergeSegments,
  newSpeakerId,
  slotAtPlayhead,
  slotForRange,
  splitSegment
} from '../../../shared/transcript'
import type { Segment, SplitAt, SplitRecord, TranscriptModel } from '../../../shared/transcript'
import { editorMessages } from '../lib/editor-messages'
import { usePlaybackStore } from './playback-store'
import type { Cursor, EditorContext, TimeRange } from './editor-context'
import { t } from '../i18n'

/*
 * Commands that add, remove, split and merge whole segments, and where the cursor goes after
 * each. The rules (where a new segment may go) are pure, in shared/transcript/segment-slot.ts;
 * the sentences, in lib/editor-messages.ts. Part of the editor store (editor-store.ts composes it).
 */

/** The segment commands over an editor context; `position` is where keys act (editor-navigation.ts). */
export function createSegmentCommands(ctx: EditorContext, position: () => Cursor | null) {
  const playback = usePlaybackStore()
  const { model, cursor, editing, lastError, message } = ctx

  /** The models made by a deletion, with what was deleted: undo puts the cursor back on it, redo on its neighbour. */
  const deletions = new WeakMap<TranscriptModel, { segmentId: string; index: number }>()

  /** Splits by their second half: merging that half with the previous one joins the split back exactly. */
  const splits = new WeakMap<Segment, SplitRecord>()

  /** Splits a segment; the cursor moves to the second half (where merge-with-previous joins it back). */
  function split(segmentId: string, at: SplitAt): boolean {
    const original = ctx.segmentById(segmentId)
    const ok = ctx.apply((m) => splitSegment(m, segmentId, at))
    if (ok && original) {
      const i = model.value!.segments.findIndex((s) => s.id === segmentId)
      const first = model.value!.segments[i]
      const second = model.value!.segments[i + 1]
      if (second) {
        splits.set(second, { original, first, second })
        cursor.value = { segmentId: second.id, wordIndex: 0 }
      }
    }
    return ok
  }

  /** Splits at the cursor: before the current word (or in the middle of a segment without one). */
  function splitAtCursor(): boolean {
    const p = position()
    if (!p) return false
    const seg = ctx.segmentById(p.segmentId)
    if (!seg) return false
    const wordAt = p.wordIndex > 0 ? p.wordIndex : Math.floor(seg.words.length / 2)
    return split(p.segmentId, { wordIndex: wordAt })
  }

  /** Merges a segment (default: the current one) with the next. */
  function mergeWithNext(segmentId?: string): boolean {
    const id = segmentId ?? position()?.segmentId
    if (!id) return false
    const ok = ctx.apply((m) => mergeSegments(m, id))
    if (ok) cursor.value = { segmentId: id, wordIndex: -1 }
    return ok
  }

  /**
   * Merges a segment (default: the current one) into the one before it; the cursor stays on the
   * same word. Right after a split this joins the halves back into exactly the segment split.
   */
  function mergeWithPrevious(segmentId?: string): boolean {
    ctx.flushTyping()
    const m = model.value
    const id = segmentId ?? position()?.segmentId
    if (!m || !id) return false
    const i = m.segments.findIndex((s) => s.id === id)
    if (i < 0) return false
    if (i === 0) {
      lastError.value = editorMessages.noMergePartner('previous')
      return false
    }
    const prev = m.segments[i - 1]
    const record = splits.get(m.segments[i])
    const joined = record ? joinSplit(m, record) : m
    const ok = ctx.apply((x) => (joined !== m && x === m ? joined : mergeSegments(x, prev.id)))
    if (ok) cursor.value = { segmentId: prev.id, wordIndex: prev.words.length < model.value!.segments[i - 1].words.length ? prev.words.length : -1 }
    return ok
  }

  /**
   * Inserts an empty segment over [startMs, endMs) as one undo step, with the current segment's
   * speaker (else the first, else a new "Speaker 1"), and opens it for typing. Returns its id;
   * on failure `lastError` says why (`refusal` replaces the model's wording when given).
   */
  function insertEmptySegment(startMs: number, endMs: number, refusal?: string): string | null {
    const m = model.value
    if (!m) return null
    const current = ctx.cursorIndex.value >= 0 ? m.segments[ctx.cursorIndex.value] : undefined
    const existing = current?.speakerId ?? m.speakers[0]?.id
    const speakerId = existing ?? newSpeakerId(m)
    const before = new Set(m.segments.map((s) => s.id))
    const ok = ctx.apply((x) => insertSegment(existing === undefined ? addSpeakerEdit(x, { name: t('editorMessages.newSpeakerName'), id: speakerId }) : x, { startMs, endMs, speakerId }))
    const added = ok ? model.value!.segments.find((s) => !before.has(s.id)) : undefined
    if (!added) {
      if (!ok && refusal && lastError.value) lastError.value = refusal
      return null
    }
    cursor.value = { segmentId: added.id, wordIndex: -1 }
    editing.value = { segmentId: added.id, selectionStart: 0, selectionEnd: 0 }
    ctx.requestFocus(true)
    return added.id
  }

  /**
   * Adds an empty segment at the playhead (one undo step), for a task with no transcript yet or a
   * passage the recogniser missed, where segment-slot.ts puts it; `message` says when the playhead
   * was inside a segment, and a refusal says what to do instead. Returns the new segment's id.
   */
  function addSegmentAtPlayhead(): string | null {
    ctx.flushTyping()
    const m = model.value
    if (!m) return null
    const slot = slotAtPlayhead(m, playback.timeMs)
    if (!slot.ok) {
      lastError.value = slot.inside ? editorMessages.noGapAfterPlayheadSegment(slot.inside.startMs, ctx.keys) : editorMessages.noRoomAtPlayhead
      return null
    }
    const id = insertEmptySegment(slot.startMs, slot.endMs)
    if (id && slot.inside) message.value = editorMessages.movedPastPlayheadSegment(slot.inside.startMs, slot.startMs, ctx.keys)
    return id
  }

  /**
   * Adds an empty segment over a range (default: the one selected on the waveform), one undo
   * step. Neighbours reaching into it are trimmed back to their words; a range over another
   * segment's words, or over a whole segment, is refused. The selection is used up (cleared).
   */
  function addSegmentFromSelection(range: TimeRange | null = ctx.selection.value): string | null {
    ctx.flushTyping()
    const m = model.value
    if (!m || !range) return null
    const slot = slotForRange(m, range)
    if (!slot.ok) {
      lastError.value = slot.reason === 'empty' ? editorMessages.emptySelection : editorMessages.selectionCoversSegment(slot.segment.startMs, ctx.keys)
      return null
    }
    const id = insertEmptySegment(slot.startMs, slot.endMs, editorMessages.selectionOverlapsWords(ctx.keys))
    if (id) ctx.selection.value = null
    return id
  }

  /** "New segment": from the waveform selection when there is one, else at the playhead. */
  function addSegment(): string | null {
    return ctx.selection.value ? addSegmentFromSelection(ctx.selection.value) : addSegmentAtPlayhead()
  }

  /** Cursor on the segment now at `index` (else the last one; none when the list is empty). */
  function cursorToIndex(index: number): void {
    const segs = model.value?.segments ?? []
    const seg = segs[Math.min(index, segs.length - 1)]
    cursor.value = seg ? { segmentId: seg.id, wordIndex: -1 } : null
    ctx.requestFocus(true)
  }

  /**
   * Deletes a segment (default: the cursor's) and its words, one undo step. The cursor moves to
   * the segment that took its place, else the one before; `message` says how to undo.
   */
  function deleteSegment(segmentId?: string): boolean {
    ctx.flushTyping()
    const m = model.value
    if (!m) return false
    const id = segmentId ?? (ctx.cursorIndex.value >= 0 ? cursor.value!.segmentId : undefined)
    const index = id ? m.segments.findIndex((s) => s.id === id) : -1
    if (index < 0) {
      lastError.value = editorMessages.noSegmentToDelete(m.segments.length > 0)
      return false
    }
    const deleted = m.segments[index]
    if (!ctx.apply((x) => deleteSegmentEdit(x, deleted.id))) return false
    deletions.set(model.value!, { segmentId: deleted.id, index })
    if (editing.value?.segmentId === deleted.id) editing.value = null
    if (cursor.value?.segmentId === deleted.id || ctx.cursorIndex.value < 0) cursorToIndex(index)
    message.value = editorMessages.segmentDeleted(ctx.keys)
    return true
  }

  /** After undo (`undone` = the model left) or redo (`present`): the cursor back on a deleted segment, or on its neighbour. */
  function afterUndo(undone: TranscriptModel): void {
    const deletion = deletions.get(undone)
    if (deletion && ctx.segmentById(deletion.segmentId)) {
      cursor.value = { segmentId: deletion.segmentId, wordIndex: -1 }
      ctx.requestFocus(true)
    }
  }

  /** After redo: a redone deletion moves the cursor off the segment it removed. */
  function afterRedo(present: TranscriptModel): void {
    const deletion = deletions.get(present)
    if (deletion && cursor.value?.segmentId === deletion.segmentId) cursorToIndex(deletion.index)
  }

  return { split, splitAtCursor, mergeWithNext, mergeWithPrevious, addSegmentAtPlayhead, addSegmentFromSelection, addSegment, deleteSegment, afterUndo, afterRedo }
}
