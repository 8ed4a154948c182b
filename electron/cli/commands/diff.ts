import { AppError } from '../../../shared/errors'
import { normaliseTranscript } from '../../../shared/transcript'
import type { TranscriptModel } from '../../../shared/transcript'
import { buildChangeSet, changeSetToCsv, changeSetToJson } from '../../../shared/review/change-set'
import { heardMs, normaliseCoverage } from '../../../shared/review/coverage'
import { resolve } from 'node:path'
import { readReviewStateBeside } from '../../services/drafts/review-state-store'
import { maxExternalIdLength } from '../args'
import { exitCodes } from '../exit-codes'
import { readInputFile } from '../input-file'
import { refLabel, retryNotice, writeOutput } from '../io'
import type { CliIo } from '../io'
import { UsageError } from '../usage-error'
import type { CliHooks } from './index'
import { network, one, readOptions, wholeNumber, type NetworkOptions } from './platform-args'

/*
 * `sdte diff`: the change set (docs/change-set.md) of a task as the server has it, of a saved
 * export, or of an app draft — the recogniser's words against the reviewed transcript, with
 * WER. Audio heard and time spent are app-session facts: for a draft they come from its
 * review-state sidecar beside it (`<taskId>.review.json`); otherwise "not tracked" (null).
 */

/** `sdte diff`. */
export interface DiffCommand extends NetworkOptions {
  readonly command: 'diff'
  readonly source: { readonly taskId: number } | { readonly externalId: string } | { readonly input: string }
  readonly format: 'json' | 'csv'
  readonly out?: string
}

/** Help lines of `sdte diff` (part of the platform help). */
export const diffHelpText = `
Change set:
  sdte diff --task <id> | --external-id <id> | --input <draft|export.json> [--format json|csv] [--out <file>|-]
      what review changed: the recogniser's words (originalWords) against the reviewed text —
      substitutions, deletions, insertions with times and speakers, word error rate overall and
      per speaker — plus speaker reassignments, retimed segments and annotation changes against
      the task as loaded. JSON (versioned schema, docs/change-set.md) by default, or CSV.
`

/** Parses `sdte diff …` (argv after "diff"). */
export function parseDiffArgs(args: readonly string[]): DiffCommand {
  const opts = readOptions(args, ['base-url', 'timeout', 'log-dir', 'task', 'external-id', 'input', 'format', 'out'], [])
  const given = ['task', 'external-id', 'input'].filter((k) => opts.has(k))
  if (given.length !== 1) throw new UsageError('sdte diff takes one of --task <id>, --external-id <id> or --input <file>')
  const format = one(opts, 'format') ?? 'json'
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, not "${format}"`)
  const task = one(opts, 'task')
  const external = one(opts, 'external-id')?.trim()
  if (external === '') throw new UsageError('--external-id needs a value')
  if (external !== undefined && external.length > maxExternalIdLength) throw new UsageError(`--external-id may have at most ${maxExternalIdLength} characters`)
  const source = task !== undefined ? { taskId: wholeNumber(task, '--task') } : external !== undefined ? { externalId: external } : { input: one(opts, 'input')! }
  return { command: 'diff', ...network(opts), source, format, out: one(opts, 'out') }
}

async function loadModel(command: DiffCommand, io: CliIo, hooks: CliHooks): Promise<TranscriptModel> {
  if ('input' in command.source) {
    const input = await readInputFile(command.source.input, undefined, io.cwd)
    if (input.kind !== 'transcript') throw new AppError('invalid_response', `${command.source.input} is a document export; sdte diff compares transcripts`)
    return input.model ?? normaliseTranscript(input.data)
  }
  const ref = command.source
  const services = hooks.createServices(command, io)
  return normaliseTranscript(await services.api.getTranscriptExport(ref, { signal: io.signal, onRetry: retryNotice(io, refLabel(ref)) }))
}

/** Runs `sdte diff` and writes the change set. */
export async function runDiff(command: DiffCommand, io: CliIo, hooks: CliHooks): Promise<number> {
  const model = await loadModel(command, io, hooks)
  const session = 'input' in command.source ? await sessionFacts(resolve(io.cwd, command.source.input), model, io) : {}
  let set
  try {
    set = buildChangeSet(model, { createdAt: new Date().toISOString(), ...session })
  } catch (error) {
    // A hand-edited draft can pass the export check yet not hold a usable model.
    const what = 'input' in command.source ? command.source.input : `task ${'taskId' in command.source ? command.source.taskId : command.source.externalId}`
    throw new AppError('invalid_response', `${what}: cannot compare its words: ${(error as Error).message}`)
  }
  await writeOutput(command.out, command.format === 'csv' ? changeSetToCsv(set) : changeSetToJson(set), io)
  return exitCodes.ok
}

/** Audio heard and time spent from a draft's review-state sidecar; none (not tracked) when it has none. */
async function sessionFacts(path: string, model: TranscriptModel, io: CliIo): Promise<{ heardMs?: number; timeSpentMs?: number }> {
  const found = await readReviewStateBeside(path, model.taskId)
  // An unreadable sidecar costs only those two figures: said on stderr, the change set still written.
  if (found.problem) io.stderr.write(`sdte: warning: ${found.problem.message} Audio heard and time spent are left out.\n`)
  if (!found.state) return {}
  return { heardMs: heardMs(normaliseCoverage(found.state.heard), model.durationMs), timeSpentMs: found.state.activeMs }
}
