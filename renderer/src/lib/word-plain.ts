import type { Word } from '../../../shared/transcript'
import type { WordMarks } from './word-spans'
import { idleTask } from './idle-task'

/*
 * A transcript row's words as one text node while the list scrolls, their spans once it rests.
 * A row that scrolls in was ~37 elements, two thirds of them word spans (lib/word-spans.ts), and
 * writing, styling, laying out and painting those spans was most of a scroll frame (issue 21's
 * trace: the same list without spans cost ~40 % less CPU per frame). So a row that shows another
 * segment while the list is scrolling gets its words as plain text, with the same text and so the
 * same line breaks and height as the spans, its low-confidence, estimated-timing and review-queue
 * marks drawn by the CSS Custom Highlight API (`::highlight(sdte-low)` …, no elements), and its
 * spans are made when the scrolling has stopped, a few rows per idle period. Whatever needs a
 * word as an element gets the spans at once: the pointer or the focus coming over the row (a
 * click, a double click, a selection, a tooltip), the cursor row, find's hits, the queue's current
 * word, and the playing word (TranscriptPane.vue asks through `upgradeWordSpans`).
 */

/** Frames without a scroll event after which the list is at rest (counted in frames, not ms: a loaded machine's frames are long). */
const restFrames = 3
/** The time one idle period may spend making spans, in ms (a frame has ~16). */
const sliceMs = 4

let scrolling = false
let quiet = 0
let scrolledThisFrame = false
let watching = false
let listening = false

// One animation frame callback per frame while the list scrolls: it declares the rest.
function watchFrames(): void {
  if (watching) return
  watching = true
  const frame = (): void => {
    if (scrolledThisFrame) quiet = 0
    else quiet++
    scrolledThisFrame = false
    if (quiet < restFrames) {
      requestAnimationFrame(frame)
      return
    }
    watching = false
    scrolling = false
    if (pending.size) idle.schedule(slice)
  }
  requestAnimationFrame(frame)
}

/** True from a scroll event (any scroller in the document) until `restFrames` frames have passed without one. */
export function isScrolling(): boolean {
  if (!listening && typeof document !== 'undefined' && typeof requestAnimationFrame === 'function') {
    listening = true
    // Capture: scroll events do not bubble, and the list is one scroller among several.
    document.addEventListener('scroll', () => {
      scrolling = true
      scrolledThisFrame = true
      watchFrames()
    }, { capture: true, passive: true })
  }
  return scrolling
}

// Rows whose words are plain text now, with what makes their spans.
const pending = new Map<Element, () => void>()
// Per plain row, the highlight ranges of its marks, to take out when its text goes.
const ranges = new WeakMap<Element, Array<[Highlight, AbstractRange]>>()
const idle = idleTask(500)

const highlightNames = { low: 'sdte-low', est: 'sdte-est', queued: 'sdte-queued' } as const
/** The highlight registered under `name`, made on first use; null where the API is missing (test DOMs). */
function highlight(name: string): Highlight | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return null
  let h = CSS.highlights.get(name)
  if (!h) CSS.highlights.set(name, (h = new Highlight()))
  return h
}

/** The words' text as the spans show it: each word followed by a space. */
export function plainText(words: readonly Word[]): string {
  let text = ''
  for (const w of words) text += `${w.text} `
  return text
}

/** True where rows can show plain words (the highlight API draws their marks); false in test DOMs without it. */
export function canWritePlain(): boolean {
  return highlight(highlightNames.low) !== null
}

/**
 * Writes `words` into `p` as one text node with their marks as highlights, and keeps `spans` (which
 * makes the row's spans) to run once the list has stopped scrolling. Runs `spans` at once instead
 * where there is no highlight API.
 */
export function writePlainWords(p: HTMLElement, words: readonly Word[], marks: WordMarks, spans: () => void): void {
  if (!canWritePlain()) {
    spans()
    return
  }
  dropRanges(p)
  p.textContent = plainText(words)
  const text = p.firstChild
  const held: Array<[Highlight, AbstractRange]> = []
  let at = 0
  for (const w of words) {
    const low = marks.low(w.confidence)
    const queued = marks.queued.has(w.id)
    if (text && (low || w.estimated || queued)) {
      const add = (name: string): void => {
        // Static, not live: a live Range is updated at every DOM change in the document, and the text it covers is replaced, never edited.
        const r = new StaticRange({ startContainer: text, startOffset: at, endContainer: text, endOffset: at + w.text.length })
        const h = highlight(name)!
        h.add(r)
        held.push([h, r])
      }
      if (low) add(highlightNames.low)
      if (w.estimated) add(highlightNames.est)
      if (queued) add(highlightNames.queued)
    }
    at += w.text.length + 1
  }
  ranges.set(p, held)
  pending.set(p, spans)
  later()
}

/** True while `p`'s words are plain text waiting for their spans. */
export function isPlain(p: Element): boolean {
  return pending.has(p)
}

/** Forgets `p`'s plain text (its highlights and its waiting spans): the caller writes its spans now. */
export function leavePlain(p: HTMLElement): void {
  if (!pending.delete(p)) return
  dropRanges(p)
  p.textContent = ''
}

/** Makes the spans now of every plain row inside `root` (or `root` itself); true when there was any. */
export function upgradeWordSpans(root: Element): boolean {
  let any = false
  for (const [p, spans] of [...pending]) {
    if (!p.isConnected) forget(p)
    else if (root.contains(p)) {
      spans()
      any = true
    }
  }
  return any
}

// A row gone from the list (unmounted): its ranges leave the highlights with it.
function forget(p: Element): void {
  pending.delete(p)
  dropRanges(p)
}

function dropRanges(p: Element): void {
  for (const [h, r] of ranges.get(p) ?? []) h.delete(r)
  ranges.delete(p)
}

// Makes spans in idle periods once the list is at rest (the frame watch schedules it then), a slice at a time.
function later(): void {
  if (!scrolling && !idle.pending) idle.schedule(slice)
}

function slice(): void {
  if (scrolling) return
  const start = performance.now()
  for (const [p, spans] of [...pending]) {
    if (!p.isConnected) forget(p)
    else spans()
    if (performance.now() - start > sliceMs) break
  }
  if (pending.size) later()
}
