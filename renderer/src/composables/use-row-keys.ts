import { computed } from 'vue'
import type { ComputedRef, Ref } from 'vue'
import type { VirtualItem } from '@tanstack/vue-virtual'
import type { Segment } from '../../../shared/transcript'
import { createRowSlots } from '../lib/row-slots'
import { useEditorStore } from '../stores/editor-store'

/**
 * The keys of the transcript's rendered rows: pooled slots (lib/row-slots.ts), except the row
 * being edited, the row whose note is open and the cursor row, which keep their own element (a
 * text field, its caret and the keyboard focus must not move to another segment's row).
 */
export function useRowKeys(rows: Ref<VirtualItem[]>, segments: Ref<readonly Segment[]>): ComputedRef<string[]> {
  const editor = useEditorStore()
  const slots = createRowSlots()
  return computed(() => {
    const pinned = new Set([editor.editing?.segmentId, editor.noteEditing, editor.cursor?.segmentId])
    return slots.keys(rows.value.map((row) => segments.value[row.index]?.id ?? String(row.index)), (id) => pinned.has(id))
  })
}
