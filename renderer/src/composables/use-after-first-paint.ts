import { onBeforeUnmount, onMounted, ref, watch } from 'vue'
import type { Ref } from 'vue'
import { idleTask } from '../lib/idle-task'

/**
 * False until the component's first frame has been painted and the page has had an idle moment
 * (at most `timeoutMs` later), then true: parts of a view that are not needed for its first
 * screen (the editor's waveform strip, status bar, side panels) mount then, so opening a task is
 * not one long task and the transcript shows first. With `when`, the wait starts once `when()`
 * is true (the editor's frame mounts before its task has arrived: the pieces wait for the task's
 * first rows, not the frame's). Where the page has no idle callbacks (test DOMs) there is no
 * paint to wait for: true from the start.
 */
export function useAfterFirstPaint(timeoutMs = 150, when: () => boolean = () => true): Readonly<Ref<boolean>> {
  const ready = ref(typeof requestIdleCallback !== 'function' || typeof requestAnimationFrame !== 'function')
  const idle = idleTask(timeoutMs)
  let frame = 0
  let stop: (() => void) | null = null
  function wait(): void {
    // rAF runs before this frame's paint; the idle callback after it.
    frame = requestAnimationFrame(() => {
      frame = 0
      idle.schedule(() => (ready.value = true))
    })
  }
  onMounted(() => {
    if (ready.value) return
    if (when()) return wait()
    // Flushed after the render that `when` changed, so the frame waited for is the one that shows it.
    stop = watch(when, (yes) => {
      if (!yes) return
      stop?.()
      stop = null
      wait()
    }, { flush: 'post' })
  })
  onBeforeUnmount(() => {
    stop?.()
    if (frame) cancelAnimationFrame(frame)
    idle.cancel()
  })
  return ready
}
