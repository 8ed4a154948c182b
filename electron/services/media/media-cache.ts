import { readFile, rm, stat } from 'node:fs/promises'
import { join, resolve as resolvePath } from 'node:path'
import { AppError, toErrorData, type ErrorCode } from '../../../shared/errors'
import { writeFileAtomic } from '../fs/atomic-write'
import { ensurePrivateDir, privateFileMode } from '../fs/private-files'
import { createCachedDownloads, readHead } from '../download/cached-download'
import { defaultDownloadLimits, type DownloadLimits, type DownloadProgress } from '../download/fetch-to-file'
import { contentTypeForPath, extensionForContentType, extensionOf, mediaContentTypes, sniffMediaFamily, typeForFamily } from './content-type'
import type { MediaFile } from './range-response'
import { taskDirName } from './task-dir'

export { redactUrl, scrub } from '../download/redact-url'

/*
 * The recording of each task, kept on disk so a reopened task plays offline and an expired
 * signed URL does not strand a draft (docs/architecture.md#data-flow; docs/api.md#recording-urls:
 * the URL may be null, answers 403 once expired and 404 once the file is deleted).
 *
 * Layout per cache key (download/cache-key.ts: API origin + task id, or the file an export came
 * from): `<cacheDir>/<key>/media.<ext>` + `media.json` (the download, see
 * download/cached-download.ts), and `local.json` when the reviewer attached a file of their own,
 * which wins from then on. The signed URL's query string is a credential: never logged or stored.
 */

/** Where a ready recording came from. */
export type MediaSource = 'download' | 'cache' | 'local'

/** A recording ready to play from disk. */
export interface MediaReady {
  readonly status: 'ready'
  readonly path: string
  readonly contentType: string
  readonly size: number
  readonly source: MediaSource
}

/**
 * What `resolve` answers. `none`: the task has no recording URL (workspace deletes files after
 * review); `expired`: 403; `missing`: 404. The UI offers "attach the recording" for all three.
 */
export type MediaStatus =
  | MediaReady
  | { readonly status: 'none' }
  | { readonly status: 'expired' }
  | { readonly status: 'missing' }
  | { readonly status: 'error'; readonly code: ErrorCode; readonly message: string }

/** Download progress: bytes so far and the total when the server said (Content-Length). */
export type MediaProgress = DownloadProgress

/** Options for one `resolve` call. */
export interface ResolveOptions {
  readonly onProgress?: (progress: MediaProgress) => void
  readonly signal?: AbortSignal
}

/** A log line from the media service; URLs in it are already redacted. */
export interface MediaLogEvent {
  readonly level: 'info' | 'warn' | 'error'
  readonly message: string
}

/** Ports of the media service. */
export interface MediaServicePorts {
  readonly fetch: typeof fetch
  readonly cacheDir: string
  /** Clock for `downloadedAt`/`attachedAt` (integer ms since the epoch). */
  readonly now?: () => number
  readonly log?: (event: MediaLogEvent) => void
  /** The API base URL in use: plain http downloads are allowed only to loopback, and only when this is loopback too. */
  readonly apiBaseUrl?: () => string | null
  /** Size and stall limits (defaults: `defaultDownloadLimits.media`). */
  readonly limits?: Partial<DownloadLimits>
}

/** The media service (see `createMediaService`); `key` is a cache key (download/cache-key.ts) or a bare task id. */
export interface MediaService {
  /** The recording: attached file, else cached download (verified), else downloaded now from `originalFileUrl`. */
  resolve(key: string | number, originalFileUrl: string | null, options?: ResolveOptions): Promise<MediaStatus>
  /** Records a reviewer-chosen file for the entry after checking it exists and is audio/video. Throws AppError. */
  attachLocalFile(key: string | number, path: string): Promise<MediaReady>
  /** Forgets the attached file (the file itself is the reviewer's and stays). */
  detachLocalFile(key: string | number): Promise<void>
  /** The file to play without touching the network (attached, else cached), or null. */
  localMedia(key: string | number): Promise<MediaReady | null>
  /** The same as `localMedia`, shaped for `rangeResponse`. */
  mediaFile(key: string | number): Promise<MediaFile | null>
  /** Deletes the entry's cached download and peaks (not an attached file). */
  clear(key: string | number): Promise<void>
}

interface LocalMeta {
  readonly path: string
  readonly contentType: string
  readonly attachedAt: number
}

