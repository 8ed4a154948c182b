import type { IncomingMessage, ServerResponse } from 'node:http'
import { createHmac, randomBytes } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import { empty, safeEqual, xmlError } from './http-replies'

/*
 * The fake's recordings (smartdocumentor-api.md §11.3): SAS-like signed URLs under /media/ that
 * expire on the fake's clock, answer 404 once retention deleted the file, and serve byte ranges.
 */

/** What the media store is built from. */
export interface MediaStoreOptions {
  readonly clock: () => number
  /** Lifetime of signed URLs, ms. */
  readonly ttlMs: number
  /** Files by name → absolute path. */
  readonly files: Readonly<Record<string, string>>
  /** The server's base URL (known only once it listens). */
  readonly baseUrl: () => string
}

/** Registered media files and their signed URLs. */
export interface MediaStore {
  has(name: string): boolean
  add(name: string, path: string): void
  /** From now on the file answers 404. */
  delete(name: string): void
  /** A signed URL for `name`, expiring `ttlMs` from now. */
  signUrl(name: string, ttlMs?: number): string
  /** Serves `/media/<name>?se=…&sig=…`. */
  serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>
}

/** A media store for one fake server. */
export function createMediaStore(options: MediaStoreOptions): MediaStore {
  const signingKey = randomBytes(32)
  const media = new Map<string, string>(Object.entries(options.files))
  const deleted = new Set<string>()
  const sign = (name: string, se: number) => createHmac('sha256', signingKey).update(`${name}\n${se}`).digest('hex')

  return {
    has: (name) => media.has(name),
    add: (name, path) => {
      media.set(name, path)
      deleted.delete(name)
    },
    delete: (name) => void deleted.add(name),
    signUrl: (name, ttlMs = options.ttlMs) => {
      const se = Math.floor((options.clock() + ttlMs) / 1000)
      return `${options.baseUrl()}/media/${encodeURIComponent(name)}?sv=2022-11-02&se=${se}&sp=r&sig=${sign(name, se)}`
    },
    async serve(req, res, url) {
      // Signed URLs are self-authorising: an Authorization header is ignored (§16.10).
      const name = decodeURIComponent(url.pathname.slice('/media/'.length))
      const se = Number(url.searchParams.get('se'))
      const sig = url.searchParams.get('sig') ?? ''
      if (!Number.isFinite(se) || !safeEqual(sig, sign(name, se))) return xmlError(res, 403, 'AuthenticationFailed')
      if (options.clock() >= se * 1000) return xmlError(res, 403, 'AuthenticationFailed')
      const path = media.get(name)
      if (!path || deleted.has(name)) return xmlError(res, 404, 'BlobNotFound')
      if (req.method !== 'GET' && req.method !== 'HEAD') return empty(res, 405)
      await sendFile(req, res, path, contentTypeOf(name))
    }
  }
}

/** Sends a file, honouring one `Range: bytes=` header. */
async function sendFile(req: IncomingMessage, res: ServerResponse, path: string, type: string): Promise<void> {
  const size = (await stat(path)).size
  const range = req.headers.range
  const common = { 'accept-ranges': 'bytes', 'content-type': type }
  let start = 0
  let end = size - 1
  let status = 200
  if (range) {
    const parsed = parseRange(range, size)
    if (parsed === 'unsatisfiable') {
      res.writeHead(416, { ...common, 'content-range': `bytes */${size}` })
      return void res.end()
    }
    if (parsed) {
      ;[start, end] = parsed
      status = 206
    }
  }
  const length = end >= start ? end - start + 1 : 0
  res.writeHead(status, { ...common, 'content-length': length, ...(status === 206 ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}) })
  if (req.method === 'HEAD' || length === 0) return void res.end()
  const handle = await open(path, 'r')
  const stream = handle.createReadStream({ start, end })
  stream.pipe(res)
  await new Promise<void>((resolve) => {
    stream.on('close', resolve)
    res.on('close', () => {
      stream.destroy()
      resolve()
    })
  })
}

/** Parses a single `bytes=` range; null to ignore the header (multi-range), or 'unsatisfiable'. */
export function parseRange(header: string, size: number): [number, number] | null | 'unsatisfiable' {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m) return null
  const [, a, b] = m
  if (a === '' && b === '') return null
  if (a === '') {
    const suffix = Number(b)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return [Math.max(0, size - suffix), size - 1]
  }
  const start = Number(a)
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1)
  if (start >= size || end < start) return 'unsatisfiable'
  return [start, end]
}

function contentTypeOf(name: string): string {
  const ext = name.toLowerCase().split('.').pop()
  return { wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg', opus: 'audio/ogg', flac: 'audio/flac', m4a: 'audio/mp4', mp4: 'video/mp4', webm: 'video/webm', pdf: 'application/pdf' }[ext ?? ''] ?? 'application/octet-stream'
}
