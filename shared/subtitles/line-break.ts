/*
 * Where a subtitle may break: the cost of a break between two words, and the best layout of a
 * run of words over at most N lines. Used for line breaks inside a cue and (with more weight on
 * sentence integrity, see segment.ts) for the break between cues.
 *
 * Rules (docs/subtitles.md#line-breaks, Netflix/BBC guides): break after punctuation, before
 * conjunctions and prepositions; never between article and noun, adjective and noun, first and last
 * name, pronoun and verb, auxiliary and verb, before a reflexive or around a negation (in
 * Portuguese the adjective may follow its noun, so neither side of one breaks). Without a
 * part-of-speech tagger the word classes are closed lists, for English and Portuguese.
 */

import { charCount } from './text'

/** Languages with break rules. */
export type Language = 'en' | 'pt'

/** Every language with break rules. */
export const languages: readonly Language[] = ['en', 'pt']

/** Costs of a break, lower is better. "Never" is large but finite, so impossible input still cuts. */
export const breakCosts = {
  sentenceEnd: 0,
  clauseEnd: 1,
  beforeConjunction: 2,
  beforePreposition: 3,
  neutral: 6,
  afterFunctionWord: 20,
  forbidden: 50
} as const

interface WordClasses {
  readonly determiners: ReadonlySet<string>
  readonly adjectives: ReadonlySet<string>
  /** Adjectives also follow their noun ("a casa velha"), so a break before one splits the pair too. */
  readonly adjectivesFollowNouns: boolean
  readonly pronouns: ReadonlySet<string>
  readonly auxiliaries: ReadonlySet<string>
  readonly negations: ReadonlySet<string>
  readonly reflexivesAfter: ReadonlySet<string>
  readonly cliticsBefore: ReadonlySet<string>
  readonly conjunctions: ReadonlySet<string>
  readonly prepositions: ReadonlySet<string>
  readonly titles: ReadonlySet<string>
}

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/))

const english: WordClasses = {
  determiners: set(`a an the this these those my your his her its our their some any no every each either neither
    another such whose both all`),
  adjectives: set(`new old good bad great big small little large long short young high low first last next other same
    own whole few many much more most several real important different certain best better worst worse main
    major whole entire early late`),
  adjectivesFollowNouns: false,
  pronouns: set(`i you he she we they`),
  auxiliaries: set(`am is are was were be been being have has had do does did will would shall should can could may
    might must don't doesn't didn't won't wouldn't can't cannot couldn't shouldn't isn't aren't wasn't weren't
    haven't hasn't hadn't i'm you're we're they're he's she's it's i've you've we've they've i'll you'll he'll
    she'll we'll they'll it'll i'd you'd he'd she'd we'd they'd gonna wanna gotta`),
  negations: set(`not never n't`),
  reflexivesAfter: set(`myself yourself himself herself itself ourselves yourselves themselves oneself`),
  cliticsBefore: set(``),
  conjunctions: set(`and but or nor so yet because although though while whereas if unless until when whenever where
    wherever that which who whom whether since than`),
  prepositions: set(`of in on at to for with from by about into onto over under between among through during without
    within against toward towards upon around after before behind beyond across along near off via per like as`),
  titles: set(`mr. mrs. ms. dr. prof. st. mr mrs ms dr`)
}

const portuguese: WordClasses = {
  determiners: set(`o a os as um uma uns umas este esta estes estas esse essa esses essas aquele aquela aqueles
    aquelas isto isso meu minha meus minhas teu tua teus tuas seu sua seus suas nosso nossa nossos nossas cada todo
    toda todos todas algum alguma alguns algumas nenhum nenhuma outro outra outros outras qualquer quaisquer`),
  adjectives: set(`grande grandes pequeno pequena pequenos pequenas novo nova novos novas bom boa bons boas mau má
    velho velha primeiro primeira primeiros primeiras último última últimos últimas mesmo mesma mesmos mesmas
    próprio própria muito muita muitos muitas pouco pouca poucos poucas vários várias melhor pior maior menor`),
  adjectivesFollowNouns: true,
  pronouns: set(`eu tu ele ela nós vós eles elas você vocês`),
  auxiliaries: set(`é são era eram foi foram ser sou somos seja sejam está estão estava estavam estou estamos estar
    esteja tem têm tinha tinham tenho temos ter tiver há havia haver hei vai vão vou vamos ia iam pode podem posso
    podemos poder deve devem devo deveria poderia seria teria estaria quer querem quero queria`),
  negations: set(`não nunca jamais`),
  reflexivesAfter: set(`mesmo mesma`),
  // Proclitic pronouns sit before their verb ("não se lembra", "me disse").
  cliticsBefore: set(`me te se lhe lhes nos vos`),
  conjunctions: set(`e mas ou porque pois que quando como embora enquanto porém contudo portanto onde quem qual quais
    cujo cuja caso nem se`),
  prepositions: set(`de do da dos das em no na nos nas num numa para pra por pelo pela pelos pelas com sem sobre até
    entre contra desde ao aos à às durante após perante sob dum duma`),
  titles: set(`sr. sra. dr. dra. prof. sr sra dr dra`)
}

