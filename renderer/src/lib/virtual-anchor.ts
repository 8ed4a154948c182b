import { nextTick } from 'vue'
import type { Virtualizer } from '@tanstack/vue-virtual'

/*
 * Re-estimating every row (the column's width changed, or the first row was read) moves every
 * row's start: with the scroll offset left as it was, the reviewer would see other rows and the
 * thumb would jump. The row at the top of the view is kept where it was instead. The scroll is
 * set once the list has re-rendered: before, the scroller's height is the old total, which can
 * be too short for the new offset.
 */

/** Runs `change` (which re-estimates rows) keeping the top row of the view in place. */
export async function keepingTopRow(v: Virtualizer<HTMLElement, Element>, el: HTMLElement | null, change: () => void): Promise<void> {
  const offset = el?.scrollTop ?? 0
  const top = offset > 0 ? v.getVirtualItemForOffset(offset) : undefined
  change()
  if (!top || !el) return
  const start = v.getOffsetForIndex(top.index, 'start')?.[0]
  if (start === undefined) return
  await nextTick()
  v.scrollToOffset(start + (offset - top.start))
}
