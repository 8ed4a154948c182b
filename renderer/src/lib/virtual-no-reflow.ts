import type { Virtualizer } from '@tanstack/vue-virtual'

/*
 * Options for @tanstack/vue-virtual that never read layout from script while the list opens or
 * jumps. Its defaults read the scroller's box (getBoundingClientRect) when the scroller appears
 * and each new row's offsetHeight as it mounts: each read forces a synchronous layout in the
 * middle of the open (~12% of a cold open in the profile). Here the scroller starts at the
 * window's size (close enough to pick the first screen's rows) and both sizes arrive from
 * ResizeObserver entries, which the browser delivers after its own layout, before painting.
 */

type Rect = { width: number; height: number }

/** The scroller's size from its ResizeObserver entries only (none read synchronously). */
export function observeRectWithoutReflow(instance: Virtualizer<HTMLElement, Element>, cb: (rect: Rect) => void): (() => void) | undefined {
  const el = instance.scrollElement
  if (!el) return undefined
  if (typeof ResizeObserver === 'undefined') {
    // Test DOMs without ResizeObserver: one read, as the library does.
    cb({ width: el.clientWidth, height: el.clientHeight })
    return () => {}
  }
  const observer = new ResizeObserver((entries) => {
    const box = entries.at(-1)?.contentRect
    if (box) cb({ width: Math.round(box.width), height: Math.round(box.height) })
  })
  observer.observe(el)
  return () => observer.disconnect()
}

/**
 * A row's size: from its ResizeObserver entry when there is one; when a row is first handed over
 * (no entry), the size known for its key or the estimate, and the entry that follows the layout
 * corrects it.
 */
export function measureWithoutReflow(el: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLElement, Element>): number {
  const box = entry?.borderBoxSize?.[0]
  if (box) return Math.round(box.blockSize)
  if (entry) return Math.round((el as HTMLElement).offsetHeight)
  const index = instance.indexFromElement(el)
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index)
}

/** The size the scroller is assumed to have before its first ResizeObserver entry: the window's. */
export function initialRect(): Rect {
  return typeof window === 'undefined' ? { width: 0, height: 0 } : { width: window.innerWidth, height: window.innerHeight }
}

// Scrollers that have scrolled at least once (a scroll event seen), and those being listened to for it.
const scrolled = new WeakSet<Element>()
const listening = new WeakSet<Element>()

/**
 * `elementScroll` for the virtualiser, without the write it makes when it first meets its
 * scroller: a scroll to the top of a scroller that has never scrolled moves nothing and fires no
 * event, but `scrollTo` lays out the whole page to do nothing — in the middle of opening a task
 * (issue 21, co: a third of the first screen's task in the profile). Every other write is made.
 */
export function scrollWithoutReflow(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<HTMLElement, Element>): void {
  const el = instance.scrollElement
  if (!el) return
  if (!scrolled.has(el)) {
    if (offset + (options.adjustments ?? 0) === 0 && options.behavior !== 'smooth') {
      if (!listening.has(el)) el.addEventListener('scroll', () => scrolled.add(el), { once: true, passive: true })
      listening.add(el)
      return
    }
    scrolled.add(el)
  }
  el.scrollTo({ top: offset + (options.adjustments ?? 0), behavior: options.behavior })
}

/**
 * `observeElementOffset` for the virtualiser that reads the scroller's offset once per scroll
 * event and nowhere else. The library's own also reads it again when scrolling stops (its
 * 150 ms timer), at any point of a frame, after Vue has patched rows: a forced layout of the
 * patched list. Here the end of a scroll reports the offset the last scroll event read: nothing
 * moves the offset without a scroll event. (The read in the scroll event itself still lays out
 * what the browser's hover update dirtied just before it — issue 21's trace — which no offset
 * can be had without.)
 */
export function observeOffsetOncePerScroll(instance: Virtualizer<HTMLElement, Element>, cb: (offset: number, isScrolling: boolean) => void): (() => void) | undefined {
  const el = instance.scrollElement
  if (!el) return undefined
  let offset = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const onScroll = (): void => {
    offset = el.scrollTop
    clearTimeout(timer)
    timer = setTimeout(() => cb(offset, false), instance.options.isScrollingResetDelay)
    cb(offset, true)
  }
  el.addEventListener('scroll', onScroll, { passive: true })
  return () => {
    el.removeEventListener('scroll', onScroll)
    clearTimeout(timer)
  }
}
