import type { MediaService } from '../services/media/media-cache'
import type { PeaksService } from '../services/media/peaks'
import { interleavePeaks } from '../services/media/peaks'
import { rangeResponse } from '../services/media/range-response'
import type { RequestHandler } from '../services/media/range-response'
import type { DocumentFileCache } from '../services/documents/document-file-cache'

/*
 * What the media protocol serves, as a plain Request → Response handler: the app mounts it on
 * `sdte-media://app/…` and the end-to-end tests on loopback HTTP, so both run the same code.
 *   /media/<taskId>  the recording (cached or attached), with Range support
 *   /peaks/<taskId>  the cached waveform peaks: little-endian Float32 pairs (min, max)
 *   /document/<taskId>  a document task's cached original (PDF or image)
 */

/** CORS for the media routes: the one origin whose page may fetch them (none: same-origin only). */
export interface MediaRouteOptions {
  readonly allowOrigin?: string
}

/** Builds the media protocol handler. */
export function createMediaRoutes(media: MediaService, peaks: PeaksService, documents: DocumentFileCache, options: MediaRouteOptions = {}): RequestHandler {
  // Never a wildcard: only the app's own page (app://sdte) may read these bytes cross-origin.
  const cors: Record<string, string> = options.allowOrigin ? { 'Access-Control-Allow-Origin': options.allowOrigin, Vary: 'Origin' } : {}
  return async (request) => {
    const match = /^\/(media|peaks|document)\/(\d+)$/.exec(new URL(request.url).pathname)
    if (!match) return new Response(null, { status: 404 })
    const [, kind, taskId] = match
    if (kind === 'document') {
      const doc = await documents.cached(Number(taskId))
      if (!doc) return new Response(null, { status: 404 })
      const response = await rangeResponse(request, doc)
      // pdf.js fetches the file from the page's origin (app://sdte in the app).
      for (const [name, value] of Object.entries(cors)) response.headers.set(name, value)
      return response
    }
    const file = await media.mediaFile(taskId)
    if (!file) return new Response(null, { status: 404 })
    if (kind === 'media') return rangeResponse(request, file)
    const cached = await peaks.readCached(taskId, file.path)
    if (!cached) return new Response(null, { status: 404 })
    const body = interleavePeaks(cached)
    return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), {
      status: 200,
      headers: { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store', ...cors }
    })
  }
}
