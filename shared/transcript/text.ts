import type { Segment, Word } from './model'

/*
 * The text view of the model: a segment's text is its words joined by single spaces, and every
 * caret offset the editor sends is an offset into that string. Words never contain whitespace.
 */

/** A whitespace-free token of a text and where it sits in it. */
export interface Token {
  readonly text: string
  readonly start: number
  readonly end: number
}

/** Splits text on whitespace, keeping each token's character range. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const re = /\S+/g
  let match: RegExpExecArray | null
  while ((match = re.exec(text)) !== null) tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length })
  return tokens
}

/** The segment's text as the editor shows it: words joined by single spaces. */
export function segmentText(segment: Pick<Segment, 'words'>): string {
  return wordsText(segment.words)
}

/** Words joined by single spaces. */
export function wordsText(words: readonly Pick<Word, 'text'>[]): string {
  let out = ''
  for (let i = 0; i < words.length; i++) out += i === 0 ? words[i].text : ' ' + words[i].text
  return out
}

/** A word's comparison key: lower case, letters and digits only ("Hello," and "hello" match). */
export function wordKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}