const classesFor: Record<Language, WordClasses> = { en: english, pt: portuguese }

const leadingPunct = /^[\s"'“”‘’«»([{¿¡-]+/u
const trailingPunct = /[\s"'“”‘’«»)\]}.,;:!?…—–-]+$/u

/** Lower-case, without surrounding punctuation; apostrophes inside are kept (don't, it's). */
export function normaliseWord(word: string): string {
  return word.replace(leadingPunct, '').replace(trailingPunct, '').replace(/’/g, "'").toLowerCase()
}

const closers = /[\s"'“”‘’»)\]}]+$/u

/** True when the word ends a sentence (. ! ? … possibly inside closing quotes or brackets). */
export function isSentenceEnd(word: string): boolean {
  return /[.!?…]$/u.test(word.replace(closers, ''))
}

/** True when the word ends a clause (, ; : or a dash). */
export function isClauseEnd(word: string): boolean {
  return /[,;:—–]$|\s-$/u.test(word.replace(closers, ''))
}

function isCapitalised(word: string): boolean {
  const w = word.replace(leadingPunct, '')
  return /^\p{Lu}\p{Ll}/u.test(w)
}

/**
 * The cost of breaking (a line or a cue) between `prev` and `next`, for `language`.
 * Lower is better; see `breakCosts`.
 */
export function breakCost(prev: string, next: string, language: Language = 'en'): number {
  const c = classesFor[language]
  const p = normaliseWord(prev)
  const n = normaliseWord(next)
  // A title's full stop is not a sentence end: "Dr. | Smith" is a name split.
  if (c.titles.has(prev.toLowerCase()) || c.titles.has(p)) return breakCosts.forbidden
  if (isSentenceEnd(prev)) return breakCosts.sentenceEnd
  if (isClauseEnd(prev)) return breakCosts.clauseEnd
  if (
    c.determiners.has(p) ||
    c.adjectives.has(p) ||
    (c.adjectivesFollowNouns && c.adjectives.has(n)) ||
    c.pronouns.has(p) ||
    c.auxiliaries.has(p) ||
    c.negations.has(p) ||
    c.cliticsBefore.has(p) ||
    c.reflexivesAfter.has(n) ||
    c.negations.has(n) ||
    /n't$/.test(n) ||
    (isCapitalised(prev) && isCapitalised(next) && p !== 'i') ||
    // A number and its unit or noun ("20 | percent", "3 | anos").
    /^\d[\d.,]*$/.test(p)
  ) {
    return breakCosts.forbidden
  }
  if (c.prepositions.has(p) || c.conjunctions.has(p)) return breakCosts.afterFunctionWord
  if (c.conjunctions.has(n)) return breakCosts.beforeConjunction
  if (c.prepositions.has(n)) return breakCosts.beforePreposition
  return breakCosts.neutral
}

/** A run of words laid out over lines: `starts` are the word offsets where lines 2..n begin. */
export interface LineLayout {
  readonly cost: number
  readonly starts: readonly number[]
}

// A top-heavy cue is a worse shape than a bottom-heavy (pyramid) one; both are mild next to
// break quality (a comma break that leaves the top line longer still wins).
const topHeavyPerChar = 0.1
const bottomHeavyPerChar = 0.02

/** Shape cost of a two-line cue: a top-heavy cue costs more than a bottom-heavy (pyramid) one. */
export function shapeCost(top: number, bottom: number): number {
  return top > bottom ? (top - bottom) * topHeavyPerChar : (bottom - top) * bottomHeavyPerChar
}

/** How much a line-break's quality weighs against the shape of the cue. */
const lineBreakWeight = 1

/** Where `layoutTwoLines` put its break (-1: one line). Reused to keep the hot path allocation-free. */
export const twoLineSplit = new Int32Array(1)

/**
 * The hot path of segmentation: the cheapest layout of words [from, to) on one line or two,
 * its cost returned (Infinity when it cannot fit) and its break in `twoLineSplit[0]`.
 * `firstExtra` characters go before the first word (a speaker label). No closures or
 * objects: it runs about twenty times per word.
 */
export function layoutTwoLines(prefix: ArrayLike<number>, costs: ArrayLike<number>, from: number, to: number, maxChars: number, firstExtra = 0): number {
  const total = prefix[to] - prefix[from] + (to - from - 1) + firstExtra
  twoLineSplit[0] = -1
  if (total <= maxChars) return 0
  let best = Infinity
  for (let s = from + 1; s < to; s++) {
    const top = prefix[s] - prefix[from] + (s - from - 1) + firstExtra
    if (top > maxChars) break
    const bottom = total - top - 1
    if (bottom > maxChars) continue
    // shapeCost, inlined.
    const cost = costs[s] * lineBreakWeight + (top > bottom ? (top - bottom) * topHeavyPerChar : (bottom - top) * bottomHeavyPerChar)
    if (cost < best) {
      best = cost
      twoLineSplit[0] = s
    }
  }
  return best
}

/**
 * The cheapest layout of words [from, to) over at most `maxLines` lines of `maxChars`, or null
 * when none fits. `prefix[k]` is the total length of words 0..k-1 (without spaces), and
 * `costs[k]` the cost of a break before word k; `firstExtra` characters go before the first word
 * (a speaker label). One line is preferred whenever it fits (Netflix: keep to one line unless
 * the text exceeds it).
 */
export function layoutLines(
  prefix: ArrayLike<number>,
  costs: ArrayLike<number>,
  from: number,
  to: number,
  maxChars: number,
  maxLines: number,
  firstExtra = 0
): LineLayout | null {
  const width = (a: number, b: number): number => prefix[b] - prefix[a] + (b - a - 1) + (a === from ? firstExtra : 0)
  if (width(from, to) <= maxChars) return { cost: 0, starts: [] }
  if (maxLines < 2) return null
  if (maxLines === 2) {
    const cost = layoutTwoLines(prefix, costs, from, to, maxChars, firstExtra)
    return cost === Infinity ? null : { cost, starts: [twoLineSplit[0]] }
  }
  // Three or more lines (an override): a small DP over (line count, line end).
  const n = to - from
  const cost: number[][] = [new Array(n + 1).fill(Infinity)]
  const back: number[][] = [new Array(n + 1).fill(-1)]
  cost[0][0] = 0
  let bestEnd = Infinity
  let bestLines = -1
  for (let l = 1; l <= maxLines; l++) {
    cost.push(new Array(n + 1).fill(Infinity))
    back.push(new Array(n + 1).fill(-1))
    for (let e = 1; e <= n; e++) {
      for (let s = e - 1; s >= 0; s--) {
        if (width(from + s, from + e) > maxChars) break
        if (cost[l - 1][s] === Infinity) continue
        const c = cost[l - 1][s] + (s > 0 ? costs[from + s] * lineBreakWeight : 0)
        if (c < cost[l][e]) {
          cost[l][e] = c
          back[l][e] = s
        }
      }
    }
    if (cost[l][n] < bestEnd) {
      bestEnd = cost[l][n]
      bestLines = l
    }
  }
  if (bestLines < 0) return null
  const starts: number[] = []
  for (let l = bestLines, e = n; l > 1; l--) {
    e = back[l][e]
    starts.unshift(from + e)
  }
  return { cost: bestEnd, starts }
}

/** Lays `words` out over at most `maxLines` lines of `maxChars` with the best breaks; null if they cannot fit. */
export function breakIntoLines(words: readonly string[], maxChars: number, maxLines: number, language: Language = 'en'): string[] | null {
  const prefix = [0]
  for (const w of words) prefix.push(prefix[prefix.length - 1] + charCount(w))
  const costs = words.map((w, k) => (k === 0 ? 0 : breakCost(words[k - 1], w, language)))
  const layout = layoutLines(prefix, costs, 0, words.length, maxChars, maxLines)
  if (!layout) return null
  const bounds = [0, ...layout.starts, words.length]
  return bounds.slice(1).map((end, k) => words.slice(bounds[k], end).join(' '))
}
