/*
 * Escaping shared by the writers. Each format has its own reserved characters; getting one
 * wrong makes a real parser drop or merge cues, which the parser tests catch.
 */

/** XML text and attribute escaping (TTML): & < > " '. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** WebVTT cue text escaping: & < > as character references, and no "-->" inside text. */
export function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * A cue line safe for line-based formats (SRT, SBV, WebVTT): no line breaks inside (a blank
 * line ends a cue), no "-->" (it would read as a timing line).
 */
export function safeLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/-->/g, '->')
}
