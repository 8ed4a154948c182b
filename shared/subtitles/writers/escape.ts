/*
 * Escaping shared by the writers. Each format has its own reserved characters; getting one
 * wrong makes a real parser drop or merge cues, which the parser tests catch.
 */

/** XML text and attribute escaping (TTML): & < > " '. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** WebVTT cue text escaping: & < > as character references (so "-->" is written "--&gt;"). */
export function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** One line: a line break inside would end the cue (a blank line) or start a new line. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ')
}

/**
 * A line of plain-text subtitles (SRT, SBV). These formats have no escape, yet players read
 * markup in them: HTML-like tags (`<b>`, `<i>`, `<font>`; ffmpeg drops any other tag with its
 * text), ASS override blocks (`{\an8}`) and ASS escapes (`\N`, `\n`, `\h`). Where the text
 * would read as markup, the character that starts it becomes its full-width look-alike
 * (`＜` `｛` `＼`), as the ASS writer does, so the words stay visible and nothing is lost.
 */
export function plainLine(text: string): string {
  return oneLine(text)
    .replace(/<(?=[A-Za-z/!?])/g, '＜')
    .replace(/\{(?=\\)/g, '｛')
    .replace(/\\(?=[Nnh])/g, '＼')
}

/**
 * An SRT line: plain, with every "{" as "｛" (ffmpeg hands SRT text to libass as is, where any
 * `{...}` is an override block or a comment and disappears: mpv would not show "{laughs}"),
 * and no "-->" (line-oriented readers take it for a timing line).
 */
export function srtLine(text: string): string {
  return plainLine(text).replace(/\{/g, '｛').replace(/-->/g, '--＞')
}
