/*
 * A word edited in place in the cue view, typed live: every keystroke gives the editor's typing
 * buffer the word's whole segment text (the buffer commits it after a pause, as one undo step,
 * exactly as typing in the segment view does), so the cue's characters, reading speed and QC
 * follow the typing without a model edit per key. Text that would split the word (a space) or
 * empty it is held until Enter: the word keeps its id, so the field stays on it while it types.
 */

/** The segment text around one word, fixed when its editing starts. */
export interface WordEdit {
  readonly wordId: string
  readonly segmentId: string
  readonly original: string
  readonly before: string
  readonly after: string
}

/** The edit of word `index` of a segment with these word texts. */
export function wordEdit(segmentId: string, words: readonly { readonly id: string; readonly text: string }[], index: number): WordEdit {
  return {
    wordId: words[index].id,
    segmentId,
    original: words[index].text,
    before: words.slice(0, index).map((w) => w.text).join(' '),
    after: words.slice(index + 1).map((w) => w.text).join(' ')
  }
}

/** True when `text` can be typed live: one non-empty word (no space). */
export function typesLive(text: string): boolean {
  return text.length > 0 && !/\s/.test(text)
}

/** The segment's whole text with the word replaced by `text`. */
export function segmentTextWith(edit: WordEdit, text: string): string {
  return [edit.before, text, edit.after].filter((part) => part.length > 0).join(' ')
}
