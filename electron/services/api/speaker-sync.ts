import { AppError, toErrorData } from '../../../shared/errors'
import { describeChange, planSpeakerChanges, type DraftSpeaker, type PlatformSpeaker, type SpeakerChange, type SpeakerMerge, type SpeakerPlan } from '../../../shared/api/speakers'
import type { PlatformCallOptions, PlatformClient } from './platform-client'
import { WriteOutcomeUnknown } from './platform-transport'
import type { SpeakerApplyResult, SpeakerResult } from '../../../shared/api/speaker-result'

export type { SpeakerApplyResult, SpeakerOutcome, SpeakerResult } from '../../../shared/api/speaker-result'

/*
 * "Send speakers": plan against a fresh GET, apply with POST / PUT / DELETE one speaker at a
 * time. Applying starts with another fresh GET and does only what is still needed, so a second
 * attempt after a partial failure converges instead of adding a speaker twice. A write whose
 * answer never came is reported as unknown and nothing after it is sent.
 */

/** The plan for a task: the draft's speakers vs a fresh GET of the server's. */
export async function planSpeakers(client: PlatformClient, taskId: number, workspaceId: number, draft: readonly DraftSpeaker[], merges: readonly SpeakerMerge[], options: PlatformCallOptions = {}): Promise<SpeakerPlan> {
  const server = await client.getTaskSpeakers(taskId, workspaceId, options)
  return planSpeakerChanges(taskId, workspaceId, draft, server, merges)
}

/** Which write (if any) a change still needs, given the server's speakers now. */
function stillNeeded(change: SpeakerChange, server: readonly PlatformSpeaker[]): { kind: 'add' | 'rename' | 'remove'; speaker: PlatformSpeaker } | null {
  const current = server.find((s) => s.speakerId.toLowerCase() === change.speakerId.toLowerCase())
  if (change.kind === 'remove' || change.kind === 'merge') return current ? { kind: 'remove', speaker: current } : null
  const after = change.after
  if (!current) return { kind: 'add', speaker: after }
  const same = current.name === after.name && current.prefix === after.prefix && current.suffix === after.suffix
  return same ? null : { kind: 'rename', speaker: { ...after, speakerId: current.speakerId, isDefault: current.isDefault } }
}

/** Applies `plan`, one write per speaker, and says exactly what happened to each. */
export async function applySpeakerPlan(client: PlatformClient, plan: SpeakerPlan, options: PlatformCallOptions = {}): Promise<SpeakerApplyResult> {
  const server = await client.getTaskSpeakers(plan.taskId, plan.workspaceId, options)
  const results: SpeakerResult[] = []
  let stopped: string | null = null
  for (const change of plan.changes) {
    const base = { speakerId: change.speakerId, kind: change.kind, description: describeChange(change) }
    if (stopped !== null) {
      results.push({ ...base, outcome: 'not-attempted', message: stopped })
      continue
    }
    const write = stillNeeded(change, server)
    if (write === null) {
      results.push({ ...base, outcome: 'already' })
      continue
    }
    try {
      await client.writeSpeaker(write.kind, plan.taskId, plan.workspaceId, write.speaker, options)
      results.push({ ...base, outcome: 'done' })
    } catch (error) {
      const data = toErrorData(error)
      if (error instanceof WriteOutcomeUnknown) {
        results.push({ ...base, outcome: 'unknown', message: data.message, code: data.code })
        stopped = 'not sent: an earlier change got no answer'
      } else {
        results.push({ ...base, outcome: 'failed', message: data.message, code: data.code })
        // A refused speaker (400, 404) says nothing about the others; anything else stops the run.
        if (!(error instanceof AppError) || (data.code !== 'bad_request' && data.code !== 'not_found')) stopped = `not sent: an earlier change failed (${data.message})`
      }
    }
  }
  return { taskId: plan.taskId, workspaceId: plan.workspaceId, results, complete: results.every((r) => r.outcome === 'done' || r.outcome === 'already') }
}

/** A short account of a result for people: what changed and what did not. */
export function summariseApply(result: SpeakerApplyResult): string[] {
  const changed = result.results.filter((r) => r.outcome === 'done' || r.outcome === 'already')
  const lines = [`${changed.length} of ${result.results.length} speaker changes are on the server`]
  for (const r of result.results) lines.push(`${r.outcome.padEnd(13)} ${r.description}${r.message ? ` — ${r.message}` : ''}`)
  return lines
}
