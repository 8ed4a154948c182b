/*
 * Text as every export format can carry it. XML (TTML, DOCX) cannot hold most control
 * characters at all, ffmpeg cuts an ASS event at a NUL, and a line break inside a word would end
 * an SRT or WebVTT cue; an unpaired surrogate is not even encodable as UTF-8. So before any
 * writer sees it, every word, annotation, speaker name and title goes through `cleanText`.
 */

// Line and paragraph breaks, tabs and NEL become spaces (then collapse with the rest).
const breaks = /[\t\n\v\f\r\u0085\u2028\u2029]/g
// eslint-disable-next-line no-control-regex -- these are exactly what is being removed
const controls = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g
// eslint-disable-next-line no-control-regex -- any character one of the passes below changes
const suspect = /[\s\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]/
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * Whitespace collapsed and trimmed, control characters (C0, DEL, C1) and the noncharacters
 * U+FFFE/U+FFFF dropped, unpaired surrogates replaced by U+FFFD. Everything else (accents,
 * emoji, right-to-left text and its direction marks) is kept as it is.
 */
export function cleanText(text: string): string {
  // Most words hold none of these and no whitespace: one test and they go through untouched
  // (this runs for every word of a task).
  if (!suspect.test(text)) return text
  return text.replace(breaks, ' ').replace(controls, '').replace(loneSurrogate, '\ufffd').replace(/\s+/g, ' ').trim()
}

/**
 * Code points that are a grapheme cluster on their own whatever surrounds them: Latin, Greek,
 * Cyrillic, Hebrew and Arabic letters, Vietnamese precomposed letters, punctuation, currency,
 * CJK ideographs, kana, Hangul syllables, full-width forms. Left out, each to the slow path:
 * combining marks, ZWJ and variation selectors, surrogates (emoji), Hangul jamo, prepended
 * marks, and CR (CR LF is one cluster). A string of these alone counts as its length; almost
 * every word of a task does (Intl.Segmenter costs some 20 µs a word). char-count.test.ts checks
 * every code point of these ranges against Intl.Segmenter.
 */
export const simpleCharRanges: readonly (readonly [number, number])[] = [
  [0x0000, 0x000c], [0x000e, 0x02ff], // C0 controls but CR, Latin, Latin-1, Latin Extended A/B, IPA
  [0x0370, 0x0482], [0x048a, 0x052f], // Greek, Cyrillic (not its combining marks)
  [0x05d0, 0x05f4], [0x0620, 0x064a], // Hebrew and Arabic letters (not their vowel points)
  [0x1e00, 0x1fff], // Latin Extended Additional (Vietnamese), Greek Extended
  [0x2010, 0x2027], [0x2030, 0x205e], [0x20a0, 0x20c0], // punctuation, currency
  [0x3000, 0x3029], [0x3041, 0x3096], [0x30a1, 0x30fa], [0x30fc, 0x30ff], // CJK punctuation, kana
  [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0xff01, 0xff9d] // ideographs, Hangul syllables, full width
]
const hex = (n: number): string => `\\u${n.toString(16).padStart(4, '0')}`
const simple = new RegExp(`^[${simpleCharRanges.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]*$`)
let graphemes: Intl.Segmenter | undefined

/**
 * Characters as a reader counts them: user-perceived characters (grapheme clusters), so a
 * decomposed "é" (e + U+0301), a skin-toned or ZWJ emoji and a CJK ideograph are one each. The one
 * count used for characters per line and reading speed, by the cutter and by QC.
 */
export function charCount(text: string): number {
  if (simple.test(text)) return text.length
  // Decomposed text (NFD, common from macOS and PDFs) composes into the fast path; normalising
  // is far cheaper than segmenting.
  const composed = text.normalize('NFC')
  if (composed !== text && simple.test(composed)) return composed.length
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  let n = 0
  for (const _ of graphemes.segment(text)) n++
  return n
}
