import { defineStore, storeToRefs } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import {
  acceptWord as acceptWordEdit,
  addSpeaker as addSpeakerEdit,
  canRedo,
  canUndo,
  commit,
  createHistory,
  newSpeakerId,
  redo as redoHistory,
  mergeSpeakers as mergeSpeakersEdit,
  renameSpeaker as renameSpeakerEdit,
  replaceText,
  retimeSegment as retimeSegmentEdit,
  setReviewed,
  setSegmentText,
  setSpeaker,
  toTranscriptExport,
  undo as undoHistory
} from '../../../shared/transcript'
import type { CommitOptions, History, TranscriptModel } from '../../../shared/transcript'
import { assignWorkspaceSpeaker as assignWorkspaceSpeakerEdit, renameToWorkspaceSpeaker as renameToWorkspaceSpeakerEdit, type WorkspaceSpeakerPick } from '../../../shared/transcript/workspace-speaker'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import type { OpenedTranscript } from '../../../shared/ipc/contract'
import { toErrorData } from '../../../shared/errors'
import { editorMessages } from '../lib/editor-messages'
import type { EditorMessage, KeyLabel } from '../lib/editor-messages'
import { firstKeyLabel } from '../lib/shortcuts'
import { useIsMac } from '../lib/platform'
import { followCursor, usePlaybackLookup } from '../composables/use-playback-follow'
import { useTaskStore } from './task-store'
import { usePlaybackStore } from './playback-store'
import { useEditorUiStore } from './editor-ui-store'
import { useUiStore } from './ui-store'
import { useDraftStore } from './draft-store'
import { createTypingBuffer } from './typing-buffer'
import { createNotices } from './editor-notices'
import { createNavigation } from './editor-navigation'
import { createSegmentCommands } from './segment-commands'
import { createFind } from './editor-find'
import { createReviewMarks } from './review-marks'
import { createCueDecisionCommands } from './editor-cue-decisions'
import { createAnnotationCommands } from './editor-annotations'
import { createOpening, settling } from './editor-open'
import { wordRange } from './editor-context'
import type { Cursor, EditingState, EditorContext, TimeRange } from './editor-context'

/*
 * The editing session of the open task: the model (in a shallowRef, it holds ~15k words on a
 * 2-hour task and is never mutated: every edit is a pure function from shared/transcript), its
 * undo history and the reviewer's cursor. The jobs around it live in their own modules and are
 * composed here: drafts and autosave (draft-store.ts), the typing buffer (typing-buffer.ts),
 * navigation (editor-navigation.ts), segment commands (segment-commands.ts), find and replace
 * (editor-find.ts), notices (editor-notices.ts), playback lookups and following
 * (composables/use-playback-follow.ts), and what the editor says (lib/editor-messages.ts). The UI
 * calls the named actions below — each commits pending typing first; it never touches the model.
 */

export type { Cursor, EditingState } from './editor-context'
export type { EditorMessage } from '../lib/editor-messages'
export { wordRange } from './editor-context'
export { autosaveDelayMs } from './draft-store'
export { typingCommitDelayMs } from './typing-buffer'
export { lowConfidenceThreshold } from './editor-navigation'
export { openingNoticeKinds } from './editor-notices'
export { newSegmentMs } from '../../../shared/transcript'
/** Where autosave stands, for the status bar. */
export type { AutosaveState as SaveState } from '../lib/autosaver'

