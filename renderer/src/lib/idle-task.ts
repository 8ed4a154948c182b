/*
 * Work put off to the browser's next idle period (requestIdleCallback, with a timeout so it runs
 * even on a busy page), or to the next task where there is no requestIdleCallback (test DOMs).
 * One slot holds at most one pending callback, so a caller can ask again and again cheaply.
 */

/** A slot for one callback waiting for an idle period. */
export interface IdleTask {
  /** Runs `run` in the next idle period, unless a callback is already waiting (then that one stays). */
  schedule(run: () => void): void
  /** Forgets the waiting callback, if any. */
  cancel(): void
  /** True while a callback is waiting. */
  readonly pending: boolean
}

/** An idle slot whose callback runs at the latest `timeoutMs` after it was scheduled. */
export function idleTask(timeoutMs: number): IdleTask {
  let handle: number | null = null
  return {
    schedule(run) {
      if (handle !== null) return
      const fire = (): void => {
        handle = null
        run()
      }
      handle = typeof requestIdleCallback === 'function' ? requestIdleCallback(fire, { timeout: timeoutMs }) : (setTimeout(fire, 0) as unknown as number)
    },
    cancel() {
      if (handle === null) return
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle)
      else clearTimeout(handle)
      handle = null
    },
    get pending() {
      return handle !== null
    }
  }
}
