import type { SdteApi } from '../../../shared/ipc/sdte-api'

/** The bridge to main; a clear failure when the page runs without one (e.g. opened in a browser). */
export function sdte(): SdteApi {
  const api = (window as { sdte?: SdteApi }).sdte
  if (!api) throw new Error('SD Transcript Editor must run inside its desktop shell (window.sdte is missing).')
  return api
}
