import type { MediaService } from '../services/media/media-cache'
import type { PeaksData, PeaksService } from '../services/media/peaks'
import { interleavePeaks } from '../services/media/peaks'
import { rangeResponse } from '../services/media/range-response'
import type { RequestHandler } from '../services/media/range-response'
import type { DocumentFileCache } from '../services/documents/document-file-cache'

/*
 * What the media protocol serves, as a plain Request → Response handler: the app mounts it on
 * `sdte-media://app/…` and the end-to-end tests on loopback HTTP, so both run the same code.
 *   /media/<key>     the recording (cached or attached), with Range support
 *   /peaks/<key>     the cached waveform peaks: little-endian Float32 pairs (min, max)
 *     ?levels                       JSON { durationMs, sampleRate, levels: [{ peaksPerSecond, length }] }
 *     ?level=L&start=S&end=E        pairs of buckets [S, E) of level L only (0 = detail, last = overview;
 *                                   L past the last level reads the overview, S and E are clamped)
 *   /document/<key>  a document task's cached original (PDF or image)
 * `<key>` is a cache key (download/cache-key.ts) handed out by the IPC handlers.
 *
 * Recordings and documents are private: cross-origin reads are allowed to the app's own page
 * only (pdf.js and the peaks fetch read them from the page's origin), never with a wildcard.
 */

/** The origin of the app's page as Electron reports it today (the renderer is served from app://sdte). */
export const defaultAppOrigin = 'app://sdte'

/** Options of the media routes. */
export interface MediaRoutesOptions {
  /** The only origin allowed to read the answers cross-origin (Access-Control-Allow-Origin). */
  readonly appOrigin?: string
}

/** Builds the media protocol handler. */
export function createMediaRoutes(media: MediaService, peaks: PeaksService, documents: DocumentFileCache, options: MediaRoutesOptions = {}): RequestHandler {
  const appOrigin = options.appOrigin ?? defaultAppOrigin
  // Answer CORS only to our own page; any other origin gets no Allow-Origin and cannot read.
  const withCors = (request: Request, response: Response): Response => {
    response.headers.append('Vary', 'Origin')
    if (request.headers.get('origin') === appOrigin) {
      response.headers.set('Access-Control-Allow-Origin', appOrigin)
      // pdf.js reads a PDF by ranges only when it can see that they are served and how big the file is.
      response.headers.set('Access-Control-Expose-Headers', 'Accept-Ranges, Content-Range, Content-Length')
    } else {
      response.headers.delete('Access-Control-Allow-Origin')
      response.headers.delete('Access-Control-Expose-Headers')
    }
    return response
  }
  return async (request) => {
    const match = /^\/(media|peaks|document)\/([A-Za-z0-9_-]{1,64})$/.exec(new URL(request.url).pathname)
    if (!match) return new Response(null, { status: 404 })
    const [, kind, key] = match as unknown as [string, string, string]
    // A preflight for a ranged read (a Range header the browser does not count as simple): GET and HEAD with Range, for the app only.
    if (request.method.toUpperCase() === 'OPTIONS') {
      return withCors(request, new Response(null, { status: 204, headers: { 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': 'Range', 'Access-Control-Max-Age': '600' } }))
    }
    if (kind === 'document') {
      const doc = await documents.cached(key)
      if (!doc) return new Response(null, { status: 404 })
      return withCors(request, await rangeResponse(request, doc))
    }
    const file = await media.mediaFile(key)
    if (!file) return new Response(null, { status: 404 })
    if (kind === 'media') return withCors(request, await rangeResponse(request, file))
    const query = new URL(request.url).searchParams
    if (query.has('levels')) {
      const levels = await peaks.readLevels(key, file.path)
      if (!levels) return new Response(null, { status: 404 })
      return withCors(request, new Response(JSON.stringify(levels), { status: 200, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } }))
    }
    let cached: Pick<PeaksData, 'min' | 'max' | 'length'> | null
    if (query.has('level')) {
      const [level, start, end] = ['level', 'start', 'end'].map((name) => Number(query.get(name) ?? NaN))
      if (![level, start, end].every((n) => Number.isInteger(n) && n! >= 0)) return new Response('level, start and end must be whole numbers', { status: 400 })
      const range = await peaks.readRange(key, file.path, level!, start!, end!)
      cached = range && { min: range.min, max: range.max, length: range.min.length }
    } else {
      cached = await peaks.readCached(key, file.path)
    }
    if (!cached) return new Response(null, { status: 404 })
    const body = interleavePeaks(cached)
    return withCors(
      request,
      new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), {
        status: 200,
        headers: { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store' }
      })
    )
  }
}
