import { onBeforeUnmount, watch } from 'vue'
import type { Ref, WatchSource } from 'vue'
import type { Segment } from '../../../shared/transcript'
import { rowHeight } from '../lib/row-height-model'
import type { RowLayout } from '../lib/row-height-model'
import { createEstimateCache } from '../lib/estimate-in-slices'
import { afterNextPaint } from '../lib/yield-to-page'

/*
 * Row heights for the virtual list before a row is measured. The list's total height (and so
 * the scrollbar) is the sum of these guesses for every row not yet on screen: a rough guess made
 * the total shrink by a fifth as the reviewer scrolled, moving the thumb under the pointer and
 * stopping a jump to the end short. So once the first row is laid out it is read — its text
 * column's width, font and line height, where the text starts, how low the gutter reaches, its
 * padding (lib/row-height-model.ts) — and every other row's text is wrapped word by word with
 * the font's own character widths (a canvas, no layout). The result is cached per segment
 * object (edits make new objects), and redone when the column's width changes. Rows are read
 * in a ResizeObserver callback, after the browser's own layout: reading them as soon as they
 * render would force a layout in the middle of the open.
 *
 * Wrapping every row's words at once was one long task when a long model landed (issue 21: 141 ms
 * at 6 hours) or the column's width changed: the virtualiser asks for every row's size in one go.
 * So rows are wrapped for a few ms of each task only (lib/estimate-in-slices.ts); the rest get a
 * guess from their character count and are wrapped in slices behind the page's own tasks, after
 * which `refined` is called for the list to take the exact figures (once, keeping its top row).
 */

/** The first-render guess, before any row could be read: header and about 11 words a line. */
function roughEstimate(segment: Segment | undefined): number {
  return roughRowHeight(segment?.words.length ?? 0)
}

/** The rough height of a row of `words` words (header and about 11 words a line), for rows not normalised yet. */
export function roughRowHeight(words: number): number {
  return 58 + 27 * Math.max(1, Math.ceil(words / 11))
}

/** Per-character widths in one font, from a canvas (sums ignore kerning: a pixel or two a line). */
function fontWidths(ctx: CanvasRenderingContext2D | null, font: string): (text: string) => number {
  const widths = new Map<number, number>()
  // Words repeat ("the", "and"): a word's width is summed once.
  const words = new Map<string, number>()
  return (text) => {
    const known = words.get(text)
    if (known !== undefined) return known
    let w = 0
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      let c = widths.get(code)
      if (c === undefined) {
        if (ctx) {
          ctx.font = font
          c = ctx.measureText(String.fromCharCode(code)).width
        } else c = 8
        widths.set(code, c)
      }
      w += c
    }
    if (words.size < 50_000) words.set(text, w)
    return w
  }
}

/** A text sample whose mean character width stands for a transcript's (letters, a digit or two, punctuation). */
const sample = 'The quick brown fox jumps over the lazy dog, and then 12 more. Well, yes: I think so.'

const px = (v: string): number => parseFloat(v) || 0

/** Reads the layout of the rendered row holding `text` (see lib/row-height-model.ts); null when not laid out. */
function readLayout(text: HTMLElement, row: HTMLElement, space: number, old: RowLayout | null): RowLayout | null {
  const style = getComputedStyle(text)
  const line = parseFloat(style.lineHeight)
  const width = text.clientWidth
  if (!(line > 0) || !(width > 0)) return null
  const rowBox = row.getBoundingClientRect()
  const textBox = text.getBoundingClientRect()
  let fixedBottom = 0
  for (const part of row.querySelectorAll<HTMLElement>(':scope > .gutter, :scope > .actions')) fixedBottom = Math.max(fixedBottom, part.getBoundingClientRect().bottom - rowBox.top)
  const rowStyle = getComputedStyle(row)
  // A note on screen tells the note's metrics; else the last ones read, or the UI font's usual line.
  const note = row.parentElement?.querySelector<HTMLElement>('[data-testid="segment-note"]')
  let noteLine = old?.noteLine ?? 15
  let noteExtra = old?.noteExtra ?? 2
  const noteWidth = note ? note.clientWidth - (note.querySelector('button')?.getBoundingClientRect().width ?? 0) - 6 : width - 30
  const noteText = note?.querySelector('span')
  if (note && noteText) {
    const lines = Math.max(1, noteText.getClientRects().length)
    const box = noteText.getBoundingClientRect().height
    noteLine = box / lines
    noteExtra = note.getBoundingClientRect().height - box + px(getComputedStyle(note).marginTop)
  }
  return {
    width,
    line,
    space,
    textTop: textBox.top - rowBox.top,
    fixedBottom,
    tail: px(rowStyle.paddingBottom) + px(rowStyle.borderBottomWidth),
    noteWidth,
    noteLine,
    noteExtra
  }
}

const same = (a: RowLayout, b: RowLayout): boolean => (Object.keys(a) as Array<keyof RowLayout>).every((k) => Math.abs(a[k] - b[k]) < 0.25)

