import { onBeforeUnmount, watch } from 'vue'
import type { Ref, WatchSource } from 'vue'
import type { Segment } from '../../../shared/transcript'

/*
 * Row heights for the virtual list before a row is measured. The list's total height (and so
 * the scrollbar) is the sum of these guesses for every row not yet on screen: a rough guess made
 * the total shrink by a fifth as the reviewer scrolled, moving the thumb under the pointer and
 * stopping a jump to the end short. So once the first row is in the DOM the row is read — its
 * text column's width, font and line height, and what the row adds around its text — and every
 * other row's text is wrapped word by word with the font's own character widths (a canvas, no
 * layout). The result is cached per segment object (edits make new objects), and redone when the
 * column's width changes (window resized, side pane opened).
 */

/** What was read from a rendered row. */
interface Calibration {
  readonly width: number
  readonly line: number
  readonly base: number
  readonly space: number
  readonly font: string
}

/** The first-render guess, before any row could be read: header and about 11 words a line. */
function roughEstimate(segment: Segment | undefined): number {
  return 58 + 27 * Math.max(1, Math.ceil((segment?.words.length ?? 0) / 11))
}

/** Estimates of row heights from the rendered layout (see the module comment). */
export function createRowEstimate() {
  let calib: Calibration | null = null
  let cache = new WeakMap<Segment, number>()
  let ctx: CanvasRenderingContext2D | null = null
  const charWidths = new Map<number, number>()

  function charWidth(code: number): number {
    let w = charWidths.get(code)
    if (w === undefined) {
      w = ctx ? ctx.measureText(String.fromCharCode(code)).width : 8
      charWidths.set(code, w)
    }
    return w
  }

  function wordWidth(text: string): number {
    let w = 0
    for (let i = 0; i < text.length; i++) w += charWidth(text.charCodeAt(i))
    return w
  }

  /** Lines the words take when wrapped greedily at spaces in a column `c.width` wide. */
  function lineCount(segment: Segment, c: Calibration): number {
    let lines = 1
    let x = 0
    for (const word of segment.words) {
      const w = wordWidth(word.text)
      if (x > 0 && x + w > c.width) {
        lines++
        x = 0
      }
      x += w + c.space
    }
    return lines
  }

  return {
    /** The estimated height of a segment's row in pixels. */
    estimate(segment: Segment | undefined): number {
      if (!segment || !calib) return roughEstimate(segment)
      let h = cache.get(segment)
      if (h === undefined) {
        h = calib.base + calib.line * lineCount(segment, calib)
        cache.set(segment, h)
      }
      return h
    },
    /** Reads the layout from a rendered row in `root`; true when it changed (estimates must be redone). */
    calibrate(root: HTMLElement): boolean {
      const text = root.querySelector<HTMLElement>('article.segment [data-testid="segment-text"]')
      const row = text?.closest<HTMLElement>('article.segment')
      if (!text || !row) return false
      const style = getComputedStyle(text)
      const line = parseFloat(style.lineHeight)
      const width = text.clientWidth
      if (!(line > 0) || !(width > 0)) return false
      const base = row.getBoundingClientRect().height - text.getBoundingClientRect().height
      const font = style.font
      if (calib && calib.width === width && calib.font === font && Math.abs(calib.base - base) < 0.5 && calib.line === line) return false
      if (!ctx) ctx = typeof document === 'undefined' ? null : (document.createElement('canvas').getContext('2d') ?? null)
      if (!ctx) return false
      if (!calib || calib.font !== font) charWidths.clear()
      ctx.font = font
      calib = { width, line, base, font, space: charWidth(32) }
      cache = new WeakMap()
      return true
    },
    /** True once a rendered row has been read. */
    get calibrated(): boolean {
      return calib !== null
    }
  }
}

/**
 * Calibrates `estimate` from the list in `scroller` once rows are rendered (`rows` changes) and
 * again when the scroller's width changes; `redo` is called when every estimate changed.
 */
export function useRowEstimate(estimate: ReturnType<typeof createRowEstimate>, scroller: Ref<HTMLElement | null>, rows: WatchSource<unknown>, redo: () => void): void {
  const check = (): void => {
    if (scroller.value && estimate.calibrate(scroller.value)) redo()
  }
  const stop = watch(rows, () => {
    if (!estimate.calibrated) check()
  }, { flush: 'post' })
  let width = 0
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => {
    const w = entries[0]?.contentRect.width ?? 0
    if (w === width) return
    width = w
    if (estimate.calibrated) check()
  })
  watch(scroller, (el, old) => {
    if (old) observer?.unobserve(old)
    if (el) observer?.observe(el)
  }, { immediate: true })
  onBeforeUnmount(() => {
    stop()
    observer?.disconnect()
  })
}
