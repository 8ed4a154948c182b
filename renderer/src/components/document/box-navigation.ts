/*
 * The boxes on the page from the keyboard (one Tab stop for all of them, roving focus): arrows
 * walk them in reading order, Home/End go to the first/last on the page, Page Up/Down to the
 * previous/next page's first box, Enter or Space selects the box's entity as a click does.
 */

/** What the keyboard needs of a box: its identity and its page. */
export interface NavBox {
  readonly key: string
  readonly page: number
}

/** What a key does on a box: move the focus (to nothing at either end), select it, or nothing (not handled). */
export type BoxKeyAction<T extends NavBox> = { readonly move: T | undefined } | { readonly select: true } | null

/**
 * The action of `key` pressed on `from`, with `boxes` in reading order; null for a key the boxes
 * do not handle, or a box that is not in the list (the browser then does what it would).
 */
export function boxKeyAction<T extends NavBox>(boxes: readonly T[], from: NavBox, key: string): BoxKeyAction<T> {
  const i = boxes.findIndex((s) => s.key === from.key)
  if (i < 0) return null
  const samePage = boxes.filter((s) => s.page === from.page)
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return { move: boxes[i + 1] }
    case 'ArrowLeft':
    case 'ArrowUp':
      return { move: boxes[i - 1] }
    case 'Home':
      return { move: samePage[0] }
    case 'End':
      return { move: samePage[samePage.length - 1] }
    case 'PageDown':
      return { move: boxes.find((s) => s.page > from.page) }
    case 'PageUp': {
      // The first box of the nearest page before this one that has boxes.
      const before = boxes.filter((s) => s.page < from.page)
      const page = before[before.length - 1]?.page
      return { move: before.find((s) => s.page === page) }
    }
    case 'Enter':
    case ' ':
      return { select: true }
    default:
      return null
  }
}
