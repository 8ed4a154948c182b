/*
 * Transcript words' tooltips (their confidence when low, an estimated time), written when the
 * pointer comes over a word or it takes focus, by one listener on the list, instead of on every
 * word of every row as it scrolls in: those attribute writes were a visible share of a scroll
 * frame (issue 21's profile). The tooltip shows after the pointer rests on the word, so it is
 * there in time, and it is computed afresh at each visit (the threshold or the language may have
 * changed since). lib/word-spans.ts drops it when a span is reused for another word.
 */

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
