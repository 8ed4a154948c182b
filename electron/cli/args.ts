import type { ExportKind } from '../../shared/api/endpoints'
import type { WriteOptions } from '../../shared/subtitles'
import { readSubtitleOptions, subtitleFlagOptions, subtitleOptionsHelp, subtitleValueOptions } from './subtitle-options'
import { UsageError } from './usage-error'

/*
 * Argument parsing for `sdte`, hand-rolled to keep the CLI dependency-free: `--name value` or
 * `--name=value`, every option known up front so a typo is a usage error, not silently ignored.
 */

export { UsageError }

/** Where the export comes from. */
export type ExportSource =
  | { readonly type: 'task'; readonly taskId: number }
  | { readonly type: 'external'; readonly externalId: string }
  | { readonly type: 'input'; readonly path: string }
  | { readonly type: 'batch'; readonly taskIds: readonly number[] }

/** Options common to network commands. */
export interface CommonOptions {
  readonly baseUrl?: string
  readonly timeoutMs?: number
  readonly logDir?: string
}

/** A parsed command line. */
export type Command =
  | { readonly command: 'help'; readonly topic?: 'export' | 'qc' }
  | { readonly command: 'version' }
  | (CommonOptions & {
      readonly command: 'export'
      readonly source: ExportSource
      readonly format: string
      readonly kind?: ExportKind
      readonly preset?: string
      /** Preset name, its overrides and the format options, checked against the app's limits. */
      readonly subtitles: WriteOptions
      /** A file path, '-' for stdout; undefined means stdout. */
      readonly out?: string
      readonly outDir?: string
      readonly concurrency: number
      /** CSV cells exactly as extracted, without the spreadsheet-formula guard (for machine consumers). */
      readonly csvRaw: boolean
    })
  | (CommonOptions & {
      readonly command: 'qc'
      readonly source: Exclude<ExportSource, { type: 'batch' }>
      readonly preset?: string
      /** Preset name and overrides, checked against the app's limits. */
      readonly subtitles: WriteOptions
      /** Print the report as JSON for machines. */
      readonly json: boolean
      readonly kind?: ExportKind
    })

const valueOptions = new Set(['task', 'external-id', 'input', 'tasks', 'format', 'kind', 'preset', 'out', 'out-dir', 'concurrency', 'base-url', 'timeout', 'log-dir', ...subtitleValueOptions])
const flagOptions = new Set(['help', 'json', 'csv-raw', ...subtitleFlagOptions])

/** Default number of tasks fetched at once in a batch. */
export const defaultConcurrency = 4

/** The --concurrency range: more than 32 requests at once only gets a batch rate-limited. */
export const concurrencyRange = { min: 1, max: 32 } as const

/** The --timeout range in seconds: under a second no export arrives; over an hour is a hang. */
export const timeoutRangeSeconds = { min: 1, max: 3600 } as const

/** The longest external id the API takes (the app's open dialog has the same limit). */
export const maxExternalIdLength = 200

