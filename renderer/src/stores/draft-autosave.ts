import { ref } from 'vue'
import type { TranscriptModel } from '../../../shared/transcript'
import { sdte } from '../lib/bridge'
import { createAutosaver, type Autosaver, type AutosaveState } from '../lib/autosaver'
import { writeDraft, type SavedBase } from './draft-write'
import { toErrorData, type ErrorData } from '../../../shared/errors'

/*
 * The editor's draft saving, on the one autosave mechanism (lib/autosaver.ts): a change is
 * written once the edits pause for `delayMs` (at most `maxWaitMs` after it was made), in an idle
 * period, and a failed save (disk full, folder locked) is
 * retried on its own with back-off instead of waiting for the next edit. Each task
 * gets its own autosaver; closing a task flushes its saver and keeps it retrying in the
 * background, and the window's unsaved flag (which makes closing ask first) stays up until
 * every saver has landed its last change. After a saver's first full save it sends only what
 * changed (draft-write.ts), so the copy after a keystroke stays small at any length.
 */

/** One value to save: the model and the export hash it is tied to. */
interface DraftValue {
  readonly model: TranscriptModel
  readonly exportHash: string
}

/** The editor's draft autosave (see the module comment). */
export function createDraftAutosave(delayMs: number, maxWaitMs = 4 * delayMs) {
  const saveState = ref<AutosaveState>('saved')
  const savedAt = ref<number | null>(null)
  const saveError = ref<string | null>(null)
  /** The failed save's error with main's reason (saveError is its English message, for logs and tests). */
  const saveFailure = ref<ErrorData | null>(null)

  let current: Autosaver<DraftValue> | null = null
  /** The model last written (or loaded from disk) for the current task: saving it again is skipped. */
  let savedModel: TranscriptModel | null = null
  /** Savers of closed tasks still landing their last change. */
  const closing = new Set<Autosaver<DraftValue>>()
  /** What main holds for each saver (the revision a patch builds on); none = the next save is full. */
  const bases = new WeakMap<Autosaver<DraftValue>, SavedBase>()
  let unsavedFlag = false
  /** Keys typed but not yet committed to the model hold the flag up too. */
  let held = false

  function refreshUnsaved(): void {
    const flag = held || closing.size > 0 || (current?.dirty ?? false)
    if (flag === unsavedFlag) return
    unsavedFlag = flag
    void sdte().invoke['app:setUnsaved']({ unsaved: flag })
  }

  function makeSaver(): Autosaver<DraftValue> {
    // Main's own save time, reported by the autosaver as the time of the last write.
    let mainSavedAt = Date.now()
    const saver: Autosaver<DraftValue> = createAutosaver<DraftValue>({
      delayMs,
      maxWaitMs,
      now: () => mainSavedAt,
      write: async ({ model, exportHash }) => {
        if (saver === current && model === savedModel) return
        const saved = await writeDraft(sdte().invoke, model, exportHash, bases.get(saver) ?? null)
        if (saved.base) bases.set(saver, saved.base)
        else bases.delete(saver)
        if (saved.savedAt !== null) mainSavedAt = saved.savedAt
        if (saver === current) savedModel = model
      },
      onStatus: (status, error) => {
        if (saver === current) {
          saveState.value = status.state
          savedAt.value = status.savedAt
          saveError.value = status.state === 'error' ? (status.message ?? 'unknown error') : null
          saveFailure.value = status.state === 'error' ? toErrorData(error) : null
        } else if (status.state === 'saved') {
          closing.delete(saver)
          saver.dispose()
        }
        // After the autosaver has updated `dirty` (it reports before clearing its running write).
        queueMicrotask(refreshUnsaved)
      }
    })
    return saver
  }

  return {
    saveState,
    savedAt,
    saveError,
    saveFailure,
    /** True when the model is what was last written or loaded. */
    isSaved: (model: TranscriptModel | null) => model === savedModel,

    /** Starts a task: `model` is what is on disk already (the export or a restored draft). */
    start(model: TranscriptModel | null, at: number | null = null): void {
      const previous = current
      current = null
      if (previous?.dirty) {
        // The closed task's last change goes out now, and keeps retrying until it lands.
        closing.add(previous)
        void previous.flush().catch(() => undefined)
      } else previous?.dispose()
      current = model ? makeSaver() : null
      savedModel = model
      savedAt.value = at
      saveError.value = null
      saveFailure.value = null
      saveState.value = 'saved'
      refreshUnsaved()
    },

    /** The model changed: it will be saved after the next pause, within `maxWaitMs` (retrying if the write fails). */
    change(model: TranscriptModel, exportHash: string): void {
      current?.change({ model, exportHash })
      refreshUnsaved()
    },

    /** Holds the unsaved flag up for work not yet in the model (typed keys), or releases it. */
    holdUnsaved(flag: boolean): void {
      held = flag
      refreshUnsaved()
    },

    /** The model now on disk changed without a save (a restored draft). */
    markSaved(model: TranscriptModel, at: number): void {
      // Main holds no revision of a draft read back from disk: the next save is a full one.
      if (current) bases.delete(current)
      savedModel = model
      savedAt.value = at
      saveState.value = 'saved'
    },

    /** The draft on disk went away (discarded): the next save is a full one. */
    forgetBase(): void {
      if (current) bases.delete(current)
    },

    /** Writes a pending change now (leaving the window); failures are retried and shown. */
    async saveNow(): Promise<void> {
      await current?.flush().catch(() => undefined)
    }
  }
}
