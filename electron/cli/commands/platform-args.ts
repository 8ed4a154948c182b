import type { TaskListFilters } from '../../../shared/api/task-list'
import { defaultPageSize, maxPageSize } from '../../../shared/api/task-list'
import { UsageError } from '../usage-error'

/*
 * Arguments of the platform commands: `sdte list`, `sdte speakers pull|push`, `sdte mark`, and
 * the list query of `sdte export --list-filter`. Like args.ts: every option known up front, a
 * typo is a usage error; list filters may repeat.
 */

/** Options common to network commands (as in args.ts). */
export interface NetworkOptions {
  readonly baseUrl?: string
  readonly timeoutMs?: number
  readonly logDir?: string
}

/** `sdte list`. */
export interface ListCommand extends NetworkOptions {
  readonly command: 'list'
  readonly filters: TaskListFilters
  readonly page: number
  readonly pageSize: number
  readonly all: boolean
  readonly json: boolean
}

/** `sdte speakers pull|push`. */
export interface SpeakersCommand extends NetworkOptions {
  readonly command: 'speakers'
  readonly action: 'pull' | 'push'
  readonly taskId: number
  readonly workspaceId?: number
  readonly input?: string
  readonly dryRun: boolean
  readonly json: boolean
}

/** `sdte mark`. */
export interface MarkCommand extends NetworkOptions {
  readonly command: 'mark'
  readonly ref: { readonly taskId: number } | { readonly externalId: string }
  readonly value: string
}

/** The default review-status value `sdte mark` sets. */
export const defaultMarkValue = 'reviewed'

const networkValues = ['base-url', 'timeout', 'log-dir']
const filterValues = ['workspace', 'status', 'integration-status', 'external-status', 'from', 'to', 'sort']
const repeatable = new Set(['workspace', 'status', 'integration-status'])

/** Parsed options: each name with its values in order. */
export type Options = Map<string, string[]>

