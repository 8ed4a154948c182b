import { open, readFile, rename, rm, stat } from 'node:fs/promises'
import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { AppError, reasonOf, toErrorData, type ErrorCode } from '../../../shared/errors'
import type { ErrorParams, ErrorReason } from '../../../shared/error-reasons'
import { writeFileAtomic } from '../fs/atomic-write'
import { ensurePrivateDir, makePrivateFile, privateFileMode } from '../fs/private-files'
import { createFlights } from './flights'
import { fetchToFile, type DownloadLimits, type DownloadProgress } from './fetch-to-file'
import { cacheDirName } from './cache-key'
import { redactUrl, scrub } from './redact-url'

/*
 * A folder of downloads, one entry per cache key: `<cacheDir>/<key>/<name>.<ext>` and
 * `<name>.json` (length, sha256, the server's ETag). Shared by the media cache and the document
 * file cache so both get the same URL policy, limits, single-flight download, redaction, key
 * check and integrity check. A cached file is trusted only while its length matches and, once
 * per run (and again whenever its size or mtime changes), its sha256 does; otherwise it is
 * deleted and downloaded again.
 */

/** The file type to store a download under; null when the cache does not take such files. */
export type DetectType = (contentTypeHeader: string | null, url: string, head: Uint8Array) => { extension: string; contentType: string } | null

/** A cached file ready to serve. */
export interface CachedFile {
  readonly path: string
  readonly contentType: string
  readonly size: number
}

/** What `resolve` answers; never throws. */
export type CachedDownloadStatus =
  | ({ readonly status: 'ready'; readonly source: 'download' | 'cache' } & CachedFile)
  | { readonly status: 'none' | 'expired' | 'missing' | 'unsupported' }
  | { readonly status: 'error'; readonly code: ErrorCode; readonly message: string; readonly reason?: ErrorReason; readonly params?: ErrorParams }

/** Options for one `resolve`. */
export interface CachedDownloadOptions {
  readonly onProgress?: (progress: DownloadProgress) => void
  readonly signal?: AbortSignal
}

/** Ports of a download cache. */
export interface CachedDownloadPorts {
  readonly fetch: typeof fetch
  readonly cacheDir: string
  /** File name stem of entries and temp files: 'media', 'document'. */
  readonly name: 'media' | 'document'
  /** What the user calls the file, for messages: 'recording', 'document file'. */
  readonly noun: string
  readonly limits: DownloadLimits
  readonly detectType: DetectType
  /** The API base URL in use (allows loopback http when it is loopback). */
  readonly apiBaseUrl?: () => string | null
  readonly now?: () => number
  readonly log?: (level: 'info' | 'warn', message: string) => void
}

/** A download cache (see `createCachedDownloads`). */
export interface CachedDownloads {
  /** The entry's folder; throws AppError for a key that could leave the cache. */
  dirOf(key: string): string
  /** The verified cached file, or null (a file that fails the check is deleted). */
  cached(key: string): Promise<CachedFile | null>
  /** The cached file, else downloaded now from `url` (one download per key at a time). */
  resolve(key: string, url: string | null, options?: CachedDownloadOptions): Promise<CachedDownloadStatus>
  /** Deletes the entry's download (the folder stays). */
  clear(key: string): Promise<void>
}

interface EntryMeta {
  readonly file: string
  readonly contentType: string
  readonly size: number
  readonly sha256: string
  readonly etag: string | null
  readonly downloadedAt: number
  /** Origin and path only. */
  readonly from: string
}

