import type { CustomScheme } from 'electron'

/** The scheme the renderer plays recordings and fetches peaks from. */
export const mediaScheme = 'sdte-media'

/**
 * Privileges the media scheme needs (registered before `ready`): `stream` so <audio> can
 * stream and seek with Range, `supportFetchAPI` for peaks, `standard` + `secure` so it is
 * treated like https by the CSP and mixed-content rules.
 */
export const mediaSchemePrivileges: CustomScheme['privileges'] = {
  standard: true,
  secure: true,
  stream: true,
  supportFetchAPI: true,
  // The page (app://sdte) fetches peaks from this scheme: a cross-origin fetch that needs CORS.
  corsEnabled: true,
  bypassCSP: false
}
