import { describe, expect, it } from 'vitest'
import { rowHeight, wrappedLines } from '../../renderer/src/lib/row-height-model'
import type { RowLayout } from '../../renderer/src/lib/row-height-model'
import type { Segment } from '../../shared/transcript'

/*
 * The transcript row's height model (lib/row-height-model.ts), with a monospace measure (10 px a
 * character) so every wrap can be counted by hand. The layout figures are the wide row as
 * measured in Chromium: text from 4 px, 27.2 px lines, the gutter reaching 44 px, 5 px below.
 */

const mono = (text: string): number => text.length * 10
const wide: RowLayout = { width: 200, line: 27.2, space: 10, textTop: 4, fixedBottom: 44, tail: 5, noteWidth: 170, noteLine: 15, noteExtra: 2 }

function segment(text: string, note?: string): Segment {
  const words = text.split(' ').filter(Boolean).map((t, i) => ({ id: `w${i}`, text: t, startMs: i * 100, endMs: i * 100 + 90, confidence: 0.9, estimated: false }))
  return { id: 's', speakerId: 'A', startMs: 0, endMs: 1000, words, reviewed: false, ...(note ? { note } : {}) }
}

describe('wrappedLines', () => {
  it('wraps at spaces where the next word would pass the width; a trailing space hangs', () => {
    // 'aaaa bbbb' is 90 px; then 'cccccccccc' (100) fits exactly up to 200 with its space before it.
    expect(wrappedLines(['aaaa', 'bbbb', 'ccccccccc'], 200, 10, mono)).toBe(1)
    expect(wrappedLines(['aaaa', 'bbbb', 'cccccccccc', 'd'], 200, 10, mono)).toBe(2)
    expect(wrappedLines([], 200, 10, mono)).toBe(1)
    // A word wider than the column stands alone on its line (the text does not break inside words).
    expect(wrappedLines(['a', 'x'.repeat(30), 'b'], 200, 10, mono)).toBe(3)
  })
})

describe('rowHeight', () => {
  it('a one-line row is as tall as its gutter, not as one text line plus the gutter', () => {
    expect(rowHeight(segment('one line'), wide, mono, mono)).toBe(44 + 5)
  })

  it('a longer row is as tall as its text: the gutter is not added again', () => {
    // 40 words of 4 characters: 8 a line (8 × 50 px = 400 > 200 → 4 a line), so 10 lines.
    const text = Array.from({ length: 40 }, () => 'wxyz').join(' ')
    expect(rowHeight(segment(text), wide, mono, mono)).toBeCloseTo(4 + 10 * 27.2 + 5)
    // Two lines: 4 + 54.4 = 58.4 is past the gutter's 44.
    expect(rowHeight(segment('wxyz wxyz wxyz wxyz wxyz'), wide, mono, mono)).toBeCloseTo(4 + 2 * 27.2 + 5)
  })

  it('the narrow layout (gutter above the text) is the same figures with the text starting lower', () => {
    const narrow: RowLayout = { ...wide, textTop: 4 + 24 + 2, fixedBottom: 28 }
    expect(rowHeight(segment('one line'), narrow, mono, mono)).toBeCloseTo(30 + 27.2 + 5)
  })

  it('a note adds its lines under the text, its own line breaks kept', () => {
    const plain = rowHeight(segment('one line'), wide, mono, mono)
    expect(rowHeight(segment('one line', 'check'), wide, mono, mono)).toBe(plain + 2 + 15)
    expect(rowHeight(segment('one line', 'first\nsecond'), wide, mono, mono)).toBe(plain + 2 + 2 * 15)
    // 170 px of note column: 'aaaaaaaa' × 3 (80 px each) wraps to two lines.
    expect(rowHeight(segment('one line', 'aaaaaaaa aaaaaaaa aaaaaaaa'), wide, mono, mono)).toBe(plain + 2 + 2 * 15)
  })
})
