import { createMediaService, type MediaLogEvent, type MediaService } from './media-cache'
import { createMediaProtocolHandler } from './media-protocol'
import { createPeaksService, type PeaksService } from './peaks'
import type { RequestHandler } from './range-response'

/*
 * One call for the composition root: the media cache, the peaks service over the same cache
 * folder, and the `sdte-media` protocol handler, from the ports main already has.
 */

/** Ports for `createMediaServices`. */
export interface MediaServicesPorts {
  readonly fetch: typeof fetch
  /** e.g. `join(app.getPath('userData'), 'media')`. */
  readonly cacheDir: string
  readonly now?: () => number
  readonly log?: (event: MediaLogEvent) => void
}

/** What main wires up: IPC handlers over `media`/`peaks`, and `protocol.handle(mediaScheme, protocolHandler)`. */
export interface MediaServices {
  readonly media: MediaService
  readonly peaks: PeaksService
  readonly protocolHandler: RequestHandler
}

/** Makes the media services over one cache folder. */
export function createMediaServices(ports: MediaServicesPorts): MediaServices {
  const media = createMediaService(ports)
  const peaks = createPeaksService({
    cacheDir: ports.cacheDir,
    log: ports.log ? (level, message) => ports.log!({ level, message }) : undefined
  })
  return { media, peaks, protocolHandler: createMediaProtocolHandler(media) }
}
