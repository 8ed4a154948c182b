import type { TranscriptModel } from '../../../shared/transcript'
import { diffModel, isEmptyPatch } from '../../../shared/transcript/model-patch'
import type { SdteApi } from '../../../shared/ipc/sdte-api'
import { AppError, reasonOf, type ErrorData } from '../../../shared/errors'

/*
 * One autosave write: what changed since the revision main holds (`drafts:patch`, a few segments
 * at most after a keystroke), or the whole model (`drafts:save`) when main holds none — the first
 * save of a task, after a restore or discard, or when main refuses the patch with `conflict`
 * (it restarted, or an append failed half-way). Copying the whole model over IPC was a long task
 * of 78–84 ms at 2 hours and 326–460 ms at 6; the patch costs well under a millisecond.
 */

/** The model main holds and its revision: what the next patch builds on. */
export interface SavedBase {
  readonly model: TranscriptModel
  readonly exportHash: string
  readonly revision: string
}

/** Saves `model` (a patch against `base` when there is one) and returns the new base (null: none known) and main's save time (null when nothing had to be sent). */
export async function writeDraft(invoke: Pick<SdteApi['invoke'], 'drafts:save' | 'drafts:patch'>, model: TranscriptModel, exportHash: string, base: SavedBase | null): Promise<{ base: SavedBase | null; savedAt: number | null }> {
  if (base && base.exportHash === exportHash && base.model.taskId === model.taskId) {
    const patch = diffModel(base.model, model)
    if (isEmptyPatch(patch)) return { base: { ...base, model }, savedAt: null }
    const result = await invoke['drafts:patch']({ taskId: model.taskId, exportHash, base: base.revision, patch })
    if (result.ok) return { base: { model, exportHash, revision: result.value.revision }, savedAt: result.value.savedAt }
    if (result.error.code !== 'conflict') throw failed(result.error)
  }
  const result = await invoke['drafts:save']({ taskId: model.taskId, exportHash, document: model as unknown as Record<string, unknown> })
  if (!result.ok) throw failed(result.error)
  // A main that names no revision takes full saves only.
  const revision: unknown = result.value.revision
  return { base: typeof revision === 'string' ? { model, exportHash, revision } : null, savedAt: result.value.savedAt }
}

/** Main's error as something to throw, keeping its reason so the status bar can say it in the reviewer's language. */
function failed(error: ErrorData): AppError {
  return new AppError(error.code, error.message, reasonOf(error))
}
