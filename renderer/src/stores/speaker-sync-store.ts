import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { SpeakerPlanReply } from '../../../shared/ipc/workflow-schemas'
import type { RequestOf } from '../../../shared/ipc/contract'
import type { SpeakerApplyResult } from '../../../shared/api/speaker-result'
import type { SpeakerPlan } from '../../../shared/api/speakers'
import { draftSpeakersOf, mergesOf } from '../../../shared/api/speakers'
import type { TranscriptModel } from '../../../shared/transcript/model'
import type { ErrorData } from '../../../shared/errors'
import { sdte } from '../lib/bridge'

/*
 * "Send speakers…": the preview (`speakers:plan` with the editor's current speakers), the send
 * (`speakers:apply`) and "Try again" for what did not reach the server. Applying re-reads the
 * server first, so sending again converges (docs/api.md "Task speakers").
 */

/** Where the dialog is. */
export type SyncPhase = 'planning' | 'preview' | 'sending' | 'result' | 'error'

/** Outcomes that did not put the change on the server. */
const unfinished = new Set(['failed', 'unknown', 'not-attempted'])

/** The plan with only the changes a result left unfinished. */
export function retryPlan(plan: SpeakerPlan, result: SpeakerApplyResult): SpeakerPlan {
  const open = new Set(result.results.filter((r) => unfinished.has(r.outcome)).map((r) => `${r.kind}:${r.speakerId.toLowerCase()}`))
  return { ...plan, changes: plan.changes.filter((c) => open.has(`${c.kind}:${c.speakerId.toLowerCase()}`)) }
}

/** The send-speakers flow for the open task. */
export const useSpeakerSyncStore = defineStore('speaker-sync', () => {
  const phase = ref<SyncPhase>('planning')
  const reply = shallowRef<SpeakerPlanReply | null>(null)
  const result = shallowRef<SpeakerApplyResult | null>(null)
  const error = ref<ErrorData | null>(null)

  const canRetry = computed(() => result.value?.results.some((r) => unfinished.has(r.outcome)) ?? false)

  /** Asks for the preview with the editor's current speakers and merges. */
  async function plan(taskId: number, workspaceId: number | null, model: TranscriptModel): Promise<void> {
    phase.value = 'planning'
    result.value = null
    error.value = null
    const outcome = await sdte().invoke['speakers:plan']({
      taskId,
      ...(workspaceId !== null && workspaceId > 0 ? { workspaceId } : {}),
      speakers: draftSpeakersOf(model),
      merges: mergesOf(model)
    })
    if (!outcome.ok) {
      error.value = outcome.error
      phase.value = 'error'
      return
    }
    reply.value = outcome.value
    phase.value = 'preview'
  }

  async function send(p: SpeakerPlan): Promise<void> {
    phase.value = 'sending'
    // The plan goes back as main returned it; only the compiler's readonly differs from the request type.
    const outcome = await sdte().invoke['speakers:apply']({ plan: p as RequestOf<'speakers:apply'>['plan'] })
    if (!outcome.ok) {
      error.value = outcome.error
      phase.value = 'error'
      return
    }
    // A retry reports only the retried changes: keep the earlier successes in the list.
    const earlier = result.value?.results.filter((r) => !unfinished.has(r.outcome)) ?? []
    result.value = { ...outcome.value, results: [...earlier, ...outcome.value.results] }
    phase.value = 'result'
  }

  /** Sends the previewed plan. */
  function apply(): Promise<void> {
    return reply.value ? send(reply.value.plan) : Promise.resolve()
  }

  /** Sends again only what failed, was not attempted or got no answer. */
  function retry(): Promise<void> {
    return reply.value && result.value ? send(retryPlan(reply.value.plan, result.value)) : Promise.resolve()
  }

  return { phase, reply, result, error, canRetry, plan, apply, retry }
})
