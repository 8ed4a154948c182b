import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { randomBytes } from 'node:crypto'
import { AppError } from '../../../shared/errors'
import type { ErrorCode } from '../../../shared/errors'

/*
 * The original file of a document task (a PDF or an image), fetched once from its signed
 * `originalFileUrl` and kept on disk per task, so the page still shows when the link expires.
 * Downloads stream to a temp file that is renamed into place: never a half file under the name.
 */

/** The types the page viewer renders, by Content-Type. */
const documentTypes: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'image/webp': 'webp',
  'image/gif': 'gif'
}
const typeOfExtension: Record<string, string> = Object.fromEntries(Object.entries(documentTypes).map(([t, e]) => [e, t]))

/** A cached document file ready to serve. */
export interface DocumentFile {
  readonly path: string
  readonly contentType: string
  readonly size: number
}

/** Where the task's original file stands; the pane says why a page is missing. */
export type DocumentFileStatus =
  | ({ readonly status: 'ready' } & DocumentFile)
  | { readonly status: 'none' | 'expired' | 'missing' | 'unsupported' }
  | { readonly status: 'error'; readonly code: ErrorCode; readonly message: string }

/** The document file cache (see `createDocumentFileCache`). */
export interface DocumentFileCache {
  /** The cached file, else downloaded now from `url`; never throws. */
  resolve(taskId: number, url: string | null, signal?: AbortSignal): Promise<DocumentFileStatus>
  /** The cached file without touching the network, or null. */
  cached(taskId: number): Promise<DocumentFile | null>
}

/** Makes the cache over a folder. */
export function createDocumentFileCache(ports: { readonly fetch: typeof fetch; readonly cacheDir: string }): DocumentFileCache {
  const dirOf = (taskId: number): string => join(ports.cacheDir, String(Math.trunc(taskId)))

  async function cached(taskId: number): Promise<DocumentFile | null> {
    try {
      const names = await readdir(dirOf(taskId))
      const name = names.find((n) => n.startsWith('document.'))
      if (!name) return null
      const path = join(dirOf(taskId), name)
      const info = await stat(path)
      const contentType = typeOfExtension[name.slice('document.'.length)] ?? 'application/octet-stream'
      return { path, contentType, size: info.size }
    } catch {
      return null
    }
  }

  async function resolve(taskId: number, url: string | null, signal?: AbortSignal): Promise<DocumentFileStatus> {
    const existing = await cached(taskId)
    if (existing) return { status: 'ready', ...existing }
    if (!url) return { status: 'none' }
    let response: Response
    try {
      // A SAS URL authorises itself: no bearer token is sent to blob storage.
      response = await ports.fetch(url, { signal })
    } catch (error) {
      if ((error as Error).name === 'AbortError') return { status: 'error', code: 'cancelled', message: 'Cancelled.' }
      return { status: 'error', code: 'network', message: 'The document file could not be downloaded (network).' }
    }
    if (response.status === 403) return { status: 'expired' }
    if (response.status === 404) return { status: 'missing' }
    if (!response.ok || !response.body) return { status: 'error', code: 'server', message: `The document file could not be downloaded (HTTP ${response.status}).` }
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    const extension = documentTypes[type] ?? extensionFromUrl(url)
    if (!extension) {
      await response.body.cancel().catch(() => undefined)
      return { status: 'unsupported' }
    }
    const dir = dirOf(taskId)
    await mkdir(dir, { recursive: true })
    const final = join(dir, `document.${extension}`)
    const temp = join(dir, `.document.${randomBytes(4).toString('hex')}.tmp`)
    try {
      await pipeline(Readable.fromWeb(response.body as never), createWriteStream(temp))
      await rename(temp, final)
    } catch (error) {
      await rm(temp, { force: true })
      throw new AppError('io', `The document file could not be saved: ${(error as Error).message}`)
    }
    const info = await stat(final)
    return { status: 'ready', path: final, contentType: typeOfExtension[extension] ?? 'application/octet-stream', size: info.size }
  }

  return { resolve, cached }
}

function extensionFromUrl(url: string): string | null {
  try {
    const ext = new URL(url).pathname.split('.').pop()?.toLowerCase() ?? ''
    return typeOfExtension[ext === 'jpeg' ? 'jpg' : ext] ? (ext === 'jpeg' ? 'jpg' : ext) : null
  } catch {
    return null
  }
}
