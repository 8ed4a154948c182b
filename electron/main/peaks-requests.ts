import type { MediaProgressEvent, PeaksState } from '../../shared/ipc/contract'
import type { PeaksService } from '../services/media/peaks'

/*
 * One peaks computation per task and file, started as early as main knows the file: when a
 * recording is attached, not only when the renderer asks (`media:peaks`), so the first peaks do
 * not wait for an IPC round trip and the renderer's own work in between. Progress events carry
 * where to read the peaks so far; the first buckets are announced at once (not at the next
 * percent), and again to a `media:peaks` that joins a decode already under way, because the
 * renderer listens only from the moment it asks.
 *
 * A decode nobody will look at is cancelled, its workers stopped: when its task closes
 * (`media:release`), another task opens, or another recording replaces it in the same task.
 * A cancelled decode sends nothing more, so a task opened next never hears its late peaks.
 */

/** Starts (or joins) the peaks computation of a task's recording; resolves with the `media:peaks` reply. */
export interface PeaksRequests {
  (taskId: number, key: string | number, path: string, url: string): Promise<PeaksState>
  /** Cancels every computation of `taskId` (its task closed). */
  release(taskId: number): void
  /** Cancels every computation of a task other than `taskId` (that task opened in place of the last). */
  releaseOthers(taskId: number): void
}

interface Running {
  readonly taskId: number
  readonly path: string
  readonly promise: Promise<PeaksState>
  readonly announce: () => void
  readonly controller: AbortController
}

/** Makes the peaks requests over the peaks service and the progress sender. */
export function createPeaksRequests(peaks: PeaksService, sendProgress: (event: MediaProgressEvent) => void): PeaksRequests {
  const running = new Map<string, Running>()
  const cancelWhere = (drop: (entry: Running) => boolean): void => {
    for (const [id, entry] of running) {
      if (!drop(entry)) continue
      running.delete(id)
      entry.controller.abort()
    }
  }
  /** A complete cache answers from its header alone: reading and converting its detail level (4 MB for 3 hours) held main's loop. */
  const fromCache = async (key: string | number, path: string, url: string): Promise<PeaksState | null> => {
    const levels = await peaks.readLevels(key, path)
    const detail = levels?.complete ? levels.levels[0] : undefined
    return levels && detail ? { status: 'ready', url, length: detail.length, peaksPerSecond: detail.peaksPerSecond, durationMs: levels.durationMs, fromCache: true } : null
  }
  const start = (taskId: number, key: string | number, path: string, url: string): Promise<PeaksState> => {
    const id = `${taskId}\n${path}`
    const found = running.get(id)
    if (found) {
      found.announce()
      return found.promise
    }
    // Another recording attached to the task replaces the one being decoded.
    cancelWhere((entry) => entry.taskId === taskId)
    const controller = new AbortController()
    const { signal } = controller
    // Nothing of a cancelled decode reaches the renderer (its workers may still have posted).
    const send = (event: MediaProgressEvent): void => {
      if (!signal.aborted) sendProgress(event)
    }
    let done = 0
    let total = 0
    let fraction = 0
    const announce = (): void => {
      if (total > 0) send({ taskId, phase: 'peaks', fraction, peaksUrl: url, bucketsDone: done, buckets: total })
    }
    const compute = (): Promise<PeaksState> => peaks
      .getPeaks(key, path, {
        signal,
        onProgress: (f) => {
          fraction = f
          send({ taskId, phase: 'peaks', fraction, ...(total > 0 ? { peaksUrl: url, bucketsDone: done, buckets: total } : {}) })
        },
        onPeaks: (partial, _first, count) => {
          const first = total === 0
          total = partial.length
          done = Math.min(total, done + count)
          if (first) announce()
        }
      })
      .then((result): PeaksState => {
        if (result.status !== 'ready') return result
        const { length, peaksPerSecond, durationMs } = result.peaks
        return { status: 'ready', url, length, peaksPerSecond, durationMs, fromCache: result.fromCache }
      })
    // (Cancelled before the decode starts, getPeaks answers 'cancelled' at once.)
    const promise = fromCache(key, path, url)
      .then((cached) => cached ?? compute())
      .finally(() => {
        if (running.get(id)?.controller === controller) running.delete(id)
      })
    running.set(id, { taskId, path, promise, announce, controller })
    return promise
  }
  return Object.assign(start, {
    release: (taskId: number) => cancelWhere((entry) => entry.taskId === taskId),
    releaseOthers: (taskId: number) => cancelWhere((entry) => entry.taskId !== taskId)
  })
}
