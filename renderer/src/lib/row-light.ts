import type { InjectionKey } from 'vue'
import type { ReviewStatus } from '../../../shared/transcript/edit-review'

/*
 * A transcript row that comes in while the list scrolls is drawn light: its gutter (review
 * status, speaker chip, time) and its actions (reviewed mark, Delete) are spans with the buttons'
 * boxes and texts, not the buttons, and its words plain text (lib/word-plain.ts). A button is a
 * few layout boxes and several attribute writes; the incoming rows' style, layout and the writes
 * were most of a scroll frame (issue 21's trace). The row gets its buttons with its word spans:
 * once the list has rested, or at once under the pointer, on focus, on a press, as the cursor row.
 * Same texts in the same boxes, so the row keeps its size when its buttons come.
 */

/** The review status's glyph (SegmentStatus.vue and a light row's stand-in). */
export const statusGlyphs: Readonly<Record<ReviewStatus, string>> = { unreviewed: '○', reviewed: '✓', 'second-pass': '↻' }

/*
 * A long task's first screen is drawn light too (issue 21, cold open): its rows come in as rows
 * that scroll in do — words as one text node with their marks as highlights, the buttons'
 * stand-ins — and get their spans and buttons in idle periods once the first screen is up. Mounting, styling and laying out the spans and buttons of a screen of rows
 * was most of the task where the data lands and of the first frame's style and layout (traced:
 * ~29 of the 2-hour task's ~69 ms CPU were the rows' mount). A row looks the same either way, and
 * whatever needs a word or a button as an element has it at once: the cursor row is never light,
 * and the pointer or the focus over a row, a press, the playing word, find's hits and the queue's
 * current word make its spans and buttons there and then (TranscriptSegment.vue).
 *
 * The list (TranscriptPane.vue) provides whether rows come in light now: while a long task's
 * first rows show (the rest still being normalised), and in the task where the whole model
 * replaces them (the rows then show the model's segments, light as they were) until the frame
 * after it.
 */

/** Asked by a row as it comes in (and as its words are written again): true while rows come in light. */
export const firstScreenLightKey: InjectionKey<() => boolean> = Symbol('firstScreenLight')
