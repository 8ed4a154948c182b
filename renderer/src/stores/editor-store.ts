import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import {
  addAnnotation as addAnnotationEdit,
  addSpeaker as addSpeakerEdit,
  canRedo,
  deleteSegment as deleteSegmentEdit,
  canUndo,
  commit,
  createHistory,
  deleteAnnotation as deleteAnnotationEdit,
  editAnnotation as editAnnotationEdit,
  insertSegment,
  mergeSegments,
  newSpeakerId,
  normaliseTranscript,
  redo as redoHistory,
  renameSpeaker as renameSpeakerEdit,
  replaceText,
  retimeAnnotation as retimeAnnotationEdit,
  retimeSegment as retimeSegmentEdit,
  segmentText,
  setReviewed,
  setSegmentText,
  setSpeaker,
  splitSegment,
  toTranscriptExport,
  undo as undoHistory
} from '../../../shared/transcript'
import type { CommitOptions, History, NormaliseIssue, SplitAt, TranscriptModel } from '../../../shared/transcript'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import type { DraftOffer, DraftProblem, OpenedTranscript } from '../../../shared/ipc/contract'
import { toErrorData } from '../../../shared/errors'
import { sdte } from '../lib/bridge'
import { buildWordIndex, playingWordAt } from '../lib/word-index'
import { lastAtOrBefore } from '../lib/binary-search'
import { buildFindPattern, findMatches, replaceInText } from '../lib/find-replace'
import type { FindMatch, FindQuery } from '../lib/find-replace'
import { formatClockTenths } from '../../../shared/time'
import { repairSummary } from '../lib/repair-summary'
import { formatCombo } from '../lib/shortcuts'
import type { ShortcutAction } from '../lib/shortcuts'
import { useIsMac } from '../lib/platform'
import { useTaskStore } from './task-store'
import { usePlaybackStore } from './playback-store'
import { useEditorUiStore } from './editor-ui-store'
import { createDraftAutosave } from './draft-autosave'

/*
 * The editing session of the open task: the model (in a shallowRef, it holds ~15k words on a
 * 2-hour task and is never mutated: every edit is a pure function from shared/transcript), its
 * undo history, the reviewer's cursor, the draft prompt and autosave. The UI calls the actions
 * below; it never touches the model itself.
 */

/** Where autosave stands, for the status bar. */
export type { AutosaveState as SaveState } from '../lib/autosaver'

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

/**
 * Normalise issues about the task as a whole, said once when it opens (the per-segment repairs
 * would be a wall of text; they show on their segments as estimated times instead).
 */
export const openingNoticeKinds: ReadonlySet<NormaliseIssue['kind']> = new Set(['no-transcript', 'transcript-flat', 'speaker-without-id'])

/** Length of a segment added by hand at the playhead (the reviewer drags its end to fit). */
export const newSegmentMs = 3000

/**
 * A note for the notice bar that is not an error ("Segment deleted — Ctrl+Z to undo"); with
 * `offerUndo` the bar also shows an Undo button.
 */
export interface EditorMessage {
  readonly text: string
  readonly offerUndo?: boolean
}

/** Words with a confidence below this are marked for checking, until the reviewer sets another (review-prefs-store). */
export const lowConfidenceThreshold = 0.7
/** Autosave runs this long after the last change (the issue asks for at most 1 s). */
export const autosaveDelayMs = 800
/**
 * A typing burst is committed to the model this long after the last key (or at once when the
 * reviewer does anything else): per key only the text field changes, so a keystroke costs no
 * model edit, history commit, word-index rebuild or list re-render.
 */
export const typingCommitDelayMs = 250

/** The character range of word `wordIndex` in its segment's text (words joined by one space). */
export function wordRange(words: readonly { readonly text: string }[], wordIndex: number): { start: number; end: number } {
  let pos = 0
  for (let i = 0; i < wordIndex && i < words.length; i++) pos += words[i].text.length + 1
  return { start: pos, end: pos + (words[wordIndex]?.text.length ?? 0) }
}

