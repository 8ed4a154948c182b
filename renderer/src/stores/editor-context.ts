import type { ComputedRef, Ref, ShallowRef } from 'vue'
import type { CommitOptions, History, Segment, TranscriptModel } from '../../../shared/transcript'
import type { EditorMessage, KeyLabel } from '../lib/editor-messages'
import type { PlaybackLookup } from '../composables/use-playback-follow'

/*
 * What the editor store's parts share (editor-navigation.ts, segment-commands.ts,
 * editor-find.ts): the session's state and the few actions every command goes through. The
 * parts are plain functions over this context, composed by editor-store.ts into one store, so
 * each stays small and none reaches into another store behind the editor's back.
 */

/** The reviewer's place in the transcript: a segment and, optionally, one of its words (-1 = none). */
export interface Cursor {
  readonly segmentId: string
  readonly wordIndex: number
}

/** The segment being edited in place, and the text selection to start with. */
export interface EditingState {
  readonly segmentId: string
  readonly selectionStart: number
  readonly selectionEnd: number
}

/** A time range picked on the waveform. */
export interface TimeRange {
  readonly startMs: number
  readonly endMs: number
}

/** The editing session's shared state and actions (see the module comment). */
export interface EditorContext {
  readonly history: ShallowRef<History | null>
  readonly model: ComputedRef<TranscriptModel | null>
  readonly cursor: Ref<Cursor | null>
  readonly editing: Ref<EditingState | null>
  readonly selection: Ref<TimeRange | null>
  readonly lastError: Ref<string | null>
  readonly message: Ref<EditorMessage | null>
  /** Index of the cursor's segment in the model (-1 when none or gone). */
  readonly cursorIndex: ComputedRef<number>
  readonly lookup: PlaybackLookup
  /** The first key bound to an action, as shown on this platform, for messages. */
  readonly keys: KeyLabel
  /** Applies a pure edit as one undo step (after any pending typing); false when nothing changed or refused. */
  apply(edit: (m: TranscriptModel) => TranscriptModel, options?: CommitOptions): boolean
  /** Commits pending typing to the model. */
  flushTyping(): void
  /** Says why an edit is refused while the draft prompt is open; true when refused. */
  refuseWhileReadOnly(): boolean
  /** Asks the pane to scroll the cursor row into view (and focus it when `focus`). */
  requestFocus(focus: boolean): void
  segmentById(id: string): Segment | undefined
}

/** The character range of word `wordIndex` in its segment's text (words joined by one space). */
export function wordRange(words: readonly { readonly text: string }[], wordIndex: number): { start: number; end: number } {
  let pos = 0
  for (let i = 0; i < wordIndex && i < words.length; i++) pos += words[i].text.length + 1
  return { start: pos, end: pos + (words[wordIndex]?.text.length ?? 0) }
}
