import { onBeforeUnmount, onMounted, watch } from 'vue'
import { reviewStateSaveEveryMs, useCoverageStore } from '../stores/coverage-store'

/*
 * The review session's effects, for as long as the editor is mounted: counts active time (a
 * one-second ticker; a key or a click in the window is activity, so is playing), and writes the
 * review-state sidecar at most every `reviewStateSaveEveryMs` while it changes, and at once when
 * the window loses focus, the page goes away or the editor closes.
 */

/** How often the active-time ticker runs. */
export const activeTickMs = 1000

/** Installs the review session's listeners, ticker and saves. */
export function useReviewSession(): void {
  const coverage = useCoverageStore()
  let ticker: ReturnType<typeof setInterval> | null = null
  let saveTimer: ReturnType<typeof setTimeout> | null = null
  const onActivity = (): void => coverage.noteActivity(Date.now())
  const saveNow = (): void => {
    if (saveTimer !== null) clearTimeout(saveTimer)
    saveTimer = null
    void coverage.save()
  }
  // Throttled, not debounced: steady playback still saves every few seconds.
  watch(
    () => coverage.dirty,
    (dirty) => {
      if (dirty && saveTimer === null) saveTimer = setTimeout(saveNow, reviewStateSaveEveryMs)
    }
  )
  onMounted(() => {
    window.addEventListener('keydown', onActivity, true)
    window.addEventListener('pointerdown', onActivity, true)
    window.addEventListener('blur', saveNow)
    window.addEventListener('pagehide', saveNow)
    coverage.tick(Date.now(), document.hasFocus())
    ticker = setInterval(() => coverage.tick(Date.now(), document.hasFocus()), activeTickMs)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onActivity, true)
    window.removeEventListener('pointerdown', onActivity, true)
    window.removeEventListener('blur', saveNow)
    window.removeEventListener('pagehide', saveNow)
    if (ticker !== null) clearInterval(ticker)
    saveNow()
  })
}
