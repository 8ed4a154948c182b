import type { Page } from '@playwright/test'
import { catalogues } from '../../../renderer/src/i18n'

/*
 * Finds English left on a page that should be in Portuguese. Two nets:
 * 1. any visible text or accessible label that equals an English catalogue message whose
 *    Portuguese differs (a component that forgot to translate a key's use);
 * 2. any that contains common English words (text written inline, never put in a catalogue).
 * User data is skipped where the app marks it with the standard `translate="no"` attribute
 * (transcript text, task and speaker names, document values), and so are text marked
 * `lang="en…"` (the language picker naming English in English), `<code>`, `<kbd>` and form
 * fields' typed values.
 */

type Tree = { readonly [key: string]: string | Tree }

function leafPairs(en: Tree, pt: Tree): Array<[string, string]> {
  return Object.entries(en).flatMap(([key, value]) => {
    const other = pt[key]
    if (typeof value === 'string') return typeof other === 'string' ? [[value, other] as [string, string]] : []
    return typeof other === 'object' ? leafPairs(value, other) : []
  })
}

/** English messages that read differently in Portuguese (the ones that must not appear). */
const englishOnly = leafPairs(catalogues.en as unknown as Tree, catalogues['pt-PT'] as unknown as Tree)
  .filter(([en, pt]) => en !== pt && !/[{|]/.test(en) && en.length > 3)
  .map(([en]) => en)

/** Whole words that are English and not Portuguese. */
const englishWords = ['the', 'and', 'with', 'your', 'this', 'that', 'from', 'are', 'is', 'not', 'to', 'of', 'open', 'close', 'save', 'cancel', 'sign', 'export', 'task', 'speaker', 'search', 'loading', 'error', 'settings', 'shortcuts', 'find', 'replace', 'next', 'previous', 'page']

/**
 * Texts on the page (visible text nodes and labels) that look English; empty when none. `root`
 * (a CSS selector) limits the check to the elements it matches and what they hold, for a screen
 * checked before the rest of the page is translated.
 */
export async function englishLeftOn(page: Page, allow: readonly string[] = [], root: string | undefined = 'body'): Promise<string[]> {
  const texts = await page.evaluate((rootSelector) => {
    const out: string[] = []
    const skip = (el: Element | null): boolean => !!el?.closest('[translate="no"], [lang^="en"], code, kbd, script, style, [hidden], [aria-hidden="true"]')
    const roots = [...document.querySelectorAll(rootSelector)]
    // A selector that matches nothing would check nothing: that is a broken test, not a pass.
    if (roots.length === 0) throw new Error(`englishLeftOn: nothing matches ${rootSelector}`)
    for (const rootEl of roots) {
      const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement
        const text = node.textContent?.trim()
        if (!text || !el || skip(el)) continue
        const style = getComputedStyle(el)
        if (style.display === 'none' || style.visibility === 'hidden') continue
        out.push(text)
      }
      const labelled = '[aria-label], [title], [placeholder], [aria-description]'
      for (const el of [...(rootEl.matches(labelled) ? [rootEl] : []), ...rootEl.querySelectorAll(labelled)]) {
        if (skip(el)) continue
        for (const name of ['aria-label', 'title', 'placeholder', 'aria-description']) {
          const value = el.getAttribute(name)?.trim()
          if (value) out.push(value)
        }
      }
    }
    return out
  }, root ?? 'body')
  const wordRe = new RegExp(`\\b(${englishWords.join('|')})\\b`, 'i')
  return [...new Set(texts)].filter((text) => {
    if (allow.some((a) => text.includes(a))) return false
    return englishOnly.includes(text) || wordRe.test(text)
  })
}
