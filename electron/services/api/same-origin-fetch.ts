import { AppError } from '../../../shared/errors'

/*
 * Requests that carry credentials (the token form with the client secret, the export GETs with
 * the bearer token) follow redirects only within the origin they were sent to. fetch's own
 * redirect handling would re-send a 307's form body, secret included, to any host the server
 * names; here every hop is read with `redirect: 'manual'` and checked first.
 */

/** Most redirects followed before giving up (fetch's own limit is 20; a token call needs none). */
export const maxRedirects = 5

const redirectStatuses = new Set([301, 302, 303, 307, 308])

/** The origin of `url`, or null when it does not parse. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/**
 * `fetch(url, init)` following same-origin redirects only. A redirect to another origin throws
 * `server` naming the host it pointed to; nothing is sent there. `what` names the call in messages.
 */
export async function fetchSameOrigin(fetchPort: typeof fetch, url: string, init: RequestInit, what: string): Promise<Response> {
  const allowed = originOf(url)
  let current = url
  let request: RequestInit = { ...init, redirect: 'manual' }
  for (let hop = 0; ; hop++) {
    const response = await fetchPort(current, request)
    if (!redirectStatuses.has(response.status)) return response
    const location = response.headers.get('location')
    await response.body?.cancel().catch(() => undefined)
    if (location === null) throw new AppError('server', `The server answered the ${what} with a redirect (HTTP ${response.status}) but said nowhere to go`)
    let next: URL
    try {
      next = new URL(location, current)
    } catch {
      throw new AppError('server', `The server redirected the ${what} to an address that is not a URL`)
    }
    if (next.origin !== allowed) {
      // Only the host is named: the rest of the Location may carry anything.
      throw new AppError('server', `The server redirected the ${what} to another host (${next.host}); credentials are only sent to ${hostOf(allowed)}, so the request was refused`)
    }
    if (hop + 1 >= maxRedirects) throw new AppError('server', `The server redirected the ${what} more than ${maxRedirects} times`)
    // As fetch does: 303, and 301/302 after a POST, continue as a GET without the body.
    const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && (request.method ?? 'GET').toUpperCase() === 'POST')
    if (toGet) request = { ...request, method: 'GET', body: undefined }
    current = next.href
  }
}

function hostOf(origin: string | null): string {
  return origin === null ? 'the configured server' : new URL(origin).host
}
