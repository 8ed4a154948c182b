import { describe, expect, it } from 'vitest'
import { breakCost, breakCosts, breakIntoLines, isSentenceEnd, layoutLines, shapeCost } from '../../../shared/subtitles/line-break'
import type { Language } from '../../../shared/subtitles/line-break'

describe('breakCost', () => {
  // [language, word before the break, word after, expected class]
  const table: [Language, string, string, keyof typeof breakCosts][] = [
    ['en', 'down.', 'It', 'sentenceEnd'],
    ['en', 'really?”', 'and', 'sentenceEnd'],
    ['en', 'time,', 'I', 'clauseEnd'],
    ['en', 'reason:', 'the', 'clauseEnd'],
    ['en', 'robot', 'and', 'beforeConjunction'],
    ['en', 'house', 'because', 'beforeConjunction'],
    ['en', 'walked', 'into', 'beforePreposition'],
    ['en', 'friend', 'to', 'beforePreposition'],
    ['en', 'robots', 'really', 'neutral'],
    ['en', 'the', 'robot', 'forbidden'], // article + noun
    ['en', 'an', 'idea', 'forbidden'],
    ['en', 'their', 'house', 'forbidden'], // possessive + noun
    ['en', 'new', 'robots', 'forbidden'], // adjective + noun
    ['en', 'Kate', 'Darling', 'forbidden'], // first + last name
    ['en', 'Dr.', 'Smith', 'forbidden'], // title is not a sentence end
    ['en', 'I', 'think', 'forbidden'], // pronoun + verb
    ['en', 'they', 'said', 'forbidden'],
    ['en', 'have', 'been', 'forbidden'], // auxiliary + verb
    ['en', 'would', 'go', 'forbidden'],
    ['en', "we're", 'going', 'forbidden'],
    ['en', 'hurt', 'themselves', 'forbidden'], // reflexive
    ['en', 'did', 'not', 'forbidden'], // negation
    ['en', 'not', 'know', 'forbidden'],
    ['en', '20', 'percent', 'forbidden'],
    ['en', 'of', 'robots', 'afterFunctionWord'], // leaves a preposition dangling
    ['en', 'and', 'robots', 'afterFunctionWord'],
    ['pt', 'casa.', 'Ela', 'sentenceEnd'],
    ['pt', 'verdade,', 'mas', 'clauseEnd'],
    ['pt', 'robô', 'e', 'beforeConjunction'],
    ['pt', 'disse', 'que', 'beforeConjunction'],
    ['pt', 'foi', 'para', 'forbidden'], // auxiliary "foi" + what follows
    ['pt', 'andou', 'para', 'beforePreposition'],
    ['pt', 'saiu', 'de', 'beforePreposition'],
    ['pt', 'o', 'robô', 'forbidden'], // article + noun
    ['pt', 'uma', 'casa', 'forbidden'],
    ['pt', 'minha', 'mãe', 'forbidden'],
    ['pt', 'grande', 'casa', 'forbidden'], // adjective + noun
    ['pt', 'casa', 'velha', 'forbidden'], // noun + adjective (it follows its noun in Portuguese)
    ['pt', 'rio', 'grande', 'forbidden'],
    ['en', 'house', 'old', 'neutral'], // not in English
    ['pt', 'João', 'Silva', 'forbidden'], // first + last name
    ['pt', 'ela', 'disse', 'forbidden'], // pronoun + verb
    ['pt', 'tinha', 'feito', 'forbidden'], // auxiliary + verb
    ['pt', 'não', 'sabia', 'forbidden'], // negation
    ['pt', 'se', 'lembrou', 'forbidden'], // reflexive clitic + verb
    ['pt', 'da', 'casa', 'afterFunctionWord'],
    ['pt', 'casa', 'da', 'beforePreposition']
  ]
  it.each(table)('%s: "%s | %s" is %s', (language, prev, next, expected) => {
    expect(breakCost(prev, next, language)).toBe(breakCosts[expected])
  })
})

describe('breakIntoLines', () => {
  const table: [Language, string, number, string[]][] = [
    ['en', 'Short line.', 42, ['Short line.']],
    // Break after the comma, not inside "the robot".
    ['en', 'When I held the robot upside down, it started to cry out loud', 42, ['When I held the robot upside down,', 'it started to cry out loud']],
    // Before the conjunction rather than between adjective and noun.
    ['en', 'We watched the little green dinosaur and then we laughed about it', 42, ['We watched the little green dinosaur', 'and then we laughed about it']],
    // Keeps first and last name together.
    ['en', 'Yesterday afternoon I met with Kate Darling about her robots', 37, ['Yesterday afternoon I met', 'with Kate Darling about her robots']],
    // Prefers a bottom-heavy shape when the break quality is equal.
    ['en', 'one two three four five six seven eight nine ten eleven twelve', 42, ['one two three four five six', 'seven eight nine ten eleven twelve']],
    ['pt', 'Ontem à tarde eu encontrei o meu amigo na casa da minha mãe', 37, ['Ontem à tarde eu encontrei', 'o meu amigo na casa da minha mãe']],
    ['pt', 'Ela não se lembrou do nome da rua, mas encontrou a casa', 37, ['Ela não se lembrou do nome da rua,', 'mas encontrou a casa']],
    ['pt', 'Eles se lembraram de que a casa velha ficava perto do rio grande', 42, ['Eles se lembraram de que', 'a casa velha ficava perto do rio grande']]
  ]
  it.each(table)('%s: %s (%i chars)', (language, text, max, lines) => {
    const out = breakIntoLines(text.split(' '), max, 2, language)
    expect(out).toEqual(lines)
    for (const line of out ?? []) expect(line.length).toBeLessThanOrEqual(max)
  })

  it('returns null when the words cannot fit', () => {
    expect(breakIntoLines('a'.repeat(30).split(' ').concat(['b'.repeat(30), 'c'.repeat(30)]), 42, 2)).toBeNull()
    expect(breakIntoLines(['one', 'two'], 5, 1)).toBeNull()
  })

  it('handles three lines when the preset allows it', () => {
    const out = breakIntoLines('The robot walked across the field and then it stopped and looked at us for a long time'.split(' '), 30, 3)
    expect(out).not.toBeNull()
    expect(out!.length).toBeLessThanOrEqual(3)
    expect(out!.join(' ')).toBe('The robot walked across the field and then it stopped and looked at us for a long time')
    for (const line of out!) expect(line.length).toBeLessThanOrEqual(30)
  })

  it('layoutLines prefers one line when it fits', () => {
    expect(layoutLines([0, 3, 6], [0, 6, 6], 0, 2, 42, 2)).toEqual({ cost: 0, starts: [] })
  })

  it('costs a top-heavy shape more than a bottom-heavy one', () => {
    expect(shapeCost(40, 20)).toBeGreaterThan(shapeCost(20, 40))
    expect(isSentenceEnd('end."')).toBe(true)
    expect(isSentenceEnd('end,')).toBe(false)
  })
})
