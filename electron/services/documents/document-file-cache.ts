import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
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
  'image/gif': 'gif',
  'image/jpg': 'jpg',
  'image/tif': 'tif'
}
const typeOfExtension: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', tif: 'image/tiff', webp: 'image/webp', gif: 'image/gif' }

/** The file type from its first bytes, for blob stores that answer application/octet-stream. */
export function sniffDocumentType(head: Uint8Array): string | null {
  const at = (offset: number, text: string) => [...text].every((c, k) => head[offset + k] === c.charCodeAt(0))
  if (at(0, '%PDF-')) return 'pdf'
  if (at(0, '\x89PNG')) return 'png'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpg'
  if (at(0, 'II*\x00') || at(0, 'MM\x00*')) return 'tif'
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'webp'
  if (at(0, 'GIF8')) return 'gif'
  return null
}

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
    // Blob stores often answer application/octet-stream: then the URL's extension, then the bytes.
    let extension: string | null = documentTypes[type] ?? extensionFromUrl(url)
    const dir = dirOf(taskId)
    await mkdir(dir, { recursive: true })
    const temp = join(dir, `.document.${randomBytes(4).toString('hex')}.tmp`)
    let final: string
    try {
      await pipeline(Readable.fromWeb(response.body as never), createWriteStream(temp))
      extension ??= sniffDocumentType(await readHead(temp))
      if (!extension) {
        await rm(temp, { force: true })
        return { status: 'unsupported' }
      }
      final = join(dir, `document.${extension}`)
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

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(16)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

function extensionFromUrl(url: string): string | null {
  try {
    const ext = new URL(url).pathname.split('.').pop()?.toLowerCase() ?? ''
    return typeOfExtension[ext === 'jpeg' ? 'jpg' : ext] ? (ext === 'jpeg' ? 'jpg' : ext) : null
  } catch {
    return null
  }
}
