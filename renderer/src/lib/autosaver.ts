/*
 * Autosave that waits for a pause and never for long: a change is written once the edits have
 * paused for `delayMs` (1 s), and at the latest `maxWaitMs` (4 s) after the first unsaved change,
 * so a reviewer typing without a pause is still saved every few seconds. A write that is due runs
 * in the page's next idle period (at most `idleTimeoutMs` later): it used to fire 800 ms after
 * the first edit, in the middle of the next word's keys. A key that comes before that idle period
 * puts the write back to the next pause (unless the maximum wait is what made it due). Changes
 * coalesce into one write of the latest value; a change made while a write is running is written
 * after it (never two writes at once, never an older value after a newer one). `flush()` writes
 * now (quit, close). A failed write keeps its value and is retried with back-off (2, 4, … 30 s
 * at a delay of 1 s).
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
  /**
   * Runs `callback` in the page's next idle period, at the latest `timeoutMs` later (default:
   * requestIdleCallback, or the next task where there is none); `cancelIdle` forgets it.
   */
  idle?(callback: (deadline: { didTimeout: boolean; timeRemaining(): number }) => void, timeoutMs: number): unknown
  cancelIdle?(handle: unknown): void
}

/** Ports of an autosaver. */
export interface AutosaverPorts<T> {
  /** Writes one value (e.g. `draftStore.save(taskId, exportHash, value, meta)`). */
  readonly write: (value: T) => Promise<unknown>
  readonly now: () => number
  readonly timers?: AutosaveTimers
  /** The pause after the last change that starts its write (default 1000 ms); also the back-off's unit. */
  readonly delayMs?: number
  /** Longest time from the first unsaved change to its write being asked for, through a burst that never pauses (default 4 × delayMs). */
  readonly maxWaitMs?: number
  /** Longest wait for an idle period once a write is due (default 500 ms). */
  readonly idleTimeoutMs?: number
  /** `error` is what the failed write threw (an AppError carries main's reason), with state 'error'. */
  readonly onStatus?: (status: AutosaveStatus, error?: unknown) => void
}

/** An autosaver (see `createAutosaver`). */
export interface Autosaver<T> {
  /** Records the latest value; it is written after a pause of `delayMs`, or `maxWaitMs` after the first unsaved change. */
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
  const idle = timers.idle ?? defaultIdle
  const cancelIdle = timers.cancelIdle ?? defaultCancelIdle
  const delayMs = ports.delayMs ?? 1000
  const maxWaitMs = ports.maxWaitMs ?? 4 * delayMs
  const idleTimeoutMs = ports.idleTimeoutMs ?? 500
  let status: AutosaveStatus = { state: 'saved', savedAt: null }
  let pending: { value: T } | null = null
  /** The pause timer (or, after a failure, the retry's). */
  let quiet: unknown = null
  /** The maximum wait's timer, from the first unsaved change until its write starts. */
  let maxWait: unknown = null
  /** The idle request of a write that is due. */
  let waitingIdle: unknown = null
  /** A write is due (a timer fired): the running write's loop writes the latest value after it. */
  let due = false
  let running: Promise<void> | null = null
  let disposed = false
  let failures = 0

  const setStatus = (next: AutosaveStatus, error?: unknown): void => {
    status = next
    ports.onStatus?.(next, error)
  }

  const clearTimers = (): void => {
    if (quiet !== null) timers.clearTimeout(quiet)
    if (maxWait !== null) timers.clearTimeout(maxWait)
    if (waitingIdle !== null) cancelIdle(waitingIdle)
    quiet = maxWait = waitingIdle = null
  }

  /** A timer fired: the write runs in the next idle period (one with a few ms to spare, or at its timeout). */
  const makeDue = (): void => {
    due = true
    if (quiet !== null) timers.clearTimeout(quiet)
    quiet = null
    if (running || waitingIdle !== null || disposed) return
    const ask = (): void => {
      let ran = false
      const handle = idle((deadline) => {
        ran = true
        waitingIdle = null
        // Not in the sliver of idle time before the next frame: the write would push that frame back.
        if (!deadline.didTimeout && deadline.timeRemaining() < minIdleMs) return ask()
        void drain().catch(() => undefined)
      }, idleTimeoutMs)
      // (A port may run the callback at once: then nothing is waiting.)
      if (!ran) waitingIdle = handle
    }
    ask()
  }

  /** Arms the pause timer again, and the maximum wait if none is running. */
  const arm = (): void => {
    if (disposed) return
    if (quiet !== null) timers.clearTimeout(quiet)
    quiet = timers.setTimeout(makeDue, delayMs)
    maxWait ??= timers.setTimeout(() => {
      maxWait = null
      makeDue()
    }, maxWaitMs)
  }

  /** Writes pending values one after another while one is due (or all of them: `flush`). */
  const drain = (all = false): Promise<void> => {
    if (running) return running
    running = (async () => {
      try {
        while (pending && (due || all)) {
          const { value } = pending
          pending = null
          due = false
          if (maxWait !== null) timers.clearTimeout(maxWait)
          maxWait = null
          setStatus({ state: 'saving', savedAt: status.savedAt })
          try {
            await ports.write(value)
          } catch (error) {
            // Keep the value unless a newer one arrived, so the next flush or change retries it.
            pending ??= { value }
            setStatus({ state: 'error', savedAt: status.savedAt, message: error instanceof Error ? error.message : String(error) }, error)
            // Retry on its own (disk full, folder locked), backing off to at most 30 s.
            failures++
            if (quiet !== null) timers.clearTimeout(quiet)
            if (!disposed) quiet = timers.setTimeout(makeDue, Math.min(30_000, delayMs * 2 ** failures))
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
      // Backing off after a failure: the retry's timer stands.
      if (failures > 0 && quiet !== null) return
      // A key before the due write's idle period: wait for the next pause instead, unless the
      // maximum wait made it due (then it goes in that idle period).
      if (waitingIdle !== null && maxWait !== null) {
        cancelIdle(waitingIdle)
        waitingIdle = null
        due = false
      }
      if (waitingIdle === null) arm()
    },

    async flush() {
      clearTimers()
      if (running) await running.catch(() => undefined)
      if (pending) await drain(true)
    },

    get dirty() {
      return pending !== null || running !== null
    },

    get status() {
      return status
    },

    dispose() {
      disposed = true
      clearTimers()
    }
  }
}

/** The least idle time (ms) a write starts in, unless its idle request timed out. */
const minIdleMs = 4

// Where there is no requestIdleCallback (test DOMs, Node) the due write runs at once: the timer
// that made it due is a task of its own already.
function defaultIdle(callback: (deadline: { didTimeout: boolean; timeRemaining(): number }) => void, timeoutMs: number): unknown {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(callback, { timeout: timeoutMs })
  callback({ didTimeout: true, timeRemaining: () => 0 })
  return null
}

function defaultCancelIdle(handle: unknown): void {
  if (typeof cancelIdleCallback === 'function' && typeof handle === 'number') cancelIdleCallback(handle)
}
