import { describe, expect, it } from 'vitest'
import type WaveSurfer from 'wavesurfer.js'
import { TimeRulerPlugin, rulerIntervals } from '../../renderer/src/lib/time-ruler'

/** The part of wavesurfer the ruler uses: a wrapper as wide as the recording, the view, events. */
function fakeWaveSurfer(durationS: number, pxPerSec: number, view = { left: 0, width: 1000, pxPerSec }) {
  const handlers = new Map<string, (...args: number[]) => void>()
  const wrapper = document.createElement('div')
  Object.defineProperty(wrapper, 'scrollWidth', { get: () => durationS * view.pxPerSec })
  const ws = {
    getWrapper: () => wrapper,
    getDuration: () => durationS,
    getScroll: () => view.left,
    getWidth: () => view.width,
    on: (event: string, fn: (...args: number[]) => void) => {
      handlers.set(event, fn)
      return () => handlers.delete(event)
    }
  }
  return { ws: ws as unknown as WaveSurfer, wrapper, handlers, view }
}

const notches = (wrapper: HTMLElement) => [...wrapper.querySelectorAll<HTMLElement>('[part~="timeline-notch"]')]

describe('TimeRulerPlugin', () => {
  it('draws the notches of the view and one view either side, not of the whole recording', () => {
    const { ws, wrapper } = fakeWaveSurfer(3 * 3600, 40)
    const ruler = TimeRulerPlugin.create({ height: 16, formatTimeCallback: (s) => `${s}s` })
    ruler._init(ws)
    // 1000 px at 40 px/s = 25 s in view; drawn from 0 to 2000 px: notches at 0..50 s.
    const drawn = notches(wrapper)
    expect(drawn.length).toBe(51)
    expect(drawn[0].style.left).toBe('0px')
    expect(drawn.at(-1)!.style.left).toBe('2000px')
    expect(wrapper.querySelector('[part="timeline"]')!.getAttribute('style')).toContain('height: 16px')
  })

  it('labels primary and secondary notches as the Timeline plugin does', () => {
    // The whole minute fits in the view.
    const { ws, wrapper } = fakeWaveSurfer(60, 40, { left: 0, width: 2400, pxPerSec: 40 })
    TimeRulerPlugin.create({ height: 16, formatTimeCallback: (s) => `${s}s` })._init(ws)
    const byPart = (part: string) => notches(wrapper).filter((n) => n.getAttribute('part') === `timeline-notch timeline-notch-${part}`)
    expect(byPart('primary').map((n) => n.textContent)).toEqual(['0s', '10s', '20s', '30s', '40s', '50s'])
    expect(byPart('secondary').map((n) => n.textContent)).toEqual(['5s', '15s', '25s', '35s', '45s', '55s'])
    expect(byPart('tick').every((n) => n.textContent === '')).toBe(true)
    expect(rulerIntervals(10)).toEqual({ notch: 5, primary: 6, secondary: 2 })
    expect(rulerIntervals(2)).toEqual({ notch: 15, primary: 4, secondary: 2 })
  })

  it('follows a scroll only when the view leaves what is drawn, and rebuilds on a redraw', () => {
    const { ws, wrapper, handlers, view } = fakeWaveSurfer(3 * 3600, 40)
    TimeRulerPlugin.create({ height: 16, formatTimeCallback: (s) => `${s}s` })._init(ws)
    const first = notches(wrapper)[0]
    handlers.get('scroll')!(0, 0, 500, 1500)
    expect(notches(wrapper)[0]).toBe(first)
    handlers.get('scroll')!(0, 0, 100_000, 101_000)
    const moved = notches(wrapper)
    expect(moved[0].style.left).toBe('99000px')
    expect(moved.length).toBeLessThan(80)
    // A zoom: the wrapper is wider, the ruler is drawn again for the view.
    view.pxPerSec = 80
    view.left = 200_000
    handlers.get('redraw')!()
    // 199,000 px at 80 px/s = 2487.5 s: the first notch drawn is the one before, at 2487 s.
    expect(notches(wrapper)[0].style.left).toBe(`${2487 * 80}px`)
  })
})
