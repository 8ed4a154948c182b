import { expect, it } from 'vitest'
import { createRowSlots, slotOrder } from '../../renderer/src/lib/row-slots'

/* Slot keys for the pooled transcript rows (lib/row-slots.ts). */

it('rows still on screen keep their slot; new rows take freed slots; pinned rows keep their own key', () => {
  const slots = createRowSlots()
  const none = (): boolean => false
  expect(slots.keys(['a', 'b', 'c'], none)).toEqual(['slot:0', 'slot:1', 'slot:2'])
  // A small scroll: b and c keep theirs, d takes a's.
  expect(slots.keys(['b', 'c', 'd'], none)).toEqual(['slot:1', 'slot:2', 'slot:0'])
  // A far jump: every slot reused, none new.
  expect(slots.keys(['x', 'y', 'z'], none)).toEqual(['slot:0', 'slot:1', 'slot:2'])
  // The edited row is keyed by its id, and the slots go on around it.
  expect(slots.keys(['x', 'y', 'z'], (id) => id === 'y')).toEqual(['slot:0', 'row:y', 'slot:2'])
})

it('renders rows in slot order, so the rows that stay keep their place among their siblings', () => {
  const slots = createRowSlots()
  const none = (): boolean => false
  const order = (ids: string[], pinned: (id: string) => boolean = none): string[] => slotOrder(ids, slots.keys(ids, pinned)).map(({ row, key }) => `${row}=${key}`)
  expect(order(['a', 'b', 'c', 'd'])).toEqual(['a=slot:0', 'b=slot:1', 'c=slot:2', 'd=slot:3'])
  // Scrolled by two rows: e and f take a's and b's slots, and their places; c and d do not move.
  expect(order(['c', 'd', 'e', 'f'])).toEqual(['e=slot:0', 'f=slot:1', 'c=slot:2', 'd=slot:3'])
  // Scrolled by one and one more row shows: g takes c's slot, h a new one at the end.
  expect(order(['d', 'e', 'f', 'g', 'h'])).toEqual(['e=slot:0', 'f=slot:1', 'g=slot:2', 'd=slot:3', 'h=slot:4'])
  // A pinned row (the cursor row) keeps its own key and goes after the slots, in list order.
  expect(order(['d', 'e', 'f', 'g', 'h'], (id) => id === 'e')).toEqual(['f=slot:1', 'g=slot:2', 'd=slot:3', 'h=slot:4', 'e=row:e'])
})
