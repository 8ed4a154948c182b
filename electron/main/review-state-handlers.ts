import type { ReviewStateStore } from '../services/drafts/review-state-store'
import type { IpcHandlers } from './ipc-dispatcher'

/*
 * Handlers of the review-state sidecar's channels (coverage and time spent per task), kept apart
 * from app-handlers.ts. The store owns the file rules; the request was validated by the contract.
 */

/** The review-state channels. */
export type ReviewStateChannel = 'reviewState:load' | 'reviewState:save'

/** Builds the review-state handlers over a store. */
export function createReviewStateHandlers(store: ReviewStateStore): Pick<IpcHandlers, ReviewStateChannel> {
  return {
    'reviewState:load': async ({ taskId }) => {
      const found = await store.lookup(taskId)
      if (!found.state) return { state: null, problem: found.problem }
      const { heard, maxRate, activeMs, durationMs, savedAt } = found.state
      return { state: { heard, maxRate, activeMs, durationMs, savedAt }, problem: null }
    },
    'reviewState:save': ({ taskId, state }) => store.save(taskId, state)
  }
}
