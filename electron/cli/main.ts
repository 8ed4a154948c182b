import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { AppError, toErrorData } from '../../shared/errors'
import { hasControlChars, isHeaderSafeToken, stripBearer } from '../../shared/api/credential-chars'
import type { ExportKind, TaskRef } from '../../shared/api/endpoints'
import { writeFileAtomic } from '../services/fs/atomic-write'
import { describeFsError } from '../services/fs/fs-error'
import { sweepStaleTemps } from '../services/fs/temp-files'
import { createApiServices, type ApiServices } from '../services/api/create-services'
import type { RetryInfo } from '../services/api/retry'
import { createMemorySecretStore } from '../services/auth/secret-store'
import { createMemoryKeyValueStore } from '../services/settings/key-value-store'
import { defaultBaseUrl, validateBaseUrl } from '../services/settings/settings-service'
import { createFileLogger } from '../services/logging/file-logger'
import { nullLogger } from '../services/logging/logger'
import { helpText, parseArgs, UsageError, type Command } from './args'
import { exitCodeFor, exitCodes, worstExitCode } from './exit-codes'
import { resolveFormat, type ExportFormat, type FormatInput } from './formats'
import { runQc, setQcRunner } from './qc'
import { readInputFile } from './input-file'
import { runQcReport } from './qc-report'
import { platformHelpText, runPlatformCommand } from './commands'
import './transcript-formats'
import './document-formats'

setQcRunner(runQcReport)

/*
 * `sdte`: the same services as the app (auth, API client, atomic writer), no Electron.
 * Every failure is one line on stderr and an exit code; nothing partial is left on disk.
 */

/** What the CLI touches outside itself; tests pass their own. */
export interface CliIo {
  readonly stdout: { write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): boolean }
  readonly stderr: { write(chunk: string): boolean }
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  readonly fetch?: typeof fetch
  /** Aborts the run (Ctrl+C). */
  readonly signal?: AbortSignal
}

const version = '0.1.0'

/** Runs `sdte` with `argv` (no node/script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // list, speakers, mark and export --list-filter (electron/cli/commands).
  const platform = runPlatformCommand(argv, io, {
    createServices: createCliServices,
    exportTasks: (c, taskIds, services, cliIo) => exportBatch(c, taskIds, c.kind ?? 'transcript', checkedFormat(c.format, c.kind ?? 'transcript'), services, cliIo),
    errorLine
  })
  if (platform) return platform
  let command: Command
  try {
    command = parseArgs(argv)
  } catch (error) {
    if (error instanceof UsageError) return fail(io, exitCodes.usage, error.message)
    throw error
  }
  if (command.command === 'help') {
    io.stdout.write(helpText + platformHelpText)
    return exitCodes.ok
  }
  if (command.command === 'version') {
    io.stdout.write(`sdte ${version}\n`)
    return exitCodes.ok
  }
  if (command.command === 'qc') return runQc(command, io)
  try {
    return await runExport(command, io)
  } catch (error) {
    if (error instanceof UsageError) return fail(io, exitCodes.usage, error.message)
    const data = toErrorData(error)
    return fail(io, exitCodeFor(data.code), data.message)
  }
}

type ExportCommand = Extract<Command, { command: 'export' }>

async function runExport(command: ExportCommand, io: CliIo): Promise<number> {
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

/** Builds the services with credentials from the environment; usage or auth failures throw. */
export function createCliServices(command: { baseUrl?: string; timeoutMs?: number; logDir?: string }, io: CliIo): ApiServices {
  const baseUrlText = command.baseUrl ?? io.env.SDTE_BASE_URL ?? defaultBaseUrl
  const checked = validateBaseUrl(baseUrlText)
  if (!checked.ok) throw new UsageError(checked.message)
  const logDir = command.logDir ?? io.env.SDTE_LOG_DIR ?? join(io.env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'sdte', 'logs')
  const services = createApiServices({
    fetch: io.fetch,
    // The CLI never persists credentials: they come from the environment on every run.
    secretStore: createMemorySecretStore(false),
    settingsStore: createMemoryKeyValueStore(),
    baseUrlOverride: checked.value,
    timeoutMs: command.timeoutMs,
    logger: (redactor) => {
      try {
        return createFileLogger({ dir: resolve(io.cwd, logDir), redactor })
      } catch {
        return nullLogger
      }
    }
  })
  const clientId = io.env.SDTE_CLIENT_ID?.trim()
  const clientSecret = io.env.SDTE_CLIENT_SECRET?.trim()
  const token = io.env.SDTE_TOKEN?.trim()
  // Checked before use: a token with a line break would otherwise reach stderr inside the HTTP
  // library's header error. The message names the variable, never its value.
  if (token && !isHeaderSafeToken(stripBearer(token))) throw new UsageError('SDTE_TOKEN contains a line break, space or other character a token cannot have; set it to the token alone')
  if ((clientId && hasControlChars(clientId)) || (clientSecret && hasControlChars(clientSecret))) {
    throw new UsageError('SDTE_CLIENT_ID or SDTE_CLIENT_SECRET contains a line break or control character; set each to the value alone')
  }
  if (clientId && clientSecret) services.auth.useCredentials({ mode: 'client-credentials', clientId, clientSecret })
  else if (clientId || clientSecret) throw new UsageError('set both SDTE_CLIENT_ID and SDTE_CLIENT_SECRET (or SDTE_TOKEN)')
  else if (token) services.auth.useCredentials({ mode: 'token', accessToken: token })
  else throw new AppError('unauthorized', 'no credentials: set SDTE_CLIENT_ID and SDTE_CLIENT_SECRET, or SDTE_TOKEN')
  services.logger.info('sdte started', { baseUrl: checked.value, mode: clientId ? 'client-credentials' : 'token' })
  return services
}

