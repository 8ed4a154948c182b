import { shallowRef } from 'vue'
import { addCueDecision, applyEdit, removeCueDecision } from '../../../shared/transcript/edits'
import type { CueDecisionNotice, NewCueDecision } from '../../../shared/transcript/edits'
import type { TranscriptModel } from '../../../shared/transcript'

/*
 * Cue decisions as editor actions (part of the editor store): adding or removing one is an
 * ordinary undoable edit, and the notices an edit returns about decisions it moved or dropped
 * (applyEdit in shared/transcript/cue-decisions.ts) are kept for the cue view to say.
 */

/** The decision actions, given the store's `apply`. */
export function createCueDecisionCommands(apply: (edit: (m: TranscriptModel) => TranscriptModel) => boolean) {
  /** What the last edit did to decisions whose words went away (empty when nothing). */
  const decisionNotices = shallowRef<readonly CueDecisionNotice[]>([])
  return {
    decisionNotices,
    /** Runs an edit (applyEdit: decisions kept anchored) and keeps its notices when it has any. */
    run(model: TranscriptModel, edit: (m: TranscriptModel) => TranscriptModel): TranscriptModel {
      const done = applyEdit(model, edit)
      if (done.notices.length) decisionNotices.value = done.notices
      return done.model
    },
    /** Adds a cue decision (one undo step); false when refused or nothing changed (lastError says why). */
    addDecision(decision: NewCueDecision): boolean {
      return apply((m) => addCueDecision(m, decision))
    },
    /** Removes cue decision `id` (one undo step). */
    removeDecision(id: string): boolean {
      return apply((m) => removeCueDecision(m, id))
    },
    /** Forgets the notices (the reviewer dismissed them). */
    dismissDecisionNotices(): void {
      decisionNotices.value = []
    }
  }
}
