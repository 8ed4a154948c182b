import { toErrorData } from '../../shared/errors'
import { helpText, parseArgs, UsageError, type Command } from './args'
import { exitCodeFor, exitCodes } from './exit-codes'
import { checkedFormat, exportBatch, runExport } from './export'
import { errorLine, fail } from './io'
import { createCliServices } from './services'
import { diffHelpText, platformHelpText, runPlatformCommand } from './commands'
import type { CliIo } from './io'
import { runQcReport } from './qc-report'

/*
 * `sdte`: the same services as the app (auth, API client, atomic writer), no Electron.
 * Every failure is one line on stderr and an exit code; nothing partial is left on disk.
 * This file only dispatches: each command lives in its own module and takes (command, io).
 */

const version = '0.1.0'

/** Runs `sdte` with `argv` (no node/script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // list, speakers, mark, diff and export --list-filter (electron/cli/commands).
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
  try {
    return await dispatch(command, io)
  } catch (error) {
    if (error instanceof UsageError) return fail(io, exitCodes.usage, error.message)
    const data = toErrorData(error)
    return fail(io, exitCodeFor(data.code), data.message)
  }
}

/** Runs one parsed command; a thrown `UsageError` or `AppError` is reported by `main`. */
function dispatch(command: Command, io: CliIo): Promise<number> {
  switch (command.command) {
    case 'help':
      io.stdout.write(helpText + platformHelpText + diffHelpText)
      return Promise.resolve(exitCodes.ok)
    case 'version':
      io.stdout.write(`sdte ${version}\n`)
      return Promise.resolve(exitCodes.ok)
    case 'qc':
      return runQcReport(command, io)
    case 'export':
      return runExport(command, io)
  }
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