/** The sha256 (hex) of a file, streamed. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** The first `length` bytes of a file. */
export async function readHead(path: string, length = 64): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(length)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** Makes a download cache over a folder. */
export function createCachedDownloads(ports: CachedDownloadPorts): CachedDownloads {
  const now = ports.now ?? Date.now
  const log = ports.log ?? (() => undefined)
  const metaName = `${ports.name}.json`
  const dirOf = (key: string): string => join(ports.cacheDir, cacheDirName(key))
  // Files whose checksum was verified this run, by path → `size:mtime` when it was.
  const verified = new Map<string, string>()

  async function readMeta(dir: string): Promise<EntryMeta | null> {
    try {
      const meta = JSON.parse(await readFile(join(dir, metaName), 'utf8')) as Partial<EntryMeta>
      if (typeof meta.file !== 'string' || typeof meta.sha256 !== 'string' || typeof meta.size !== 'number') return null
      if (!meta.file.startsWith(`${ports.name}.`) || meta.file.includes('/') || meta.file.includes('\\')) return null
      return meta as EntryMeta
    } catch {
      return null
    }
  }

  async function cached(key: string): Promise<CachedFile | null> {
    const dir = dirOf(key)
    const meta = await readMeta(dir)
    if (!meta) return null
    const path = join(dir, meta.file)
    let stamp: string
    try {
      const info = await stat(path)
      if (!info.isFile()) return null
      stamp = `${info.size}:${info.mtimeMs}`
      if (info.size !== meta.size) {
        await discard(key, dir, meta, `its length changed (${info.size} bytes, ${meta.size} expected)`)
        return null
      }
    } catch {
      return null // entry without its file: download again
    }
    if (verified.get(path) !== stamp) {
      if ((await sha256OfFile(path)) !== meta.sha256) {
        await discard(key, dir, meta, 'its checksum does not match')
        return null
      }
      verified.set(path, stamp)
    }
    return { path, contentType: meta.contentType, size: meta.size }
  }

  async function discard(key: string, dir: string, meta: EntryMeta, why: string): Promise<void> {
    log('warn', `The cached ${ports.noun} for ${key} is damaged (${why}); it will be downloaded again.`)
    verified.delete(join(dir, meta.file))
    await rm(join(dir, metaName), { force: true })
    await rm(join(dir, meta.file), { force: true })
  }

  async function download(key: string, url: string, options: CachedDownloadOptions): Promise<CachedDownloadStatus> {
    const safeUrl = redactUrl(url)
    const dir = dirOf(key)
    await ensurePrivateDir(ports.cacheDir)
    await ensurePrivateDir(dir)
    let result: Awaited<ReturnType<typeof fetchToFile>>
    try {
      result = await fetchToFile({
        fetch: ports.fetch,
        url,
        apiBaseUrl: ports.apiBaseUrl?.() ?? null,
        dir,
        name: ports.name,
        limits: ports.limits,
        signal: options.signal,
        onProgress: options.onProgress
      })
    } catch (error) {
      const data = toErrorData(error, 'network')
      if (data.code === 'cancelled') return { status: 'error', code: 'cancelled', message: 'Cancelled.', reason: 'cancelled' }
      const message = scrub(data.message, url)
      log('warn', `Downloading the ${ports.noun} for ${key} from ${safeUrl} failed: ${message}`)
      return { status: 'error', code: data.code, message: `The ${ports.noun} could not be downloaded: ${message}`, ...reasonOf(data) }
    }
    if (result.kind === 'status') {
      log('info', `The ${ports.noun} for ${key} at ${safeUrl}: HTTP ${result.status}`)
      if (result.status === 403) return { status: 'expired' }
      if (result.status === 404 || result.status === 410) return { status: 'missing' }
      if (result.status === 401) return { status: 'error', code: 'unauthorized', message: `The ${ports.noun} link was refused.`, reason: 'download_failed', params: { status: result.status } }
      return { status: 'error', code: 'server', message: `The ${ports.noun} could not be downloaded (HTTP ${result.status}).`, reason: 'download_failed', params: { status: result.status } }
    }
    try {
      const type = ports.detectType(result.contentType, result.finalUrl, await readHead(result.tempPath))
      if (!type) {
        await rm(result.tempPath, { force: true })
        return { status: 'unsupported' }
      }
      const file = `${ports.name}.${type.extension}`
      const previous = await readMeta(dir)
      await rename(result.tempPath, join(dir, file))
      await makePrivateFile(join(dir, file))
      if (previous && previous.file !== file) await rm(join(dir, previous.file), { force: true })
      const meta: EntryMeta = { file, contentType: type.contentType, size: result.size, sha256: result.sha256, etag: result.etag, downloadedAt: now(), from: safeUrl }
      await writeFileAtomic(join(dir, metaName), JSON.stringify(meta, null, 2), { mode: privateFileMode })
      const info = await stat(join(dir, file))
      verified.set(join(dir, file), `${info.size}:${info.mtimeMs}`)
      log('info', `Cached the ${ports.noun} for ${key} (${result.size} bytes) from ${safeUrl}`)
      return { status: 'ready', source: 'download', path: join(dir, file), contentType: type.contentType, size: result.size }
    } catch (error) {
      await rm(result.tempPath, { force: true })
      const message = scrub(toErrorData(error).message, url)
      log('warn', `Saving the ${ports.noun} for ${key} failed: ${message}`)
      return { status: 'error', code: 'io', message: `The ${ports.noun} could not be saved: ${message}`, ...reasonOf(toErrorData(error)) }
    }
  }

  // One download per entry at a time: a second resolve (the task reopened, a second window)
  // joins the one under way instead of fetching the file twice.
  const flights = createFlights<CachedDownloadStatus, DownloadProgress>(() => ({ status: 'error', code: 'cancelled', message: 'Cancelled.', reason: 'cancelled' }))

  return {
    dirOf,
    cached,
    async resolve(key, url, options = {}) {
      try {
        const existing = await cached(key)
        if (existing) return { status: 'ready', source: 'cache', ...existing }
        if (url === null || url === '') return { status: 'none' }
        return await flights(cacheDirName(key), (signal, onProgress) => download(key, url, { signal, onProgress }), options)
      } catch (error) {
        const data = error instanceof AppError ? toErrorData(error) : toErrorData(error, 'io')
        return { status: 'error', ...data, message: url ? scrub(data.message, url) : data.message }
      }
    },
    async clear(key) {
      const dir = dirOf(key)
      const meta = await readMeta(dir)
      await rm(join(dir, metaName), { force: true })
      if (meta) {
        verified.delete(join(dir, meta.file))
        await rm(join(dir, meta.file), { force: true })
      }
    }
  }
}
