import { onBeforeUnmount, onMounted, ref } from 'vue'
import type { Ref } from 'vue'
import { idleTask } from '../lib/idle-task'

/**
 * False until the component's first frame has been painted and the page has had an idle moment
 * (at most `timeoutMs` later), then true: parts of a view that are not needed for its first
 * screen (the editor's waveform strip, status bar, side panels) mount then, so opening a task is
 * not one long task and the transcript shows first. Where the page has no idle callbacks (test
 * DOMs) there is no paint to wait for: true from the start.
 */
export function useAfterFirstPaint(timeoutMs = 150): Readonly<Ref<boolean>> {
  const ready = ref(typeof requestIdleCallback !== 'function' || typeof requestAnimationFrame !== 'function')
  const idle = idleTask(timeoutMs)
  let frame = 0
  onMounted(() => {
    if (ready.value) return
    // rAF runs before this frame's paint; the idle callback after it.
    frame = requestAnimationFrame(() => {
      frame = 0
      idle.schedule(() => (ready.value = true))
    })
  })
  onBeforeUnmount(() => {
    if (frame) cancelAnimationFrame(frame)
    idle.cancel()
  })
  return ready
}