/** The editor store: model, history and cursor, with the editor's commands. */
export const useEditorStore = defineStore('editor', () => {
  const task = useTaskStore()
  const playback = usePlaybackStore()
  const ui = useEditorUiStore()
  const drafts = useDraftStore()

  const history = shallowRef<History | null>(null)
  const model = computed<TranscriptModel | null>(() => history.value?.present ?? null)
  const loaded = shallowRef<TranscriptModel | null>(null)
  const lastError = ref<string | null>(null)
  /** What the last command did, when that needs saying (cleared by the next edit, undo or redo). */
  const message = ref<EditorMessage | null>(null)
  const cursor = ref<Cursor | null>(null)
  const editing = ref<EditingState | null>(null)
  /** Bumped when the cursor row should be scrolled into view (and focused when `focus`). */
  const focusRequest = ref<{ n: number; focus: boolean }>({ n: 0, focus: true })
  /** Bumped on every export request; the shell (App.vue) opens the export dialog. */
  const exportRequests = ref(0)
  /** A time range picked on the waveform, for "add annotation for the selection". */
  const selection = ref<TimeRange | null>(null)

  const canUndoNow = computed(() => (history.value ? canUndo(history.value) : false))
  const canRedoNow = computed(() => (history.value ? canRedo(history.value) : false))
  const lookup = usePlaybackLookup(model)
  const cursorIndex = computed(() => {
    const m = model.value
    if (!m || !cursor.value) return -1
    const id = cursor.value.segmentId
    return m.segments.findIndex((s) => s.id === id)
  })
  const speakerNumber = computed(() => {
    const map = new Map<string, number>()
    ;(model.value ?? preview.value)?.speakers.forEach((s, i) => map.set(s.id, i))
    return map
  })
  const reviewedCount = computed(() => model.value?.segments.reduce((n, s) => n + (s.reviewed ? 1 : 0), 0) ?? 0)
  /** Whole percent of segments marked reviewed ("62% reviewed"). */
  const reviewedPercent = computed(() => {
    const total = model.value?.segments.length ?? 0
    return total === 0 ? 0 : Math.floor((reviewedCount.value * 100) / total)
  })

  /** The first key bound to an action now, as read on this platform, for the editor's sentences. */
  const keys: KeyLabel = (action) => firstKeyLabel(ui.bindings, action, useIsMac().value)

  const typing = createTypingBuffer({
    commit: (segmentId, text) => apply((m) => setSegmentText(m, segmentId, text), { kind: 'typing', key: segmentId }),
    accepts: (segmentId) => !!history.value && history.value.present.segments.some((s) => s.id === segmentId) && !refuseWhileReadOnly(),
    onKey: () => playback.noteTyping(),
    holdUnsaved: (flag) => drafts.holdUnsaved(flag)
  })
  const flushTyping = typing.flush

  /** Says why an edit was refused while the draft prompt waits for the reviewer; true when refused. */
  function refuseWhileReadOnly(): boolean {
    if (!drafts.readOnly) return false
    message.value = editorMessages.readOnly
    return true
  }

  /** Applies a pure edit as one undo step (or part of a typing burst); false when nothing changed. Internal: actions call it. */
  function apply(edit: (m: TranscriptModel) => TranscriptModel, options: CommitOptions = { kind: 'edit' }): boolean {
    // A pending typing burst lands first, so this edit (and its undo step) comes after it.
    if (options.kind !== 'typing' && typing.hasPending()) flushTyping()
    const h = history.value
    if (!h || refuseWhileReadOnly()) return false
    let next: TranscriptModel
    try {
      // Keeps cue decisions anchored and notes what it moved or dropped.
      next = decisions.run(h.present, edit)
    } catch (error) {
      lastError.value = toErrorData(error).message
      return false
    }
    if (next === h.present) return false
    history.value = commit(h, next, { ...options, at: options.at ?? Date.now() })
    lastError.value = null
    // Typing keeps a note about the segment just added, not an undo offer (undo would now undo the typing).
    if (options.kind !== 'typing' || message.value?.offerUndo) message.value = null
    drafts.changed(model.value)
    return true
  }

  const decisions = createCueDecisionCommands((edit) => apply(edit))

  const ctx: EditorContext = {
    history,
    model,
    cursor,
    editing,
    selection,
    lastError,
    message,
    cursorIndex,
    lookup,
    keys,
    apply,
    flushTyping,
    refuseWhileReadOnly,
    requestFocus: (focus) => {
      focusRequest.value = { n: focusRequest.value.n + 1, focus }
    },
    segmentById: (id) => model.value?.segments.find((s) => s.id === id)
  }
  const notices = createNotices(loaded, model)
  const nav = createNavigation(ctx)
  const segments = createSegmentCommands(ctx, nav.position)
  const finder = createFind(ctx)
  const marks = createReviewMarks(ctx, nav.position)
  // The selection: a range picked on the waveform, else the range being looped.
  const annotations = createAnnotationCommands({ ctx, model, apply, position: nav.position, fallbackRange: () => selection.value ?? playback.loop, playheadMs: () => playback.timeMs })
  /** Whether a segment's row is shown (the transcript filter sets this); following playback never puts the cursor on a hidden row. */
  const rowVisible = shallowRef<(segmentId: string) => boolean>(() => true)
  /** The segment whose note editor is open, or null. */
  const noteEditing = ref<string | null>(null)
  followCursor({ model, lookup, isEditing: () => editing.value !== null, cursorSegment: () => cursor.value?.segmentId ?? null, moveCursor: (segmentId) => {
    if (rowVisible.value(segmentId)) cursor.value = { segmentId, wordIndex: -1 }
  }, cursorToPlayhead: () => nav.cursorToPlayhead(false) })

  // ---- loading (editor-open.ts: a long task's first rows first, settled before any action) --------
  const { preview, load, settle } = createOpening({
    reset: () => {
      // Words typed into the task being closed reach its model (and so its draft) first.
      flushTyping()
      editing.value = null
      selection.value = null
      notices.reset()
      lastError.value = null
      message.value = null
    },
    put: (opened, m) => loadModel(opened, m),
    fail: (reason) => void (lastError.value = editorMessages.unreadableTranscript(reason)),
    cursorOn: (segmentId) => void (cursor.value = { segmentId, wordIndex: -1 })
  })

  /** Puts the normalised model of `opened` (null: none, or unreadable) in place. Internal to load(). */
  function loadModel(opened: OpenedTranscript | null, m: TranscriptModel | null): void {
    drafts.open(opened, m)
    history.value = m ? createHistory(m) : null
    if (!m) {
      loaded.value = null
      cursor.value = null
      return
    }
    loaded.value = m
    cursor.value = m.segments.length ? { segmentId: m.segments[0].id, wordIndex: -1 } : null
    playback.reportTime(0)
    playback.setLoop(null)
    if (m.durationMs > 0) playback.reportDuration(m.durationMs)
  }

  watch(() => task.opened, (opened) => load(opened), { immediate: true })
  // A dialog or panel that reads the model (export, finish review, find, annotations) opens on all of it.
  const shell = useUiStore()
  watch([() => shell.dialog, () => ui.findOpen, () => ui.annotationsOpen], (open) => void (open.some(Boolean) && settle()), { flush: 'sync' })

  /** Opens the saved draft in place of the loaded export (undo goes back to the export). */
  async function restoreDraft(): Promise<void> {
    const m = model.value
    if (!m || !drafts.draftOffer) return
    const read = await drafts.readDraft(m.taskId)
    if (!read.ok) {
      lastError.value = read.error
      return
    }
    history.value = commit(history.value!, read.model, { kind: 'edit' })
    if (cursorIndex.value < 0) cursor.value = read.model.segments.length ? { segmentId: read.model.segments[0].id, wordIndex: -1 } : null
  }

  /** Deletes the saved draft and keeps the export (and any edits made since opening). */
  async function discardDraft(): Promise<void> {
    const m = model.value
    if (!m || !drafts.draftOffer) return
    lastError.value = (await drafts.discard(m)) ?? lastError.value
  }

  /** Shows the unreadable draft file kept for the open task in the file manager. */
  async function showKeptDraft(): Promise<void> {
    const m = model.value
    if (!m || !drafts.draftProblem) return
    lastError.value = (await drafts.showKept(m.taskId)) ?? lastError.value
  }

  /** Saves any pending change now (leaving the window); a failure is retried and shown. */
  async function saveNow(): Promise<void> {
    flushTyping()
    await drafts.saveNow()
  }

  // ---- edits --------------------------------------------------------------------------------
  /** A keystroke's worth of text in segment `segmentId`, committed at once (typing bursts are one undo step). */
  function typeText(segmentId: string, text: string): boolean {
    playback.noteTyping()
    typing.take(segmentId)
    return apply((m) => setSegmentText(m, segmentId, text), { kind: 'typing', key: segmentId })
  }

  /** Replaces one word's text (a correction). */
  function replaceWord(segmentId: string, index: number, text: string): boolean {
    const seg = ctx.segmentById(segmentId)
    if (!seg || !seg.words[index]) return false
    const r = wordRange(seg.words, index)
    return apply((m) => replaceText(m, { segmentId, offset: r.start }, { segmentId, offset: r.end }, text))
  }

  /** Sets the speaker of a segment. */
  function assignSpeaker(segmentId: string, speakerId: string): boolean {
    return apply((m) => setSpeaker(m, { segmentId }, speakerId))
  }

  /** Sets the current segment's speaker to the n-th speaker (1-based), as the number keys do. */
  function assignSpeakerNumber(n: number): boolean {
    const m = model.value
    const p = nav.position()
    const speaker = m?.speakers[n - 1]
    if (!m || !p || !speaker) {
      if (m && !speaker) lastError.value = editorMessages.noSpeaker(n)
      return false
    }
    return assignSpeaker(p.segmentId, speaker.id)
  }

  /** Gives words `fromWord`..`toWord` of a segment to the n-th speaker (1-based), splitting it around them. */
  function assignSpeakerToWords(segmentId: string, fromWord: number, toWord: number, n: number): boolean {
    const speaker = model.value?.speakers[n - 1]
    if (!speaker) {
      lastError.value = editorMessages.noSpeaker(n)
      return false
    }
    const ok = apply((m) => setSpeaker(m, { from: { segmentId, wordIndex: fromWord }, to: { segmentId, wordIndex: toWord } }, speaker.id))
    if (ok) {
      editing.value = null
      const m = model.value!
      // The cursor follows the words that changed hands.
      const seg = m.segments.find((x) => x.speakerId === speaker.id && x.words.length > 0 && (x.id === segmentId || m.segments[m.segments.indexOf(x) - 1]?.id === segmentId))
      if (seg) nav.goTo(seg.id, 0, { seek: false })
    }
    return ok
  }

  /** Renames a speaker everywhere. */
  function renameSpeaker(speakerId: string, name: string): boolean {
    return apply((m) => renameSpeakerEdit(m, speakerId, name))
  }

  /** Merges one speaker into another everywhere (one undo step): its segments and words move over. */
  function mergeSpeaker(fromId: string, intoId: string): boolean {
    return apply((m) => mergeSpeakersEdit(m, fromId, intoId))
  }

  /** Adds a speaker and (optionally) assigns it to a segment, in one undo step. */
  function addSpeaker(name: string, assignTo?: string): string | null {
    const m = model.value
    if (!m) return null
    const id = newSpeakerId(m)
    const ok = apply((x) => {
      const withSpeaker = addSpeakerEdit(x, { name, id })
      return assignTo ? setSpeaker(withSpeaker, { segmentId: assignTo }, id) : withSpeaker
    })
    return ok ? id : null
  }

  /** Gives a segment a speaker from the workspace's list, adding it to the task if new (one undo step). */
  function assignWorkspaceSpeaker(segmentId: string, pick: WorkspaceSpeakerPick): boolean {
    return apply((m) => assignWorkspaceSpeakerEdit(m, segmentId, pick))
  }

  /** Renames a speaker to a workspace speaker's name, prefix and suffix. */
  function renameToWorkspaceSpeaker(speakerId: string, pick: WorkspaceSpeakerPick): boolean {
    return apply((m) => renameToWorkspaceSpeakerEdit(m, speakerId, pick))
  }

  /** Moves a segment edge (a region drag, committed on drag end). */
  function retimeSegment(segmentId: string, edge: 'start' | 'end', ms: number): boolean {
    return apply((m) => retimeSegmentEdit(m, segmentId, edge, ms))
  }

  /** Moves the current segment's start or end by `deltaMs` (clamped like a drag). */
  function nudgeSegment(edge: 'start' | 'end', deltaMs: number): boolean {
    const p = nav.position()
    const seg = p ? ctx.segmentById(p.segmentId) : undefined
    if (!seg) return false
    return retimeSegment(seg.id, edge, (edge === 'start' ? seg.startMs : seg.endMs) + deltaMs)
  }

  /** Flips a segment's reviewed mark (default: the current segment). */
  function toggleReviewed(segmentId?: string): boolean {
    const id = segmentId ?? nav.position()?.segmentId
    const seg = id ? ctx.segmentById(id) : undefined
    if (!id || !seg) return false
    return apply((m) => setReviewed(m, id, !seg.reviewed))
  }

  /** Accepts a review-queue word ("it is right"): one undo step, kept in the draft. */
  function acceptWord(wordId: string): boolean {
    return apply((m) => acceptWordEdit(m, wordId))
  }

  // ---- undo / redo ----------------------------------------------------------------------------
  function afterHistoryMove(): void {
    if (editing.value && !ctx.segmentById(editing.value.segmentId)) editing.value = null
    if (cursor.value && cursorIndex.value < 0) {
      const m = model.value!
      const i = Math.min(m.segments.length - 1, Math.max(0, lookup.activeSegmentIndex.value))
      cursor.value = i >= 0 ? { segmentId: m.segments[i].id, wordIndex: -1 } : null
    }
    drafts.changed(model.value)
  }

  /** Steps back one edit (a typing burst is one); undoing a deletion puts the cursor back on the segment. */
  function undo(): boolean {
    flushTyping()
    const h = history.value
    if (!h || !canUndo(h) || refuseWhileReadOnly()) return false
    history.value = undoHistory(h)
    message.value = null
    segments.afterUndo(h.present)
    afterHistoryMove()
    return true
  }

  /** Re-applies the last undone edit. */
  function redo(): boolean {
    flushTyping()
    const h = history.value
    if (!h || !canRedo(h) || refuseWhileReadOnly()) return false
    history.value = redoHistory(h)
    message.value = null
    segments.afterRedo(history.value.present)
    afterHistoryMove()
    return true
  }

  /** Asks the shell for the export dialog (the shortcut and the menu's Export… come here). */
  function requestExport(): void {
    exportRequests.value++
  }

  /** The current model written back as an API export (for the export dialog). */
  function exportData(): TranscriptExport | null {
    flushTyping()
    return model.value ? toTranscriptExport(model.value) : null
  }

  const { exportHash, draftOffer, draftProblem, readOnly, saveState, savedAt, saveError, saveFailure } = storeToRefs(drafts)

  return settling(settle, ['flushTyping', 'pendingTextOf', 'settle'], {
    preview,
    settle,
    history,
    model,
    loaded,
    exportHash,
    draftOffer,
    draftProblem,
    readOnly,
    saveState,
    savedAt,
    saveError,
    saveFailure,
    lastError,
    message,
    cursor,
    editing,
    focusRequest,
    exportRequests,
    selection,
    canUndo: canUndoNow,
    canRedo: canRedoNow,
    wordIndex: lookup.wordIndex,
    playingWord: lookup.playingWord,
    activeWordId: lookup.activeWordId,
    activeSegmentIndex: lookup.activeSegmentIndex,
    cursorIndex,
    speakerNumber,
    reviewedCount,
    reviewedPercent,
    ...notices,
    saveNow,
    restoreDraft,
    discardDraft,
    showKeptDraft,
    typeText,
    typeDraft: typing.draft,
    flushTyping,
    pendingTextOf: typing.pendingTextOf,
    replaceWord,
    ...segments,
    assignSpeaker,
    assignSpeakerNumber,
    assignSpeakerToWords,
    renameSpeaker,
    mergeSpeaker,
    addSpeaker,
    assignWorkspaceSpeaker,
    renameToWorkspaceSpeaker,
    retimeSegment,
    nudgeSegment,
    toggleReviewed,
    ...annotations,
    acceptWord,
    undo,
    redo,
    ...finder,
    ...nav,
    ...marks,
    ...decisions,
    rowVisible,
    noteEditing,
    requestExport,
    exportData
  })
})

