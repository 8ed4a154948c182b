/*
 * Transcript words' tooltips (their confidence when low, an estimated time), written when the
 * pointer comes over a word or it takes focus, by one listener on the list, instead of on every
 * word of every row as it scrolls in: those attribute writes were a visible share of a scroll
 * frame (issue 21's profile). The tooltip shows after the pointer rests on the word, so it is
 * there in time, and it is computed afresh at each visit (the threshold or the language may have
 * changed since). lib/word-spans.ts drops it when a span is reused for another word.
 */

import type { Segment } from '../../../shared/transcript'
import { wordMarkTitle } from './word-marks'
import { isBelowThreshold } from '../stores/review-prefs-store'

/** A word span's tooltip now, or undefined for none. */
export type WordTitle = (span: HTMLElement) => string | undefined

/** Sets the `title` of the word span (`.w[data-i]`) under the pointer or focus inside `root`; returns the remover. */
export function lazyWordTooltips(root: HTMLElement, titleOf: WordTitle): () => void {
  const onEnter = (event: Event): void => {
    const target = event.target
    if (!(target instanceof Element)) return
    const span = target.closest<HTMLElement>('.w[data-i]')
    if (!span || !root.contains(span)) return
    const title = titleOf(span)
    if (title === undefined) {
      if (span.hasAttribute('title')) span.removeAttribute('title')
    } else if (span.getAttribute('title') !== title) span.setAttribute('title', title)
  }
  root.addEventListener('pointerover', onEnter, { passive: true })
  root.addEventListener('focusin', onEnter, { passive: true })
  return () => {
    root.removeEventListener('pointerover', onEnter)
    root.removeEventListener('focusin', onEnter)
  }
}

/**
 * The tooltip of a word span in a transcript row (`[data-segment-id][data-index]`, as
 * TranscriptSegment.vue renders it): its marks (lib/word-marks.ts) under the threshold now.
 */
export function rowWordTitle(rows: () => readonly Segment[], threshold: () => number): WordTitle {
  return (span) => {
    const row = span.closest('[data-segment-id]')
    const segment = rows()[Number(row?.getAttribute('data-index'))]
    if (!segment || segment.id !== row?.getAttribute('data-segment-id')) return undefined
    const word = segment.words[Number(span.getAttribute('data-i'))]
    if (!word) return undefined
    const t = threshold()
    return wordMarkTitle(word, isBelowThreshold(word.confidence, t), t)
  }
}
