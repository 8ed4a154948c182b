import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { pipeline } from 'node:stream/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { contentTypeOrDefault } from './content-type'

/*
 * Serves a local media file as a WHATWG Response with byte-range support.
 *
 * Electron's `net.fetch('file://…')` ignores Range and answers 200 with the whole body, so an
 * <audio> element fed that way cannot seek (docs/architecture.md#the-media-scheme). The
 * `sdte-media` protocol handler therefore answers Range itself with this function; the end-to-end
 * tests serve the very same function to Chromium over loopback HTTP through `serveOverHttp`.
 */

/** A local file to serve. `contentType` is taken from the extension when absent; the size is always read from disk. */
export interface MediaFile {
  readonly path: string
  readonly size?: number
  readonly contentType?: string
}

/** A function from a request to a response, as `protocol.handle` and `serveOverHttp` take. */
export type RequestHandler = (request: Request) => Promise<Response> | Response

/** A parsed `Range` header against a file of known size. */
export type RangeResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'range'; readonly start: number; readonly end: number }
  | { readonly kind: 'unsatisfiable' }

/**
 * Parses a `Range` header for a file of `size` bytes (RFC 9110 §14). Only a single range is
 * honoured; a multi-range or malformed header is ignored (the whole file is served), which the
 * RFC allows and which is what media elements cope with.
 */
export function parseRange(header: string | null, size: number): RangeResult {
  if (header === null) return { kind: 'none' }
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header)
  if (!match) return { kind: 'none' }
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return { kind: 'none' }
  if (first === '') {
    // Suffix range: the last n bytes.
    const length = Number(last)
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' }
    return { kind: 'range', start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(first)
  if (start >= size) return { kind: 'unsatisfiable' }
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  if (end < start) return { kind: 'none' }
  return { kind: 'range', start, end }
}

/**
 * Answers `request` (GET or HEAD) with the bytes of `file`: 200 with `Accept-Ranges: bytes`
 * without a Range, 206 with `Content-Range` for one satisfiable range, 416 with
 * `Content-Range: bytes *\/size` otherwise. The body streams from disk; the file is never read
 * whole into memory, and cancelling the body closes the file.
 */
export async function rangeResponse(request: Request, file: MediaFile): Promise<Response> {
  const method = request.method.toUpperCase()
  if (method !== 'GET' && method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } })
  }
  let size: number
  let mtimeMs: number
  try {
    // Always the size on disk now: a caller's remembered size may predate a re-download.
    const info = await stat(file.path)
    if (!info.isFile()) return new Response(null, { status: 404 })
    size = info.size
    mtimeMs = info.mtimeMs
  } catch {
    return new Response(null, { status: 404 })
  }
  const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`
  const headers = new Headers({
    'Content-Type': file.contentType ?? contentTypeOrDefault(file.path),
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Last-Modified': new Date(mtimeMs).toUTCString(),
    'Cache-Control': 'no-cache'
  })

  // If-Range: a Range applies only when the client's copy is still ours (RFC 9110 §13.1.5).
  const ifRange = request.headers.get('if-range')
  const rangeHeader = ifRange !== null && ifRange !== etag ? null : request.headers.get('range')
  const range = parseRange(rangeHeader, size)

  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`)
    headers.set('Content-Length', '0')
    return new Response(null, { status: 416, headers })
  }
  const start = range.kind === 'range' ? range.start : 0
  const end = range.kind === 'range' ? range.end : size - 1
  const length = size === 0 ? 0 : end - start + 1
  headers.set('Content-Length', String(length))
  if (range.kind === 'range') headers.set('Content-Range', `bytes ${start}-${end}/${size}`)
  const status = range.kind === 'range' ? 206 : 200

  if (method === 'HEAD' || length === 0) return new Response(null, { status, headers })
  const body = fileStream(file.path, start, end)
  return new Response(body, { status, headers })
}

/**
 * A request handler serving media files found by `lookup` (null → 404). The glue maps
 * `sdte-media://task/<taskId>` to the task's cached or attached file with it.
 */
export function mediaRequestHandler(lookup: (url: URL) => Promise<MediaFile | null> | MediaFile | null): RequestHandler {
  return async (request) => {
    const file = await lookup(new URL(request.url))
    if (!file) return new Response(null, { status: 404 })
    return rangeResponse(request, file)
  }
}

function fileStream(path: string, start: number, end: number): ReadableStream<Uint8Array> {
  // 256 KiB reads: few syscalls for a long seek-free play, small enough to keep memory flat.
  const stream = createReadStream(path, { start, end, highWaterMark: 256 * 1024 })
  return Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>
}

/**
 * Adapts a request handler to node:http: IncomingMessage → Request, Response → the socket,
 * streaming the body both ways. A client that goes away mid-body cancels the Response body,
 * which closes the file behind it.
 */
export function serveOverHttp(handler: RequestHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void respond(handler, req, res)
  }
}

async function respond(handler: RequestHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let response: Response
  try {
    response = await handler(toRequest(req, res))
  } catch {
    if (!res.headersSent) res.writeHead(500, { 'Content-Length': '0' })
    res.end()
    return
  }
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  const setCookie = response.headers.getSetCookie()
  if (setCookie.length > 0) headers['set-cookie'] = setCookie
  res.writeHead(response.status, response.statusText || undefined, headers)
  if (!response.body || req.method === 'HEAD') {
    await response.body?.cancel().catch(() => undefined)
    res.end()
    return
  }
  const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>)
  // A client that aborts makes pipeline reject; nothing is left to answer then.
  await pipeline(body, res).catch(() => undefined)
}

function toRequest(req: IncomingMessage, res: ServerResponse): Request {
  const host = req.headers.host ?? '127.0.0.1'
  const url = new URL(req.url ?? '/', `http://${host}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else headers.set(name, value)
  }
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  const controller = new AbortController()
  // The client went away before we finished answering: tell the handler.
  res.on('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  return new Request(url, {
    method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>, duplex: 'half' } : {})
  } as RequestInit)
}
