import { expect, it } from 'vitest'
import { Virtualizer, observeElementOffset } from '@tanstack/virtual-core'
import { keepingTopRow } from '../../renderer/src/lib/virtual-anchor'

/*
 * Re-estimating every row keeps the row at the top of the view where it was (lib/virtual-anchor.ts):
 * a real virtualiser over 100 rows whose estimate changes from 50 to 80 px while the view shows
 * row 20, 10 px down into it.
 */

it('the top row and the offset into it stay put when every estimate changes', async () => {
  let size = 50
  const el = document.createElement('div')
  let scrollTop = 0
  Object.defineProperty(el, 'scrollTop', { get: () => scrollTop, set: (v: number) => (scrollTop = v), configurable: true })
  // The scroller's content is as tall as the list says (what the pane's re-render does).
  Object.defineProperty(el, 'scrollHeight', { get: () => v.getTotalSize(), configurable: true })
  Object.defineProperty(el, 'clientHeight', { get: () => 600, configurable: true })
  el.scrollTo = ((opts: ScrollToOptions) => {
    scrollTop = opts.top ?? scrollTop
  }) as typeof el.scrollTo
  const v = new Virtualizer<HTMLElement, Element>({
    count: 100,
    getScrollElement: () => el,
    estimateSize: () => size,
    scrollToFn: (offset) => (scrollTop = offset),
    observeElementRect: (_instance, cb) => {
      cb({ width: 800, height: 600 })
      return () => {}
    },
    observeElementOffset,
    initialRect: { width: 800, height: 600 }
  })
  const cleanup = v._didMount()
  v._willUpdate()
  scrollTop = 20 * 50 + 10
  v.scrollToOffset(scrollTop)
  await keepingTopRow(v, el, () => {
    size = 80
    v.measure()
  })
  expect(scrollTop).toBe(20 * 80 + 10)
  // At the very top nothing moves.
  scrollTop = 0
  v.scrollToOffset(0)
  await keepingTopRow(v, el, () => {
    size = 60
    v.measure()
  })
  expect(scrollTop).toBe(0)
  cleanup()
})
