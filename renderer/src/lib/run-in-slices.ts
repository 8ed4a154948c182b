import { yieldToPage } from './yield-to-page'

/*
 * A long job written as a generator (it yields between small steps) run without one long task:
 * steps run back to back for at most `sliceMs`, then the thread goes back to the page (input,
 * paint) before the next slice. Used to open long tasks (issue 21: no long task > 50 ms).
 */

/** Whole-task jobs on tasks with at most this many segments run at once: slicing them would only add a frame. */
export const sliceFromSegments = 300

/** The longest stretch of work between two hand-backs to the page, in ms. */
export const sliceMs = 12

/**
 * Runs `steps` to the end in slices; resolves to its result, or to null when `stale()` (asked
 * between slices) says the result is no longer wanted. Throws what a step throws. `pause` hands
 * the thread back between slices (by default ahead of other queued tasks; an idle wait puts the
 * job behind everything else).
 */
export async function runInSlices<T>(steps: Generator<void, T, void>, stale: () => boolean = () => false, pause: () => Promise<void> = yieldToPage): Promise<T | null> {
  for (;;) {
    const until = performance.now() + sliceMs
    for (;;) {
      const step = steps.next()
      if (step.done) return step.value
      if (performance.now() >= until) break
    }
    await pause()
    if (stale()) return null
  }
}
