import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { lowConfidenceThreshold } from './editor-store'

/*
 * The reviewer's editor preferences that are not shortcuts: where "low confidence" starts and
 * whether the first-run shortcut hint has been seen. Remembered in localStorage, like the
 * shortcut remapping, the export choices and the pane sizes (preferences of this machine's
 * reviewer, never part of a draft or an export).
 */

/** localStorage keys of the review preferences. */
export const reviewPrefKeys = { threshold: 'sdte.review.lowConfidenceThreshold', shortcutHint: 'sdte.review.shortcutHintSeen' } as const

/** The threshold's bounds and step in percent (the legend's number field). */
export const thresholdPercent = { min: 5, max: 100, step: 5 } as const

/** A stored threshold (a fraction 0..1) if it is a sane one, else the default. */
export function readThreshold(raw: string | null): number {
  const value = raw === null ? NaN : Number(raw)
  return Number.isFinite(value) && value * 100 >= thresholdPercent.min && value * 100 <= thresholdPercent.max ? value : lowConfidenceThreshold
}

/** True when a confidence (0..1, or null when unknown) is below `threshold`; the plain form of the store's isLow (a store function is wrapped as an action, a cost per word in the transcript's rows). */
export function isBelowThreshold(confidence: number | null, threshold: number): boolean {
  return confidence !== null && confidence < threshold
}

/** Low-confidence threshold and the first-run hint's state, persisted. */
export const useReviewPrefsStore = defineStore('review-prefs', () => {
  const storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage
  /** Words with a confidence (0..1) below this are tinted and visited by "next low-confidence word". */
  const threshold = ref(readThreshold(storage?.getItem(reviewPrefKeys.threshold) ?? null))
  /** The first-run "where are the shortcuts" hint has been shown and closed. */
  const shortcutHintSeen = ref(storage?.getItem(reviewPrefKeys.shortcutHint) === '1')

  watch(threshold, (value) => storage?.setItem(reviewPrefKeys.threshold, String(value)))
  watch(shortcutHintSeen, (seen) => (seen ? storage?.setItem(reviewPrefKeys.shortcutHint, '1') : storage?.removeItem(reviewPrefKeys.shortcutHint)))

  /** Sets the threshold from a percentage typed by the reviewer (clamped to the allowed range, whole steps). */
  function setThresholdPercent(percent: number): void {
    if (!Number.isFinite(percent)) return
    const clamped = Math.min(thresholdPercent.max, Math.max(thresholdPercent.min, Math.round(percent)))
    threshold.value = clamped / 100
  }

  /** True when a confidence (0..1, or null when unknown) is below the threshold. */
  function isLow(confidence: number | null): boolean {
    return isBelowThreshold(confidence, threshold.value)
  }

  return { threshold, shortcutHintSeen, setThresholdPercent, isLow }
})
