import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '../../../shared/errors'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import { transcriptExportSchema } from '../../../shared/api/transcript-export'
import { describeSchemaError } from '../../../shared/api/schema-issues'
import { shareEqualWordLists } from '../../../shared/api/share-word-lists'
import type { DocumentExport } from '../../../shared/api/document-export'
import { maxExportDepth, parseDocumentExport, stripBom, tooDeepAt } from '../../../shared/api/parse-export'
import { fastTranscriptExport } from '../../../shared/api/fast-export-check'
import { markSameOriginals } from '../../../shared/api/same-original-words'
import type { MarkedOriginals } from '../../../shared/api/same-original-words'
import { readJsonText } from './json-text'

/** Files larger than this are refused before reading (the 2-hour export is about 3 MB). */
const maxExportBytes = 512 * 1024 * 1024

/** A saved transcript export read from disk and validated. */
export interface ExportFile {
  readonly fileName: string
  readonly data: TranscriptExport
}

/**
 * Reads a saved transcript export (or a draft file that wraps one under `document.source`
 * is handled by the drafts service) and validates it, with a message that names the file
 * and the first offending field.
 */
export async function readTranscriptExportFile(path: string): Promise<ExportFile> {
  const fileName = basename(path)
  let text: string
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new AppError('bad_request', `${fileName} is not a file.`, { reason: 'is_folder', params: { path: fileName } })
    if (info.size > maxExportBytes) throw new AppError('bad_request', `${fileName} is too large to be a transcript export.`, { reason: 'file_too_large', params: { file: fileName } })
    text = await readJsonText(path)
  } catch (error) {
    if (error instanceof AppError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new AppError('not_found', `${fileName} does not exist.`, { reason: 'file_not_found', params: { path: fileName } })
    throw new AppError('io', `Could not read ${fileName}: ${(error as Error).message}`, { cause: error, reason: 'read_failed', params: { path: fileName } })
  }
  return { fileName, data: parseTranscriptExport(text, fileName) }
}

/** Parses and validates export JSON text; `invalid_response` names what is wrong. */
export function parseTranscriptExport(text: string, sourceName: string): TranscriptExport {
  return parseMarkedExport(stripBom(text)) ?? parseWholeTranscriptExport(text, sourceName)
}

/**
 * The export from its text with the repeated original word lists left out (same-original-words.ts),
 * or null when that does not apply or is not plainly valid (the whole text is parsed then).
 */
function parseMarkedExport(text: string): TranscriptExport | null {
  let marked: MarkedOriginals | null = markSameOriginals(text)
  if (!marked) return null
  const { marker, count } = marked
  let json: unknown
  try {
    json = JSON.parse(marked.text)
  } catch {
    // Not JSON: the whole text's parse says where, in its own words.
    return null
  } finally {
    // The marked text (a third of a big export) can go while the export is checked.
    marked = null
  }
  return fastTranscriptExport(json, { marker, count })
}

/** `parseTranscriptExport` parsing the whole text (the way for anything not plainly valid, and the reference for tests). */
export function parseWholeTranscriptExport(text: string, sourceName: string): TranscriptExport {
  const json = parseJsonText(text, sourceName)
  // The common valid export checked in one walk (fast-export-check.ts); else the usual way, for its messages.
  const fast = fastTranscriptExport(json)
  if (fast) return fast
  const deep = tooDeepAt(json)
  if (deep !== null) throw new AppError('invalid_response', `${sourceName} nests values more than ${maxExportDepth} levels deep (at ${deep}); it cannot be opened safely.`, { reason: 'not_an_export', params: { file: sourceName } })
  const parsed = transcriptExportSchema.safeParse(json)
  if (!parsed.success) {
    throw new AppError('invalid_response', `${sourceName} is not a transcript export: ${describeSchemaError(parsed.error)}`, { reason: 'not_an_export', params: { file: sourceName } })
  }
  // Equal displayWords/originalWords share their words: half the memory and the IPC copy (share-word-lists.ts).
  return shareEqualWordLists(parsed.data)
}

/**
 * Parses and validates a saved document export's text. A UTF-8 byte order mark (editors and
 * Windows tools write one) is not JSON and is skipped, as for transcript exports.
 */
export function parseDocumentExportText(text: string, sourceName: string): DocumentExport {
  const json = parseJsonText(text, sourceName)
  return parseDocumentExport(json)
}

/** JSON of a saved file, its byte order mark skipped; `invalid_response` names the file. */
function parseJsonText(text: string, sourceName: string): unknown {
  try {
    return JSON.parse(stripBom(text))
  } catch (error) {
    throw new AppError('invalid_response', `${sourceName} is not valid JSON (${(error as Error).message}).`, { reason: 'not_an_export', params: { file: sourceName } })
  }
}
