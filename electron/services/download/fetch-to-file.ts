import { createWriteStream } from 'node:fs'
import { open, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { Readable, Transform } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { pipeline } from 'node:stream/promises'
import { AppError } from '../../../shared/errors'
import { privateFileMode } from '../fs/private-files'
import { checkDownloadUrl } from './url-policy'
import { partFileName } from './part-files'

/*
 * One download of an export-supplied URL into a temp file beside the cache entry: the URL
 * policy on every hop (redirects are followed by hand so a redirect cannot lead to http or
 * data:), a size limit, a stall timeout (no bytes for `stallMs`, headers included), the byte
 * count and sha256 taken on the way, fsync. The caller renames the temp file into place.
 */

/** Limits of one download; every cache passes its own (configurable) values. */
export interface DownloadLimits {
  /** Refuse (and stop) a download larger than this many bytes. */
  readonly maxBytes: number
  /** Give up when no byte (nor the response headers) arrived for this long. */
  readonly stallMs: number
}

/** Defaults: a 3-hour WAV is about 2 GB; page files are small. */
export const defaultDownloadLimits = {
  media: { maxBytes: 8 * 1024 ** 3, stallMs: 60_000 },
  document: { maxBytes: 256 * 1024 ** 2, stallMs: 60_000 }
} as const satisfies Record<string, DownloadLimits>

/** Redirect hops followed before giving up. */
export const maxRedirects = 5

/** Download progress: bytes so far and the total when the server said (Content-Length). */
export interface DownloadProgress {
  readonly receivedBytes: number
  readonly totalBytes: number | null
}

/** What `fetchToFile` needs. */
export interface FetchToFileRequest {
  readonly fetch: typeof fetch
  readonly url: string
  /** The API base URL the export belongs to: decides whether loopback http is allowed. */
  readonly apiBaseUrl: string | null | undefined
  /** Folder of the temp file (the cache entry's folder, so the final rename is atomic). */
  readonly dir: string
  /** Recognisable temp-file prefix ('media', 'document'). */
  readonly name: string
  readonly limits: DownloadLimits
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: DownloadProgress) => void
}

/** The HTTP answer when it was not a 2xx with a body. */
export interface DownloadRefused {
  readonly kind: 'status'
  readonly status: number
}

/** A finished download in its temp file. */
export interface DownloadedFile {
  readonly kind: 'file'
  readonly tempPath: string
  readonly size: number
  readonly sha256: string
  readonly contentType: string | null
  readonly etag: string | null
  /** The URL that answered (after redirects). */
  readonly finalUrl: string
}

/** Megabytes for messages. */
function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 ** 2)} MB`
}

/**
 * Downloads `url` to a temp file. Resolves with the file or the refusing HTTP status; throws
 * AppError for policy (`bad_request`), size (`invalid_response`), stall (`timeout`), network and
 * cancellation (`cancelled`). Never leaves the temp file behind when it throws.
 */
export async function fetchToFile(request: FetchToFileRequest): Promise<DownloadedFile | DownloadRefused> {
  const { limits } = request
  const controller = new AbortController()
  const outer = request.signal
  const onOuterAbort = (): void => controller.abort()
  if (outer?.aborted) throw new AppError('cancelled', 'Cancelled.', { reason: 'cancelled' })
  outer?.addEventListener('abort', onOuterAbort, { once: true })
  let stalled = false
  let timer: NodeJS.Timeout | undefined
  const arm = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      stalled = true
      controller.abort()
    }, limits.stallMs)
  }
  const failure = (error: unknown): AppError => {
    if (stalled) return new AppError('timeout', `The download stalled: nothing arrived for ${Math.round(limits.stallMs / 1000)} s.`, { reason: 'download_stalled', params: { seconds: Math.round(limits.stallMs / 1000) } })
    if (outer?.aborted) return new AppError('cancelled', 'Cancelled.', { reason: 'cancelled' })
    if (error instanceof AppError) return error
    return new AppError('network', `The download failed (network): ${error instanceof Error ? error.message : String(error)}`, { reason: 'download_network' })
  }

  let temp: string | null = null
  try {
    arm()
    let url = request.url
    let response: Response
    for (let hop = 0; ; hop++) {
      checkDownloadUrl(url, request.apiBaseUrl)
      // A SAS URL authorises itself: no bearer token goes with it.
      response = await request.fetch(url, { signal: controller.signal, redirect: 'manual' })
      const location = response.headers.get('location')
      if (response.status < 300 || response.status >= 400 || !location) break
      await response.body?.cancel().catch(() => undefined)
      if (hop >= maxRedirects) throw new AppError('network', 'The download was redirected too many times.', { reason: 'download_network' })
      url = new URL(location, url).href
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined)
      return { kind: 'status', status: response.ok ? 204 : response.status }
    }
    // With a Content-Encoding (gzip...) fetch hands over decoded bytes, so Content-Length (the
    // encoded size) says nothing about how many will arrive.
    const encoding = (response.headers.get('content-encoding') ?? '').trim().toLowerCase()
    const lengthHeader = Number(response.headers.get('content-length'))
    const totalBytes = (encoding === '' || encoding === 'identity') && Number.isFinite(lengthHeader) && lengthHeader > 0 ? lengthHeader : null
    if (totalBytes !== null && totalBytes > limits.maxBytes) {
      await response.body.cancel().catch(() => undefined)
      throw new AppError('invalid_response', `The file is too large to download (${mb(totalBytes)}; the limit is ${mb(limits.maxBytes)}).`, { reason: 'download_too_large', params: { max: limits.maxBytes } })
    }

    temp = join(request.dir, partFileName(request.name))
    const hash = createHash('sha256')
    let received = 0
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length
        if (received > limits.maxBytes) {
          callback(new AppError('invalid_response', `The file is too large to download (over the ${mb(limits.maxBytes)} limit).`, { reason: 'download_too_large', params: { max: limits.maxBytes } }))
          return
        }
        arm()
        hash.update(chunk)
        request.onProgress?.({ receivedBytes: received, totalBytes })
        callback(null, chunk)
      }
    })
    const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>)
    await pipeline(body, counter, createWriteStream(temp, { flags: 'wx', mode: privateFileMode }), { signal: controller.signal })
    if (totalBytes !== null && received !== totalBytes) {
      throw new AppError('network', `The download stopped early (${received} of ${totalBytes} bytes).`, { reason: 'download_network' })
    }
    const handle = await open(temp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    return {
      kind: 'file',
      tempPath: temp,
      size: received,
      sha256: hash.digest('hex'),
      contentType: response.headers.get('content-type'),
      etag: response.headers.get('etag'),
      finalUrl: url
    }
  } catch (error) {
    if (temp) await unlink(temp).catch(() => undefined)
    throw failure(error)
  } finally {
    clearTimeout(timer)
    outer?.removeEventListener('abort', onOuterAbort)
  }
}
