import { exportFormats, formatInfo, writeFormat } from '../../../shared/subtitles'
import type { ExportFormat, WriteOptions } from '../../../shared/subtitles'
import type { TranscriptModel } from '../../../shared/transcript'
import type { ErrorData } from '../../../shared/errors'
import { sdte } from './bridge'
import { t } from '../i18n'

/** A format's human name, in the reviewer's language (read when shown). */
export function formatLabel(format: ExportFormat): string {
  return t(`export.formatLabels.${format}`)
}

/** Every format, in the dialog's order. */
export const allFormats: readonly ExportFormat[] = exportFormats

/** What happened to one format's file. */
export type ExportOutcome =
  | { readonly format: ExportFormat; readonly status: 'saved'; readonly path: string }
  | { readonly format: ExportFormat; readonly status: 'cancelled' }
  | { readonly format: ExportFormat; readonly status: 'failed'; readonly error: ErrorData }

/** A file name from the task's name: no path separators or characters Windows refuses. */
export function safeFileName(name: string): string {
  const printable = [...name].filter((c) => c.charCodeAt(0) >= 0x20).join('')
  const cleaned = printable.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '')
  return (cleaned || 'transcript').slice(0, 120)
}

/** Bytes as base64, for IPC payloads (binary formats such as DOCX). */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  // Chunks keep String.fromCharCode's argument list short on large DOCX files.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Writes each format and saves it through main (system save dialog; atomic write; the dialog
 * asks before replacing a file). One dialog per format, in order; a cancel skips that format.
 */
export async function exportFiles(model: TranscriptModel, formats: readonly ExportFormat[], options: WriteOptions, baseName: string): Promise<ExportOutcome[]> {
  const outcomes: ExportOutcome[] = []
  for (const format of formats) {
    let content: string | Uint8Array
    try {
      content = (await writeFormat(format, model, options)).content
    } catch (error) {
      outcomes.push({ format, status: 'failed', error: { code: 'bad_request', message: (error as Error).message } })
      continue
    }
    const info = formatInfo[format]
    const result = await sdte().invoke['files:save']({
      suggestedName: `${safeFileName(baseName)}.${info.extension}`,
      content: typeof content === 'string' ? content : { base64: toBase64(content) },
      filter: { name: formatLabel(format), extensions: [info.extension] }
    })
    if (!result.ok) outcomes.push({ format, status: 'failed', error: result.error })
    else if (result.value === null) outcomes.push({ format, status: 'cancelled' })
    else outcomes.push({ format, status: 'saved', path: result.value.path })
  }
  return outcomes
}
