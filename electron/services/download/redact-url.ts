/*
 * Signed (SAS) URLs carry their credential in the query string: never logged, never stored.
 */

/** The URL without its query string and fragment, safe to log (the SAS token lives in the query). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === 'data:') return 'data:…'
    return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`
  } catch {
    return '<invalid url>'
  }
}

/**
 * `message` with the signed URL and its query string taken out: fetch's own errors can quote
 * the URL whole ("Failed to parse URL from …?sig=…").
 */
export function scrub(message: string, url: string): string {
  let out = message.split(url).join(redactUrl(url))
  const query = url.indexOf('?')
  if (query >= 0 && query < url.length - 1) out = out.split(url.slice(query)).join('?…')
  return out
}
