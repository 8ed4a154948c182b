/*
 * Origin checks by URL parser, never by string prefix: `http://localhost:5173@evil.example/`
 * starts with the dev server's address but is evil.example with a user name, and every file://
 * URL shares one opaque origin. Electron-free so the dispatcher, the navigation guard and the
 * e2e harness share it.
 */

/**
 * The origin of an absolute URL as lower-case `scheme://host[:port]`, or null when it has none
 * we would trust: unparsable, credentials in it, or no host (file:, data:, blob:, about:).
 * Node's URL gives custom schemes an opaque `origin` ('null'), so it is built from the parts.
 */
export function trustableOrigin(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.username !== '' || parsed.password !== '' || parsed.host === '') return null
  return `${parsed.protocol}//${parsed.host}`.toLowerCase()
}

/**
 * A predicate that is true only for URLs on one of `allowedOrigins` (each given as an origin or
 * any URL on it). Throws at construction for an entry without a trustable origin, such as a
 * file:// URL, which would otherwise trust every local file.
 */
export function createOriginCheck(allowedOrigins: readonly string[]): (url: string) => boolean {
  const allowed = new Set(
    allowedOrigins.map((entry) => {
      const origin = trustableOrigin(entry)
      if (origin === null) throw new Error(`${entry} has no origin the app can trust.`)
      return origin
    })
  )
  return (url) => {
    const origin = trustableOrigin(url)
    return origin !== null && allowed.has(origin)
  }
}
