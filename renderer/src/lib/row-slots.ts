/*
 * Keys for the rows of a virtual list that let a far jump reuse the row components already
 * mounted (Vue patches their props) instead of unmounting every row and mounting new ones: each
 * row on screen holds a numbered slot; a row still on screen after a scroll keeps its slot, a new
 * row takes a slot left free. Pinned rows (the one being edited, the cursor row with focus) are
 * keyed by their own id instead, so their element, text field and focus stay theirs.
 */

/** Hands out stable slot keys to the rows on screen (see the module comment). */
export interface RowSlots {
  /** One key per id in `ids` (the rows on screen, in order): `slot:N`, or `row:<id>` when `pinned(id)`. */
  keys(ids: readonly string[], pinned: (id: string) => boolean): string[]
}

/** A fresh slot pool. */
export function createRowSlots(): RowSlots {
  let slotOf = new Map<string, number>()
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
      let free = 0
      const keys = ids.map((id) => {
        if (pinned(id)) return `row:${id}`
        let slot = next.get(id)
        if (slot === undefined) {
          while (used.has(free)) free++
          slot = free
          used.add(slot)
          next.set(id, slot)
        }
        return `slot:${slot}`
      })
      slotOf = next
      return keys
    }
  }
}
