import { describeTaskRef } from '../../../shared/api/endpoints'
import { exitCodes } from '../exit-codes'
import type { CliIo } from '../io'
import type { CliHooks } from './index'
import type { MarkCommand } from './platform-args'

/** Runs `sdte mark`: sets the task's external integration status (smartdocumentor-api.md §7.2). */
export async function runMark(command: MarkCommand, io: CliIo, hooks: CliHooks): Promise<number> {
  const services = hooks.createServices(command, io)
  const done = await services.platform.markReviewed(command.ref, command.value, { signal: io.signal })
  io.stdout.write(`task with ${describeTaskRef(command.ref)} marked "${done.value}"\n`)
  return exitCodes.ok
}