/** Parses `argv` (without node and the script); throws UsageError. */
export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = rest[0]
    return { command: 'help', topic: topic === 'export' || topic === 'qc' ? topic : undefined }
  }
  if (command === '--version' || command === '-v') return { command: 'version' }
  if (command !== 'export' && command !== 'qc') throw new UsageError(`unknown command "${command}"; use "sdte export" or "sdte qc" (see sdte --help)`)
  const opts = readOptions(rest)
  if (opts.has('help')) return { command: 'help', topic: command }

  const common: CommonOptions = {
    baseUrl: opts.get('base-url'),
    timeoutMs: opts.has('timeout') ? Math.round(numberInRange(opts.get('timeout') as string, '--timeout', timeoutRangeSeconds, 'seconds') * 1000) : undefined,
    logDir: opts.get('log-dir')
  }
  const kindText = opts.get('kind')
  if (kindText !== undefined && kindText !== 'transcript' && kindText !== 'document') throw new UsageError(`--kind must be "transcript" or "document", not "${kindText}"`)
  const kind = kindText as ExportKind | undefined

  const sources = ['task', 'external-id', 'input', 'tasks'].filter((name) => opts.has(name))
  if (command === 'qc') {
    if (sources.includes('tasks')) throw new UsageError('sdte qc takes one task: --task <id>, --external-id <id> or --input <file>')
    const source = oneSource(opts, sources)
    if (source.type === 'batch') throw new UsageError('sdte qc takes one task')
    for (const name of ['format', 'out', 'out-dir', 'concurrency', 'csv-raw']) if (opts.has(name)) throw new UsageError(`--${name} does not apply to sdte qc`)
    const subtitles = readSubtitleOptions(opts, opts.get('preset'), { command: 'qc' })
    return { command: 'qc', ...common, source, preset: opts.get('preset'), subtitles, kind, json: opts.has('json') }
  }

  if (opts.has('json')) throw new UsageError('--json applies to sdte qc; for exports use --format json')
  const source = oneSource(opts, sources)
  const format = opts.get('format')
  if (format === undefined) throw new UsageError('--format is required (e.g. --format json)')
  const concurrency = opts.has('concurrency') ? integerInRange(opts.get('concurrency') as string, '--concurrency', concurrencyRange) : defaultConcurrency
  if (source.type === 'batch') {
    if (!opts.has('out-dir')) throw new UsageError('--tasks needs --out-dir <dir> (one file per task)')
    if (opts.has('out')) throw new UsageError('--out is for one task; with --tasks use --out-dir')
  } else {
    if (opts.has('out-dir')) throw new UsageError('--out-dir is for --tasks; for one task use --out <file> or --out -')
    if (opts.has('concurrency')) throw new UsageError('--concurrency applies only to --tasks')
  }
  if (opts.has('csv-raw') && format !== 'csv') throw new UsageError('--csv-raw applies only to --format csv')
  const subtitles = readSubtitleOptions(opts, opts.get('preset'), { command: 'export', format })
  return { command: 'export', ...common, source, format, kind, preset: opts.get('preset'), subtitles, out: opts.get('out'), outDir: opts.get('out-dir'), concurrency, csvRaw: opts.has('csv-raw') }
}

function readOptions(args: readonly string[]): Map<string, string> {
  const opts = new Map<string, string>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '-h') {
      opts.set('help', '')
      continue
    }
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`)
    const eq = arg.indexOf('=')
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
    if (flagOptions.has(name)) {
      opts.set(name, '')
      continue
    }
    if (!valueOptions.has(name)) throw new UsageError(`unknown option --${name} (see sdte --help)`)
    if (opts.has(name)) throw new UsageError(`--${name} given twice`)
    let value: string | undefined
    if (eq !== -1) value = arg.slice(eq + 1)
    else {
      value = args[i + 1]
      // "-" alone is a value (stdout), other dash-words are the next option.
      if (value === undefined || (value.startsWith('--') && value !== '-')) throw new UsageError(`--${name} needs a value`)
      i++
    }
    if (value === '') throw new UsageError(`--${name} needs a value`)
    opts.set(name, value)
  }
  return opts
}

function oneSource(opts: Map<string, string>, sources: string[]): ExportSource {
  if (sources.length === 0) throw new UsageError('say which task: --task <id>, --external-id <id>, --input <file> or --tasks <id,id,...>')
  if (sources.length > 1) throw new UsageError(`give only one of --task, --external-id, --input, --tasks (got ${sources.map((s) => `--${s}`).join(', ')})`)
  const name = sources[0]
  const value = opts.get(name) as string
  switch (name) {
    case 'task':
      return { type: 'task', taskId: taskId(value) }
    case 'external-id': {
      // Trimmed like the app's open dialog: a pasted id often carries a space or a line break.
      const externalId = value.trim()
      if (externalId === '') throw new UsageError('--external-id needs a value')
      if (externalId.length > maxExternalIdLength) throw new UsageError(`--external-id is at most ${maxExternalIdLength} characters`)
      return { type: 'external', externalId }
    }
    case 'input':
      return { type: 'input', path: value }
    default: {
      const ids = value.split(',').map((s) => s.trim()).filter((s) => s !== '')
      if (ids.length === 0) throw new UsageError('--tasks needs at least one task id')
      return { type: 'batch', taskIds: [...new Set(ids.map(taskId))] }
    }
  }
}

function taskId(text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) <= 0) throw new UsageError(`"${text}" is not a task id (a positive whole number); for your own ids use --external-id`)
  return Number(text)
}

function integerInRange(text: string, name: string, range: { min: number; max: number }): number {
  const n = Number(text.trim())
  if (text.trim() === '' || !Number.isSafeInteger(n) || n < range.min || n > range.max) throw new UsageError(`${name} must be a whole number from ${range.min} to ${range.max}, not "${text}"`)
  return n
}

function numberInRange(text: string, name: string, range: { min: number; max: number }, unit: string): number {
  const n = Number(text.trim())
  if (text.trim() === '' || !Number.isFinite(n) || n < range.min || n > range.max) throw new UsageError(`${name} must be from ${range.min} to ${range.max} ${unit}, not "${text}"`)
  return n
}

/** The `--help` text (also `sdte export --help` and `sdte qc --help`). */
export const helpText = `sdte — fetch SmartDocumentor tasks and export them

