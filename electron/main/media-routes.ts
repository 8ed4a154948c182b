import type { MediaService } from '../services/media/media-cache'
import type { PeaksData, PeaksService } from '../services/media/peaks'
import { interleavePeaks } from '../services/media/peaks'
import { rangeResponse } from '../services/media/range-response'
import type { RequestHandler } from '../services/media/range-response'
import type { DocumentFileCache } from '../services/documents/document-file-cache'

/*
 * What the media protocol serves, as a plain Request → Response handler: the app mounts it on
 * `sdte-media://app/…` and the end-to-end tests on loopback HTTP, so both run the same code.
 *   /media/<taskId>  the recording (cached or attached), with Range support
 *   /peaks/<taskId>  the cached waveform peaks: little-endian Float32 pairs (min, max)
 *     ?levels                       JSON { durationMs, sampleRate, levels: [{ peaksPerSecond, length }] }
 *     ?level=L&start=S&end=E        pairs of buckets [S, E) of level L only (0 = detail, last = overview)
 *   /document/<taskId>  a document task's cached original (PDF or image)
 */

/** Builds the media protocol handler. */
export function createMediaRoutes(media: MediaService, peaks: PeaksService, documents: DocumentFileCache): RequestHandler {
  return async (request) => {
    const match = /^\/(media|peaks|document)\/(\d+)$/.exec(new URL(request.url).pathname)
    if (!match) return new Response(null, { status: 404 })
    const [, kind, taskId] = match
    if (kind === 'document') {
      const doc = await documents.cached(Number(taskId))
      if (!doc) return new Response(null, { status: 404 })
      const response = await rangeResponse(request, doc)
      // pdf.js fetches the file from the page's origin (file:// in the app): allow it.
      response.headers.set('Access-Control-Allow-Origin', '*')
      return response
    }
    const file = await media.mediaFile(taskId)
    if (!file) return new Response(null, { status: 404 })
    if (kind === 'media') return rangeResponse(request, file)
    const query = new URL(request.url).searchParams
    if (query.has('levels')) {
      const levels = await peaks.readLevels(taskId, file.path)
      if (!levels) return new Response(null, { status: 404 })
      return new Response(JSON.stringify(levels), { status: 200, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' } })
    }
    let cached: Pick<PeaksData, 'min' | 'max' | 'length'> | null
    if (query.has('level')) {
      const [level, start, end] = ['level', 'start', 'end'].map((name) => Number(query.get(name) ?? NaN))
      if (![level, start, end].every((n) => Number.isInteger(n) && n! >= 0)) return new Response('level, start and end must be whole numbers', { status: 400 })
      const range = await peaks.readRange(taskId, file.path, level!, start!, end!)
      cached = range && { min: range.min, max: range.max, length: range.min.length }
    } else {
      cached = await peaks.readCached(taskId, file.path)
    }
    if (!cached) return new Response(null, { status: 404 })
    const body = interleavePeaks(cached)
    return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), {
      status: 200,
      headers: { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' }
    })
  }
}
