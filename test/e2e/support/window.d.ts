import type { SdteApi } from '../../../shared/ipc/sdte-api'

declare global {
  interface Window {
    /** Provided by the harness's browser bridge, as the preload does in the app. */
    readonly sdte: SdteApi
  }
}