Usage:
  sdte export --task <id> | --external-id <id> | --input <export.json>
              --format <fmt> [--kind transcript|document] [--preset <name>] [subtitle options]
              [--out <file>|-]
  sdte export --tasks <id,id,...> --format <fmt> --out-dir <dir> [--concurrency <n>] [subtitle options]
  sdte qc     --task <id> | --external-id <id> | --input <file> [--preset <name>] [subtitle options] [--json]

Options:
  --kind transcript|document     which export endpoint (default transcript)
  --format <fmt>                 srt, vtt, ttml, sbv, ass (subtitles), txt, docx (transcripts),
                                 json (exactly what the server sent; a draft exports with its edits),
                                 csv (document tasks: one row per extracted value or cell)
  --preset <name>                subtitle rules: netflix-en (default), bbc, web
  --json                         sdte qc: the report as JSON (with every number it judged against)
  --out <file>|-                 output file, or - for stdout (the default)
  --out-dir <dir>                batch output folder: <taskId>.<ext> per task
  --csv-raw                      csv: cells exactly as extracted; by default a cell that starts
                                 with = + - @ (and is not a number), a tab or CR gets a leading '
                                 so spreadsheets do not run it as a formula
  --concurrency <n>              tasks fetched at once in a batch, ${concurrencyRange.min} to ${concurrencyRange.max} (default ${defaultConcurrency})
  --base-url <url>               API base URL (else $SDTE_BASE_URL, else https://cloud.smartdocumentor.net)
  --timeout <seconds>            per-request timeout, ${timeoutRangeSeconds.min} to ${timeoutRangeSeconds.max} (default 30)
  --log-dir <dir>                log folder (else $SDTE_LOG_DIR, else ~/.local/state/sdte/logs); secrets are redacted

${subtitleOptionsHelp()}

Examples:
  sdte export --task 41003 --format srt --preset bbc --out hearing.srt
  sdte export --input draft.json --format vtt --max-chars 32 --cps 17 --fps 25 --start-offset 10:00:00:00
  sdte export --task 41003 --format srt --speaker-style new-cue --speaker-labels on --annotations cues
  sdte qc --task 41003 --max-chars 32 --min-duration 1 --json

Credentials (environment):
  SDTE_CLIENT_ID + SDTE_CLIENT_SECRET   client-credentials sign-in (preferred)
  SDTE_TOKEN                            a pasted access token

Exit codes:
  0 done, 2 usage, 3 authentication failed, 4 task not found, 5 network or server,
  6 invalid data, 7 file system, 130 interrupted
`