/** The editor store: model, history, cursor, drafts and autosave. */
export const useEditorStore = defineStore('editor', () => {
  const task = useTaskStore()
  const playback = usePlaybackStore()

  const history = shallowRef<History | null>(null)
  const model = computed<TranscriptModel | null>(() => history.value?.present ?? null)
  const loaded = shallowRef<TranscriptModel | null>(null)
  const exportHash = ref('')
  const draftOffer = ref<DraftOffer | null>(null)
  /** The task's draft file was unreadable (moved aside or left in place): said once, with "show file". */
  const draftProblem = ref<DraftProblem | null>(null)
  /**
   * While the draft prompt is open the transcript is read-only: an edit made then was
   * neither saved (saving would overwrite the draft on offer) nor kept by "Restore draft".
   */
  const readOnly = computed(() => draftOffer.value !== null)
  const lastError = ref<string | null>(null)
  /** What the last command did, when that needs saying (cleared by the next edit, undo or redo). */
  const message = ref<EditorMessage | null>(null)
  const cursor = ref<Cursor | null>(null)
  const editing = ref<EditingState | null>(null)
  /** Bumped when the cursor row should be scrolled into view (and focused when `focus`). */
  const focusRequest = ref<{ n: number; focus: boolean }>({ n: 0, focus: true })
  /** Bumped on every export request (see requestExport). */
  const exportRequests = ref(0)
  /** A time range picked on the waveform, for "add annotation for the selection". */
  const selection = ref<{ startMs: number; endMs: number } | null>(null)

  /** Opening notices the reviewer dismissed (cleared when a task loads). */
  const dismissedNotices = ref<ReadonlySet<string>>(new Set())
  /** What the loaded export lacked as a whole ("no transcript yet", ...), for the notice bar. */
  const notices = computed<readonly NormaliseIssue[]>(() => {
    const issues = loaded.value?.issues ?? []
    return issues.filter((i) => openingNoticeKinds.has(i.kind) && !dismissedNotices.value.has(i.kind) && !(i.kind === 'no-transcript' && (model.value?.segments.length ?? 0) > 0))
  })

  function dismissNotice(kind: NormaliseIssue['kind']): void {
    dismissedNotices.value = new Set([...dismissedNotices.value, kind])
  }

  /** One dismissable line counting what normalise repaired on load (see repair-summary.ts), or null. */
  const repairNotice = computed<string | null>(() => (dismissedNotices.value.has('repairs') ? null : repairSummary(loaded.value?.issues ?? [])))
  /** What normalise reported for the task as loaded (the repair notice lists these, each linked to its segment). */
  const loadedIssues = computed<readonly NormaliseIssue[]>(() => loaded.value?.issues ?? [])

  function dismissRepairNotice(): void {
    dismissedNotices.value = new Set([...dismissedNotices.value, 'repairs'])
  }

  const canUndoNow = computed(() => (history.value ? canUndo(history.value) : false))
  const canRedoNow = computed(() => (history.value ? canRedo(history.value) : false))
  const wordIndex = computed(() => (model.value ? buildWordIndex(model.value) : null))

  /** Flat index of the word under the playhead (binary search; a number, so watchers fire only on change). */
  const playingWord = computed(() => (wordIndex.value ? playingWordAt(wordIndex.value, playback.timeMs) : -1))
  const activeWordId = computed(() => (playingWord.value >= 0 && wordIndex.value ? wordIndex.value.ids[playingWord.value] : null))
  /** Index of the segment under the playhead (the last one started, for following along). */
  const activeSegmentIndex = computed(() => {
    const m = model.value
    if (!m || m.segments.length === 0) return -1
    let lo = 0
    let hi = m.segments.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (m.segments[mid].startMs <= playback.timeMs) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  })

  const cursorIndex = computed(() => {
    const m = model.value
    if (!m || !cursor.value) return -1
    const id = cursor.value.segmentId
    return m.segments.findIndex((s) => s.id === id)
  })

  const speakerNumber = computed(() => {
    const map = new Map<string, number>()
    model.value?.speakers.forEach((s, i) => map.set(s.id, i))
    return map
  })

  const reviewedCount = computed(() => model.value?.segments.reduce((n, s) => n + (s.reviewed ? 1 : 0), 0) ?? 0)
  /** Whole percent of segments marked reviewed ("62% reviewed"). */
  const reviewedPercent = computed(() => {
    const total = model.value?.segments.length ?? 0
    return total === 0 ? 0 : Math.floor((reviewedCount.value * 100) / total)
  })

  // The typing draft (see typeDraft), declared before the immediate load() that flushes it.
  let pendingTyping: { segmentId: string; text: string } | null = null
  let typingTimer: ReturnType<typeof setTimeout> | null = null

  // ---- autosave (draft-autosave.ts: one mechanism, retries on failure) ----------------------
  const autosave = createDraftAutosave(autosaveDelayMs)
  const { saveState, savedAt, saveError } = autosave

  /** Saves any pending change now (leaving the window); a failure is retried and shown. */
  async function saveNow(): Promise<void> {
    flushTyping()
    await autosave.saveNow()
  }

  function changed(): void {
    const m = model.value
    if (m) autosave.change(m, exportHash.value)
  }

  // ---- loading ----------------------------------------------------------------------------
  function load(opened: OpenedTranscript | null): void {
    // Words typed into the task being closed reach its model (and so its draft) first.
    flushTyping()
    // For profiling and the editor benchmark: when the data reached the renderer.
    if (opened && typeof performance !== 'undefined') performance.mark('sdte:editor-data')
    editing.value = null
    selection.value = null
    dismissedNotices.value = new Set()
    lastError.value = null
    message.value = null
    draftProblem.value = opened?.draftProblem ?? null
    if (!opened) {
      // A pending save of the closed task goes out now (and keeps retrying); the unsaved flag stays up until it lands.
      autosave.start(null)
      history.value = null
      loaded.value = null
      draftOffer.value = null
      cursor.value = null
      return
    }
    let m: TranscriptModel
    try {
      m = normaliseTranscript(opened.data)
    } catch (error) {
      autosave.start(null)
      history.value = null
      lastError.value = `The transcript could not be read: ${toErrorData(error).message}`
      return
    }
    autosave.start(m)
    history.value = createHistory(m)
    loaded.value = m
    exportHash.value = opened.exportHash
    draftOffer.value = opened.draft
    cursor.value = m.segments.length ? { segmentId: m.segments[0].id, wordIndex: -1 } : null
    playback.reportTime(0)
    playback.setLoop(null)
    if (m.durationMs > 0) playback.reportDuration(m.durationMs)
  }

  watch(() => task.opened, (opened) => load(opened), { immediate: true })

  /** Opens the saved draft in place of the loaded export (undo goes back to the export). */
  async function restoreDraft(): Promise<void> {
    const m = model.value
    if (!m || !draftOffer.value) return
    const result = await sdte().invoke['drafts:load']({ taskId: m.taskId })
    if (!result.ok) {
      lastError.value = `The draft could not be read: ${result.error.message}`
      return
    }
    const doc = result.value?.document as Partial<TranscriptModel> | undefined
    if (!result.value || !doc || !Array.isArray(doc.segments) || !Array.isArray(doc.speakers) || typeof doc.taskId !== 'number') {
      lastError.value = 'The draft is no longer there or cannot be read; the export is open instead.'
      draftOffer.value = null
      return
    }
    const draft = { annotations: [], issues: [], ...doc } as TranscriptModel
    history.value = commit(history.value!, draft, { kind: 'edit' })
    // Later saves keep the draft's own base, so "the export changed since" stays true and both are kept.
    exportHash.value = result.value.exportHash
    autosave.markSaved(draft, result.value.savedAt)
    draftOffer.value = null
    if (cursorIndex.value < 0) cursor.value = draft.segments.length ? { segmentId: draft.segments[0].id, wordIndex: -1 } : null
  }

  /** Deletes the saved draft and keeps the export (and any edits made since opening). */
  async function discardDraft(): Promise<void> {
    const m = model.value
    if (!m || !draftOffer.value) return
    const result = await sdte().invoke['drafts:discard']({ taskId: m.taskId })
    if (!result.ok) {
      lastError.value = `The draft could not be deleted: ${result.error.message}`
      return
    }
    draftOffer.value = null
    if (!autosave.isSaved(model.value)) changed()
  }

  /** Shows the unreadable draft file kept for the open task in the file manager. */
  async function showKeptDraft(): Promise<void> {
    const m = model.value
    if (!m || !draftProblem.value) return
    const result = await sdte().invoke['drafts:showKept']({ taskId: m.taskId })
    if (!result.ok) lastError.value = `The kept draft could not be shown: ${result.error.message}`
  }

  /** Says why an edit was refused while the draft prompt waits for the reviewer; true when refused. */
  function refuseWhileReadOnly(): boolean {
    if (!readOnly.value) return false
    message.value = { text: 'Choose “Restore draft” or “Discard” above first: the transcript is read-only until you do.' }
    return true
  }

  // ---- edits --------------------------------------------------------------------------------
  /** Applies a pure edit as one undo step (or part of a typing burst); false when nothing changed. */
  function apply(edit: (m: TranscriptModel) => TranscriptModel, options: CommitOptions = { kind: 'edit' }): boolean {
    // A pending typing burst lands first, so this edit (and its undo step) comes after it.
    if (pendingTyping && options.kind !== 'typing') flushTyping()
    const h = history.value
    if (!h || refuseWhileReadOnly()) return false
    let next: TranscriptModel
    try {
      next = edit(h.present)
    } catch (error) {
      lastError.value = toErrorData(error).message
      return false
    }
    if (next === h.present) return false
    history.value = commit(h, next, { ...options, at: options.at ?? Date.now() })
    lastError.value = null
    // Typing keeps a note about the segment just added, not an undo offer (undo would now undo the typing).
    if (options.kind !== 'typing' || message.value?.offerUndo) message.value = null
    changed()
    return true
  }

  function requestFocus(focus: boolean): void {
    focusRequest.value = { n: focusRequest.value.n + 1, focus }
  }

  function segmentById(id: string) {
    return model.value?.segments.find((s) => s.id === id)
  }

  /** The segment and word the reviewer is on: the playing word while playing, else the cursor. */
  function position(): Cursor | null {
    flushTyping()
    const m = model.value
    const wi = wordIndex.value
    if (m && wi && playback.playing && playingWord.value >= 0) {
      const k = playingWord.value
      return { segmentId: m.segments[wi.segment[k]].id, wordIndex: wi.word[k] }
    }
    if (cursorIndex.value >= 0) return cursor.value
    if (m && m.segments.length) {
      const i = Math.max(0, activeSegmentIndex.value)
      return { segmentId: m.segments[i].id, wordIndex: -1 }
    }
    return null
  }

  /** A keystroke's worth of text in segment `segmentId` (typing bursts are one undo step). */
  function typeText(segmentId: string, text: string): boolean {
    playback.noteTyping()
    if (pendingTyping && pendingTyping.segmentId !== segmentId) flushTyping()
    pendingTyping = null
    clearTypingTimer()
    return apply((m) => setSegmentText(m, segmentId, text), { kind: 'typing', key: segmentId })
  }

  // ---- typing drafts: the field's text, committed when the reviewer pauses or moves on ----------
  function clearTypingTimer(): void {
    if (typingTimer !== null) clearTimeout(typingTimer)
    typingTimer = null
  }

  /**
   * A keystroke in the field of segment `segmentId`: the text is held here (not in the row, so
   * it survives the row unmounting) and committed after a pause, or at once by `flushTyping`.
   */
  function typeDraft(segmentId: string, text: string): void {
    // A row leaving the list hands back its field's text: not for a segment just deleted or undone away.
    if (!history.value || !history.value.present.segments.some((s) => s.id === segmentId) || refuseWhileReadOnly()) return
    playback.noteTyping()
    if (pendingTyping && pendingTyping.segmentId !== segmentId) flushTyping()
    pendingTyping = { segmentId, text }
    clearTypingTimer()
    typingTimer = setTimeout(flushTyping, typingCommitDelayMs)
    // The unsaved flag goes up at the first key, so quitting asks even before the commit.
    autosave.holdUnsaved(true)
  }

  /** Commits a pending typing burst to the model now (one typing edit; no-op when none). */
  function flushTyping(): void {
    clearTypingTimer()
    const p = pendingTyping
    if (!p) return
    pendingTyping = null
    apply((m) => setSegmentText(m, p.segmentId, p.text), { kind: 'typing', key: p.segmentId })
    // Committed (now the autosaver's to save) or nothing changed: the key press no longer holds the flag.
    autosave.holdUnsaved(false)
  }

  /** The text typed into segment `segmentId` and not yet committed (null when none). */
  function pendingTextOf(segmentId: string): string | null {
    return pendingTyping?.segmentId === segmentId ? pendingTyping.text : null
  }

  /** Remembers the caret of the segment being edited (its row is leaving the DOM), to restore it later. */
  function keepEditing(segmentId: string, selectionStart: number, selectionEnd: number): void {
    if (editing.value?.segmentId !== segmentId) return
    editing.value = { segmentId, selectionStart, selectionEnd }
  }

  /** Replaces one word's text (a correction). */
  function replaceWord(segmentId: string, index: number, text: string): boolean {
    const seg = segmentById(segmentId)
    if (!seg || !seg.words[index]) return false
    const r = wordRange(seg.words, index)
    return apply((m) => replaceText(m, { segmentId, offset: r.start }, { segmentId, offset: r.end }, text))
  }

  /** Splits a segment; the cursor moves to the second half. */
  function split(segmentId: string, at: SplitAt): boolean {
    const before = model.value
    const ok = apply((m) => splitSegment(m, segmentId, at))
    if (ok && before) {
      const i = model.value!.segments.findIndex((s) => s.id === segmentId)
      const second = model.value!.segments[i + 1]
      if (second) cursor.value = { segmentId: second.id, wordIndex: 0 }
    }
    return ok
  }

  /** Splits at the cursor: before the current word (or in the middle of a segment without one). */
  function splitAtCursor(): boolean {
    const p = position()
    if (!p) return false
    const seg = segmentById(p.segmentId)
    if (!seg) return false
    const wordAt = p.wordIndex > 0 ? p.wordIndex : Math.floor(seg.words.length / 2)
    return split(p.segmentId, { wordIndex: wordAt })
  }

  /** Merges a segment (default: the current one) with the next. */
  function mergeWithNext(segmentId?: string): boolean {
    const id = segmentId ?? position()?.segmentId
    if (!id) return false
    const ok = apply((m) => mergeSegments(m, id))
    if (ok) cursor.value = { segmentId: id, wordIndex: -1 }
    return ok
  }

  /** Sets the speaker of a segment. */
  function assignSpeaker(segmentId: string, speakerId: string): boolean {
    return apply((m) => setSpeaker(m, { segmentId }, speakerId))
  }

  /** Sets the current segment's speaker to the n-th speaker (1-based), as the number keys do. */
  function assignSpeakerNumber(n: number): boolean {
    const m = model.value
    const p = position()
    const speaker = m?.speakers[n - 1]
    if (!m || !p || !speaker) {
      if (m && !speaker) lastError.value = `There is no speaker ${n}.`
      return false
    }
    return assignSpeaker(p.segmentId, speaker.id)
  }

  /** Gives words `fromWord`..`toWord` of a segment to the n-th speaker (1-based), splitting it around them. */
  function assignSpeakerToWords(segmentId: string, fromWord: number, toWord: number, n: number): boolean {
    const speaker = model.value?.speakers[n - 1]
    if (!speaker) {
      lastError.value = `There is no speaker ${n}.`
      return false
    }
    const ok = apply((m) => setSpeaker(m, { from: { segmentId, wordIndex: fromWord }, to: { segmentId, wordIndex: toWord } }, speaker.id))
    if (ok) {
      editing.value = null
      const m = model.value!
      // The cursor follows the words that changed hands.
      const seg = m.segments.find((x) => x.speakerId === speaker.id && x.words.length > 0 && (x.id === segmentId || m.segments[m.segments.indexOf(x) - 1]?.id === segmentId))
      if (seg) goTo(seg.id, 0, { seek: false })
    }
    return ok
  }

  /** Renames a speaker everywhere. */
  function renameSpeaker(speakerId: string, name: string): boolean {
    return apply((m) => renameSpeakerEdit(m, speakerId, name))
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

  /** Moves a segment edge (a region drag, committed on drag end). */
  function retimeSegment(segmentId: string, edge: 'start' | 'end', ms: number): boolean {
    return apply((m) => retimeSegmentEdit(m, segmentId, edge, ms))
  }

  /** Moves the current segment's start or end by `deltaMs` (clamped like a drag). */
  function nudgeSegment(edge: 'start' | 'end', deltaMs: number): boolean {
    const p = position()
    const seg = p ? segmentById(p.segmentId) : undefined
    if (!seg) return false
    return retimeSegment(seg.id, edge, (edge === 'start' ? seg.startMs : seg.endMs) + deltaMs)
  }

  /** Flips a segment's reviewed mark (default: the current segment). */
  function toggleReviewed(segmentId?: string): boolean {
    const id = segmentId ?? position()?.segmentId
    const seg = id ? segmentById(id) : undefined
    if (!id || !seg) return false
    return apply((m) => setReviewed(m, id, !seg.reviewed))
  }

  function author() {
    return { at: new Date().toISOString() }
  }

  /** The first key bound to `action` now, as read on this platform ("Ctrl+Z", "⌘Z"); "" when unbound. */
  function keyLabel(action: ShortcutAction): string {
    const first = useEditorUiStore().bindings.get(action)?.[0]
    return first ? formatCombo(first, useIsMac().value) : ''
  }

  /** "Split (Ctrl+Enter)", or "Split" when the reviewer unbound it. */
  function commandWithKey(name: string, action: ShortcutAction): string {
    const k = keyLabel(action)
    return k ? `${name} (${k})` : name
  }

  /**
   * Inserts an empty segment over [startMs, endMs) as one undo step, with the current segment's
   * speaker (else the first, else a new "Speaker 1"), and opens it for typing. Returns its id;
   * on failure `lastError` says why (`refusal` replaces the model's wording when given).
   */
  function insertEmptySegment(startMs: number, endMs: number, refusal?: string): string | null {
    const m = model.value
    if (!m) return null
    const current = cursorIndex.value >= 0 ? m.segments[cursorIndex.value] : undefined
    const existing = current?.speakerId ?? m.speakers[0]?.id
    const speakerId = existing ?? newSpeakerId(m)
    const before = new Set(m.segments.map((s) => s.id))
    const ok = apply((x) => insertSegment(existing === undefined ? addSpeakerEdit(x, { name: 'Speaker 1', id: speakerId }) : x, { startMs, endMs, speakerId }))
    const added = ok ? model.value!.segments.find((s) => !before.has(s.id)) : undefined
    if (!added) {
      if (!ok && refusal && lastError.value) lastError.value = refusal
      return null
    }
    cursor.value = { segmentId: added.id, wordIndex: -1 }
    editing.value = { segmentId: added.id, selectionStart: 0, selectionEnd: 0 }
    requestFocus(true)
    return added.id
  }

  /**
   * Adds an empty segment at the playhead (one undo step), for a task with no transcript yet or a
   * passage the recogniser missed. It runs for `newSegmentMs`, stopping at the next segment and
   * the recording's end. When the playhead is inside a segment the new one starts where that
   * segment ends (segments never overlap; to cut one in two there is Split), and `message` says
   * so; with no room there it is refused with a hint. Returns the new segment's id.
   */
  function addSegmentAtPlayhead(): string | null {
    flushTyping()
    const m = model.value
    if (!m) return null
    const playhead = Math.max(0, Math.round(playback.timeMs))
    const inside = m.segments.find((s) => s.startMs <= playhead && playhead < s.endMs)
    const startMs = inside ? inside.endMs : playhead
    const nextStart = m.segments.find((s) => s.startMs >= startMs && s !== inside)?.startMs ?? Infinity
    const recordingEnd = m.durationMs > 0 ? m.durationMs : Infinity
    const endMs = Math.min(startMs + newSegmentMs, nextStart, recordingEnd)
    if (!(endMs > startMs)) {
      lastError.value = inside
        ? `The playhead is inside the segment at ${formatClockTenths(inside.startMs)} and there is no gap after it for a new segment. Select a range on the waveform, or cut the segment in two with ${commandWithKey('Split', 'split')}.`
        : 'There is no room for a new segment at the playhead; move the playhead to a gap.'
      return null
    }
    const id = insertEmptySegment(startMs, endMs)
    if (id && inside) {
      message.value = { text: `The playhead was inside the segment at ${formatClockTenths(inside.startMs)}, so the new segment starts where it ends (${formatClockTenths(startMs)}). To cut a segment in two, use ${commandWithKey('Split', 'split')}.` }
    }
    return id
  }

  /**
   * Adds an empty segment over a range (default: the one selected on the waveform), one undo
   * step. Neighbours reaching into it are trimmed back to their words; a range over another
   * segment's words, or over a whole segment, is refused. The selection is used up (cleared).
   */
  function addSegmentFromSelection(range: { startMs: number; endMs: number } | null = selection.value): string | null {
    flushTyping()
    const m = model.value
    if (!m || !range) return null
    const recordingEnd = m.durationMs > 0 ? m.durationMs : Infinity
    const startMs = Math.max(0, Math.round(Math.min(range.startMs, range.endMs)))
    const endMs = Math.min(recordingEnd, Math.round(Math.max(range.startMs, range.endMs)))
    if (!(endMs > startMs)) {
      lastError.value = 'The selected range is empty; drag out a range on the waveform first.'
      return null
    }
    const swallowed = m.segments.find((s) => s.startMs >= startMs && s.endMs <= endMs)
    if (swallowed) {
      lastError.value = `The selection covers the whole segment at ${formatClockTenths(swallowed.startMs)}. To replace it, delete it first with ${commandWithKey('Delete segment', 'deleteSegment')}, or select a shorter range.`
      return null
    }
    const id = insertEmptySegment(startMs, endMs, 'The selection overlaps the words of another segment. Select a range in a gap between words (a neighbour is trimmed back to its words), or cut that segment in two with ' + commandWithKey('Split', 'split') + '.')
    if (id) selection.value = null
    return id
  }

  /** "New segment": from the waveform selection when there is one, else at the playhead. */
  function addSegment(): string | null {
    return selection.value ? addSegmentFromSelection(selection.value) : addSegmentAtPlayhead()
  }

  /**
   * Deletes a segment (default: the cursor's) and its words, one undo step. The cursor moves to
   * the segment that took its place, else the one before; `message` says how to undo.
   */
  function deleteSegment(segmentId?: string): boolean {
    flushTyping()
    const m = model.value
    if (!m) return false
    const id = segmentId ?? (cursorIndex.value >= 0 ? cursor.value!.segmentId : undefined)
    const index = id ? m.segments.findIndex((s) => s.id === id) : -1
    if (index < 0) {
      lastError.value = m.segments.length ? 'Put the cursor on the segment to delete first.' : 'There is no segment to delete.'
      return false
    }
    const deleted = m.segments[index]
    if (!apply((x) => deleteSegmentEdit(x, deleted.id))) return false
    deletions.set(model.value!, { segmentId: deleted.id, index })
    if (editing.value?.segmentId === deleted.id) editing.value = null
    if (cursor.value?.segmentId === deleted.id || cursorIndex.value < 0) cursorToIndex(index)
    const undoKey = keyLabel('undo')
    message.value = { text: `Segment deleted — ${undoKey ? `${undoKey} to undo` : 'Undo brings it back'}`, offerUndo: true }
    return true
  }

  /** The models made by a deletion, with what was deleted: undo puts the cursor back on it, redo on its neighbour. */
  const deletions = new WeakMap<TranscriptModel, { segmentId: string; index: number }>()

  /** Cursor on the segment now at `index` (else the last one; none when the list is empty). */
  function cursorToIndex(index: number): void {
    const segs = model.value?.segments ?? []
    const seg = segs[Math.min(index, segs.length - 1)]
    cursor.value = seg ? { segmentId: seg.id, wordIndex: -1 } : null
    requestFocus(true)
  }

  /** Adds an annotation for the selection, else the current segment; returns its id. */
  function addAnnotation(content = '', range?: { startMs: number; endMs: number }): string | null {
    const m = model.value
    if (!m) return null
    // The selection: a range picked on the waveform, else the range being looped.
    let r = range ?? selection.value ?? playback.loop
    if (!r) {
      const p = position()
      const seg = p ? segmentById(p.segmentId) : undefined
      r = seg ? { startMs: seg.startMs, endMs: seg.endMs } : { startMs: playback.timeMs, endMs: playback.timeMs + 2000 }
    }
    const before = new Set(m.annotations.map((a) => a.id))
    const span = r
    if (!apply((x) => addAnnotationEdit(x, { content, startMs: span.startMs, endMs: span.endMs }, author()))) return null
    return model.value!.annotations.find((a) => !before.has(a.id))?.id ?? null
  }

  /** Changes an annotation's text. */
  function editAnnotation(id: string, content: string): boolean {
    return apply((m) => editAnnotationEdit(m, id, content, author()))
  }

  /** Moves an annotation. */
  function retimeAnnotation(id: string, startMs: number, endMs: number): boolean {
    return apply((m) => retimeAnnotationEdit(m, id, startMs, endMs, author()))
  }

  /** Deletes an annotation. */
  function deleteAnnotation(id: string): boolean {
    return apply((m) => deleteAnnotationEdit(m, id))
  }

  function afterHistoryMove(): void {
    if (editing.value && !segmentById(editing.value.segmentId)) editing.value = null
    if (cursor.value && cursorIndex.value < 0) {
      const m = model.value!
      const i = Math.min(m.segments.length - 1, Math.max(0, activeSegmentIndex.value))
      cursor.value = i >= 0 ? { segmentId: m.segments[i].id, wordIndex: -1 } : null
    }
    changed()
  }

  /** Steps back one edit (a typing burst is one); undoing a deletion puts the cursor back on the segment. */
  function undo(): boolean {
    flushTyping()
    const h = history.value
    if (!h || !canUndo(h) || refuseWhileReadOnly()) return false
    const deletion = deletions.get(h.present)
    history.value = undoHistory(h)
    message.value = null
    if (deletion && segmentById(deletion.segmentId)) {
      cursor.value = { segmentId: deletion.segmentId, wordIndex: -1 }
      requestFocus(true)
    }
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
    const deletion = deletions.get(history.value.present)
    if (deletion && cursor.value?.segmentId === deletion.segmentId) cursorToIndex(deletion.index)
    afterHistoryMove()
    return true
  }

  // ---- find & replace -----------------------------------------------------------------------
  /** Every match of a query, in transcript order. */
  function find(query: FindQuery): FindMatch[] {
    flushTyping()
    return model.value ? findMatches(model.value, query) : []
  }

  /** Replaces one match (looked up again, so a stale match does nothing). */
  function replaceOne(match: FindMatch, query: FindQuery, replacement: string): boolean {
    const seg = segmentById(match.segmentId)
    if (!seg) return false
    const text = segmentText(seg)
    if (text.slice(match.start, match.end) !== match.text) return false
    const pattern = buildFindPattern(query)
    if (!pattern) return false
    const replaced = replaceInText(match.text, pattern, query, replacement)
    return apply((m) => replaceText(m, { segmentId: match.segmentId, offset: match.start }, { segmentId: match.segmentId, offset: match.end }, replaced))
  }

  /** Replaces every match as one undo step; returns how many segments changed. */
  function replaceAll(query: FindQuery, replacement: string): number {
    const pattern = buildFindPattern(query)
    const m0 = model.value
    if (!pattern || !m0) return 0
    let changedSegments = 0
    apply((m) => {
      let next = m
      for (const seg of m.segments) {
        if (query.speakerId && seg.speakerId !== query.speakerId) continue
        const text = segmentText(seg)
        const out = replaceInText(text, pattern, query, replacement)
        if (out !== text) {
          next = setSegmentText(next, seg.id, out)
          changedSegments++
        }
      }
      return next
    })
    return changedSegments
  }

  // ---- navigation ---------------------------------------------------------------------------
  /** Puts the cursor on a segment (and word), seeks there, and asks the pane to show it. */
  function goTo(segmentId: string, wordIdx = -1, options: { seek?: boolean; focus?: boolean } = {}): void {
    flushTyping()
    const seg = segmentById(segmentId)
    if (!seg) return
    // Jumping elsewhere ends the edit in progress (its words are committed above).
    if (editing.value && editing.value.segmentId !== segmentId) editing.value = null
    cursor.value = { segmentId, wordIndex: wordIdx }
    if (options.seek ?? true) playback.seek(wordIdx >= 0 && seg.words[wordIdx] ? seg.words[wordIdx].startMs : seg.startMs)
    requestFocus(options.focus ?? true)
  }

  /** Moves to the next (1) or previous (-1) segment. */
  function moveSegment(direction: 1 | -1): void {
    const m = model.value
    if (!m || m.segments.length === 0) return
    const p = position()
    const from = p ? m.segments.findIndex((s) => s.id === p.segmentId) : -1
    const to = Math.min(m.segments.length - 1, Math.max(0, from + direction))
    goTo(m.segments[to].id)
  }

  /** Moves the cursor one word on (1) or back (-1), across segment boundaries, and seeks there. */
  function moveWord(direction: 1 | -1): void {
    const m = model.value
    const wi = wordIndex.value
    if (!m || !wi || wi.ids.length === 0) return
    const p = position()
    const si = p ? m.segments.findIndex((s) => s.id === p.segmentId) : -1
    let flat: number
    if (p && si >= 0) flat = wi.segmentFirst[si] + (p.wordIndex >= 0 ? p.wordIndex + direction : direction === 1 ? 0 : -1)
    else flat = lastAtOrBefore(wi.starts, playback.timeMs) + direction
    flat = Math.min(wi.ids.length - 1, Math.max(0, flat))
    goTo(m.segments[wi.segment[flat]].id, wi.word[flat])
  }

  /** Moves to the next (1) or previous (-1) word below `threshold` (the reviewer's setting); false when there is none. */
  function moveLowConfidence(direction: 1 | -1, threshold = lowConfidenceThreshold): boolean {
    const m = model.value
    const wi = wordIndex.value
    if (!m || !wi) return false
    let flat: number
    const p = position()
    const si = p ? m.segments.findIndex((s) => s.id === p.segmentId) : -1
    if (p && si >= 0) flat = wi.segmentFirst[si] + (p.wordIndex >= 0 ? p.wordIndex : direction === 1 ? -1 : 0)
    else flat = lastAtOrBefore(wi.starts, playback.timeMs)
    for (let k = flat + direction; k >= 0 && k < wi.ids.length; k += direction) {
      const w = m.segments[wi.segment[k]].words[wi.word[k]]
      if (w.confidence !== null && w.confidence < threshold) {
        goTo(m.segments[wi.segment[k]].id, wi.word[k])
        return true
      }
    }
    lastError.value = direction === 1 ? 'No more low-confidence words after this one.' : 'No low-confidence words before this one.'
    return false
  }

  /** Puts the cursor on the playing word (after a pause, or "back to playhead"). */
  function cursorToPlayhead(focus = true): void {
    const m = model.value
    const wi = wordIndex.value
    if (!m || !wi) return
    if (playingWord.value >= 0) cursor.value = { segmentId: m.segments[wi.segment[playingWord.value]].id, wordIndex: wi.word[playingWord.value] }
    else if (activeSegmentIndex.value >= 0) cursor.value = { segmentId: m.segments[activeSegmentIndex.value].id, wordIndex: -1 }
    requestFocus(focus)
  }

  // The cursor lands where playback stopped, so the next key acts on what was just heard.
  watch(
    () => playback.playing,
    (isPlaying) => {
      if (!isPlaying && playingWord.value >= 0 && !editing.value) cursorToPlayhead(false)
    }
  )

  /** Starts editing a segment in place, with the current word (or the given range) selected. */
  function startEditing(segmentId?: string, range?: { start: number; end: number }): void {
    flushTyping()
    if (refuseWhileReadOnly()) return
    const p = segmentId ? { segmentId, wordIndex: cursor.value?.segmentId === segmentId ? cursor.value.wordIndex : -1 } : position()
    if (!p) return
    const seg = segmentById(p.segmentId)
    if (!seg) return
    const text = segmentText(seg)
    const r = range ?? (p.wordIndex >= 0 ? wordRange(seg.words, p.wordIndex) : { start: text.length, end: text.length })
    cursor.value = { segmentId: p.segmentId, wordIndex: p.wordIndex }
    editing.value = { segmentId: p.segmentId, selectionStart: r.start, selectionEnd: r.end }
  }

  /** Leaves in-place editing and gives focus back to the segment. */
  function stopEditing(): void {
    flushTyping()
    editing.value = null
    requestFocus(true)
  }

  /** Asks for the export dialog: bumps `exportRequests` and dispatches `sdte:export-request` on window. */
  function requestExport(): void {
    exportRequests.value++
    if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent('sdte:export-request', { detail: { taskId: model.value?.taskId ?? null } }))
  }

  /** The current model written back as an API export (for the export dialog). */
  function exportData(): TranscriptExport | null {
    flushTyping()
    return model.value ? toTranscriptExport(model.value) : null
  }

  return {
    history,
    model,
    loaded,
    exportHash,
    draftOffer,
    draftProblem,
    readOnly,
    showKeptDraft,
    saveState,
    savedAt,
    saveError,
    lastError,
    message,
    cursor,
    editing,
    focusRequest,
    exportRequests,
    selection,
    canUndo: canUndoNow,
    canRedo: canRedoNow,
    wordIndex,
    playingWord,
    activeWordId,
    activeSegmentIndex,
    cursorIndex,
    speakerNumber,
    reviewedCount,
    reviewedPercent,
    saveNow,
    restoreDraft,
    discardDraft,
    apply,
    position,
    typeText,
    typeDraft,
    flushTyping,
    pendingTextOf,
    keepEditing,
    replaceWord,
    split,
    splitAtCursor,
    mergeWithNext,
    assignSpeaker,
    assignSpeakerNumber,
    assignSpeakerToWords,
    renameSpeaker,
    addSpeaker,
    retimeSegment,
    nudgeSegment,
    toggleReviewed,
    addAnnotation,
    addSegmentAtPlayhead,
    addSegmentFromSelection,
    addSegment,
    deleteSegment,
    notices,
    dismissNotice,
    repairNotice,
    loadedIssues,
    dismissRepairNotice,
    editAnnotation,
    retimeAnnotation,
    deleteAnnotation,
    undo,
    redo,
    find,
    replaceOne,
    replaceAll,
    goTo,
    moveSegment,
    moveWord,
    moveLowConfidence,
    cursorToPlayhead,
    startEditing,
    stopEditing,
    requestExport,
    exportData
  }
})
