import { formatClockTenths } from '../../../shared/time'
import { withKeys } from './shortcuts'
import type { ShortcutAction } from './shortcuts'

/*
 * Everything the editor says to the reviewer, in one place, so the wording can be read and
 * changed together and the stores only decide *when* to say it. Sentences that name a command
 * name its keys as currently bound on this platform; the caller passes `keys` for that
 * (lib/shortcuts.ts firstKeyLabel), so nothing here reads a store.
 */

/** The first key bound to an action as the reviewer reads it ("" when unbound). */
export type KeyLabel = (action: ShortcutAction) => string

/**
 * A note for the notice bar that is not an error ("Segment deleted — Ctrl+Z to undo"); with
 * `offerUndo` the bar also shows an Undo button.
 */
export interface EditorMessage {
  readonly text: string
  readonly offerUndo?: boolean
}

/** The editor's sentences, by occasion. */
export const editorMessages = {
  unreadableTranscript: (why: string) => `The transcript could not be read: ${why}`,
  unreadableDraft: (why: string) => `The draft could not be read: ${why}`,
  draftGone: 'The draft is no longer there or cannot be read; the export is open instead.',
  draftNotDeleted: (why: string) => `The draft could not be deleted: ${why}`,
  keptDraftNotShown: (why: string) => `The kept draft could not be shown: ${why}`,
  readOnly: { text: 'Choose “Restore draft” or “Discard” above first: the transcript is read-only until you do.' } satisfies EditorMessage,
  noSpeaker: (n: number) => `There is no speaker ${n}.`,
  noSegmentToDelete: (anySegments: boolean) => (anySegments ? 'Put the cursor on the segment to delete first.' : 'There is no segment to delete.'),
  noMergePartner: (direction: 'next' | 'previous') => (direction === 'next' ? 'There is no next segment to merge with.' : 'There is no previous segment to merge with.'),
  segmentDeleted(keys: KeyLabel): EditorMessage {
    const undoKey = keys('undo')
    return { text: `Segment deleted — ${undoKey ? `${undoKey} to undo` : 'Undo brings it back'}`, offerUndo: true }
  },
  noGapAfterPlayheadSegment: (insideStartMs: number, keys: KeyLabel) =>
    `The playhead is inside the segment at ${formatClockTenths(insideStartMs)} and there is no gap after it for a new segment. Select a range on the waveform, or cut the segment in two with ${withKeys('Split', keys('split'))}.`,
  noRoomAtPlayhead: 'There is no room for a new segment at the playhead; move the playhead to a gap.',
  movedPastPlayheadSegment(insideStartMs: number, startMs: number, keys: KeyLabel): EditorMessage {
    return { text: `The playhead was inside the segment at ${formatClockTenths(insideStartMs)}, so the new segment starts where it ends (${formatClockTenths(startMs)}). To cut a segment in two, use ${withKeys('Split', keys('split'))}.` }
  },
  emptySelection: 'The selected range is empty; drag out a range on the waveform first.',
  selectionCoversSegment: (segmentStartMs: number, keys: KeyLabel) =>
    `The selection covers the whole segment at ${formatClockTenths(segmentStartMs)}. To replace it, delete it first with ${withKeys('Delete segment', keys('deleteSegment'))}, or select a shorter range.`,
  selectionOverlapsWords: (keys: KeyLabel) =>
    'The selection overlaps the words of another segment. Select a range in a gap between words (a neighbour is trimmed back to its words), or cut that segment in two with ' + withKeys('Split', keys('split')) + '.',
  noMoreLowConfidence: (direction: 1 | -1) => (direction === 1 ? 'No more low-confidence words after this one.' : 'No low-confidence words before this one.')
} as const
