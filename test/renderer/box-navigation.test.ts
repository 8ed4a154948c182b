import { describe, expect, it } from 'vitest'
import { boxKeyAction } from '../../renderer/src/components/document/box-navigation'
import type { NavBox } from '../../renderer/src/components/document/box-navigation'

// Boxes in reading order: three on page 1, none on page 2, two on page 3, one on page 5.
const boxes: NavBox[] = [
  { key: 'a', page: 1 },
  { key: 'b', page: 1 },
  { key: 'c', page: 1 },
  { key: 'd', page: 3 },
  { key: 'e', page: 3 },
  { key: 'f', page: 5 }
]
const box = (key: string): NavBox => boxes.find((b) => b.key === key) ?? { key, page: 1 }

/** The expected result: a box key to move to, 'end' (a move to nothing: at either end), 'select', or null (not handled). */
type Expected = string | 'end' | 'select' | null

const rows: Array<[from: string, key: string, expected: Expected]> = [
  // Arrows: the next or previous box in reading order, across pages.
  ['a', 'ArrowRight', 'b'],
  ['a', 'ArrowDown', 'b'],
  ['c', 'ArrowDown', 'd'],
  ['d', 'ArrowUp', 'c'],
  ['b', 'ArrowLeft', 'a'],
  ['f', 'ArrowRight', 'end'],
  ['a', 'ArrowLeft', 'end'],
  ['a', 'ArrowUp', 'end'],
  // Home / End: the first / last on the same page.
  ['b', 'Home', 'a'],
  ['b', 'End', 'c'],
  ['e', 'Home', 'd'],
  ['d', 'End', 'e'],
  ['f', 'Home', 'f'],
  // Page Down / Up: the first box of the next / previous page that has boxes (page 2 has none).
  ['b', 'PageDown', 'd'],
  ['e', 'PageDown', 'f'],
  ['f', 'PageDown', 'end'],
  ['f', 'PageUp', 'd'],
  ['e', 'PageUp', 'a'],
  ['c', 'PageUp', 'end'],
  // Enter and Space select, as a click does.
  ['b', 'Enter', 'select'],
  ['e', ' ', 'select'],
  // Other keys are the browser's.
  ['b', 'Tab', null],
  ['b', 'a', null],
  ['b', 'Escape', null],
  // A box not in the list (no rectangle): nothing is handled, not even Enter.
  ['zz', 'ArrowDown', null],
  ['zz', 'Enter', null]
]

describe('boxKeyAction (the boxes on the page from the keyboard)', () => {
  it.each(rows)('on %s, %j: %s', (from, key, expected) => {
    const action = boxKeyAction(boxes, box(from), key)
    if (expected === null) expect(action).toBeNull()
    else if (expected === 'select') expect(action).toEqual({ select: true })
    else if (expected === 'end') expect(action).toEqual({ move: undefined })
    else expect(action).toEqual({ move: box(expected) })
  })

  it('no boxes: nothing is handled', () => {
    expect(boxKeyAction([], { key: 'a', page: 1 }, 'ArrowDown')).toBeNull()
  })
})
