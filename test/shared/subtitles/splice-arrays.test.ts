import { describe, expect, it } from 'vitest'
import { copyTyped, spliceList, spliceTyped } from '../../../shared/subtitles/splice-arrays'

/*
 * The in-place splices the live re-cut makes of the arrays a cut keeps (splice-arrays.ts): the
 * result is the array spliced, new entries zero, in the same buffer while it has room.
 */

const spliced = (a: number[], at: number, remove: number, insert: number): number[] => [...a.slice(0, at), ...new Array<number>(insert).fill(0), ...a.slice(at + remove)]

describe('spliceTyped', () => {
  it('inserts, removes and replaces entries, zero-filling what it inserts, in place while the buffer has room', () => {
    const values = [1, 2, 3, 4, 5, 6, 7]
    for (const [at, remove, insert] of [[2, 0, 3], [2, 3, 0], [1, 2, 2], [0, 0, 1], [7, 0, 2], [3, 4, 0], [0, 7, 5]]) {
      const a = copyTyped(Float64Array.from(values))
      const b = spliceTyped(a, at, remove, insert)
      expect([...b]).toEqual(spliced(values, at, remove, insert))
      // copyTyped leaves room for a quarter more: these all fit.
      expect(b.buffer).toBe(a.buffer)
    }
  })

  it('moves to a bigger buffer when the splice does not fit, and still zero-fills after shrinking and growing again', () => {
    const a = Int32Array.from([1, 2, 3])
    const b = spliceTyped(a, 1, 0, 40)
    expect(b.buffer).not.toBe(a.buffer)
    expect([...b]).toEqual(spliced([1, 2, 3], 1, 0, 40))
    const c = spliceTyped(Uint8Array.from([9, 9, 9, 9]), 1, 2, 0)
    expect([...spliceTyped(c, 1, 0, 2)]).toEqual([9, 0, 0, 9])
  })
})

describe('spliceList', () => {
  it('replaces entries in place and returns the removed ones, also for inserts too big for spread arguments', () => {
    const list = [1, 2, 3, 4]
    expect(spliceList(list, 1, 2, [7, 8, 9])).toEqual([2, 3])
    expect(list).toEqual([1, 7, 8, 9, 4])
    const big = Array.from({ length: 5000 }, (_, k) => k)
    const same = list
    expect(spliceList(list, 2, 1, big)).toEqual([8])
    expect(same).toBe(list)
    expect(list).toEqual([1, 7, ...big, 9, 4])
  })
})
