import type { SignalHit, Signal } from '../types'
import { figureKind } from './number'

/*
 * Capitalised words mid-sentence: names of people, places and organisations, which recognisers
 * spell wrong and reviewers must look up. The first word of a segment and any word after a
 * sentence end are capitalised anyway and are left out, as are English "I" and its contractions
 * and month names (the number signal's dates).
 */

const sentenceEnd = /[.!?…]["'”’)]*$/

/** True when `text` starts with a capital letter followed by a lower-case letter or nothing. */
export function looksCapitalised(text: string): boolean {
  const t = text.normalize('NFC').replace(/^[("'“‘]+/, '')
  return /^\p{Lu}(\p{Ll}|['’]|$)/u.test(t)
}

/** Capitalised words that do not start a sentence. */
export const name: Signal = ({ segment }, { language }) => {
  const hits: SignalHit[] = []
  const words = segment.words
  for (let i = 1; i < words.length; i++) {
    const text = words[i].text
    if (!looksCapitalised(text) || sentenceEnd.test(words[i - 1].text)) continue
    if (/^I(['’]\p{L}+)?[.,;:!?]*$/u.test(text) || figureKind(text, language) !== null) continue
    hits.push({ wordIndex: i, signal: 'name', strength: 1, detail: 'capitalised mid-sentence', note: { code: 'capitalised' } })
  }
  return hits
}
