import type { Virtualizer } from '@tanstack/vue-virtual'

/*
 * Re-estimating every row (the column's width changed, or the first row was read) moves every
 * row's start: with the scroll offset left as it was, the reviewer would see other rows and the
 * thumb would jump. The row at the top of the view is kept where it was instead.
 */

/** Runs `change` (which re-estimates rows) keeping the top row of the view in place. */
export function keepingTopRow(v: Virtualizer<HTMLElement, Element>, el: HTMLElement | null, change: () => void): void {
  const offset = el?.scrollTop ?? 0
  const top = offset > 0 ? v.getVirtualItemForOffset(offset) : undefined
  change()
  if (!top || !el) return
  const start = v.getOffsetForIndex(top.index, 'start')?.[0]
  if (start !== undefined) v.scrollToOffset(start + (offset - top.start))
}
