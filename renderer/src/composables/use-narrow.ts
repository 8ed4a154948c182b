import { onBeforeUnmount, ref, watch } from 'vue'
import type { Ref } from 'vue'

/*
 * Whether an element is narrower than a width, from its ResizeObserver entries (delivered after
 * the browser's layout, before it paints: no layout read from script). The transcript list uses
 * it in place of a CSS container query (see TranscriptSegment.vue's .narrow rules).
 */

/** The transcript list's width (content box, CSS pixels) at and under which rows put the gutter above the text. */
export const narrowWidth = 700

/** True while `el`'s content box is at most `width` pixels wide. */
export function useNarrow(el: Ref<HTMLElement | null>, width: number): Ref<boolean> {
  const narrow = ref(false)
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => {
    const box = entries.at(-1)?.contentRect
    if (box && box.width > 0) narrow.value = box.width <= width
  })
  watch(el, (now, old) => {
    if (old) observer?.unobserve(old)
    if (now) observer?.observe(now)
  }, { immediate: true })
  onBeforeUnmount(() => observer?.disconnect())
  return narrow
}
