import type { z } from 'zod'
import { AppError } from '../errors'
import { describeSchemaError } from './schema-issues'
import { transcriptExportSchema } from './transcript-export'
import type { TranscriptExport } from './transcript-export'
import { documentExportSchema } from './document-export'
import type { DocumentExport } from './document-export'

/** Validates a parsed body against `schema`; a mismatch becomes `invalid_response` naming the field path. */
export function parseWith<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body)
  if (!result.success) throw new AppError('invalid_response', `The ${what} is not in the expected shape: ${describeSchemaError(result.error)}`)
  return result.data
}

/** A transcript export validated by schema, or `invalid_response`. */
export function parseTranscriptExport(body: unknown): TranscriptExport {
  return parseWith(transcriptExportSchema, body, 'transcript export')
}

/** A document export validated by schema, or `invalid_response`. */
export function parseDocumentExport(body: unknown): DocumentExport {
  return parseWith(documentExportSchema, body, 'document export')
}
