/*
 * Joinable work: one run per key at a time (a download, a peaks computation). A caller that
 * asks while a run is under way joins it and hears its progress; the run is cancelled only when
 * every caller that joined has cancelled, and the last one to cancel is answered once the run
 * has finished cleaning up (no temp file left behind when the promise settles).
 */

/** What one caller passes in. */
export interface FlightOptions<P> {
  readonly onProgress?: (progress: P) => void
  readonly signal?: AbortSignal
}

/** Starts the work for a key; given the run's own signal and a progress fan-out. */
export type FlightStart<T, P> = (signal: AbortSignal, onProgress: (progress: P) => void) => Promise<T>

interface Flight<T, P> {
  readonly promise: Promise<T>
  readonly listeners: Set<(progress: P) => void>
  readonly controller: AbortController
  callers: number
}

/** Runs keyed work at most once at a time per key; `cancelled()` is what a cancelling caller gets. */
export function createFlights<T, P>(cancelled: () => T): (key: string, start: FlightStart<T, P>, options?: FlightOptions<P>) => Promise<T> {
  const flights = new Map<string, Flight<T, P>>()

  return (key, start, options = {}) => {
    if (options.signal?.aborted) return Promise.resolve(cancelled())
    let flight = flights.get(key)
    // A run whose callers all cancelled is winding down: start afresh rather than join it.
    if (!flight || flight.controller.signal.aborted) {
      const controller = new AbortController()
      const listeners = new Set<(progress: P) => void>()
      const promise = Promise.resolve()
        .then(() => start(controller.signal, (progress) => listeners.forEach((listener) => listener(progress))))
        .finally(() => {
          if (flights.get(key) === created) flights.delete(key)
        })
      const created: Flight<T, P> = { promise, listeners, controller, callers: 0 }
      flights.set(key, created)
      flight = created
    }
    const joined = flight
    joined.callers++
    const listener = options.onProgress
    if (listener) joined.listeners.add(listener)
    const signal = options.signal

    return new Promise<T>((resolve, reject) => {
      let settled = false
      const settle = (done: () => void): void => {
        if (settled) return
        settled = true
        if (listener) joined.listeners.delete(listener)
        signal?.removeEventListener('abort', onAbort)
        done()
      }
      const onAbort = (): void => {
        joined.callers--
        if (joined.callers > 0) return settle(() => resolve(cancelled()))
        joined.controller.abort()
        const answer = (): void => settle(() => resolve(cancelled()))
        joined.promise.then(answer, answer)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      joined.promise.then(
        (value) => {
          if (!signal?.aborted) settle(() => resolve(value))
        },
        (error: unknown) => {
          if (!signal?.aborted) settle(() => reject(error))
        }
      )
    })
  }
}
