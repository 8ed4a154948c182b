import type { z } from 'zod'
import { AppError } from '../errors'
import { describeSchemaError } from './schema-issues'
import { transcriptExportSchema } from './transcript-export'
import type { TranscriptExport } from './transcript-export'
import { documentExportSchema } from './document-export'
import { shareEqualWordLists } from './share-word-lists'
import type { DocumentExport } from './document-export'
import { exceedsDepth, maxExportDepth } from './nesting-depth'
import { fastTranscriptExport } from './fast-export-check'

export { maxExportDepth } from './nesting-depth'

/** The path (`metadata.a.a…`) of the first value nested deeper than `limit`, or null; iterative. */
export function tooDeepAt(body: unknown, limit: number = maxExportDepth): string | null {
  // The common case, a body within the limit, is one allocation-free walk (recursion is bounded
  // by the limit); only a body too deep is walked again to name where. Building a path string
  // and a stack entry per value cost 2.3 s on a 50 MB export.
  return exceedsDepth(body, 0, limit) ? deepPathOf(body, limit) : null
}

/** Where `body` first nests `limit` levels deep (a dotted path), or null. */
function deepPathOf(body: unknown, limit: number): string | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: body, depth: 0, path: '' }]
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as { value: unknown; depth: number; path: string }
    if (value === null || typeof value !== 'object') continue
    if (depth >= limit) return path
    for (const [key, member] of Object.entries(value)) {
      // Only the start of a long path is useful in a message.
      const next = path.length > 60 ? path : path === '' ? key : `${path}.${key}`
      stack.push({ value: member, depth: depth + 1, path: next })
    }
  }
  return null
}

/** `text` without a leading UTF-8 byte order mark (editors and Windows tools write one; it is not JSON). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Validates a parsed body against `schema`; a mismatch becomes `invalid_response` naming the field path. */
export function parseWith<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const deep = tooDeepAt(body)
  if (deep !== null) throw new AppError('invalid_response', `The ${what} nests values more than ${maxExportDepth} levels deep (at ${deep}${deep.length > 60 ? '…' : ''}); it cannot be read safely`)
  const result = schema.safeParse(body)
  if (!result.success) throw new AppError('invalid_response', `The ${what} is not in the expected shape: ${describeSchemaError(result.error)}`)
  return result.data
}

/** A transcript export validated by schema (equal word lists shared: share-word-lists.ts), or `invalid_response`. */
export function parseTranscriptExport(body: unknown): TranscriptExport {
  // The common valid export in one walk; anything else the usual way, for its messages.
  return fastTranscriptExport(body) ?? shareEqualWordLists(parseWith(transcriptExportSchema, body, 'transcript export'))
}

/** A document export validated by schema, or `invalid_response`. */
export function parseDocumentExport(body: unknown): DocumentExport {
  return parseWith(documentExportSchema, body, 'document export')
}
