import type { ExportKind } from '../../shared/api/endpoints'
import { documentFormats } from './document-formats'
import type { ExportFormat } from './format-types'
import { transcriptFormats } from './transcript-formats'

/*
 * Output formats of `sdte export`: `json` (the raw body, either kind), every transcript format
 * the subtitle module exports (transcript-formats.ts derives them from its `exportFormats`, so a
 * new writer needs no entry here) and the document formats.
 */

export type { ExportFormat, FormatInput } from './format-types'

// JSON is exactly what the server sent: the raw body, byte for byte, never re-serialised.
const rawJson: ExportFormat = { name: 'json', extension: 'json', kinds: ['transcript', 'document'], usesRaw: true, render: (input) => input.raw }

const byName = new Map<string, ExportFormat>([rawJson, ...transcriptFormats, ...documentFormats].map((format) => [format.name, format]))

/** The format called `name`, if any. */
export function getFormat(name: string): ExportFormat | undefined {
  return byName.get(name)
}

/** Names of every format, sorted. */
export function availableFormats(): string[] {
  return [...byName.keys()].sort()
}

/** The format for `name` and `kind`, or a usage message saying why not. */
export function resolveFormat(name: string, kind: ExportKind): ExportFormat | string {
  const format = byName.get(name)
  if (!format) return `unknown format "${name}"; use one of: ${availableFormats().join(', ')}`
  if (!format.kinds.includes(kind)) return `format "${name}" cannot render a ${kind} task; for ${kind} tasks use: ${availableFormats().filter((n) => byName.get(n)?.kinds.includes(kind)).join(', ')}`
  return format
}
