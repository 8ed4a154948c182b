import { afterEach, expect, it } from 'vitest'
import { i18n } from '../../renderer/src/i18n'
import { wordMarkTitle } from '../../renderer/src/lib/word-marks'
import { formatNumber, formatPercent } from '../../renderer/src/i18n/format'

/*
 * Word tooltips and number formats are kept once made (every row render asks for each word's
 * tooltip): a kept one must still follow the language, the threshold and the word.
 */

afterEach(() => {
  i18n.global.locale.value = 'en'
})

it('a kept tooltip follows a change of language, of threshold and of the word', () => {
  i18n.global.locale.value = 'en'
  const word = { confidence: 0.42, estimated: false }
  expect(wordMarkTitle(word, true, 0.7)).toBe('Low confidence: 42% (below 70%)')
  expect(wordMarkTitle(word, true, 0.7)).toBe('Low confidence: 42% (below 70%)')
  expect(wordMarkTitle(word, true, 0.5)).toBe('Low confidence: 42% (below 50%)')
  expect(wordMarkTitle({ confidence: 0.31, estimated: false }, true, 0.5)).toBe('Low confidence: 31% (below 50%)')
  expect(wordMarkTitle(word, false, 0.5)).toBeUndefined()
  i18n.global.locale.value = 'pt-PT'
  expect(wordMarkTitle(word, true, 0.5)).toMatch(/^Baixa confiança/)
})

it('kept number formats follow a change of language and of options', () => {
  i18n.global.locale.value = 'en'
  expect(formatNumber(1234.5, 1)).toBe('1,234.5')
  expect(formatNumber(1234.5)).toBe('1,235')
  expect(formatPercent(0.5)).toBe('50%')
  i18n.global.locale.value = 'pt-PT'
  expect(formatNumber(1234.5, 1)).toBe(new Intl.NumberFormat('pt-PT', { maximumFractionDigits: 1 }).format(1234.5))
  expect(formatPercent(0.5)).toBe(new Intl.NumberFormat('pt-PT', { style: 'percent' }).format(0.5))
})
