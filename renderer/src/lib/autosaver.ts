/*
 * Autosave with a bound: a change is on disk at most `delayMs` (1 s) after it was made.
 *
 * The timer starts at the first unsaved change and is not pushed back by later ones: a plain
 * debounce would never save during a long burst of typing, and every change must be saved
 * within a second (docs/architecture.md#data-flow). Changes made inside the window coalesce into
 * one write of the latest value; a change made while a write is running is written right after it
 * (never two writes at once, never an older value after a newer one). `flush()` writes now (quit,
 * close). A failed write keeps its value and is retried with back-off (1 s, 2 s, … 30 s).
 */

/** Where the reviewer's work stands, for the status line. */
export type AutosaveState = 'saved' | 'saving' | 'unsaved' | 'error'

/** A state report: `savedAt` is the time of the last successful write (ms), null before the first. */
export interface AutosaveStatus {
  readonly state: AutosaveState
  readonly savedAt: number | null
  /** Set when state is 'error'. */
  readonly message?: string
}

/** Timer functions, injected so tests drive time. */
export interface AutosaveTimers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** Ports of an autosaver. */
export interface AutosaverPorts<T> {
  /** Writes one value (e.g. `draftStore.save(taskId, exportHash, value, meta)`). */
  readonly write: (value: T) => Promise<unknown>
  readonly now: () => number
  readonly timers?: AutosaveTimers
  /** Longest time from a change to its write starting (default 1000 ms). */
  readonly delayMs?: number
  /** `error` is what the failed write threw (an AppError carries main's reason), with state 'error'. */
  readonly onStatus?: (status: AutosaveStatus, error?: unknown) => void
}

/** An autosaver (see `createAutosaver`). */
export interface Autosaver<T> {
  /** Records the latest value; it will be written within `delayMs`. */
  change(value: T): void
  /** Writes any pending value now and waits for it (and any write in flight). Rejects if the write fails. */
  flush(): Promise<void>
  /** True while a change is not yet on disk. */
  readonly dirty: boolean
  readonly status: AutosaveStatus
  /** Stops the timer; pending changes are dropped unless flushed first. */
  dispose(): void
}

/** Makes an autosaver around a write function. */
export function createAutosaver<T>(ports: AutosaverPorts<T>): Autosaver<T> {
  const timers: AutosaveTimers = ports.timers ?? {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
  }
  const delayMs = ports.delayMs ?? 1000
  let status: AutosaveStatus = { state: 'saved', savedAt: null }
  let pending: { value: T } | null = null
  let timer: unknown = null
  let running: Promise<void> | null = null
  let disposed = false

  const setStatus = (next: AutosaveStatus, error?: unknown): void => {
    status = next
    ports.onStatus?.(next, error)
  }

  let failures = 0

  const schedule = (ms = delayMs): void => {
    if (timer !== null || disposed) return
    timer = timers.setTimeout(() => {
      timer = null
      void drain().catch(() => undefined)
    }, ms)
  }

  /** Writes pending values one after another until none is left. */
  const drain = (): Promise<void> => {
    if (running) return running
    running = (async () => {
      try {
        while (pending) {
          const { value } = pending
          pending = null
          setStatus({ state: 'saving', savedAt: status.savedAt })
          try {
            await ports.write(value)
          } catch (error) {
            // Keep the value unless a newer one arrived, so the next flush or change retries it.
            pending ??= { value }
            setStatus({ state: 'error', savedAt: status.savedAt, message: error instanceof Error ? error.message : String(error) }, error)
            // Retry on its own (disk full, folder locked), backing off to at most 30 s.
            failures++
            schedule(Math.min(30_000, delayMs * 2 ** failures))
            throw error
          }
          failures = 0
          setStatus({ state: pending ? 'unsaved' : 'saved', savedAt: Math.round(ports.now()) })
        }
      } finally {
        running = null
      }
    })()
    return running
  }

  return {
    change(value) {
      if (disposed) return
      pending = { value }
      if (!running) setStatus({ state: 'unsaved', savedAt: status.savedAt })
      schedule()
    },

    async flush() {
      if (timer !== null) {
        timers.clearTimeout(timer)
        timer = null
      }
      if (running) await running.catch(() => undefined)
      if (pending) await drain()
    },

    get dirty() {
      return pending !== null || running !== null
    },

    get status() {
      return status
    },

    dispose() {
      disposed = true
      if (timer !== null) timers.clearTimeout(timer)
      timer = null
    }
  }
}
