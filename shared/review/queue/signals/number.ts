import type { SignalHit, Signal } from '../types'
import { foldWord } from '../lexicon'

/*
 * Numbers, amounts, dates and codes: what a recogniser gets wrong most expensively (a wrong
 * figure in a hearing, a date in a contract). Spelled-out numbers count too.
 */

// "one" is left out: in speech it is a pronoun ("one of them") far more often than a figure.
const numberWords: Readonly<Record<'en' | 'pt', ReadonlySet<string>>> = {
  en: new Set('zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion trillions percent dollars dollar cents pounds euros'.split(' ')),
  pt: new Set('zero dois duas três quatro cinco seis sete oito nove dez onze doze treze catorze quatorze quinze dezasseis dezesseis dezassete dezessete dezoito dezanove dezenove vinte trinta quarenta cinquenta sessenta setenta oitenta noventa cem cento duzentos trezentos quatrocentos quinhentos mil milhão milhões bilião biliões por cento euros euro cêntimos reais'.split(' ').filter((w) => w !== 'por'))
}
const months: Readonly<Record<'en' | 'pt', ReadonlySet<string>>> = {
  en: new Set('january february march april june july august september october november december'.split(' ')),
  pt: new Set('janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro'.split(' '))
}

type FigureKind = 'amount' | 'date' | 'code' | 'number' | null
// Three signals ask about every word, and words repeat: each spelling is judged once per language.
const kinds = { en: new Map<string, FigureKind>(), pt: new Map<string, FigureKind>() }

/** What kind of figure a word is, or null: 'amount', 'date', 'code' or 'number'. */
export function figureKind(text: string, language: 'en' | 'pt'): FigureKind {
  const memo = kinds[language]
  let kind = memo.get(text)
  if (kind === undefined) {
    if (memo.size > 100_000) memo.clear()
    kind = judge(text, language)
    memo.set(text, kind)
  }
  return kind
}

function judge(text: string, language: 'en' | 'pt'): FigureKind {
  const t = text.normalize('NFC').replace(/^[("'“‘]+|[)"'”’.,;:!?]+$/g, '')
  if (/[$€£¥]/.test(t) || /^\d[\d.,]*%$/.test(t)) return 'amount'
  if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(t) || /^\d{1,2}(st|nd|rd|th|º|ª)$/i.test(t)) return 'date'
  if (/\d/.test(t) && /\p{L}/u.test(t)) return 'code'
  if (/\d/.test(t)) return 'number'
  const folded = foldWord(t)
  if (months[language].has(folded)) return 'date'
  if (numberWords[language].has(folded)) return 'number'
  // Letters-only codes: "ABC-12" is caught above; "NATO" or "HR" are acronyms a reviewer checks too.
  if (/^\p{Lu}{2,}(-\p{Lu}+)*$/u.test(t) && t !== 'I') return 'code'
  return null
}

/** Numbers (digits or spelled out), amounts, dates and codes. */
export const number: Signal = ({ segment }, { language }) => {
  const hits: SignalHit[] = []
  for (let i = 0; i < segment.words.length; i++) {
    const kind = figureKind(segment.words[i].text, language)
    if (kind) hits.push({ wordIndex: i, signal: 'number', strength: kind === 'number' ? 0.8 : 1, detail: kind, note: { code: kind } })
  }
  return hits
}
