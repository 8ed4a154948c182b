import type { InjectionKey } from 'vue'
import type { Word } from '../../../shared/transcript'

/*
 * A transcript row's words as DOM, patched in place without Vue's virtual DOM. A row is one
 * span per word (the word click, the playing word, the cursor, find's hits, the review queue and
 * the word marks need words as elements); rendered through Vue, each row that scrolled in made
 * and diffed a vnode per word, most of a scroll frame's script (issue 21's profile). Here the
 * row's paragraph keeps its spans: a row reused for another segment (lib/row-slots.ts) only
 * changes the text, class and attributes that differ, and adds or drops spans at the end.
 * Text goes in through textContent, never as HTML. A word's tooltip is not written here: setting
 * a title on every word of every row that scrolled in was a visible share of a scroll frame
 * (issue 21's profile); lib/word-tooltips.ts writes it when the pointer comes over the word.
 */

/** The marks on a row's words besides their own data (TranscriptSegment.vue's props and stores). */
export interface WordMarks {
  /** The cursor word's index, or -1. */
  readonly cursor: number
  /** Indices of find's hits in the row, and of find's current match. */
  readonly found?: ReadonlySet<number> | null
  readonly foundCurrent?: ReadonlySet<number> | null
  /** Word ids in the review queue, and the queue's current word. */
  readonly queued: ReadonlySet<string>
  readonly queuedCurrent: string | null
  /** Below the reviewer's confidence threshold. */
  low(confidence: number | null): boolean
}

/** The class list of word `i` (the `playing` class is the pane's, not set here). */
export function wordClass(word: Word, i: number, low: boolean, marks: WordMarks): string {
  let c = 'w'
  if (low) c += ' low'
  if (word.estimated) c += ' est'
  if (i === marks.cursor) c += ' cur'
  if (marks.found?.has(i)) c += ' found'
  if (marks.foundCurrent?.has(i)) c += ' found-current'
  if (marks.queued.has(word.id)) c += ' queued'
  if (word.id === marks.queuedCurrent) c += ' queued-current'
  return c
}

/**
 * Makes `p`'s children one `<span class="w" data-i data-word-id>` per word, each followed
 * by a space; true when a span now shows another word than before (or is new), so the playing
 * mark must be placed again. A span that shows the same word keeps its `playing` class.
 */
export function patchWordSpans(p: HTMLElement, words: readonly Word[], marks: WordMarks): boolean {
  const spans = p.children
  let moved = false
  for (let i = 0; i < words.length; i++) {
    const word = words[i]
    let span = spans[i] as HTMLElement | undefined
    if (!span) {
      span = document.createElement('span')
      span.setAttribute('data-i', String(i))
      p.append(span, ' ')
    }
    const low = marks.low(word.confidence)
    const cls = wordClass(word, i, low, marks)
    // What this function last wrote to the span, compared in script rather than read back from
    // the DOM: most rows re-render with their words unchanged (issue 21's profile).
    const had = written.get(span)
    const same = had?.id === word.id
    if (same && had.text === word.text && had.cls === cls) continue
    if (!same) {
      span.setAttribute('data-word-id', word.id)
      // A tooltip written for the word this span showed before (lib/word-tooltips.ts) is not this word's.
      if (span.hasAttribute('title')) span.removeAttribute('title')
      moved = true
    }
    if (had?.text !== word.text) span.textContent = word.text
    // The pane's playing mark stays on a span that still shows the same word, and goes with it.
    if (had?.cls !== cls) span.className = same && span.classList.contains('playing') ? `${cls} playing` : cls
    else if (!same && span.classList.contains('playing')) span.classList.remove('playing')
    written.set(span, { id: word.id, text: word.text, cls })
  }
  while (spans.length > words.length) {
    const last = spans[spans.length - 1]
    last.nextSibling?.remove()
    last.remove()
  }
  return moved
}

// Per span: the word id, text and class list (without `playing`) patchWordSpans last wrote.
const written = new WeakMap<Element, { id: string; text: string; cls: string }>()

/** Provided by the transcript pane: places the playing-word mark again (a row's spans now show other words). */
export const relightKey: InjectionKey<() => void> = Symbol('relight')
