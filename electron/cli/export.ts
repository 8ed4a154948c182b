import { join, resolve } from 'node:path'
import { toErrorData } from '../../shared/errors'
import type { ExportKind, TaskRef } from '../../shared/api/endpoints'
import type { ApiServices } from '../services/api/create-services'
import type { Command } from './args'
import { exitCodeFor, exitCodes, worstExitCode } from './exit-codes'
import type { ExportFormat, FormatInput } from './format-types'
import { getFormat, resolveFormat } from './formats'
import { readInputFile } from './input-file'
import { errorLine, refLabel, retryNotice, writeOutput, writeOutputFile } from './io'
import type { CliIo } from './io'
import { createCliServices } from './services'
import { UsageError } from './usage-error'

/*
 * `sdte export`: one task, a batch of tasks (each to `<outDir>/<id>.<ext>`), or a saved export
 * or draft (`--input`), rendered in one of the formats of formats.ts.
 */

/** A parsed `sdte export` command. */
export type ExportCommand = Extract<Command, { command: 'export' }>

/** Runs `sdte export`; failures throw (`UsageError` or an `AppError`) for `main` to report. */
export async function runExport(command: ExportCommand, io: CliIo): Promise<number> {
  const source = command.source
  if (source.type === 'input') return exportFromInput(command, source.path, io)

  const kind: ExportKind = command.kind ?? 'transcript'
  const format = checkedFormat(command.format, kind)
  const services = createCliServices(command, io)
  try {
    if (source.type === 'batch') return await exportBatch(command, source.taskIds, kind, format, services, io)
    const ref: TaskRef = source.type === 'task' ? { taskId: source.taskId } : { externalId: source.externalId }
    const content = await fetchAndRender(services, kind, ref, format, command, io)
    await writeOutput(command.out, content, io)
    return exitCodes.ok
  } finally {
    services.logger.info('sdte export finished')
  }
}

async function fetchAndRender(services: ApiServices, kind: ExportKind, ref: TaskRef, format: ExportFormat, command: ExportCommand, io: CliIo): Promise<string | Uint8Array> {
  const fetched = await services.api.fetchExport(kind, ref, { signal: io.signal, onRetry: retryNotice(io, refLabel(ref)) })
  const input = { kind, raw: fetched.raw, data: fetched.data, preset: command.preset, options: command.subtitles, csvRaw: command.csvRaw } as FormatInput
  return format.render(input)
}

/** The `--tasks` batch: bounded concurrency over one token; also run by `sdte export --list-filter`. */
export async function exportBatch(command: ExportCommand, taskIds: readonly number[], kind: ExportKind, format: ExportFormat, services: ApiServices, io: CliIo): Promise<number> {
  const outDir = resolve(io.cwd, command.outDir as string)
  const codes: number[] = []
  let next = 0
  let authFailed = false
  // Workers pull from one queue; all share one AuthService, hence one token request.
  const worker = async () => {
    while (next < taskIds.length && !authFailed && !io.signal?.aborted) {
      const taskId = taskIds[next++]
      try {
        const content = await fetchAndRender(services, kind, { taskId }, format, command, io)
        const path = join(outDir, `${taskId}.${format.extension}`)
        await writeOutputFile(path, content)
        io.stdout.write(`wrote ${path}\n`)
        codes.push(exitCodes.ok)
      } catch (error) {
        const data = toErrorData(error)
        if (data.code === 'unauthorized') {
          // Every remaining task would fail the same way: say it once and stop.
          if (!authFailed) io.stderr.write(errorLine(data.message))
          authFailed = true
        } else if (data.code !== 'cancelled') {
          // A message that already names the task ("task 7 has no transcript yet") is not prefixed again.
          io.stderr.write(errorLine(data.message, data.message.startsWith(`task ${taskId} `) ? 'sdte: ' : `sdte: task ${taskId}: `))
        }
        codes.push(exitCodeFor(data.code))
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(command.concurrency, taskIds.length) }, worker))
  if (io.signal?.aborted) {
    io.stderr.write('sdte: interrupted\n')
    codes.push(exitCodes.interrupted)
  }
  return worstExitCode(codes)
}

async function exportFromInput(command: ExportCommand, path: string, io: CliIo): Promise<number> {
  // Only `json` writes the file's text; for the others it is dropped once parsed (peak memory).
  const input = await readInputFile(path, command.kind, io.cwd, { keepRaw: getFormat(command.format)?.usesRaw === true })
  const format = checkedFormat(command.format, input.kind)
  // What happened to the reviewer's cue decisions goes to stderr; stdout stays the file alone.
  const notice = (message: string): void => void io.stderr.write(`sdte: cue decision: ${message}\n`)
  if (input.kind === 'transcript' && format.name !== 'json' && format.name !== 'txt' && format.name !== 'docx') for (const message of input.decisionNotices ?? []) notice(message)
  const content = await format.render({ ...input, preset: command.preset, options: command.subtitles, csvRaw: command.csvRaw, ...(input.kind === 'transcript' ? { onDecisionNotice: notice } : {}) } as FormatInput)
  await writeOutput(command.out, content, io)
  return exitCodes.ok
}

/** The format for `name` and `kind`; a usage error says why not. */
export function checkedFormat(name: string, kind: ExportKind): ExportFormat {
  const format = resolveFormat(name, kind)
  if (typeof format === 'string') throw new UsageError(format)
  return format
}
