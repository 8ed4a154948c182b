import { formatClockTenths } from '../../../shared/time'
import { t } from '../i18n'
import { withKeys } from './shortcuts'
import type { ShortcutAction } from './shortcuts'

/*
 * Everything the editor says to the reviewer, in one place, so the wording can be read and
 * changed together and the stores only decide *when* to say it. Sentences that name a command
 * name its keys as currently bound on this platform; the caller passes `keys` for that
 * (lib/shortcuts.ts firstKeyLabel), so nothing here reads a store. The texts are in the
 * catalogues (i18n/messages/<locale>/editor-messages.ts); each is built when said, in the language of
 * that moment (the constant ones are getters for that reason).
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

const split = (keys: KeyLabel): string => withKeys(t('editorMessages.split'), keys('split'))

/** The editor's sentences, by occasion. */
export const editorMessages = {
  unreadableTranscript: (why: string) => t('editorMessages.unreadableTranscript', { why }),
  unreadableDraft: (why: string) => t('editorMessages.unreadableDraft', { why }),
  get draftGone(): string {
    return t('editorMessages.draftGone')
  },
  draftNotDeleted: (why: string) => t('editorMessages.draftNotDeleted', { why }),
  keptDraftNotShown: (why: string) => t('editorMessages.keptDraftNotShown', { why }),
  get readOnly(): EditorMessage {
    return { text: t('editorMessages.readOnly') }
  },
  noSpeaker: (n: number) => t('editorMessages.noSpeaker', { n }),
  noSegmentToDelete: (anySegments: boolean) => (anySegments ? t('editorMessages.cursorOnSegmentToDelete') : t('editorMessages.noSegmentToDelete')),
  noMergePartner: (direction: 'next' | 'previous') => (direction === 'next' ? t('editorMessages.noNextToMerge') : t('editorMessages.noPreviousToMerge')),
  segmentDeleted(keys: KeyLabel): EditorMessage {
    const undoKey = keys('undo')
    return { text: undoKey ? t('editorMessages.segmentDeletedKey', { key: undoKey }) : t('editorMessages.segmentDeleted'), offerUndo: true }
  },
  noGapAfterPlayheadSegment: (insideStartMs: number, keys: KeyLabel) =>
    t('editorMessages.noGapAfterPlayheadSegment', { time: formatClockTenths(insideStartMs), split: split(keys) }),
  get noRoomAtPlayhead(): string {
    return t('editorMessages.noRoomAtPlayhead')
  },
  movedPastPlayheadSegment(insideStartMs: number, startMs: number, keys: KeyLabel): EditorMessage {
    return { text: t('editorMessages.movedPastPlayheadSegment', { inside: formatClockTenths(insideStartMs), start: formatClockTenths(startMs), split: split(keys) }) }
  },
  get emptySelection(): string {
    return t('editorMessages.emptySelection')
  },
  selectionCoversSegment: (segmentStartMs: number, keys: KeyLabel) =>
    t('editorMessages.selectionCoversSegment', { time: formatClockTenths(segmentStartMs), delete: withKeys(t('editorMessages.deleteSegment'), keys('deleteSegment')) }),
  selectionOverlapsWords: (keys: KeyLabel) => t('editorMessages.selectionOverlapsWords', { split: split(keys) }),
  noMoreLowConfidence: (direction: 1 | -1) => (direction === 1 ? t('editorMessages.noMoreLowConfidenceAfter') : t('editorMessages.noLowConfidenceBefore'))
}
