import { createHash } from 'node:crypto'
import { AppError } from '../../../shared/errors'

/*
 * Cache entries are keyed by where the export came from as well as its task id: task 41003 of
 * one SmartDocumentor is not task 41003 of another, and an export opened from a file (which
 * anyone can write, with any task id and any URL) must never fill the entry a server task later
 * plays. The kinds have distinct prefixes, so no file-opened key can equal a server key.
 */

/** Where an opened export came from. */
export type ExportSource =
  | { readonly kind: 'api'; readonly apiBaseUrl: string }
  | { readonly kind: 'file'; readonly exportHash: string }
  | { readonly kind: 'sample' }

function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)
}

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

/** The cache key of a task: `api-<origin hash>-<id>`, `file-<export hash>-<id>` or `sample-<id>`. */
export function cacheKeyFor(source: ExportSource, taskId: number): string {
  const id = String(Math.trunc(taskId))
  switch (source.kind) {
    case 'api':
      return `api-${shortHash(originOf(source.apiBaseUrl))}-${id}`
    case 'file':
      return `file-${source.exportHash.slice(0, 16)}-${id}`
    case 'sample':
      return `sample-${id}`
  }
}

/**
 * The folder name for a cache key. Anything that could climb out of the cache folder (`..`,
 * slashes) is refused.
 */
export function cacheDirName(key: string | number): string {
  const name = String(key)
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new AppError('bad_request', `Not a valid task id: ${JSON.stringify(name).slice(0, 80)}`)
  return name
}
