/*
 * Parsing less of a big export (issue 21). A segment's `originalWords` are, wherever nobody
 * edited it on the platform, written byte for byte as its `displayWords` (in a 50 MB export
 * about half the file), and JSON.parse built every such word twice only for the check to share
 * them again (share-word-lists.ts). Here the text is looked at first: where a segment's
 * `"originalWords":` repeats its `"displayWords":` list verbatim, the copy is replaced by a marker
 * string, and the fast check (fast-export-check.ts) puts the display list in its place: the same
 * export the whole text gives, with a third less to parse, check and collect.
 *
 * Found with a few `indexOf`s and one comparison per segment, not by scanning the JSON, so each
 * replacement is one the parsed value can vouch for. A list `X` is replaced only when the text
 * reads `{"displayWords":X,"originalWords":X}` or `,"displayWords":X,"originalWords":X}`, `X`
 * starting with `[` and ending with `]`, with no backslash and no `"displayWords":` or
 * `"originalWords":` inside. The fast check then accepts the marked text's value only when every
 * marker is the `originalWords` of a segment whose display words are plain and whose other
 * members are primitives. Then `X` was that segment's own display list (nothing else can open
 * or close around it without a key or a member the checks refuse), the whole text is valid JSON
 * exactly when the marked text is, and it gives the same value. In any other case — the marked
 * text is not JSON, a marker lands anywhere else — the caller parses the whole text as before,
 * so every refusal keeps its message.
 *
 * The marker holds a random token per parse: no text can spell it ahead of time.
 */

/** A text with repeated original word lists replaced by `marker` (as a JSON string), `count` times. */
export interface MarkedOriginals {
  readonly text: string
  /** The marker's value once parsed. */
  readonly marker: string
  readonly count: number
}

const displayKey = '"displayWords":'
const originalKey = '"originalWords":'
const comma = 0x2c
const openBrace = 0x7b
const closeBrace = 0x7d
const openBracket = 0x5b
const closeBracket = 0x5d

/** A fresh marker: its value and its JSON text (`\u0000` first, so no export text is ever it). */
function freshMarker(): { value: string; json: string } {
  const bytes = new Uint8Array(12)
  globalThis.crypto.getRandomValues(bytes)
  const token = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return { value: `\u0000sdte-same-words:${token}`, json: `"\\u0000sdte-same-words:${token}"` }
}

/**
 * `text` with every segment's `originalWords` that repeats its `displayWords` verbatim replaced by
 * a marker (see the file comment), or null when none does.
 */
export function markSameOriginals(text: string): MarkedOriginals | null {
  let at = text.indexOf(displayKey)
  if (at < 0) return null
  const { value, json } = freshMarker()
  const pieces: string[] = []
  let from = 0
  let count = 0
  // The next `"originalWords":` and backslash at or after the list in hand: each search runs once
  // over the text, not again per segment (a text without originals would be searched to its end
  // each time).
  let original = text.indexOf(originalKey)
  let backslash = -2
  while (at >= 0 && original >= 0) {
    const next = text.indexOf(displayKey, at + displayKey.length)
    if (original < at) original = text.indexOf(originalKey, at)
    if (original < 0) break
    const list = at + displayKey.length
    const listEnd = original - 1
    const length = listEnd - list
    const copy = original + originalKey.length
    const before = text.charCodeAt(at - 1)
    if ((next < 0 || original < next) && (before === comma || before === openBrace) && text.charCodeAt(listEnd) === comma && text.charCodeAt(list) === openBracket && text.charCodeAt(listEnd - 1) === closeBracket && text.charCodeAt(copy + length) === closeBrace) {
      if (backslash !== -1 && backslash < at) backslash = text.indexOf('\\', at)
      if ((backslash === -1 || backslash > copy + length) && text.slice(copy, copy + length) === text.slice(list, listEnd)) {
        pieces.push(text.slice(from, copy), json)
        from = copy + length
        count++
      }
    }
    at = next
  }
  if (count === 0) return null
  pieces.push(text.slice(from))
  return { text: pieces.join(''), marker: value, count }
}
