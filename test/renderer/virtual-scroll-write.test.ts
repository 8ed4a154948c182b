import { describe, expect, it, vi } from 'vitest'
import type { Virtualizer } from '@tanstack/vue-virtual'
import { observeOffsetOncePerScroll, scrollWithoutReflow } from '../../renderer/src/lib/virtual-no-reflow'

/*
 * The virtualiser writes the scroll offset when it first meets its scroller; on a scroller that
 * never scrolled, a write to the top only forces a layout of the whole page in the middle of an
 * open (issue 21). That one write is left out; every write that could move anything is made.
 */

function scroller() {
  const el = document.createElement('div')
  const scrollTo = vi.fn()
  el.scrollTo = scrollTo as unknown as typeof el.scrollTo
  return { el, scrollTo, instance: { scrollElement: el } as unknown as Virtualizer<HTMLElement, Element> }
}

describe('the virtual list scroll writes', () => {
  it('leaves out a write to the top of a scroller that never scrolled', () => {
    const { scrollTo, instance } = scroller()
    scrollWithoutReflow(0, {}, instance)
    scrollWithoutReflow(0, { adjustments: 0 }, instance)
    expect(scrollTo).not.toHaveBeenCalled()
  })

  it('makes every write once the scroller has scrolled, and any write away from the top', () => {
    const { el, scrollTo, instance } = scroller()
    scrollWithoutReflow(0, {}, instance)
    scrollWithoutReflow(600, { adjustments: 20 }, instance)
    expect(scrollTo).toHaveBeenLastCalledWith({ top: 620, behavior: undefined })
    scrollWithoutReflow(0, {}, instance)
    expect(scrollTo).toHaveBeenLastCalledWith({ top: 0, behavior: undefined })
    const other = scroller()
    scrollWithoutReflow(0, {}, other.instance)
    other.el.dispatchEvent(new Event('scroll'))
    scrollWithoutReflow(0, { behavior: 'auto' }, other.instance)
    expect(other.scrollTo).toHaveBeenCalledWith({ top: 0, behavior: 'auto' })
    expect(el).toBeTruthy()
  })

  it('makes a smooth scroll to the top', () => {
    const { scrollTo, instance } = scroller()
    scrollWithoutReflow(0, { behavior: 'smooth' }, instance)
    expect(scrollTo).toHaveBeenCalledWith({ top: 0, behavior: 'smooth' })
  })
})

describe('the virtual list scroll reads', () => {
  it('reads the offset once per scroll event, and the end of a scroll reports that offset without reading again', () => {
    vi.useFakeTimers()
    try {
      const el = document.createElement('div')
      let top = 0
      let reads = 0
      Object.defineProperty(el, 'scrollTop', { get: () => (reads++, top), set: (v: number) => (top = v) })
      const instance = { scrollElement: el, options: { isScrollingResetDelay: 150 } } as unknown as Virtualizer<HTMLElement, Element>
      const seen: Array<[number, boolean]> = []
      const stop = observeOffsetOncePerScroll(instance, (offset, scrolling) => seen.push([offset, scrolling]))
      top = 600
      el.dispatchEvent(new Event('scroll'))
      top = 1200
      el.dispatchEvent(new Event('scroll'))
      expect(seen).toEqual([[600, true], [1200, true]])
      expect(reads).toBe(2)
      vi.runAllTimers()
      expect(seen).toEqual([[600, true], [1200, true], [1200, false]])
      expect(reads).toBe(2)
      stop?.()
      el.dispatchEvent(new Event('scroll'))
      vi.runAllTimers()
      expect(seen.length).toBe(3)
    } finally {
      vi.useRealTimers()
    }
  })
})
