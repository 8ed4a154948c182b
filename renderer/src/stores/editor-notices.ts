import { computed, ref } from 'vue'
import type { Ref } from 'vue'
import type { NormaliseIssue, TranscriptModel } from '../../../shared/transcript'
import { repairSummary } from '../lib/repair-summary'

/*
 * What the notice bar says about the task as loaded: what the export lacked as a whole, and a
 * count of what normalise repaired, each dismissable. Part of the editor store.
 */

/**
 * Normalise issues about the task as a whole, said once when it opens (the per-segment repairs
 * would be a wall of text; they show on their segments as estimated times instead).
 */
export const openingNoticeKinds: ReadonlySet<NormaliseIssue['kind']> = new Set(['no-transcript', 'transcript-flat', 'speaker-without-id'])

/** The notices of the loaded task (`loaded`: the model as loaded; `model`: as it is now). */
export function createNotices(loaded: Readonly<Ref<TranscriptModel | null>>, model: Readonly<Ref<TranscriptModel | null>>) {
  /** Opening notices the reviewer dismissed (cleared when a task loads). */
  const dismissed = ref<ReadonlySet<string>>(new Set())
  /** What the loaded export lacked as a whole ("no transcript yet", ...), for the notice bar. */
  const notices = computed<readonly NormaliseIssue[]>(() => {
    const issues = loaded.value?.issues ?? []
    return issues.filter((i) => openingNoticeKinds.has(i.kind) && !dismissed.value.has(i.kind) && !(i.kind === 'no-transcript' && (model.value?.segments.length ?? 0) > 0))
  })
  /** One dismissable line counting what normalise repaired on load (see repair-summary.ts), or null. */
  const repairNotice = computed<string | null>(() => (dismissed.value.has('repairs') ? null : repairSummary(loaded.value?.issues ?? [])))
  /** What normalise reported for the task as loaded (the repair notice lists these, each linked to its segment). */
  const loadedIssues = computed<readonly NormaliseIssue[]>(() => loaded.value?.issues ?? [])

  return {
    notices,
    repairNotice,
    loadedIssues,
    /** Hides one opening notice. */
    dismissNotice(kind: NormaliseIssue['kind']): void {
      dismissed.value = new Set([...dismissed.value, kind])
    },
    /** Hides the repair count. */
    dismissRepairNotice(): void {
      dismissed.value = new Set([...dismissed.value, 'repairs'])
    },
    /** A task loaded: every notice shows again. */
    reset(): void {
      dismissed.value = new Set()
    }
  }
}
