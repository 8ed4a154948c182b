import { createWriteStream } from 'node:fs'
import { mkdir, open, readFile, rename, stat, unlink, rm } from 'node:fs/promises'
import { join, resolve as resolvePath } from 'node:path'
import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import { AppError, toErrorData, type ErrorCode } from '../../../shared/errors'
import { writeFileAtomic } from '../fs/atomic-write'
import { contentTypeForPath, extensionForContentType, extensionOf, mediaContentTypes, sniffMediaFamily, typeForFamily } from './content-type'
import type { MediaFile } from './range-response'
import { createFlights } from './flights'
import { taskDirName } from './task-dir'

/*
 * The recording of each task, kept on disk so a reopened task plays offline and an expired
 * signed URL does not strand a draft (DESIGN.md "How data flows" 3; API §11.3: the URL may be
 * null, answers 403 once expired and 404 once the file is deleted).
 *
 * Layout per task: `<cacheDir>/<taskId>/media.<ext>` + `media.json` (the download), and
 * `local.json` when the reviewer attached a file of their own, which wins from then on.
 * Downloads stream to a temp file in the same folder, are fsynced and renamed, so a crash or a
 * cancel never leaves a half file under the real name. The signed URL's query string is a
 * credential: it is never logged or stored.
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
export interface MediaProgress {
  readonly receivedBytes: number
  readonly totalBytes: number | null
}

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
}

/** The media service (see `createMediaService`). */
export interface MediaService {
  /** The task's recording: attached file, else cached download, else downloaded now from `originalFileUrl`. */
  resolve(taskId: string | number, originalFileUrl: string | null, options?: ResolveOptions): Promise<MediaStatus>
  /** Records a reviewer-chosen file for the task after checking it exists and is audio/video. Throws AppError. */
  attachLocalFile(taskId: string | number, path: string): Promise<MediaReady>
  /** Forgets the attached file (the file itself is the reviewer's and stays). */
  detachLocalFile(taskId: string | number): Promise<void>
  /** The file to play for a task without touching the network (attached, else cached), or null. */
  localMedia(taskId: string | number): Promise<MediaReady | null>
  /** The same as `localMedia`, shaped for `rangeResponse`. */
  mediaFile(taskId: string | number): Promise<MediaFile | null>
  /** Deletes the task's cached download and peaks (not an attached file). */
  clear(taskId: string | number): Promise<void>
}

interface CachedMeta {
  readonly file: string
  readonly contentType: string
  readonly size: number
  readonly downloadedAt: number
  /** Origin and path only. */
  readonly from: string
}

interface LocalMeta {
  readonly path: string
  readonly contentType: string
  readonly attachedAt: number
}

/** The URL without its query string and fragment, safe to log (the SAS token lives in the query). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`
  } catch {
    return '<invalid url>'
  }
}

/**
 * `message` with the signed URL and its query string taken out: fetch's own errors can quote
 * the URL whole ("Failed to parse URL from …?sig=…").
 */
export function scrub(message: string, url: string): string {
  let out = message.split(url).join(redactUrl(url))
  const query = url.indexOf('?')
  if (query >= 0 && query < url.length - 1) out = out.split(url.slice(query)).join('?…')
  return out
}

