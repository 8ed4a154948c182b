import BasePlugin from 'wavesurfer.js/dist/base-plugin.js'
import type { BasePluginEvents } from 'wavesurfer.js/dist/base-plugin.js'

/*
 * The time ruler under the waveform: wavesurfer's Timeline plugin, drawn only near the view.
 * The Timeline plugin creates a notch element for every interval of the whole recording (a
 * 3-hour recording at 40 px/s: 10,800, each cloned, styled and measured against the scroll
 * position) on every redraw, and walks all of them on every scroll: ~200 ms of the cached
 * 3-hour waveform's ~370 ms set-up task in a trace (initTimeline + the layout reads of its
 * virtualAppend), before the waveform could paint. Here the notches of three view widths around
 * the view exist (about a hundred at the default zoom), rebuilt when a scroll leaves them: a
 * cost that follows the view's width, not the recording's length. Same look and parts as the
 * plugin (timeline-wrapper, timeline, timeline-notch-primary/secondary/tick) and the same
 * default intervals.
 */

export interface TimeRulerOptions {
  readonly height: number
  readonly formatTimeCallback: (seconds: number) => string
  readonly style?: Partial<CSSStyleDeclaration>
}

/**
 * Seconds between notches at `pxPerSec`, and the periods (s) of the primary and secondary labels:
 * the Timeline plugin's defaults as its code applies them (a notch at `t` is primary when
 * `t` is a multiple of `primary` seconds).
 */
export function rulerIntervals(pxPerSec: number): { notch: number; primary: number; secondary: number } {
  const notch = pxPerSec >= 25 ? 1 : pxPerSec * 5 >= 25 ? 5 : pxPerSec * 15 >= 25 ? 15 : Math.ceil(0.5 / pxPerSec) * 60
  const primary = pxPerSec >= 25 ? 10 : pxPerSec * 5 >= 25 ? 6 : 4
  const secondary = pxPerSec >= 25 ? 5 : 2
  return { notch, primary, secondary }
}

export class TimeRulerPlugin extends BasePlugin<BasePluginEvents, TimeRulerOptions> {
  private readonly wrapper: HTMLElement
  private ruler: HTMLElement | null = null
  private pxPerSec = 0
  private duration = 0
  /** The pixel range whose notches are in the DOM. */
  private drawn = { from: 0, to: -1 }

  static create(options: TimeRulerOptions): TimeRulerPlugin {
    return new TimeRulerPlugin(options)
  }

  constructor(options: TimeRulerOptions) {
    super(options)
    this.wrapper = document.createElement('div')
    this.wrapper.setAttribute('part', 'timeline-wrapper')
    this.wrapper.style.pointerEvents = 'none'
  }

  protected override onInit(): void {
    const ws = this.wavesurfer
    if (!ws) throw new Error('WaveSurfer is not initialized')
    ws.getWrapper().appendChild(this.wrapper)
    this.subscriptions.push(ws.on('redraw', () => this.rebuild()))
    // The scroll event carries the view's pixels: nothing is measured on a scroll.
    this.subscriptions.push(ws.on('scroll', (_start, _end, left, right) => this.follow(left, right)))
    if (ws.getDuration() > 0) this.rebuild()
  }

  override destroy(): void {
    this.wrapper.remove()
    super.destroy()
  }

  /** A new scale or width: the ruler again, for the view as it is now. */
  private rebuild(): void {
    const ws = this.wavesurfer
    if (!ws) return
    this.duration = ws.getDuration()
    if (!(this.duration > 0)) return
    const total = ws.getWrapper().scrollWidth
    this.pxPerSec = total / this.duration
    const ruler = document.createElement('div')
    ruler.setAttribute('part', 'timeline')
    Object.assign(ruler.style, { height: `${this.options.height}px`, overflow: 'hidden', fontSize: `${this.options.height / 2}px`, whiteSpace: 'nowrap', position: 'relative' }, this.options.style ?? {})
    this.wrapper.replaceChildren(ruler)
    this.ruler = ruler
    this.drawn = { from: 0, to: -1 }
    const left = ws.getScroll()
    this.follow(left, left + ws.getWidth())
  }

  /** Keeps notches for the view and one view's width either side; rebuilt only when the view leaves them. */
  private follow(left: number, right: number): void {
    if (!this.ruler || !(this.pxPerSec > 0)) return
    if (left >= this.drawn.from && right <= this.drawn.to) return
    const width = Math.max(1, right - left)
    this.draw(Math.max(0, left - width), right + width)
  }

  private draw(fromPx: number, toPx: number): void {
    const ruler = this.ruler!
    const { notch, primary, secondary } = rulerIntervals(this.pxPerSec)
    const first = Math.max(0, Math.floor(fromPx / this.pxPerSec / notch))
    const fragment = document.createDocumentFragment()
    for (let i = first; i * notch < this.duration && i * notch * this.pxPerSec <= toPx; i++) {
      const t = i * notch
      const el = document.createElement('div')
      const isPrimary = Math.round(t * 100) % Math.round(primary * 100) === 0
      const isSecondary = Math.round(t * 100) % Math.round(secondary * 100) === 0
      // The Timeline plugin's notch, as it styles it.
      el.style.cssText = `width:0;height:${isPrimary || isSecondary ? '100%' : '50%'};display:flex;flex-direction:column;justify-content:flex-end;bottom:0;overflow:visible;border-left:1px solid currentColor;opacity:${isPrimary ? 1 : 0.25};position:absolute;z-index:1;left:${t * this.pxPerSec}px`
      if (isPrimary || isSecondary) {
        el.style.textIndent = '3px'
        el.textContent = this.options.formatTimeCallback(t)
      }
      el.setAttribute('part', `timeline-notch timeline-notch-${isPrimary ? 'primary' : isSecondary ? 'secondary' : 'tick'}`)
      fragment.appendChild(el)
    }
    ruler.replaceChildren(fragment)
    this.drawn = { from: fromPx, to: toPx }
  }
}

export default TimeRulerPlugin
