import { AppError } from '../../../shared/errors'

/** Waits `ms`; rejects with `cancelled` when `signal` aborts first. Injected so tests need no real time. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/** The real sleep, on setTimeout. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new AppError('cancelled', 'Cancelled'))
    const onAbort = () => {
      clearTimeout(timer)
      reject(new AppError('cancelled', 'Cancelled'))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
