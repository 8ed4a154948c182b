import { computed } from 'vue'
import type { ComputedRef, Ref } from 'vue'
import type { VirtualItem } from '@tanstack/vue-virtual'
import type { Segment } from '../../../shared/transcript'
import { createRowSlots, slotOrder } from '../lib/row-slots'
import type { SlottedRow } from '../lib/row-slots'
import { useEditorStore } from '../stores/editor-store'

/** The id of the rendered row at list index `index` (aria-owns in TranscriptPane.vue names rows by it). */
export function rowElementId(index: number): string {
  return `transcript-row-${index}`
}

/**
 * The transcript's rendered rows, each with its key: pooled slots (lib/row-slots.ts), except the
 * row being edited, the row whose note is open and the cursor row, which keep their own element (a
 * text field, its caret and the keyboard focus must not move to another segment's row). `slotted`
 * is in slot order, the order the rows are rendered in: a row that stays on screen as the list
 * scrolls keeps its place among its siblings, so Vue never moves it (a moved row is styled, laid
 * out and painted again: issue 21's profile). `order` gives the rows' ids in reading order, for
 * the list's aria-owns: screen readers read the rows in the order they show.
 */
export function useRowKeys(rows: Ref<VirtualItem[]>, segments: Ref<readonly Segment[]>): { slotted: ComputedRef<SlottedRow<VirtualItem>[]>; order: ComputedRef<string> } {
  const editor = useEditorStore()
  const slots = createRowSlots()
  const slotted = computed(() => {
    const pinned = new Set([editor.editing?.segmentId, editor.noteEditing, editor.cursor?.segmentId])
    const keys = slots.keys(rows.value.map((row) => segments.value[row.index]?.id ?? String(row.index)), (id) => pinned.has(id))
    return slotOrder(rows.value, keys)
  })
  const order = computed(() => rows.value.map((row) => rowElementId(row.index)).join(' '))
  return { slotted, order }
}
