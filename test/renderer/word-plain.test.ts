import { expect, it } from 'vitest'
import { patchWordSpans } from '../../renderer/src/lib/word-spans'
import type { WordMarks } from '../../renderer/src/lib/word-spans'
import { isPlain, isScrolling, plainText, writePlainWords } from '../../renderer/src/lib/word-plain'
import type { Word } from '../../shared/transcript'

/*
 * A row's words as plain text while the list scrolls (lib/word-plain.ts): the text is the spans'
 * text to the character (so the row wraps and measures the same), and where the highlight API is
 * missing (this test DOM) the spans are written at once, never plain text without its marks.
 * The plain phase itself runs in Chromium: test/e2e/transcript-list-plain-words.spec.ts.
 */

const word = (id: string, text: string, extra: Partial<Word> = {}): Word => ({ id, text, startMs: 0, endMs: 1, confidence: 0.9, estimated: false, ...extra })
const marks: WordMarks = { cursor: -1, queued: new Set(['b']), queuedCurrent: null, low: (c) => c !== null && c < 0.5 }
const words = [word('a', 'Hello,'), word('b', '<b>there</b>', { confidence: 0.2 }), word('c', 'you', { estimated: true })]

it('plain text is the spans’ text, character for character', () => {
  const p = document.createElement('p')
  patchWordSpans(p, words, marks)
  expect(plainText(words)).toBe(p.textContent)
  expect(plainText([])).toBe('')
})

it('without the highlight API the spans are written at once, and the list is not scrolling before any scroll', () => {
  expect(isScrolling()).toBe(false)
  const p = document.createElement('p')
  document.body.append(p)
  writePlainWords(p, words, marks, () => patchWordSpans(p, words, marks))
  expect(isPlain(p)).toBe(false)
  expect([...p.children].map((s) => s.className)).toEqual(['w', 'w low queued', 'w est'])
})
