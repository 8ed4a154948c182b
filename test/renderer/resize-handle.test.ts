import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { useResizeHandle } from '../../renderer/src/composables/use-resize-handle'
import type { ResizeHandleOptions } from '../../renderer/src/composables/use-resize-handle'

/*
 * The resize handle shared by the document pane's splitter and the video player's corner: arrow
 * keys (Shift, Page Up/Down: larger steps), Home/End, a drag; kept within its limits and
 * remembered once a key or a drag ends.
 */

/** The document splitter's configuration (a share of the window; left widens the pane). */
const splitter: ResizeHandleOptions = {
  min: 0.25,
  max: 0.7,
  initial: 0.4,
  step: 0.02,
  decimals: 3,
  storageKey: 'test.share',
  increaseKeys: ['ArrowLeft'],
  measure: () => 1280,
  fromPointer: (e, start) => start.value - (e.clientX - start.x) / start.measure
}

function mountHandle(options: ResizeHandleOptions) {
  let api!: ReturnType<typeof useResizeHandle>
  const wrapper = mount(
    defineComponent({
      setup() {
        api = useResizeHandle(options)
        return () => h('div', { role: 'separator', tabindex: 0, 'aria-valuenow': api.value.value, onKeydown: api.onKeydown, onPointerdown: api.onPointerdown })
      }
    }),
    { attachTo: document.body }
  )
  return { wrapper, api, el: wrapper.element as HTMLElement }
}

const key = (el: HTMLElement, k: string, init: KeyboardEventInit = {}): boolean => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }))
const pointer = (el: HTMLElement, type: string, clientX: number, clientY = 0): boolean =>
  el.dispatchEvent(new PointerEvent(type, { clientX, clientY, button: 0, pointerId: 1, bubbles: true, cancelable: true }))

beforeEach(() => localStorage.clear())

describe('the resize handle', () => {
  it('moves by its keys within its limits, and says it handled them', () => {
    const { api, el, wrapper } = mountHandle(splitter)
    expect(api.value.value).toBe(0.4)
    for (let i = 0; i < 5; i++) expect(key(el, 'ArrowLeft')).toBe(false)
    expect(api.value.value).toBe(0.5)
    key(el, 'ArrowRight')
    expect(api.value.value).toBe(0.48)
    key(el, 'ArrowRight', { shiftKey: true })
    expect(api.value.value).toBe(0.38)
    key(el, 'PageUp')
    expect(api.value.value).toBe(0.48)
    key(el, 'Home')
    expect(api.value.value).toBe(0.25)
    key(el, 'ArrowRight')
    expect(api.value.value).toBe(0.25)
    key(el, 'End')
    expect(api.value.value).toBe(0.7)
    // Keys it does not use, and modified arrows (the app's own shortcuts), are left alone.
    expect(key(el, 'a')).toBe(true)
    expect(key(el, 'ArrowLeft', { ctrlKey: true })).toBe(true)
    expect(api.value.value).toBe(0.7)
    wrapper.unmount()
  })

  it('is remembered, and a remembered value outside the limits is not trusted', () => {
    const first = mountHandle(splitter)
    key(first.el, 'ArrowLeft')
    first.wrapper.unmount()
    expect(localStorage.getItem('test.share')).toBe('0.42')
    expect(mountHandle(splitter).api.value.value).toBe(0.42)
    localStorage.setItem('test.share', '5')
    expect(mountHandle(splitter).api.value.value).toBe(0.4)
  })

  it('follows a drag from where it was pressed, and remembers it only when the drag ends', () => {
    const { api, el, wrapper } = mountHandle(splitter)
    pointer(el, 'pointerdown', 768)
    pointer(el, 'pointermove', 700)
    pointer(el, 'pointermove', 640)
    expect(api.value.value).toBe(0.5)
    expect(localStorage.getItem('test.share')).toBeNull()
    pointer(el, 'pointerup', 640)
    expect(localStorage.getItem('test.share')).toBe('0.5')
    // Past the limit: held at it.
    pointer(el, 'pointerdown', 640)
    pointer(el, 'pointermove', 0)
    pointer(el, 'pointerup', 0)
    expect(api.value.value).toBe(0.7)
    wrapper.unmount()
  })

  it('reads limits that depend on the window again when asked, keeping the value inside them', () => {
    let max = 600
    const { api, el, wrapper } = mountHandle({ min: 120, max: () => max, initial: 224, step: 16, increaseKeys: ['ArrowRight', 'ArrowUp'], fromPointer: (_e, s) => s.value })
    key(el, 'End')
    expect(api.value.value).toBe(600)
    max = 400
    api.refreshLimits()
    expect(api.max.value).toBe(400)
    expect(api.value.value).toBe(400)
    key(el, 'ArrowDown')
    expect(api.value.value).toBe(384)
    key(el, 'ArrowUp')
    key(el, 'ArrowUp')
    expect(api.value.value).toBe(400)
    wrapper.unmount()
  })
})