/** A row's height from its character count under `l` (`meanChar`: the font's mean character width); greedy wrapping loses about half a word a line. */
export function guessRowHeight(segment: Segment, l: RowLayout, meanChar: number): number {
  let chars = 0
  for (const w of segment.words) chars += w.text.length
  const n = segment.words.length
  const text = chars * meanChar + Math.max(0, n - 1) * l.space
  const perLine = Math.max(1, l.width - (n > 0 ? (chars / n) * meanChar : 0) / 2)
  const lines = Math.max(1, Math.ceil(text / perLine))
  return Math.round(Math.max(l.fixedBottom, l.textTop + lines * l.line) + l.tail)
}

/** Estimates of row heights from the rendered layout (see the module comment); `refined` is called when guessed rows have been wrapped exactly. */
export function createRowEstimate(refined: () => void = () => {}) {
  let layout: RowLayout | null = null
  let ctx: CanvasRenderingContext2D | null | undefined
  let font = ''
  let measure: (text: string) => number = fontWidths(null, '')
  let measureNote: (text: string) => number = measure
  /** The text font's mean character width (for guesses). */
  let meanChar = 8
  /** The layout was read off a stand-in row, not yet off one of the list's own. */
  let stillProvisional = false
  const rows = createEstimateCache<Segment>({
    exact: (segment) => Math.round(rowHeight(segment, layout!, measure, measureNote)),
    guess: (segment) => guessRowHeight(segment, layout!, meanChar),
    // A note wraps on its own: such a (rare) row is always wrapped at once.
    always: (segment) => !!segment.note,
    refined
  })

  /** Reads the layout from a rendered row in `root` (see `calibrate`): none to read, the same as before, or changed. */
  function read(root: HTMLElement): 'none' | 'same' | 'changed' {
    const text = root.querySelector<HTMLElement>('article.segment [data-testid="segment-text"]')
    const row = text?.closest<HTMLElement>('article.segment')
    if (!text || !row) return 'none'
    if (ctx === undefined) ctx = typeof document === 'undefined' ? null : (document.createElement('canvas').getContext('2d') ?? null)
    if (!ctx) return 'none'
    const style = getComputedStyle(text)
    if (style.font !== font) {
      font = style.font
      measure = fontWidths(ctx, font)
      meanChar = measure(sample) / sample.length
      // A note is set in the gutter's UI font and size.
      measureNote = fontWidths(ctx, getComputedStyle(row.querySelector('.gutter') ?? text).font)
    }
    const next = readLayout(text, row, measure(' '), layout)
    if (!next) return 'none'
    if (layout && same(layout, next)) return 'same'
    layout = next
    rows.reset()
    return 'changed'
  }

  return {
    /** The estimated height of a segment's row in pixels (a guess for rows past this task's budget, refined later). */
    estimate(segment: Segment | undefined): number {
      if (!segment || !layout) return roughEstimate(segment)
      return rows.estimate(segment)
    },
    /**
     * Reads the layout from a rendered row in `root`; true when it changed (estimates must be
     * redone). `provisional`: a stand-in row (the frame's warm-up, components/editor/RowWarmUp.vue)
     * whose layout serves until a real row is read — the list still reads its first real row.
     */
    calibrate(root: HTMLElement, provisional = false): boolean {
      const got = read(root)
      if (got !== 'none') stillProvisional = provisional
      return got === 'changed'
    },
    /** True once a rendered row of the list has been read (a stand-in's layout does not count). */
    get calibrated(): boolean {
      return layout !== null && !stillProvisional
    },
    /** Rows given a guess and not wrapped exactly yet (for tests and the bench). */
    get guessedRows(): number {
      return rows.guessed
    },
    /** The layout read (for tests and the bench), or null before any row was read. */
    get layout(): RowLayout | null {
      return layout
    }
  }
}

/**
 * Calibrates `estimate` from the list in `scroller` once its first row is laid out and again
 * when the scroller's width changes; `redo` is called when every estimate changed, after the
 * frame being drawn: the rows on screen are measured in it anyway, and re-measuring them all
 * there put a second render and layout of the list before a long task's first rows showed.
 */
export function useRowEstimate(estimate: ReturnType<typeof createRowEstimate>, scroller: Ref<HTMLElement | null>, rows: WatchSource<unknown>, redo: () => void): void {
  let redoing = false
  let unmounted = false
  const check = (): void => {
    if (!scroller.value || !estimate.calibrate(scroller.value) || redoing) return
    redoing = true
    void afterNextPaint().then(() => {
      redoing = false
      if (!unmounted) redo()
    })
  }
  let width = 0
  let firstRow: Element | null = null
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => {
    const own = entries.filter((e) => e.target === scroller.value).at(-1)
    const w = own ? own.contentRect.width : width
    const widthChanged = w !== width
    width = w
    if (!estimate.calibrated || widthChanged) check()
    if (estimate.calibrated && firstRow) {
      observer?.unobserve(firstRow)
      firstRow = null
    }
  })
  const stop = watch(rows, () => {
    if (estimate.calibrated || !scroller.value) return
    if (!observer) return check()
    const row = scroller.value.querySelector('article.segment')
    if (!row || row === firstRow) return
    if (firstRow) observer.unobserve(firstRow)
    firstRow = row
    observer.observe(row)
  }, { flush: 'post' })
  watch(scroller, (el, old) => {
    if (old) observer?.unobserve(old)
    if (el) observer?.observe(el)
  }, { immediate: true })
  onBeforeUnmount(() => {
    unmounted = true
    stop()
    observer?.disconnect()
  })
}
