/*
 * Handing the main thread back to the page in the middle of a long job, so input and paint go
 * first. `scheduler.yield()` resumes ahead of other queued tasks where the browser has it; else a
 * message-channel task (a nested setTimeout(0) is clamped to 4 ms after five levels).
 */

type SchedulerLike = { yield?: () => Promise<void> }

/** Resolves in a later task, after the page has had a chance to handle input and paint. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return yieldInTurn()
}

/**
 * Resolves in a later task queued behind the page's own (timers, replies, input): for work the
 * screen already shows the result of, which should not go ahead of everything else the way a
 * `scheduler.yield()` continuation does.
 */
export function yieldInTurn(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        channel.port1.close()
        resolve()
      }
      channel.port2.postMessage(null)
    })
  }
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * Resolves once the page has painted the next frame (a task queued from inside the frame runs
 * after it). Where no frame will come — no requestAnimationFrame (test DOMs), a hidden page —
 * or it is late (a window the compositor has throttled), it resolves like `yieldToPage` or after
 * 100 ms, so work waiting for a paint never waits for good.
 */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || (typeof document !== 'undefined' && document.visibilityState === 'hidden')) return yieldToPage()
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100)
    requestAnimationFrame(() => {
      void yieldToPage().then(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  })
}
