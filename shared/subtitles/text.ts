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