/** Makes the media service. */
export function createMediaService(ports: MediaServicePorts): MediaService {
  const now = ports.now ?? Date.now
  const log = ports.log ?? (() => undefined)
  const taskDir = (key: string | number): string => join(ports.cacheDir, taskDirName(key))
  const downloads = createCachedDownloads({
    fetch: ports.fetch,
    cacheDir: ports.cacheDir,
    name: 'media',
    noun: 'recording',
    limits: { ...defaultDownloadLimits.media, ...ports.limits },
    detectType: detectMediaType,
    apiBaseUrl: ports.apiBaseUrl,
    now,
    log: (level, message) => log({ level, message })
  })

  async function readJson<T>(path: string): Promise<T | null> {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as T
    } catch {
      return null
    }
  }

  async function attached(key: string | number): Promise<MediaReady | null> {
    const meta = await readJson<LocalMeta>(join(taskDir(key), 'local.json'))
    if (!meta) return null
    try {
      const info = await stat(meta.path)
      if (info.isFile()) return { status: 'ready', path: meta.path, contentType: meta.contentType, size: info.size, source: 'local' }
    } catch {
      // Moved or deleted since it was attached: fall back to the download.
    }
    log({ level: 'warn', message: `The attached recording for ${String(key)} is gone; falling back.` })
    return null
  }

  async function cached(key: string | number): Promise<MediaReady | null> {
    const file = await downloads.cached(taskDirName(key))
    return file ? { status: 'ready', ...file, source: 'cache' } : null
  }

  async function localMedia(key: string | number): Promise<MediaReady | null> {
    return (await attached(key)) ?? (await cached(key))
  }

  async function writeLocalMeta(key: string | number, meta: LocalMeta): Promise<void> {
    await ensurePrivateDir(ports.cacheDir)
    await ensurePrivateDir(taskDir(key))
    await writeFileAtomic(join(taskDir(key), 'local.json'), JSON.stringify(meta, null, 2), { mode: privateFileMode })
  }

  return {
    async resolve(key, originalFileUrl, options = {}) {
      try {
        const local = await attached(key)
        if (local) return local
        const status = await downloads.resolve(taskDirName(key), originalFileUrl, options)
        // The media cache stores any bytes (as .bin when unknown), so 'unsupported' does not come back.
        switch (status.status) {
          case 'unsupported':
            return { status: 'error', code: 'invalid_response', message: 'The recording is not a file we can play.' }
          case 'none':
          case 'expired':
          case 'missing':
            return { status: status.status }
          default:
            return status
        }
      } catch (error) {
        return { status: 'error', ...toErrorData(error) }
      }
    },

    async attachLocalFile(key, path) {
      const absolute = resolvePath(path)
      let size: number
      try {
        const info = await stat(absolute)
        if (!info.isFile()) throw new AppError('bad_request', 'That is a folder, not a recording.', { reason: 'is_folder', params: { path } })
        size = info.size
      } catch (error) {
        if (error instanceof AppError) throw error
        throw new AppError('not_found', 'That file does not exist.', { cause: error, reason: 'file_not_found', params: { path } })
      }
      const family = sniffMediaFamily(await readHead(absolute))
      if (!family) throw new AppError('bad_request', 'That file is not an audio or video recording we can play.', { reason: 'media_unsupported' })
      const { contentType } = typeForFamily(family, absolute)
      await writeLocalMeta(key, { path: absolute, contentType, attachedAt: now() })
      log({ level: 'info', message: `Attached a local recording to ${String(key)}.` })
      return { status: 'ready', path: absolute, contentType, size, source: 'local' }
    },

    async detachLocalFile(key) {
      await rm(join(taskDir(key), 'local.json'), { force: true })
    },

    localMedia,

    async mediaFile(key) {
      const media = await localMedia(key)
      return media ? { path: media.path, size: media.size, contentType: media.contentType } : null
    },

    async clear(key) {
      const dir = taskDir(key)
      const meta = await readJson<LocalMeta>(join(dir, 'local.json'))
      await rm(dir, { recursive: true, force: true })
      // Keep the reviewer's choice of file: it is not cache.
      if (meta) await writeLocalMeta(key, meta)
    }
  }
}

/** The stored type of a download: its Content-Type, else the URL's extension, else its bytes, else .bin. */
function detectMediaType(contentTypeHeader: string | null, url: string, head: Uint8Array): { extension: string; contentType: string } {
  // Blob stores often answer application/octet-stream; then the URL's extension, then the bytes.
  let extension = extensionForContentType(contentTypeHeader) ?? extensionFromUrl(url)
  if (extension === null) {
    const family = sniffMediaFamily(head)
    extension = family ? typeForFamily(family, '').extension : 'bin'
  }
  return { extension, contentType: mediaContentTypes[extension] ?? 'application/octet-stream' }
}

function extensionFromUrl(url: string): string | null {
  try {
    const ext = extensionOf(new URL(url).pathname)
    return contentTypeForPath(`x.${ext}`) ? ext : null
  } catch {
    return null
  }
}
