import type { ExportKind } from '../../shared/api/endpoints'
import type { TranscriptExport } from '../../shared/api/transcript-export'
import type { DocumentExport } from '../../shared/api/document-export'
import type { TranscriptModel } from '../../shared/transcript/model'
import type { WriteOptions } from '../../shared/subtitles'

/*
 * Output formats of `sdte export`, as a registry: `json` is built in; the subtitle and document
 * formats (srt, vtt, ttml, sbv, ass, txt, docx) are registered by the export pipeline when it
 * lands. A name in `plannedFormats` that is not registered yet is a usage error that says so.
 */

/** What a format renders from. */
export type FormatInput =
  | {
      readonly kind: 'transcript'
      readonly raw: string
      readonly data: TranscriptExport
      readonly preset?: string
      /** Preset, overrides and format options from the command line (they include `preset`). */
      readonly options?: WriteOptions
      /** The edited model, when the input was a saved draft. */
      readonly model?: TranscriptModel
    }
  | {
      readonly kind: 'document'
      readonly raw: string
      readonly data: DocumentExport
      readonly preset?: string
      readonly options?: WriteOptions
      /** CSV cells as extracted, without the formula guard (`--csv-raw`). */
      readonly csvRaw?: boolean
    }

/** One output format. */
export interface ExportFormat {
  readonly name: string
  /** File extension (no dot) used for batch output names. */
  readonly extension: string
  /** The task kinds it can render. */
  readonly kinds: readonly ExportKind[]
  /** The file content; `raw` is the exact JSON text the server (or --input) gave. */
  render(input: FormatInput): string | Uint8Array | Promise<string | Uint8Array>
}

/** The transcript formats `sdte` names (docs/subtitles.md#formats); document CSV registers itself. */
export const plannedFormats = ['srt', 'vtt', 'ttml', 'sbv', 'ass', 'txt', 'docx', 'json'] as const

const registry = new Map<string, ExportFormat>()

/** Adds (or replaces) a format. */
export function registerFormat(format: ExportFormat): void {
  registry.set(format.name, format)
}

/** The registered format called `name`, if any. */
export function getFormat(name: string): ExportFormat | undefined {
  return registry.get(name)
}

/** Names of the registered formats, sorted. */
export function availableFormats(): string[] {
  return [...registry.keys()].sort()
}

/** The format for `name` and `kind`, or a usage message saying why not. */
export function resolveFormat(name: string, kind: ExportKind): ExportFormat | string {
  const format = registry.get(name)
  if (!format) {
    const known = (plannedFormats as readonly string[]).includes(name)
    return known
      ? `format "${name}" is not available in this build yet; available: ${availableFormats().join(', ')}`
      : `unknown format "${name}"; use one of: ${availableFormats().join(', ')}`
  }
  if (!format.kinds.includes(kind)) return `format "${name}" cannot render a ${kind} task; for ${kind} tasks use: ${availableFormats().filter((n) => registry.get(n)?.kinds.includes(kind)).join(', ')}`
  return format
}

// JSON is exactly what the server sent: the raw body, byte for byte, never re-serialised.
registerFormat({ name: 'json', extension: 'json', kinds: ['transcript', 'document'], render: (input) => input.raw })