/**
 * The retry callback of a CLI request: while it waits out a server's Retry-After (a second or
 * more) it says so in one stderr line, instead of up to a minute of silence; its own short
 * backoffs stay quiet.
 */
export function retryNotice(io: CliIo, what: string): (info: RetryInfo) => void {
  let said = false
  return (info) => {
    // A wait under a second is no silence to explain; one line per request keeps stderr short.
    if (info.retryAfterMs === null || info.retryAfterMs < 1000 || said) return
    said = true
    io.stderr.write(errorLine(`${what}: the server asked to wait ${Math.ceil(info.retryAfterMs / 1000)} s (${info.reason}); waiting, then retrying (retry ${info.attempt})`))
  }
}

/** "task 41" or "external id X", for progress lines. */
function refLabel(ref: TaskRef): string {
  return ref.taskId !== undefined ? `task ${ref.taskId}` : `external id ${ref.externalId ?? ''}`
}

async function fetchAndRender(services: ApiServices, kind: ExportKind, ref: TaskRef, format: ExportFormat, command: ExportCommand, io: CliIo): Promise<string | Uint8Array> {
  const fetched = await services.api.fetchExport(kind, ref, { signal: io.signal, onRetry: retryNotice(io, refLabel(ref)) })
  const input = { kind, raw: fetched.raw, data: fetched.data, preset: command.preset, options: command.subtitles, csvRaw: command.csvRaw } as FormatInput
  return format.render(input)
}

async function exportBatch(command: ExportCommand, taskIds: readonly number[], kind: ExportKind, format: ExportFormat, services: ApiServices, io: CliIo): Promise<number> {
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
        await writeFile(path, content)
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
  const input = await readInputFile(path, command.kind, io.cwd)
  const format = checkedFormat(command.format, input.kind)
  const content = await format.render({ ...input, preset: command.preset, options: command.subtitles, csvRaw: command.csvRaw } as FormatInput)
  await writeOutput(command.out, content, io)
  return exitCodes.ok
}

function checkedFormat(name: string, kind: ExportKind): ExportFormat {
  const format = resolveFormat(name, kind)
  if (typeof format === 'string') throw new UsageError(format)
  return format
}

async function writeOutput(out: string | undefined, content: string | Uint8Array, io: CliIo): Promise<void> {
  if (out === undefined || out === '-') {
    await new Promise<void>((resolveWrite, reject) => {
      io.stdout.write(content, (error) => (error ? reject(new AppError('io', `cannot write to stdout: ${error.message}`)) : resolveWrite()))
    })
    return
  }
  await writeFile(resolve(io.cwd, out), content)
}

// Folders already swept by this run (a batch writes many files into one).
const sweptFolders = new Set<string>()

async function writeFile(path: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(path)
  if (!sweptFolders.has(folder)) {
    sweptFolders.add(folder)
    // A killed earlier run may have left a big hidden temp here: removed once its pid is gone.
    await sweepStaleTemps(folder)
  }
  try {
    await writeFileAtomic(path, content)
  } catch (error) {
    throw new AppError('io', await describeFsError(error, path))
  }
}

function fail(io: CliIo, code: number, message: string): number {
  io.stderr.write(errorLine(message))
  return code
}

/**
 * An error as the one line `sdte` promises on stderr: messages can quote a server's or a
 * library's text, which may hold line breaks.
 */
export function errorLine(message: string, prefix = 'sdte: '): string {
  return `${prefix}${message.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`
}

/** Runs `sdte` on the real process: argv, env, stdio, Ctrl+C; sets `process.exitCode`. */
export async function runFromProcess(): Promise<void> {
  const controller = new AbortController()
  process.once('SIGINT', () => controller.abort())
  process.stdout.on('error', () => undefined)
  const code = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal
  })
  process.exitCode = code
}
