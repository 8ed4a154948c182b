import type { Command } from './args'
import type { CliIo } from './main'
import { exitCodes } from './exit-codes'

/*
 * `sdte qc`: the subtitle QC report. The arguments are parsed and checked here; the engine
 * belongs to the subtitle pipeline and is plugged in with `setQcRunner` when it lands.
 */

/** Runs QC for a parsed `sdte qc` command; returns the exit code. */
export type QcRunner = (command: Extract<Command, { command: 'qc' }>, io: CliIo) => Promise<number>

let runner: QcRunner | null = null

/** Plugs in the QC engine. */
export function setQcRunner(next: QcRunner | null): void {
  runner = next
}

/** Runs the plugged-in QC engine, or says plainly that this build has none (usage, exit 2). */
export async function runQc(command: Extract<Command, { command: 'qc' }>, io: CliIo): Promise<number> {
  if (runner) return runner(command, io)
  io.stderr.write('sdte: "sdte qc" is not available in this build yet (the subtitle QC engine is not installed)\n')
  return exitCodes.usage
}
