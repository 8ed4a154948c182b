import type { Range } from '@tanstack/vue-virtual'

/*
 * Which rows the transcript list renders (the virtualiser's `rangeExtractor`). At rest: the rows
 * in view and `overscan` rows on each side, as the library does, so a key or a small scroll
 * finds its row ready. While the list scrolls, a row rendered out of view is a frame's work for
 * nothing (issue 21's trace: a scroll frame's cost is the rows that come in): the rows behind
 * the direction of travel are not rendered, nor any out of view after a jump of more than a
 * screen (a scrollbar drag, a jump to a time: the next frame lands elsewhere). They come back
 * when the list rests (the caller passes another extractor then, so the virtualiser asks again).
 */

/** The direction the list scrolls in, or null at rest (the virtualiser's `scrollDirection`). */
export type Moving = 'forward' | 'backward' | null

/** Where the last range started: shared by the extractors of one list, so a change of direction still sees a jump. */
export interface LastRange { start: number | null }

/** A range extractor for the list moving in `moving` (see the module comment). */
export function rowsToRender(moving: Moving, last: LastRange = { start: null }): (range: Range) => number[] {
  return (range) => {
    const { startIndex, endIndex, overscan, count } = range
    // More than a screen from the last range: a jump, whose neighbours the next frame will not show.
    const jumped = last.start !== null && Math.abs(startIndex - last.start) > endIndex - startIndex + 1
    last.start = startIndex
    const before = moving === null || (moving === 'backward' && !jumped) ? overscan : 0
    const after = moving === null || (moving === 'forward' && !jumped) ? overscan : 0
    const start = Math.max(startIndex - before, 0)
    const end = Math.min(endIndex + after, count - 1)
    const out: number[] = []
    for (let i = start; i <= end; i++) out.push(i)
    return out
  }
}