/** Makes the media service. */
export function createMediaService(ports: MediaServicePorts): MediaService {
  const now = ports.now ?? Date.now
  const log = ports.log ?? (() => undefined)
  const taskDir = (taskId: string | number): string => join(ports.cacheDir, taskDirName(taskId))

  async function readJson<T>(path: string): Promise<T | null> {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as T
    } catch {
      return null
    }
  }

  async function attached(taskId: string | number): Promise<MediaReady | null> {
    const meta = await readJson<LocalMeta>(join(taskDir(taskId), 'local.json'))
    if (!meta) return null
    try {
      const info = await stat(meta.path)
      if (info.isFile()) return { status: 'ready', path: meta.path, contentType: meta.contentType, size: info.size, source: 'local' }
    } catch {
      // Moved or deleted since it was attached: fall back to the download.
    }
    log({ level: 'warn', message: `The attached recording for task ${String(taskId)} is gone; falling back.` })
    return null
  }

  async function cached(taskId: string | number): Promise<MediaReady | null> {
    const dir = taskDir(taskId)
    const meta = await readJson<CachedMeta>(join(dir, 'media.json'))
    if (!meta) return null
    const path = join(dir, meta.file)
    try {
      const info = await stat(path)
      if (info.isFile() && info.size === meta.size) return { status: 'ready', path, contentType: meta.contentType, size: meta.size, source: 'cache' }
    } catch {
      // Cache entry without its file: download again.
    }
    return null
  }

  async function localMedia(taskId: string | number): Promise<MediaReady | null> {
    return (await attached(taskId)) ?? (await cached(taskId))
  }

  async function download(taskId: string | number, url: string, options: ResolveOptions): Promise<MediaStatus> {
    const safeUrl = redactUrl(url)
    let response: Response
    try {
      response = await ports.fetch(url, { signal: options.signal, redirect: 'follow' })
    } catch (error) {
      const data = toErrorData(error, 'network')
      if (data.code === 'cancelled') return { status: 'error', ...data }
      log({ level: 'warn', message: `Downloading the recording of task ${String(taskId)} from ${safeUrl} failed: ${scrub(data.message, url)}` })
      return { status: 'error', code: 'network', message: 'The recording could not be downloaded (network).' }
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined)
      log({ level: 'info', message: `Recording of task ${String(taskId)} at ${safeUrl}: HTTP ${response.status}` })
      if (response.status === 403) return { status: 'expired' }
      if (response.status === 404 || response.status === 410) return { status: 'missing' }
      if (response.status === 401) return { status: 'error', code: 'unauthorized', message: 'The recording link was refused.' }
      return { status: 'error', code: 'server', message: `The recording could not be downloaded (HTTP ${response.status}).` }
    }
    if (!response.body) return { status: 'error', code: 'invalid_response', message: 'The recording download was empty.' }

    const contentTypeHeader = response.headers.get('content-type')
    // Blob stores often answer application/octet-stream; then the URL's extension, then the bytes.
    let extension = extensionForContentType(contentTypeHeader) ?? extensionFromUrl(url)
    const lengthHeader = Number(response.headers.get('content-length'))
    // With a Content-Encoding (gzip...) fetch hands over decoded bytes, so Content-Length (the
    // encoded size) says nothing about how many will arrive.
    const encoding = (response.headers.get('content-encoding') ?? '').trim().toLowerCase()
    const identity = encoding === '' || encoding === 'identity'
    const totalBytes = identity && Number.isFinite(lengthHeader) && lengthHeader > 0 ? lengthHeader : null

    const dir = taskDir(taskId)
    await mkdir(dir, { recursive: true })
    const temp = join(dir, `.media.${randomBytes(6).toString('hex')}.part`)
    let received = 0
    let file = ''
    let contentType = ''
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length
        options.onProgress?.({ receivedBytes: received, totalBytes })
        callback(null, chunk)
      }
    })
    try {
      const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>)
      await pipeline(body, counter, createWriteStream(temp, { flags: 'wx' }), { signal: options.signal })
      if (totalBytes !== null && received !== totalBytes) {
        throw new AppError('network', `The download stopped early (${received} of ${totalBytes} bytes).`)
      }
      const handle = await open(temp, 'r+')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
      if (extension === null) {
        const family = sniffMediaFamily(await readHead(temp))
        extension = family ? typeForFamily(family, '').extension : 'bin'
      }
      file = `media.${extension}`
      contentType = mediaContentTypes[extension] ?? 'application/octet-stream'
      await rename(temp, join(dir, file))
      const meta: CachedMeta = { file, contentType, size: received, downloadedAt: now(), from: safeUrl }
      await writeFileAtomic(join(dir, 'media.json'), JSON.stringify(meta, null, 2))
    } catch (error) {
      await unlink(temp).catch(() => undefined)
      const data = toErrorData(error, 'network')
      if (options.signal?.aborted) return { status: 'error', code: 'cancelled', message: 'Cancelled.' }
      const message = scrub(data.message, url)
      log({ level: 'warn', message: `Saving the recording of task ${String(taskId)} from ${safeUrl} failed: ${message}` })
      return { status: 'error', code: data.code, message }
    }
    log({ level: 'info', message: `Cached the recording of task ${String(taskId)} (${received} bytes) from ${safeUrl}` })
    return { status: 'ready', path: join(dir, file), contentType, size: received, source: 'download' }
  }

  // One download per task at a time: a second resolve (the task reopened, a second window)
  // joins the one under way instead of fetching the recording twice.
  const flights = createFlights<MediaStatus, MediaProgress>(() => ({ status: 'error', code: 'cancelled', message: 'Cancelled.' }))
  const sharedDownload = (key: string, url: string, options: ResolveOptions): Promise<MediaStatus> =>
    flights(key, (signal, onProgress) => download(key, url, { signal, onProgress }), options)

  return {
    async resolve(taskId, originalFileUrl, options = {}) {
      try {
        const local = await localMedia(taskId)
        if (local) return local
        if (originalFileUrl === null || originalFileUrl === '') return { status: 'none' }
        return await sharedDownload(taskDirName(taskId), originalFileUrl, options)
      } catch (error) {
        return { status: 'error', ...toErrorData(error) }
      }
    },

    async attachLocalFile(taskId, path) {
      const absolute = resolvePath(path)
      let size: number
      try {
        const info = await stat(absolute)
        if (!info.isFile()) throw new AppError('bad_request', 'That is a folder, not a recording.')
        size = info.size
      } catch (error) {
        if (error instanceof AppError) throw error
        throw new AppError('not_found', 'That file does not exist.', { cause: error })
      }
      const family = sniffMediaFamily(await readHead(absolute))
      if (!family) throw new AppError('bad_request', 'That file is not an audio or video recording we can play.')
      const { contentType } = typeForFamily(family, absolute)
      const meta: LocalMeta = { path: absolute, contentType, attachedAt: now() }
      await writeFileAtomic(join(taskDir(taskId), 'local.json'), JSON.stringify(meta, null, 2))
      log({ level: 'info', message: `Attached a local recording to task ${String(taskId)}.` })
      return { status: 'ready', path: absolute, contentType, size, source: 'local' }
    },

    async detachLocalFile(taskId) {
      await rm(join(taskDir(taskId), 'local.json'), { force: true })
    },

    localMedia,

    async mediaFile(taskId) {
      const media = await localMedia(taskId)
      return media ? { path: media.path, size: media.size, contentType: media.contentType } : null
    },

    async clear(taskId) {
      const dir = taskDir(taskId)
      const meta = await readJson<LocalMeta>(join(dir, 'local.json'))
      await rm(dir, { recursive: true, force: true })
      // Keep the reviewer's choice of file: it is not cache.
      if (meta) await writeFileAtomic(join(dir, 'local.json'), JSON.stringify(meta, null, 2))
    }
  }
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(64)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

function extensionFromUrl(url: string): string | null {
  try {
    const ext = extensionOf(new URL(url).pathname)
    return contentTypeForPath(`x.${ext}`) ? ext : null
  } catch {
    return null
  }
}
