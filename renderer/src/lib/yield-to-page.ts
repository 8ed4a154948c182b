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
