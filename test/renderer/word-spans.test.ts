import { expect, it } from 'vitest'
import { patchWordSpans } from '../../renderer/src/lib/word-spans'
import type { WordMarks } from '../../renderer/src/lib/word-spans'
import type { Word } from '../../shared/transcript'

/*
 * A row's word spans patched in place (lib/word-spans.ts): the same DOM Vue rendered before
 * (one span per word, a space after each, the marks as classes), spans reused for another
 * segment's words, text never read as HTML, and the pane's playing mark kept only on a span that
 * still shows the same word. Tooltips are written on hover (lib/word-tooltips.ts), never here; a
 * span reused for another word drops the one it had.
 */

const word = (id: string, text: string, extra: Partial<Word> = {}): Word => ({ id, text, startMs: 0, endMs: 1, confidence: 0.9, estimated: false, ...extra })
const marks = (over: Partial<WordMarks> = {}): WordMarks => ({ cursor: -1, queued: new Set(), queuedCurrent: null, low: (c) => c !== null && c < 0.5, ...over })
const shape = (p: HTMLElement): string[] => [...p.childNodes].map((n) => (n instanceof HTMLElement ? `${n.className}|${n.dataset.i}|${n.dataset.wordId}|${n.getAttribute('title') ?? ''}|${n.textContent}` : JSON.stringify(n.textContent)))

it('writes one span per word with its marks, then patches it for other words and marks', () => {
  const p = document.createElement('p')
  const first = [word('a', 'Hello'), word('b', '<b>there</b>', { confidence: 0.2 }), word('c', 'you', { estimated: true })]
  expect(patchWordSpans(p, first, marks({ cursor: 0, found: new Set([1]), queued: new Set(['c']), queuedCurrent: 'c' }))).toBe(true)
  expect(shape(p)).toEqual(['w cur|0|a||Hello', '" "', 'w low found|1|b||<b>there</b>', '" "', 'w est queued queued-current|2|c||you', '" "'])
  expect(p.querySelector('b')).toBeNull()
  expect(p.textContent).toBe('Hello <b>there</b> you ')
  const spans = [...p.children]
  // The pane marks the playing word; the same words with new marks keep it, and keep their elements.
  spans[2].classList.add('playing')
  // A tooltip written on hover stays while the span shows the same word.
  spans[1].setAttribute('title', 'hovered')
  expect(patchWordSpans(p, first, marks({ foundCurrent: new Set([0]) }))).toBe(false)
  expect([...p.children]).toEqual(spans)
  expect(shape(p)).toEqual(['w found-current|0|a||Hello', '" "', 'w low|1|b|hovered|<b>there</b>', '" "', 'w est playing|2|c||you', '" "'])
  // Another segment, shorter: the spans are reused, the extra one goes with its space, the mark and the tooltip go.
  spans[0].setAttribute('title', 'hovered')
  expect(patchWordSpans(p, [word('x', 'One'), word('c2', 'two')], marks())).toBe(true)
  expect(shape(p)).toEqual(['w|0|x||One', '" "', 'w|1|c2||two', '" "'])
  expect(p.children[0]).toBe(spans[0])
  // Longer again: new spans at the end.
  patchWordSpans(p, [word('x', 'One'), word('c2', 'two'), word('d', 'three'), word('e', 'four')], marks({ cursor: 3 }))
  expect(shape(p)).toEqual(['w|0|x||One', '" "', 'w|1|c2||two', '" "', 'w|2|d||three', '" "', 'w cur|3|e||four', '" "'])
  patchWordSpans(p, [], marks())
  expect(p.childNodes.length).toBe(0)
})
