import type { Segment } from '../../../shared/transcript'

/*
 * The height of a transcript row as its layout makes it (TranscriptSegment.vue), from a few
 * figures read once off a rendered row, so the virtual list's estimate for rows not yet on
 * screen is what they will measure and the scrollbar holds still. The row is a grid: the gutter
 * (status, speaker chip — there but invisible on a repeated speaker — time) and the actions sit
 * on the first text line's baseline and are taller than one line of text, so a one-line row is
 * as tall as its gutter and a longer one as tall as its text; a note adds its own lines under
 * the text. When the pane is narrow the gutter goes above the text: the text then starts lower,
 * and the same figures still hold (the text's top offset includes the gutter).
 */

/** What a rendered row tells about every row's layout, in CSS pixels. */
export interface RowLayout {
  /** The text column's width (the words wrap in it). */
  readonly width: number
  /** One text line's height. */
  readonly line: number
  /** A space's width in the text font. */
  readonly space: number
  /** The text's top edge, from the row's top (padding, and the gutter when it sits above). */
  readonly textTop: number
  /** The lowest bottom edge of the gutter and actions, from the row's top (a one-line row's floor). */
  readonly fixedBottom: number
  /** Below the last line: padding and border. */
  readonly tail: number
  /** The note's column width, one line's height, and what a note adds besides its lines (margin). */
  readonly noteWidth: number
  readonly noteLine: number
  readonly noteExtra: number
}

/** Lines that `words` take when wrapped greedily at spaces in `width` (a trailing space hangs, as in CSS). */
export function wrappedLines(words: readonly string[], width: number, space: number, measure: (text: string) => number): number {
  let lines = 1
  let x = 0
  for (const word of words) {
    const w = measure(word)
    if (x > 0 && x + w > width) {
      lines++
      x = 0
    }
    x += w + space
  }
  return lines
}

/**
 * The row's height for `segment` under `layout`; `measure` gives a text's width in the text
 * font, `measureNote` in the note's font.
 */
export function rowHeight(segment: Segment, layout: RowLayout, measure: (text: string) => number, measureNote: (text: string) => number): number {
  const lines = wrappedLines(segment.words.map((w) => w.text), layout.width, layout.space, measure)
  const body = Math.max(layout.fixedBottom, layout.textTop + lines * layout.line)
  return body + layout.tail + noteHeight(segment.note, layout, measureNote)
}

/** What a segment's note adds under the text (0 without one); its text keeps its line breaks. */
function noteHeight(note: string | null | undefined, layout: RowLayout, measure: (text: string) => number): number {
  if (!note) return 0
  const space = measure(' ')
  let lines = 0
  // A long word breaks anywhere (overflow-wrap: anywhere), so it never widens the line.
  for (const part of note.split('\n')) lines += wrappedLines(part.split(/ +/).filter(Boolean), layout.noteWidth, space, (t) => Math.min(measure(t), layout.noteWidth))
  return layout.noteExtra + lines * layout.noteLine
}
