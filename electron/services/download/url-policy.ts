import { isIP } from 'node:net'
import { AppError } from '../../../shared/errors'

/*
 * Which addresses an export-supplied URL (`originalFileUrl`, page images) may make us fetch.
 * The URL comes from data that can be crafted (an export opened from a file), so it is not
 * trusted to pick the scheme: https only, plain http only to this machine and only when the API
 * itself is on this machine (the fake API and local test servers); data:, file: and the rest
 * are refused.
 */

/** True for 127.0.0.0/8, ::1 and localhost names. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (isIP(host) === 4) return host.startsWith('127.')
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host)
  return false
}

/** True when the API base URL is a plain-http or https address on this machine. */
export function isLoopbackApi(apiBaseUrl: string | null | undefined): boolean {
  if (!apiBaseUrl) return false
  try {
    return isLoopbackHost(new URL(apiBaseUrl).hostname)
  } catch {
    return false
  }
}

/**
 * The URL parsed, or an AppError('bad_request') saying why it may not be fetched. `apiBaseUrl`
 * is the API the export came from (or would have): its being loopback is what allows http.
 */
export function checkDownloadUrl(url: string, apiBaseUrl: string | null | undefined): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new AppError('bad_request', 'The download link is not a valid URL.', { reason: 'download_link_refused' })
  }
  if (parsed.username || parsed.password) throw new AppError('bad_request', 'Download links with a user name or password are refused.', { reason: 'download_link_refused' })
  if (parsed.protocol === 'https:') return parsed
  if (parsed.protocol === 'http:') {
    if (isLoopbackHost(parsed.hostname) && isLoopbackApi(apiBaseUrl)) return parsed
    throw new AppError('bad_request', `Only https download links are allowed (refused http://${parsed.host}).`, { reason: 'download_link_refused' })
  }
  throw new AppError('bad_request', `Only https download links are allowed (refused a ${parsed.protocol.replace(/:$/, '')}: link).`, { reason: 'download_link_refused' })
}

/** The host (and port) a URL would contact, for the "download from …?" question; null when unparseable. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null
  } catch {
    return null
  }
}
