import { expect, it } from 'vitest'
import { rowsToRender } from '../../renderer/src/lib/virtual-range'
import type { LastRange } from '../../renderer/src/lib/virtual-range'

/*
 * The transcript list's rows to render (lib/virtual-range.ts, issue 21): the overscan on both
 * sides at rest, only ahead while scrolling, none out of view after a jump of more than a screen.
 */

const range = (startIndex: number, endIndex: number, count = 800) => ({ startIndex, endIndex, overscan: 4, count })

it('at rest: the rows in view and the overscan on both sides, within the list', () => {
  expect(rowsToRender(null)(range(10, 19))).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23])
  expect(rowsToRender(null)(range(0, 3, 6))).toEqual([0, 1, 2, 3, 4, 5])
})

it('scrolling: the overscan ahead of the direction of travel only', () => {
  const last: LastRange = { start: null }
  expect(rowsToRender('forward', last)(range(10, 19))).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23])
  expect(rowsToRender('backward', last)(range(8, 17))).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17])
})

it('a jump of more than a screen: the rows in view only, whichever the direction; a step after it has its overscan again', () => {
  const last: LastRange = { start: null }
  rowsToRender('forward', last)(range(10, 19))
  // The direction changed with the jump (another extractor): the jump is still seen.
  expect(rowsToRender('backward', last)(range(400, 409))).toEqual([400, 401, 402, 403, 404, 405, 406, 407, 408, 409])
  expect(rowsToRender('backward', last)(range(395, 404))).toEqual([391, 392, 393, 394, 395, 396, 397, 398, 399, 400, 401, 402, 403, 404])
})
