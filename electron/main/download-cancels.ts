/*
 * The recording downloads under way, per task, so the reviewer's Cancel (`media:cancelDownload`)
 * can stop them. Each call that may download registers its own AbortController; cancelling a
 * task aborts them all (the download service stops the transfer and deletes its temp file
 * before the calls answer "cancelled").
 */

/** The downloads of each task that can be cancelled. */
export interface DownloadCancels {
  /** Runs `work` with a signal that `cancel(taskId)` aborts. */
  run<T>(taskId: number, work: (signal: AbortSignal) => Promise<T>): Promise<T>
  /** Aborts every download of `taskId` under way; false when there was none. */
  cancel(taskId: number): boolean
}

/** An empty registry. */
export function createDownloadCancels(): DownloadCancels {
  const live = new Map<number, Set<AbortController>>()
  return {
    async run(taskId, work) {
      const controller = new AbortController()
      const set = live.get(taskId) ?? new Set<AbortController>()
      set.add(controller)
      live.set(taskId, set)
      try {
        return await work(controller.signal)
      } finally {
        set.delete(controller)
        if (set.size === 0 && live.get(taskId) === set) live.delete(taskId)
      }
    },
    cancel(taskId) {
      const set = live.get(taskId)
      if (!set || set.size === 0) return false
      for (const controller of set) controller.abort()
      return true
    }
  }
}
