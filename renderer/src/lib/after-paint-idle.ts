import { afterNextPaint } from './yield-to-page'

/*
 * Work that the frame of a key does not need, run once that frame has painted and the page is
 * idle: not as a `scheduler.yield()` continuation right after the paint (afterNextPaint alone),
 * which goes ahead of the page's own tasks — the next key, the next frame. An idle callback waits
 * behind them, and its timeout makes sure it runs on a busy page too. Where there is no
 * requestIdleCallback (test DOMs) it runs in the next task.
 */

/** Runs `run` after the next paint, in the page's next idle period (at most `timeoutMs` later); returns a cancel. */
export function afterPaintWhenIdle(run: () => void, timeoutMs = 100): () => void {
  let cancelled = false
  let handle: number | null = null
  void afterNextPaint().then(() => {
    if (cancelled) return
    const fire = (): void => {
      handle = null
      if (!cancelled) run()
    }
    handle = typeof requestIdleCallback === 'function' ? requestIdleCallback(fire, { timeout: timeoutMs }) : (setTimeout(fire, 0) as unknown as number)
  })
  return () => {
    cancelled = true
    if (handle === null) return
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle)
    else clearTimeout(handle)
  }
}

/** Resolves once work deferred with `afterPaintWhenIdle` before this call has run (tests wait on it). */
export function paintedAndIdle(): Promise<void> {
  return new Promise((resolve) => afterPaintWhenIdle(resolve))
}
