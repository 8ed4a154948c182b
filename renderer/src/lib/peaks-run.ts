import { createPeaksLoader, type PeaksFrame, type PeaksLoader } from './peaks-loader'

/**
 * The peaks of one recording being loaded (lib/peaks-loader) for the waveform strip, one step at
 * a time: a newer decode progress marks the overview stale, a scroll or zoom the view; the
 * strip's pump catches up with the latest.
 */
export interface PeaksRun {
  /** The strip's load this run belongs to. */
  readonly token: number
  readonly mediaUrl: string
  readonly loader: PeaksLoader
  /** The first overview, fetched ahead (lib/recording-prefetch): drawn instead of asking again. */
  firstFrame: Promise<PeaksFrame | null> | null
  overviewStale: boolean
  viewStale: boolean
  /** Main answered: the peaks are complete, the next overview is the last. */
  final: boolean
  /** The decode's fraction at the last progress that asked for a redraw, and at the last one drawn. */
  askedAt: number
  drawnAt: number | null
  busy: boolean
}

/** A loader and its first frame fetched ahead of the strip. */
export interface PeaksAhead {
  readonly loader: PeaksLoader
  readonly frame: Promise<PeaksFrame | null>
}

/** A new run for load `token` of `mediaUrl`, reading `peaksUrl` (or through a loader started ahead). */
export function createPeaksRun(token: number, mediaUrl: string, peaksUrl: string, ahead?: PeaksAhead | null): PeaksRun {
  const loader = ahead?.loader ?? createPeaksLoader(peaksUrl)
  return { token, mediaUrl, loader, firstFrame: ahead?.frame ?? null, overviewStale: false, viewStale: false, final: false, busy: false, askedAt: 0, drawnAt: null }
}
