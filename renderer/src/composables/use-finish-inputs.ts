import { computed, type ComputedRef } from 'vue'
import { nextUnheardGap } from '../../../shared/review/coverage'
import { unheardJumpMinMs, useCoverageStore } from '../stores/coverage-store'
import { useReviewQueueStore } from '../stores/review-queue-store'

/** What Finish review is told about the session: audio heard, the queue left and time spent. */
export interface FinishInputs {
  readonly heardMs: number
  readonly heardPercent: number
  readonly firstUnheardMs: number | null
  readonly queueLeft: { readonly count: number; readonly first: { readonly segmentId: string; readonly ms: number } | null }
  readonly timeSpentMs: number
}

/**
 * The Finish review checklist's live inputs from audio coverage and the review queue (the
 * dialog itself knows neither store, so it can be tested with plain props). "First unheard" is
 * the earliest unheard stretch long enough for the "next unheard" key, from the start; the
 * queue's first item is its highest-ranked one, the one "next item" would visit.
 */
export function useFinishInputs(): ComputedRef<FinishInputs> {
  const coverage = useCoverageStore()
  const queue = useReviewQueueStore()
  return computed(() => {
    const gap = nextUnheardGap(coverage.heard, -1, coverage.durationMs, unheardJumpMinMs)
    const first = queue.items[0]
    return {
      heardMs: coverage.heardTotalMs,
      heardPercent: coverage.percent,
      firstUnheardMs: gap ? gap.startMs : null,
      queueLeft: { count: queue.openCount, first: first ? { segmentId: first.segmentId, ms: first.startMs } : null },
      timeSpentMs: coverage.activeMs
    }
  })
}
