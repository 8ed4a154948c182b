import type { KeyValueStore } from './key-value-store'

/*
 * The value "Mark as reviewed" sets as the task's external integration status
 * (smartdocumentor-api.md §7.2): a setting, default `reviewed`. Kept beside the other settings
 * in the same store, under its own key.
 */

/** The value used when none is saved. */
export const defaultReviewStatus = 'reviewed'

const key = 'platform.reviewStatus'

/** Reads and saves the review-status value. */
export interface ReviewStatusSetting {
  get(): string
  /** Saves a value already checked (1–32 characters, trimmed). */
  set(value: string): Promise<string>
}

/** The setting over `store`; a saved value that is not 1–32 characters reads as the default. */
export function createReviewStatusSetting(store: KeyValueStore): ReviewStatusSetting {
  return {
    get: () => {
      const saved = store.get(key)
      return typeof saved === 'string' && saved.trim() !== '' && saved.trim().length <= 32 ? saved.trim() : defaultReviewStatus
    },
    set: async (value) => {
      await store.set(key, value.trim())
      return value.trim()
    }
  }
}
