import { toErrorData } from '../../../shared/errors'
import type { ApiServices } from '../../services/api/create-services'
import type { Command } from '../args'
import { exitCodeFor, exitCodes } from '../exit-codes'
import { UsageError } from '../usage-error'
import type { CliIo } from '../io'
import { runList, runListExport } from './list'
import { runMark } from './mark'
import { parseDiffArgs, runDiff, diffHelpText } from './diff'
import { parseListArgs, parseMarkArgs, parseSpeakersArgs, platformHelpText, type NetworkOptions } from './platform-args'
import { runSpeakers } from './speakers'

export { platformHelpText } from './platform-args'
export { diffHelpText } from './diff'

/*
 * The platform commands' entry: `sdte list`, `sdte speakers`, `sdte mark`, `sdte diff` and
 * `sdte export --list-filter`. main.ts hands over here first; what main owns (building the
 * services from the environment, the batch export, the one-line error) comes in as hooks, so
 * this folder never imports main at run time.
 */

/** What the platform commands borrow from main.ts. */
export interface CliHooks {
  createServices(command: NetworkOptions, io: CliIo): ApiServices
  /** The `--tasks` batch export for a parsed export command and the listed task ids. */
  exportTasks(command: Extract<Command, { command: 'export' }>, taskIds: readonly number[], services: ApiServices, io: CliIo): Promise<number>
  errorLine(message: string, prefix?: string): string
}

/** Runs a platform command, or returns null when `argv` is none (main carries on). */
export function runPlatformCommand(argv: readonly string[], io: CliIo, hooks: CliHooks): Promise<number> | null {
  const [name, ...rest] = argv
  let run: (() => Promise<number>) | null = null
  if (name === 'list') run = () => runList(parseListArgs(rest), io, hooks)
  else if (name === 'speakers') run = () => runSpeakers(parseSpeakersArgs(rest), io, hooks)
  else if (name === 'mark') run = () => runMark(parseMarkArgs(rest), io, hooks)
  else if (name === 'diff') run = () => runDiff(parseDiffArgs(rest), io, hooks)
  else if (name === 'export' && rest.some((a) => a === '--list-filter' || a.startsWith('--list-filter='))) run = () => runListExport(rest, io, hooks)
  if (run === null) return null
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(name === 'diff' ? diffHelpText : platformHelpText)
    return Promise.resolve(exitCodes.ok)
  }
  return guarded(run, io, hooks)
}

async function guarded(run: () => Promise<number>, io: CliIo, hooks: CliHooks): Promise<number> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(hooks.errorLine(error.message))
      return exitCodes.usage
    }
    const data = toErrorData(error)
    io.stderr.write(hooks.errorLine(data.message))
    return exitCodeFor(data.code)
  }
}
