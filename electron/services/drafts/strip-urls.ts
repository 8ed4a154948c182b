/*
 * Signed recording URLs (`…?sv=…&sig=…`) are credentials for as long as they last, and the
 * media code promises never to keep them. Drafts hold the whole editing model, which
 * carries the export's URLs, so every URL is cut to origin + path before a draft is written.
 */

const urlPattern = /https?:\/\/[^\s"'<>]+/gi

/** `text` with the query string and fragment removed from every http(s) URL in it. */
export function stripUrlQueries(text: string): string {
  if (!text.includes('?') && !text.includes('#')) return text
  return text.replace(urlPattern, (found) => {
    try {
      const url = new URL(found)
      if (!url.search && !url.hash) return found
      return `${url.origin}${url.pathname}`
    } catch {
      // Not a parseable URL: drop everything from the first ? or # so no query survives either way.
      return found.replace(/[?#].*$/, '')
    }
  })
}

/** A JSON.stringify replacer that applies `stripUrlQueries` to every string value. */
export function stripUrlQueriesReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.length > 8 && /https?:/i.test(value) ? stripUrlQueries(value) : value
}
