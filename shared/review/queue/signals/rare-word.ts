import type { SignalHit, Signal } from '../types'
import { foldWord } from '../lexicon'
import { figureKind } from './number'

/*
 * Words missing from the language's built-in list of common words: a rare word is either right
 * and worth a look (a term, a name) or a recogniser's near-miss. Numbers, dates and codes are the number signal's,
 * and a hyphenated or apostrophe'd word counts as known when each of its parts is.
 */

/** True when every part of the folded word is in the lexicon. */
function known(folded: string, has: (w: string) => boolean): boolean {
  if (has(folded)) return true
  const parts = folded.split(/[-']/).filter(Boolean)
  return parts.length > 1 && parts.every((p) => has(p) || p.length <= 2)
}

/** Words not in the common-word list (silent until the list has loaded). */
export const rareWord: Signal = ({ segment }, { lexicon }) => {
  if (!lexicon) return []
  const hits: SignalHit[] = []
  for (let i = 0; i < segment.words.length; i++) {
    const folded = foldWord(segment.words[i].text)
    if (!folded || figureKind(segment.words[i].text, lexicon.language) !== null || known(folded, (w) => lexicon.has(w))) continue
    hits.push({ wordIndex: i, signal: 'rare-word', strength: 1, detail: 'not a common word', note: { code: 'rare' } })
  }
  return hits
}
