import { expect, it } from 'vitest'
import { createRowSlots } from '../../renderer/src/lib/row-slots'

/* Slot keys for the pooled transcript rows (lib/row-slots.ts). */

/** The elements Vue's keyed diff moves from `before` to `after`: those outside the longest run already in order. */
function moved(before: string[], after: string[]): string[] {
  const at = after.map((k) => before.indexOf(k))
  // Longest increasing run of old positions (quadratic: a few rows).
  const best: number[][] = []
  at.forEach((p, i) => {
    best[i] = [i]
    if (p < 0) return
    for (let j = 0; j < i; j++) if (at[j] >= 0 && at[j] < p && best[j].length + 1 > best[i].length) best[i] = [...best[j], i]
  })
  const keep = new Set((best.reduce((a, b) => (b.length > a.length ? b : a), [] as number[])).map((i) => after[i]))
  return after.filter((k) => before.includes(k) && !keep.has(k))
}

it('rows still on screen keep their slot; new rows take freed slots; pinned rows keep their own key', () => {
  const slots = createRowSlots()
  const none = (): boolean => false
  expect(slots.keys(['a', 'b', 'c'], none)).toEqual(['slot:0', 'slot:1', 'slot:2'])
  // A small scroll: b and c keep theirs, d takes a's.
  expect(slots.keys(['b', 'c', 'd'], none)).toEqual(['slot:1', 'slot:2', 'slot:0'])
  // A far jump: every slot reused, none new, in the order they are in (nothing moves).
  expect(slots.keys(['x', 'y', 'z'], none)).toEqual(['slot:1', 'slot:2', 'slot:0'])
  // The edited row is keyed by its id, and the slots go on around it.
  expect(slots.keys(['x', 'y', 'z'], (id) => id === 'y')).toEqual(['slot:1', 'row:y', 'slot:0'])
})

it('a step that brings in more rows than stay moves only the rows coming in, never one that merely shifted', () => {
  const slots = createRowSlots()
  const none = (): boolean => false
  const ids = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `s${from + i}`)
  let before = slots.keys(ids(0, 17), none)
  let shown = new Map(ids(0, 17).map((id, i) => [before[i], id]))
  // 600 px steps down, then back up: 10 rows in, 7 staying, each time.
  for (const [from, to] of [[10, 27], [20, 37], [30, 47], [20, 37], [10, 27]]) {
    const rows = ids(from, to)
    const after = slots.keys(rows, none)
    const movedRows = moved(before, after).map((k) => [shown.get(k), rows[after.indexOf(k)]])
    // Every moved element shows another segment now (it came in); none kept its own.
    for (const [was, now] of movedRows) expect(was, `${now} moved`).not.toBe(now)
    expect(movedRows.length).toBeLessThanOrEqual(10)
    before = after
    shown = new Map(rows.map((id, i) => [after[i], id]))
  }
  // A far jump: nothing moves.
  const jump = slots.keys(ids(400, 417), none)
  expect(moved(before, jump)).toEqual([])
})
