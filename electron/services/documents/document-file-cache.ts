import { createCachedDownloads, type CachedFile } from '../download/cached-download'
import { defaultDownloadLimits, type DownloadLimits } from '../download/fetch-to-file'
import type { ErrorCode } from '../../../shared/errors'

/*
 * The original file of a document task (a PDF or an image), fetched once from its signed
 * `originalFileUrl` and kept on disk per cache key (download/cache-key.ts), so the page still
 * shows when the link expires. The download, its limits, URL policy, single flight, redaction
 * and integrity check are the media cache's (download/cached-download.ts).
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
export type DocumentFile = CachedFile

/** Where the task's original file stands; the pane says why a page is missing. */
export type DocumentFileStatus =
  | ({ readonly status: 'ready' } & DocumentFile)
  | { readonly status: 'none' | 'expired' | 'missing' | 'unsupported' }
  | { readonly status: 'error'; readonly code: ErrorCode; readonly message: string }

/** The document file cache (see `createDocumentFileCache`); `key` is a cache key or a bare task id. */
export interface DocumentFileCache {
  /** The cached file, else downloaded now from `url`; never throws. */
  resolve(key: string | number, url: string | null, signal?: AbortSignal): Promise<DocumentFileStatus>
  /** The cached (verified) file without touching the network, or null. */
  cached(key: string | number): Promise<DocumentFile | null>
}

/** Ports of the document file cache. */
export interface DocumentFileCachePorts {
  readonly fetch: typeof fetch
  readonly cacheDir: string
  /** The API base URL in use (plain http only to loopback, and only when this is loopback). */
  readonly apiBaseUrl?: () => string | null
  readonly limits?: Partial<DownloadLimits>
  readonly log?: (level: 'info' | 'warn', message: string) => void
}

/** Makes the cache over a folder. */
export function createDocumentFileCache(ports: DocumentFileCachePorts): DocumentFileCache {
  const downloads = createCachedDownloads({
    fetch: ports.fetch,
    cacheDir: ports.cacheDir,
    name: 'document',
    noun: 'document file',
    limits: { ...defaultDownloadLimits.document, ...ports.limits },
    detectType: detectDocumentType,
    apiBaseUrl: ports.apiBaseUrl,
    log: ports.log
  })
  return {
    async resolve(key, url, signal) {
      const status = await downloads.resolve(String(key), url, { signal })
      if (status.status !== 'ready') return status
      return { status: 'ready', path: status.path, contentType: status.contentType, size: status.size }
    },
    async cached(key) {
      try {
        return await downloads.cached(String(key))
      } catch {
        return null
      }
    }
  }
}

/** Content-Type, else the URL's extension, else the bytes; null when the viewer cannot show it. */
function detectDocumentType(contentTypeHeader: string | null, url: string, head: Uint8Array): { extension: string; contentType: string } | null {
  const type = (contentTypeHeader ?? '').split(';')[0]!.trim().toLowerCase()
  const extension = documentTypes[type] ?? extensionFromUrl(url) ?? sniffDocumentType(head)
  return extension ? { extension, contentType: typeOfExtension[extension] ?? 'application/octet-stream' } : null
}

function extensionFromUrl(url: string): string | null {
  try {
    const ext = new URL(url).pathname.split('.').pop()?.toLowerCase() ?? ''
    const normal = ext === 'jpeg' ? 'jpg' : ext === 'tiff' ? 'tif' : ext
    return typeOfExtension[normal] ? normal : null
  } catch {
    return null
  }
}
