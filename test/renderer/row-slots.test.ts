import { expect, it } from 'vitest'
import { createRowSlots } from '../../renderer/src/lib/row-slots'

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