/** Reads `--name value` / `--name=value` pairs, and `flags` without a value (also used by `sdte diff`). */
export function readOptions(args: readonly string[], values: readonly string[], flags: readonly string[]): Options {
  const opts: Options = new Map()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`)
    const eq = arg.indexOf('=')
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
    if (flags.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`)
      opts.set(name, [''])
      continue
    }
    if (!values.includes(name)) throw new UsageError(`unknown option --${name} (see sdte --help)`)
    let value: string | undefined
    if (eq !== -1) value = arg.slice(eq + 1)
    else {
      value = args[i + 1]
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`)
      i++
    }
    if (value === '') throw new UsageError(`--${name} needs a value`)
    const seen = opts.get(name)
    if (seen && !repeatable.has(name)) throw new UsageError(`--${name} given twice`)
    opts.set(name, [...(seen ?? []), value])
  }
  return opts
}

/** The first value of an option, if given. */
export const one = (opts: Options, name: string) => opts.get(name)?.[0]

/** A whole number in [min, max], else a usage error naming the option. */
export function wholeNumber(text: string, name: string, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(max < Number.MAX_SAFE_INTEGER ? `${name} must be a whole number from ${min} to ${max}, not "${text}"` : `${name} must be a whole number of at least ${min}, not "${text}"`)
  }
  return n
}

/** A date for a filter: `YYYY-MM-DD` (start of day, or end of day for `to`) or a full ISO-8601 time. */
export function filterDate(text: string, name: string, endOfDay: boolean): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))) return `${text}T${endOfDay ? '23:59:59' : '00:00:00'}Z`
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text))) return new Date(text).toISOString().replace('.000Z', 'Z')
  throw new UsageError(`${name} must be a date (2026-03-01) or a time (2026-03-01T12:00:00Z), not "${text}"`)
}

function readFilters(opts: Options, prefix: string): TaskListFilters {
  const external = one(opts, 'external-status')
  if (external !== undefined && external.trim().length > 32) throw new UsageError(`${prefix}external-status may have at most 32 characters`)
  const from = one(opts, 'from')
  const to = one(opts, 'to')
  const sort = one(opts, 'sort')
  if (sort !== undefined && !/^[A-Za-z][A-Za-z0-9]{0,40}$/.test(sort)) throw new UsageError(`${prefix}sort must be a field name such as createdOn, not "${sort}"`)
  return {
    ...(opts.has('workspace') ? { workspaceIds: opts.get('workspace')!.map((v) => wholeNumber(v, `${prefix}workspace`)) } : {}),
    ...(opts.has('status') ? { taskStatuses: opts.get('status')!.map((v) => wholeNumber(v, `${prefix}status`, 0)) } : {}),
    ...(opts.has('integration-status') ? { integrationStatuses: opts.get('integration-status')!.map((v) => wholeNumber(v, `${prefix}integration-status`, 0)) } : {}),
    ...(external !== undefined ? { externalStatus: external.trim() } : {}),
    ...(from !== undefined ? { from: filterDate(from, `${prefix}from`, false) } : {}),
    ...(to !== undefined ? { to: filterDate(to, `${prefix}to`, true) } : {}),
    ...(sort !== undefined ? { sort } : {})
  }
}

/** The network options (base URL, timeout, log folder) from parsed options. */
export function network(opts: Options): NetworkOptions {
  const timeout = one(opts, 'timeout')
  if (timeout !== undefined && !(Number(timeout) > 0)) throw new UsageError(`--timeout must be a positive number of seconds, not "${timeout}"`)
  return { baseUrl: one(opts, 'base-url'), timeoutMs: timeout !== undefined ? Number(timeout) * 1000 : undefined, logDir: one(opts, 'log-dir') }
}

/** Parses `sdte list …` (argv after "list"). */
export function parseListArgs(args: readonly string[]): ListCommand {
  const opts = readOptions(args, [...networkValues, ...filterValues, 'page', 'page-size'], ['all', 'json'])
  const all = opts.has('all')
  if (all && opts.has('page')) throw new UsageError('--all lists every page; leave out --page')
  return {
    command: 'list',
    ...network(opts),
    filters: readFilters(opts, '--'),
    page: opts.has('page') ? wholeNumber(one(opts, 'page')!, '--page') : 1,
    pageSize: opts.has('page-size') ? wholeNumber(one(opts, 'page-size')!, '--page-size', 1, maxPageSize) : all ? maxPageSize : defaultPageSize,
    all,
    json: opts.has('json')
  }
}

/**
 * The query of `sdte export --list-filter "<query>"`: the list options as a URL query without
 * dashes in front, e.g. `workspace=3&workspace=4&external-status=never&from=2026-01-01`.
 */
export function parseListFilter(query: string): TaskListFilters {
  const args: string[] = []
  for (const [key, value] of new URLSearchParams(query)) {
    if (!filterValues.includes(key)) throw new UsageError(`--list-filter: unknown filter "${key}"; use ${filterValues.join(', ')}`)
    args.push(`--${key}=${value}`)
  }
  return readFilters(readOptions(args, filterValues, []), '--list-filter ')
}

/** Parses `sdte speakers pull|push …` (argv after "speakers"). */
export function parseSpeakersArgs(args: readonly string[]): SpeakersCommand {
  const [action, ...rest] = args
  if (action !== 'pull' && action !== 'push') throw new UsageError('use "sdte speakers pull --task <id>" or "sdte speakers push --task <id> --input <draft>"')
  const opts = readOptions(rest, [...networkValues, 'task', 'workspace', 'input'], action === 'push' ? ['dry-run', 'json'] : ['json'])
  const task = one(opts, 'task')
  if (task === undefined) throw new UsageError(`sdte speakers ${action} needs --task <id>`)
  if (action === 'push' && !opts.has('input')) throw new UsageError('sdte speakers push needs --input <draft or export file> (the speakers to send)')
  const workspace = one(opts, 'workspace')
  return {
    command: 'speakers',
    action,
    ...network(opts),
    taskId: wholeNumber(task, '--task'),
    ...(workspace !== undefined ? { workspaceId: wholeNumber(workspace, '--workspace') } : {}),
    input: one(opts, 'input'),
    dryRun: opts.has('dry-run'),
    json: opts.has('json')
  }
}

/** Parses `sdte mark …` (argv after "mark"). */
export function parseMarkArgs(args: readonly string[]): MarkCommand {
  const opts = readOptions(args, [...networkValues, 'task', 'external-id', 'status'], [])
  const task = one(opts, 'task')
  const external = one(opts, 'external-id')
  if ((task === undefined) === (external === undefined)) throw new UsageError('sdte mark takes one of --task <id> or --external-id <id>')
  const value = (one(opts, 'status') ?? defaultMarkValue).trim()
  if (value === '' || value.length > 32) throw new UsageError('--status must be 1 to 32 characters')
  return { command: 'mark', ...network(opts), ref: task !== undefined ? { taskId: wholeNumber(task, '--task') } : { externalId: external! }, value }
}

/** The help text of the platform commands (appended to `sdte --help`). */
export const platformHelpText = `
Platform workflow:
  sdte list [--workspace <id>]… [--status <n>]… [--integration-status <n>]… [--external-status <s>]
            [--from <date>] [--to <date>] [--sort <field>] [--page <n>] [--page-size <n>] [--all] [--json]
      tasks on the platform: a table, or one JSON object per line with --json. Repeated options
      mean "any of". --external-status never: not yet marked by us. Dates: 2026-03-01 or ISO-8601.
  sdte export --list-filter "<query>" --format <fmt> --out-dir <dir> [--concurrency <n>] [subtitle options]
      exports every task the list query returns (all pages), as --tasks does. The query takes the
      list options without dashes, e.g. "workspace=3&workspace=4&external-status=never&from=2026-01-01".
      Tasks known to be of the other kind (a document task under --kind transcript, the default)
      are left out and named on stderr; a task whose kind is unknown is tried.
  sdte speakers pull --task <id> [--workspace <id>] [--json]
      the task's speakers on the platform.
  sdte speakers push --task <id> --input <draft|export.json> [--workspace <id>] [--dry-run] [--json]
      sends the file's speakers: adds, renames (name, prefix, suffix), removes and merges, after
      comparing with the platform's list. --dry-run prints the plan only. Nothing is sent twice:
      run it again after a partial failure and it does only what is left.
  sdte mark --task <id> | --external-id <id> [--status <value>]
      sets the task's external integration status (default "${defaultMarkValue}", at most 32 characters).
  A 403 on a change means this account may read but not change that workspace (exit 3).
`
