/*
 * Keys for the rows of a virtual list that let a far jump reuse the row components already
 * mounted (Vue patches their props) instead of unmounting every row and mounting new ones: each
 * row on screen holds a numbered slot; a row still on screen after a scroll keeps its slot, a new
 * row takes a slot left free. Pinned rows (the one being edited, the cursor row with focus) are
 * keyed by their own id instead, so their element, text field and focus stay theirs.
 *
 * Which free slot a new row takes decides which elements Vue moves to keep the document's order
 * (the reading order): it keeps the longest run of elements already in order and moves the rest,
 * and a moved element is styled and laid out whole again. Taken in their old order, the freed
 * slots of a 600 px step (10 rows in, 7 staying) were that longest run, so Vue moved the 7 rows
 * that had merely shifted (issue 21: ~9.5 rows moved per step). Taken in reverse order, no two of
 * them are in order, the staying rows are the run, and only the new rows move (they are written
 * anew anyway). With no row staying (a far jump) the freed slots keep their order: nothing moves.
 */

/** Hands out stable slot keys to the rows on screen (see the module comment). */
export interface RowSlots {
  /** One key per id in `ids` (the rows on screen, in order): `slot:N`, or `row:<id>` when `pinned(id)`. */
  keys(ids: readonly string[], pinned: (id: string) => boolean): string[]
}

/** A fresh slot pool. */
export function createRowSlots(): RowSlots {
  let slotOf = new Map<string, number>()
  // The slots in the order they were last handed out (the rows' order in the document).
  let order: number[] = []
  return {
    keys(ids, pinned) {
      const next = new Map<string, number>()
      const used = new Set<number>()
      // Rows still on screen keep their slot, so a small scroll patches only the rows it brings in.
      for (const id of ids) {
        const slot = slotOf.get(id)
        if (slot !== undefined && !pinned(id) && !used.has(slot)) {
          next.set(id, slot)
          used.add(slot)
        }
      }
      const freed = order.filter((slot) => !used.has(slot))
      if (used.size > 0) freed.reverse()
      const known = new Set(order)
      let fresh = 0
      const take = (): number => {
        const slot = freed.shift()
        if (slot !== undefined) return slot
        while (used.has(fresh) || known.has(fresh)) fresh++
        return fresh
      }
      const keys = ids.map((id) => {
        if (pinned(id)) return `row:${id}`
        let slot = next.get(id)
        if (slot === undefined) {
          slot = take()
          used.add(slot)
          next.set(id, slot)
        }
        return `slot:${slot}`
      })
      slotOf = next
      order = ids.flatMap((id) => (pinned(id) ? [] : [next.get(id)!]))
      return keys
    }
  }
}
