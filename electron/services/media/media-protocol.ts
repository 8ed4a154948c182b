import type { MediaService } from './media-cache'
import { rangeResponse, type RequestHandler } from './range-response'

/*
 * The `sdte-media:` URLs the renderer plays: `sdte-media://task/<taskId>?v=<version>`. The
 * handler looks the task's file up through MediaService (attached, else cached), never the
 * network, and answers Range itself. `v` changes when the file does (another attachment, a new
 * download) so the media element reloads instead of reusing a stale buffer; the handler ignores
 * it. The glue registers the scheme privileged before app ready (standard, secure, stream,
 * supportFetchAPI) and calls `protocol.handle(mediaScheme, createMediaProtocolHandler(media))`.
 */

/** The custom scheme for media. */
export const mediaScheme = 'sdte-media'

/** The URL the renderer plays for a task's recording. */
export function mediaUrlFor(taskId: string | number, media?: { size: number; path: string }): string {
  const version = media ? `?v=${media.size.toString(36)}-${hash(media.path)}` : ''
  return `${mediaScheme}://task/${encodeURIComponent(String(taskId))}${version}`
}

/** The task id in a `sdte-media://task/<id>` URL, or null for any other URL. */
export function taskIdOfMediaUrl(url: URL): string | null {
  if (url.protocol !== `${mediaScheme}:` || url.hostname !== 'task') return null
  const id = decodeURIComponent(url.pathname.replace(/^\//, ''))
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null
}

/** The `protocol.handle` handler: Range-aware answers from the task's local file, 404 when none. */
export function createMediaProtocolHandler(media: Pick<MediaService, 'mediaFile'>): RequestHandler {
  return async (request) => {
    const taskId = taskIdOfMediaUrl(new URL(request.url))
    if (taskId === null) return new Response(null, { status: 404 })
    const file = await media.mediaFile(taskId)
    if (!file) return new Response(null, { status: 404 })
    return rangeResponse(request, file)
  }
}

function hash(text: string): string {
  // A short FNV-1a: only needs to change when the path does.
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}
