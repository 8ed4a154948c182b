import type { MediaProgressEvent, PeaksState } from '../../shared/ipc/contract'
import type { PeaksService } from '../services/media/peaks'

/*
 * One peaks computation per task and file, started as early as main knows the file: when a
 * recording is attached, not only when the renderer asks (`media:peaks`), so the first peaks do
 * not wait for an IPC round trip and the renderer's own work in between. Progress events carry
 * where to read the peaks so far; the first buckets are announced at once (not at the next
 * percent), and again to a `media:peaks` that joins a decode already under way, because the
 * renderer listens only from the moment it asks.
 */

/** Starts (or joins) the peaks computation of a task's recording; resolves with the `media:peaks` reply. */
export type PeaksRequests = (taskId: number, key: string | number, path: string, url: string) => Promise<PeaksState>

/** Makes the peaks requests over the peaks service and the progress sender. */
export function createPeaksRequests(peaks: PeaksService, sendProgress: (event: MediaProgressEvent) => void): PeaksRequests {
  const running = new Map<string, { promise: Promise<PeaksState>; announce: () => void }>()
  return (taskId, key, path, url) => {
    const id = `${taskId}\n${path}`
    const found = running.get(id)
    if (found) {
      found.announce()
      return found.promise
    }
    let done = 0
    let total = 0
    let fraction = 0
    const announce = (): void => {
      if (total > 0) sendProgress({ taskId, phase: 'peaks', fraction, peaksUrl: url, bucketsDone: done, buckets: total })
    }
    const promise = peaks
      .getPeaks(key, path, {
        onProgress: (f) => {
          fraction = f
          sendProgress({ taskId, phase: 'peaks', fraction, ...(total > 0 ? { peaksUrl: url, bucketsDone: done, buckets: total } : {}) })
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
      .finally(() => running.delete(id))
    running.set(id, { promise, announce })
    return promise
  }
}
