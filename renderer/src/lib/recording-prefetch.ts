import type { Result } from '../../../shared/errors'
import type { MediaState, PeaksState } from '../../../shared/ipc/contract'
import { sdte } from './bridge'
import { createPeaksLoader, type PeaksFrame, type PeaksLoader } from './peaks-loader'

/*
 * The recording's first steps, started when a task opens rather than when the waveform strip
 * mounts (after the transcript's first paint and an idle moment, ~200 ms later on a 2-hour
 * task): main resolves the recording, answers its peaks and the page fetches the overview while
 * the transcript renders, so a reopened task's waveform has its peaks in hand when the strip
 * mounts. Traced on a cached 3-hour recording, the strip's three serial round trips after its
 * mount were most of the 575 ms from the open click to the first peaks on screen.
 */

/** What was asked for a task's recording, each step started as soon as the one before answered. */
export interface RecordingStart {
  readonly taskId: number
  readonly resolved: Promise<Result<MediaState>>
  /** Null when the recording is not ready to play (nothing to ask peaks for). */
  readonly peaks: Promise<Result<PeaksState> | null>
  /** The loader of ready peaks and its first frame (levels + overview), or null. */
  readonly overview: Promise<{ readonly url: string; readonly loader: PeaksLoader; readonly frame: Promise<PeaksFrame | null> } | null>
}

let pending: RecordingStart | null = null

/** Starts the recording's first steps for `taskId` (when it opens), in place of any not taken. */
export function prefetchRecording(taskId: number): void {
  const resolved = sdte().invoke['media:resolve']({ taskId })
  const peaks = resolved.then((result) => (result.ok && result.value.status === 'ready' ? sdte().invoke['media:peaks']({ taskId }) : null))
  const overview = peaks.then((result) => {
    // Only complete peaks: a decode under way is drawn as its progress events come.
    if (!result?.ok || result.value.status !== 'ready') return null
    const loader = createPeaksLoader(result.value.url)
    const frame = loader.overview()
    // A failure is the strip's to show when it takes the frame; none is left unhandled meanwhile.
    frame.catch(() => undefined)
    return { url: result.value.url, loader, frame }
  })
  overview.catch(() => undefined)
  pending = { taskId, resolved, peaks, overview }
}

/** The steps started for `taskId`, once (the strip takes them when it mounts); null when none were. */
export function takePrefetched(taskId: number): RecordingStart | null {
  const found = pending?.taskId === taskId ? pending : null
  pending = null
  return found
}

/** The task whose recording the strip shows. */
let shown: number | null = null

/**
 * The strip now shows `taskId`'s recording (null: none, it closed or unmounted): main is told
 * the last one is no longer shown, so a decode under way stops and frees its workers.
 */
export function showRecording(taskId: number | null): void {
  if (shown !== null && shown !== taskId) void sdte().invoke['media:release']({ taskId: shown })
  if (taskId === null) pending = null
  shown = taskId
}
