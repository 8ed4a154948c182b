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
