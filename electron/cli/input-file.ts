import { resolve } from 'node:path'
import { AppError } from '../../shared/errors'
import type { ExportKind } from '../../shared/api/endpoints'
import { parseDocumentExport, parseTranscriptExport } from '../../shared/api/parse-export'
import { toTranscriptExport } from '../../shared/transcript'
import type { TranscriptModel } from '../../shared/transcript'
import { reanchorCueDecisions } from '../../shared/transcript/cue-decisions'
import type { FormatInput } from './format-types'
import { describeFsError } from '../services/fs/fs-error'
import { replayJournal } from '../services/drafts/draft-journal'
import { unpackDraftSources } from '../services/drafts/draft-sources'
import { readJsonText } from '../services/files/json-text'

/*
 * `--input <file>`: a saved export (transcript or document, as the API sends it) or an app
 * draft (`{ version, taskId, exportHash, savedAt, document }` whose document is the edited
 * transcript model). A draft exports with the reviewer's edits.
 */

/** How `readInputFile` reads. */
export interface InputOptions {
  /**
   * False when the format will not write the raw text (all but `json`): `raw` is then '' and the
   * file's text is dropped as soon as it is parsed, not held beside the parsed export.
   */
  readonly keepRaw?: boolean
}

/** Reads and validates an input file; the result is ready for a format's `render`. */
export async function readInputFile(path: string, kind: ExportKind | undefined, cwd: string, options: InputOptions = {}): Promise<FormatInput> {
  let raw: string
  try {
    // A byte order mark is not part of the JSON: `--format json` must write text a JSON parser reads.
    raw = await readJsonText(resolve(cwd, path))
  } catch (error) {
    throw new AppError('io', await describeFsError(error, path, 'read'))
  }
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch {
    throw new AppError('invalid_response', `${path} is not valid JSON`)
  }
  // The text is as big as the file: let it go before validating and rendering unless it is the output.
  if (options.keepRaw === false) raw = ''
  if (isDraft(body)) {
    if (kind === 'document') throw new AppError('invalid_response', `${path} is a transcript draft, not a document export`)
    // Segments' and words' sources named by place in the draft's export (draft-sources.ts).
    try {
      body.document = unpackDraftSources(body.document) as typeof body.document
    } catch (error) {
      throw new AppError('invalid_response', `${path} is a draft whose transcript cannot be read: ${(error as Error).message}`)
    }
    // The app autosaves edits to a journal beside the draft (`<draft>.journal`) between full saves.
    const replayed = await replayJournal(resolve(cwd, path), (body as { generation?: string }).generation, body.document).catch(async (error: unknown) => {
      // Exporting without the journalled edits would silently drop the reviewer's latest work.
      throw new AppError('io', `The edit journal beside ${path} could not be read: ${await describeFsError(error, `${path}.journal`, 'read')}`)
    })
    // Journalled edits that deleted a decision's word: the decision moves or drops, as in the app.
    const reanchored = reanchorCueDecisions(body.document as unknown as TranscriptModel, replayed.document as unknown as TranscriptModel)
    const model = reanchored.model
    let data
    try {
      data = parseTranscriptExport(toTranscriptExport(model))
    } catch (error) {
      throw new AppError('invalid_response', `${path} is a draft whose transcript cannot be read: ${(error as Error).message}`)
    }
    const decisionNotices = reanchored.notices.map((n) => n.message)
    return { kind: 'transcript', raw: JSON.stringify(data, null, 2) + '\n', data, model, ...(decisionNotices.length ? { decisionNotices } : {}) }
  }
  const detected = kind ?? detectKind(body)
  return detected === 'transcript'
    ? { kind: 'transcript', raw, data: parseTranscriptExport(body) }
    : { kind: 'document', raw, data: parseDocumentExport(body) }
}

/** A draft file written by the app (electron/services/drafts). */
function isDraft(body: unknown): body is { taskId: unknown; exportHash: string; document: { segments: unknown[]; source: unknown } } {
  if (!body || typeof body !== 'object') return false
  const b = body as Record<string, unknown>
  const doc = b['document'] as Record<string, unknown> | undefined
  return typeof b['exportHash'] === 'string' && 'savedAt' in b && !!doc && typeof doc === 'object' && Array.isArray(doc['segments']) && typeof doc['source'] === 'object'
}

/** A document export has `chunks`/`totalPages`; anything else is read as a transcript export. */
function detectKind(body: unknown): ExportKind {
  if (body && typeof body === 'object' && !('transcript' in body) && ('chunks' in body || 'totalPages' in body)) return 'document'
  return 'transcript'
}
