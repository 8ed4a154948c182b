import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { TranscriptModel } from '../../../shared/transcript'
import type { DraftOffer, DraftProblem, OpenedTranscript } from '../../../shared/ipc/contract'
import { sdte } from '../lib/bridge'
import { editorMessages } from '../lib/editor-messages'
import { createDraftAutosave } from './draft-autosave'
import { errorLine } from '../lib/error-messages'

/*
 * The open task's draft on disk: the offer to restore one saved earlier, an unreadable draft
 * kept aside, and autosave (draft-autosave.ts). It knows nothing of the editor's history: the
 * editor store tells it what the model is now and commits a restored draft itself, so the two
 * stores depend one way only.
 */

/** Autosave runs once the edits have paused this long (in the page's next idle period: lib/autosaver.ts). */
export const autosaveDelayMs = 1000
/** … and at the latest this long after the first unsaved change, for a reviewer who never pauses (what a kill -9 can cost: about this plus one idle wait). */
export const autosaveMaxWaitMs = 2500

/** A draft read back from disk, ready to become the model; or why it could not be. */
export type DraftRead = { readonly ok: true; readonly model: TranscriptModel } | { readonly ok: false; readonly error: string }

/** Drafts and autosave of the open task. */
export const useDraftStore = defineStore('drafts', () => {
  const autosave = createDraftAutosave(autosaveDelayMs, autosaveMaxWaitMs)
  const { saveState, savedAt, saveError, saveFailure } = autosave
  /** The export hash saves are tied to: the loaded export's, or a restored draft's own base. */
  const exportHash = ref('')
  const draftOffer = ref<DraftOffer | null>(null)
  /** The task's draft file was unreadable (moved aside or left in place): said once, with "show file". */
  const draftProblem = ref<DraftProblem | null>(null)
  /**
   * While the draft prompt is open the transcript is read-only: an edit made then was
   * neither saved (saving would overwrite the draft on offer) nor kept by "Restore draft".
   */
  const readOnly = computed(() => draftOffer.value !== null)

  /** A task opened (`model` is its export as loaded, null when none or unreadable). */
  function open(opened: OpenedTranscript | null, model: TranscriptModel | null): void {
    draftProblem.value = opened?.draftProblem ?? null
    // A pending save of the closed task goes out now (and keeps retrying); the unsaved flag stays up until it lands.
    autosave.start(model)
    if (!opened) draftOffer.value = null
    if (!opened || !model) return
    exportHash.value = opened.exportHash
    draftOffer.value = opened.draft
  }

  /** The model changed: save it within autosaveDelayMs. */
  function changed(model: TranscriptModel | null): void {
    if (model) autosave.change(model, exportHash.value)
  }

  /** Reads the offered draft of task `taskId`; on success the offer is answered and saves keep the draft's base. */
  async function readDraft(taskId: number): Promise<DraftRead> {
    const result = await sdte().invoke['drafts:load']({ taskId })
    if (!result.ok) return { ok: false, error: editorMessages.unreadableDraft(errorLine(result.error)) }
    const doc = result.value?.document as Partial<TranscriptModel> | undefined
    if (!result.value || !doc || !Array.isArray(doc.segments) || !Array.isArray(doc.speakers) || typeof doc.taskId !== 'number') {
      draftOffer.value = null
      return { ok: false, error: editorMessages.draftGone }
    }
    const draft = { annotations: [], issues: [], ...doc } as TranscriptModel
    // Later saves keep the draft's own base, so "the export changed since" stays true and both are kept.
    exportHash.value = result.value.exportHash
    autosave.markSaved(draft, result.value.savedAt)
    draftOffer.value = null
    return { ok: true, model: draft }
  }

  /** Deletes the offered draft and keeps `model` (saved if it differs from what is on disk); an error message or null. */
  async function discard(model: TranscriptModel): Promise<string | null> {
    const result = await sdte().invoke['drafts:discard']({ taskId: model.taskId })
    if (!result.ok) return editorMessages.draftNotDeleted(errorLine(result.error))
    draftOffer.value = null
    autosave.forgetBase()
    if (!autosave.isSaved(model)) changed(model)
    return null
  }

  /** Shows the unreadable draft file kept for task `taskId` in the file manager; an error message or null. */
  async function showKept(taskId: number): Promise<string | null> {
    const result = await sdte().invoke['drafts:showKept']({ taskId })
    return result.ok ? null : editorMessages.keptDraftNotShown(errorLine(result.error))
  }

  return {
    saveState,
    savedAt,
    saveError,
    saveFailure,
    exportHash,
    draftOffer,
    draftProblem,
    readOnly,
    open,
    changed,
    holdUnsaved: autosave.holdUnsaved,
    saveNow: autosave.saveNow,
    readDraft,
    discard,
    showKept
  }
})
