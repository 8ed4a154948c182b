import { runInSlices } from './run-in-slices'
import { yieldInTurn } from './yield-to-page'

/*
 * Per-item estimates that are exact but cost a little each (a row's words wrapped one by one),
 * asked for all at once by the virtual list: for a 6-hour task that one loop was a 141 ms task
 * when the model landed (issue 21). Within one task only `budgetMs` of exact work is done (the
 * first items asked for: the list asks in index order, so the rows on screen at open); the others
 * get a cheap guess, are worked out exactly in slices behind the page's own tasks, and `refined`
 * is called once they all are, for the list to take the exact figures.
 */

/** The longest a task spends on exact estimates before the rest are guessed, in ms. */
export const exactBudgetMs = 4

/** What an estimate cache works from. */
export interface EstimateWork<T extends object> {
  /** The exact figure (the costly one). */
  exact(item: T): number
  /** A cheap guess, used until the exact figure is worked out. */
  guess(item: T): number
  /** True for items always worked out at once (rare and unlike the guess). */
  always?(item: T): boolean
  /** Called once every guessed item has its exact figure (not when `reset` came first). */
  refined(): void
  /** The clock (performance.now by default). */
  now?(): number
}

/** Estimates of items of type `T`, cached per object, exact within a budget per task and refined in slices beyond it. */
export function createEstimateCache<T extends object>(work: EstimateWork<T>) {
  const now = work.now ?? (() => performance.now())
  let cache = new WeakMap<T, number>()
  /** Items given a guess and still to be worked out exactly. */
  let guessed = new Set<T>()
  /** Bumped by `reset`: a refinement of the old figures stops. */
  let version = 0
  let refining = false
  /** Until when this task may still work exactly; -1: no budget opened in this task; 0: spent. */
  let budgetEnd = -1

  const exact = (item: T): number => {
    const h = work.exact(item)
    cache.set(item, h)
    return h
  }

  const withinBudget = (): boolean => {
    // Spent: no clock read per item for the rest of the loop.
    if (budgetEnd === 0) return false
    const t = now()
    if (budgetEnd < 0) {
      budgetEnd = t + exactBudgetMs
      // The list asks for every item in one synchronous loop: the budget is that loop's.
      queueMicrotask(() => (budgetEnd = -1))
    }
    if (t < budgetEnd) return true
    budgetEnd = 0
    return false
  }

  const refine = async (): Promise<void> => {
    refining = true
    const at = version
    const stale = (): boolean => at !== version
    const pending = guessed
    function* steps(): Generator<void, void, void> {
      // Items guessed while this runs are taken too (a Set's iteration sees them).
      for (const item of pending) {
        if (!cache.has(item)) exact(item)
        pending.delete(item)
        yield
      }
    }
    await yieldInTurn()
    const finished = stale() ? null : await runInSlices(steps(), stale, yieldInTurn)
    refining = false
    if (guessed.size > 0) return refine()
    if (finished !== null && !stale()) work.refined()
  }

  return {
    /** The estimate of `item`: exact when known or within this task's budget, else a guess (refined later). */
    estimate(item: T): number {
      const h = cache.get(item)
      if (h !== undefined) return h
      if (work.always?.(item) || withinBudget()) return exact(item)
      // The guess is cheap and the same every time: not kept (a second map per row cost more).
      if (!guessed.has(item)) {
        guessed.add(item)
        if (!refining) void refine()
      }
      return work.guess(item)
    },
    /** Forgets every figure (what they depend on changed); a refinement under way stops without `refined`. */
    reset(): void {
      cache = new WeakMap()
      guessed = new Set()
      version++
    },
    /** Items with a guess only, so far. */
    get guessed(): number {
      return guessed.size
    }
  }
}
