import type { Word } from '../../../shared/transcript'
import { currentLocale, t } from '../i18n'
import { formatPercent } from '../i18n/format'

/*
 * What the marks on a transcript word mean, said in its tooltip and in the legend above the
 * transcript: the low-confidence tint (below the reviewer's threshold) and the dotted underline
 * of a time the recogniser did not measure (normalise estimated it).
 */

/** "70%" for a 0..1 fraction ("70 %" in pt-PT). */
export function percent(fraction: number): string {
  return formatPercent(Math.round(fraction * 100) / 100)
}

// Tooltips by (locale, threshold, confidence, estimated): every row render asks for each of its
// words', and a translated, formatted text per low-confidence word was a visible share of a scroll frame.
let titles = new Map<string, string | undefined>()
let titlesFor = ''

/** A word's tooltip: its confidence when low, and whether its timing is estimated; undefined when unmarked. */
export function wordMarkTitle(word: Pick<Word, 'confidence' | 'estimated'>, low: boolean, threshold: number): string | undefined {
  if (!low && !word.estimated) return undefined
  const context = `${currentLocale()}|${threshold}`
  if (context !== titlesFor) {
    titles = new Map()
    titlesFor = context
  }
  const key = `${low ? word.confidence : '-'}|${word.estimated ? 1 : 0}`
  if (titles.has(key)) return titles.get(key)
  const title = markTitle(word, low, threshold)
  titles.set(key, title)
  return title
}

function markTitle(word: Pick<Word, 'confidence' | 'estimated'>, low: boolean, threshold: number): string | undefined {
  const parts: string[] = []
  if (low && word.confidence !== null) parts.push(t('editorPanels.wordMarks.lowWord', { confidence: percent(word.confidence), threshold: percent(threshold) }))
  if (word.estimated) parts.push(t('editorPanels.wordMarks.estimatedWord'))
  return parts.length ? parts.join('\n') : undefined
}
