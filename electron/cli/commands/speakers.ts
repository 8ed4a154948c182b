import { AppError } from '../../../shared/errors'
import { describeChange, draftSpeakersOf, mergesOf } from '../../../shared/api/speakers'
import { normaliseTranscript } from '../../../shared/transcript'
import type { ApiServices } from '../../services/api/create-services'
import { applySpeakerPlan, planSpeakers, summariseApply } from '../../services/api/speaker-sync'
import { exitCodeFor, exitCodes, worstExitCode } from '../exit-codes'
import { readInputFile } from '../input-file'
import { UsageError } from '../usage-error'
import type { CliIo } from '../io'
import type { CliHooks } from './index'
import type { SpeakersCommand } from './platform-args'

/*
 * `sdte speakers pull|push`: the task's speakers on the platform, and sending a draft's (or an
 * export file's) speakers back: plan against a fresh GET, print it, apply unless --dry-run.
 */

/** Runs `sdte speakers pull` or `push`. */
export async function runSpeakers(command: SpeakersCommand, io: CliIo, hooks: CliHooks): Promise<number> {
  // The file is read first: a wrong file is a usage mistake, found before any request.
  const draft = command.action === 'push' ? await readDraft(command, io.cwd) : null
  const services = hooks.createServices(command, io)
  const workspaceId = command.workspaceId ?? (await workspaceOf(services, command.taskId, io))
  if (draft === null) {
    const speakers = await services.platform.getTaskSpeakers(command.taskId, workspaceId, { signal: io.signal })
    for (const s of speakers) {
      io.stdout.write(command.json ? `${JSON.stringify(s)}\n` : `${s.speakerId}  ${[s.prefix, s.name, s.suffix].filter((p) => p !== '').join(' ')}${s.isDefault ? '  (default)' : ''}\n`)
    }
    return exitCodes.ok
  }
  const plan = await planSpeakers(services.platform, command.taskId, workspaceId, draft.speakers, draft.merges, { signal: io.signal })
  if (command.dryRun) {
    if (command.json) io.stdout.write(`${JSON.stringify(plan)}\n`)
    else {
      io.stdout.write(`${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'} to send to task ${plan.taskId} (workspace ${plan.workspaceId}); ${plan.unchanged} speaker${plan.unchanged === 1 ? '' : 's'} already match\n`)
      for (const change of plan.changes) io.stdout.write(`  ${describeChange(change)}\n`)
      io.stdout.write('dry run: nothing sent\n')
    }
    return exitCodes.ok
  }
  const result = await applySpeakerPlan(services.platform, plan, { signal: io.signal })
  if (command.json) io.stdout.write(`${JSON.stringify(result)}\n`)
  else for (const line of summariseApply(result)) io.stdout.write(`${line}\n`)
  if (result.complete) return exitCodes.ok
  const problems = result.results.filter((r) => r.code !== undefined)
  for (const r of problems) io.stderr.write(`sdte: ${r.outcome === 'unknown' ? 'unknown outcome' : 'not changed'}: ${describeChange(plan.changes.find((c) => c.speakerId === r.speakerId)!)}: ${(r.message ?? '').replace(/\s*[\r\n]+\s*/g, ' ')}\n`)
  return worstExitCode([exitCodes.network, ...problems.map((r) => exitCodeFor(r.code!))])
}

async function workspaceOf(services: ApiServices, taskId: number, io: CliIo): Promise<number> {
  const task = await services.platform.lookupTask({ taskId }, { signal: io.signal })
  if (task.workspaceId === null) throw new AppError('invalid_response', `The server did not say which workspace task ${taskId} is in; give --workspace <id>`)
  return task.workspaceId
}

/** The speakers (and merges) of a draft file or a transcript export file. */
async function readDraft(command: SpeakersCommand, cwd: string) {
  const input = await readInputFile(command.input as string, 'transcript', cwd)
  if (input.kind !== 'transcript') throw new UsageError(`${command.input} is not a transcript`)
  const model = input.model ?? normaliseTranscript(input.data)
  if (model.taskId !== command.taskId) throw new UsageError(`${command.input} is task ${model.taskId}, not --task ${command.taskId}`)
  return { speakers: draftSpeakersOf(model), merges: mergesOf(model) }
}
