import { measureElement as measureByLayout } from '@tanstack/vue-virtual'
import type { Virtualizer } from '@tanstack/vue-virtual'
import { measureWithoutReflow } from '../lib/virtual-no-reflow'

/*
 * How the transcript list sizes its rows while it opens. The library reads each new row's
 * offsetHeight as the row mounts: on the first screen that is ~25 forced layouts in the middle of
 * the open (the cold-open profile's `measureElement`, issue 21). Until the browser has laid the
 * first rows out and reported their sizes (the first ResizeObserver entry), a new row is sized
 * from its estimate instead, and its entry corrects it before the frame is painted. After that,
 * rows are measured as the library does (scrolling is left exactly as it was).
 */

/** The row measuring function for the opening list (see the module comment). */
export function useOpeningMeasure(): { measureElement: (el: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLElement, Element>) => number } {
  let opening = typeof ResizeObserver !== 'undefined'
  return {
    measureElement(el, entry, instance) {
      if (entry) opening = false
      return opening ? measureWithoutReflow(el, entry, instance) : measureByLayout(el, entry, instance)
    }
  }
}
