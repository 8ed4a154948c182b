import type { TaskListItem, WorkspaceItem } from '../../../shared/api/task-list'
import { taskKindOf, type TaskKindInfo } from '../../../shared/api/task-kind'
import { toErrorData } from '../../../shared/errors'
import type { PlatformClient } from '../../services/api/platform-client'
import { maxPageSize } from '../../../shared/api/task-list'
import { parseArgs } from '../args'
import { exitCodes } from '../exit-codes'
import { resolveFormat } from '../formats'
import { UsageError } from '../usage-error'
import type { CliIo } from '../io'
import type { CliHooks } from './index'
import { parseListFilter, type ListCommand } from './platform-args'

/*
 * `sdte list` (a table for people, JSON lines for scripts) and `sdte export --list-filter`
 * (every listed task through the `--tasks` batch export: same concurrency, one token).
 */

/** Runs `sdte list`. */
export async function runList(command: ListCommand, io: CliIo, hooks: CliHooks): Promise<number> {
  const services = hooks.createServices(command, io)
  const { platform } = services
  const workspaces = await workspacesFor(platform, io)
  if (command.all) {
    const items = await platform.listAllTasks(command.filters, command.pageSize, { signal: io.signal })
    print(withKinds(items, workspaces), command.json, io)
    if (!command.json) io.stdout.write(`${items.length} task${items.length === 1 ? '' : 's'}\n`)
    return exitCodes.ok
  }
  const page = await platform.listTasks(command.filters, command.page, command.pageSize, { signal: io.signal })
  print(withKinds(page.items, workspaces), command.json, io)
  if (page.unreadable > 0) io.stderr.write(`sdte: ${page.unreadable} entr${page.unreadable === 1 ? 'y' : 'ies'} of the page had no task id and were left out\n`)
  if (!command.json) {
    const total = page.total !== null ? `, ${page.total} in all` : ''
    io.stdout.write(`page ${page.page}${total}${page.hasMore ? `; next: --page ${page.page + 1}` : ''}\n`)
  }
  return exitCodes.ok
}

/** A listed task with its kind (docs/api.md "Transcript or document task"). */
type KindedItem = TaskListItem & { readonly kind: TaskKindInfo['kind']; readonly kindReason: string }

/** The tenant's workspaces, to tell transcript from document tasks; none (every kind unknown) when they cannot be read. */
async function workspacesFor(platform: PlatformClient, io: CliIo): Promise<readonly WorkspaceItem[]> {
  try {
    return await platform.listWorkspaces({ signal: io.signal })
  } catch (error) {
    if (io.signal?.aborted) throw error
    io.stderr.write(`sdte: the workspaces could not be read (${toErrorData(error).message}); every task's kind is shown as unknown\n`)
    return []
  }
}

function withKinds(items: readonly TaskListItem[], workspaces: readonly WorkspaceItem[]): KindedItem[] {
  return items.map((item) => {
    const { kind, reason } = taskKindOf(item.workspaceId, workspaces)
    return { ...item, kind, kindReason: reason }
  })
}

function print(items: readonly KindedItem[], json: boolean, io: CliIo): void {
  if (json) {
    for (const item of items) io.stdout.write(`${JSON.stringify(item)}\n`)
    return
  }
  const rows = [
    ['TASK', 'NO.', 'EXTERNAL ID', 'STATUS', 'INTEGRATION', 'OURS', 'CREATED', 'MIN', 'KIND', 'NAME'],
    ...items.map((t) => [
      String(t.taskId),
      t.taskNumber === null ? '-' : String(t.taskNumber),
      t.externalId ?? '-',
      t.status.text,
      t.integrationStatus.text,
      t.externalStatus ?? '-',
      t.createdOn ? t.createdOn.slice(0, 16).replace('T', ' ') : '-',
      t.lengthMinutes === null ? '-' : String(t.lengthMinutes),
      t.kind,
      // A name is the server's text: one line in a table.
      t.name.replace(/\s+/g, ' ')
    ])
  ]
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  for (const row of rows) io.stdout.write(`${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')}\n`)
}

/** Runs `sdte export --list-filter "<query>" …`: the list query's tasks through the batch export. */
export async function runListExport(args: readonly string[], io: CliIo, hooks: CliHooks): Promise<number> {
  const rest: string[] = []
  let query: string | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--list-filter' || arg.startsWith('--list-filter=')) {
      if (query !== undefined) throw new UsageError('--list-filter given twice')
      query = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i]
      if (query === undefined) throw new UsageError('--list-filter needs a query, e.g. "external-status=never" (or "" for every task)')
      continue
    }
    rest.push(arg)
  }
  const filters = parseListFilter(query ?? '')
  for (const source of ['--task', '--tasks', '--external-id', '--input']) {
    if (rest.some((a) => a === source || a.startsWith(`${source}=`))) throw new UsageError(`give either --list-filter or ${source}, not both`)
  }
  if (!rest.some((a) => a === '--out-dir' || a.startsWith('--out-dir='))) throw new UsageError('--list-filter needs --out-dir <dir> (one file per task)')
  // The list stands in for --tasks: the batch export checks every other option exactly as for --tasks.
  const command = parseArgs(['export', '--tasks', '1', ...rest])
  if (command.command !== 'export') throw new UsageError('--list-filter is an option of sdte export')
  const format = resolveFormat(command.format, command.kind ?? 'transcript')
  if (typeof format === 'string') throw new UsageError(format)
  const services = hooks.createServices(command, io)
  const items = await services.platform.listAllTasks(filters, maxPageSize, { signal: io.signal })
  if (items.length === 0) {
    io.stderr.write('sdte: the list query matched no task; nothing exported\n')
    return exitCodes.ok
  }
  io.stdout.write(`${items.length} task${items.length === 1 ? '' : 's'} listed\n`)
  const kind = command.kind ?? 'transcript'
  const { taskIds, skipped } = ofKind(withKinds(items, await workspacesFor(services.platform, io)), kind)
  if (skipped.length) {
    // A batch mixes workspaces: a task of the other kind is left out, not failed (its export
    // would only answer "is a document task"); an unknown kind is still tried.
    const other = kind === 'transcript' ? 'document' : 'transcript'
    const ids = skipped.slice(0, 10).join(', ') + (skipped.length > 10 ? ', …' : '')
    io.stderr.write(`sdte: skipped ${skipped.length} ${other} task${skipped.length === 1 ? '' : 's'} (${ids}); export ${skipped.length === 1 ? 'it' : 'them'} with --kind ${other}\n`)
  }
  if (taskIds.length === 0) {
    io.stderr.write(`sdte: no listed task is a ${kind} task; nothing exported\n`)
    return exitCodes.ok
  }
  return hooks.exportTasks(command, taskIds, services, io)
}

/** The listed tasks to export as `kind`, and those known to be of the other kind. */
function ofKind(items: readonly KindedItem[], kind: 'transcript' | 'document'): { taskIds: number[]; skipped: number[] } {
  const taskIds: number[] = []
  const skipped: number[] = []
  for (const item of items) (item.kind === 'unknown' || item.kind === kind ? taskIds : skipped).push(item.taskId)
  return { taskIds, skipped }
}
