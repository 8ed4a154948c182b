import type { Segment, Word } from '../../../shared/transcript'

/*
 * A made-up transcript row for the editor's frame to lay out once, unseen, while a task is on its
 * way (components/editor/RowWarmUp.vue): the first real rows then find the row's code compiled and
 * its styles in use (issue 21, cold open). Never shown, never part of a model.
 */

// Plain filler, one literal a word: it is laid out off screen and removed in the same task.
const texts = ['lorem', 'ipsum,', 'dolor', 'sit', 'amet', '12', 'consectetur', 'adipiscing', 'elit;', 'sed', 'eiusmod', 'tempor.']

/** A row with the kinds of word a real one has: timed, low confidence, estimated, typed. */
export function warmUpSegment(): Segment {
  const words: Word[] = texts.map((text, i) => ({
    id: `warm-up-${i}`,
    text,
    startMs: i * 400,
    endMs: i * 400 + 350,
    confidence: i % 4 === 1 ? 0.3 : 0.95,
    estimated: i % 5 === 4,
    ...(i % 6 === 5 ? { typed: true } : {})
  }))
  return { id: 'warm-up', speakerId: 'warm-up', startMs: 0, endMs: texts.length * 400, words, reviewed: false }
}
