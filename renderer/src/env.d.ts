/// <reference types="vite/client" />
import type { SdteApi } from '../../shared/ipc/sdte-api'
import type { Messages } from './i18n'

declare global {
  interface Window {
    /** The one bridge to main, provided by the preload (or the e2e harness). */
    readonly sdte: SdteApi
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

// Translation keys are checked against the English catalogue (renderer/src/i18n).
declare module 'vue-i18n' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends Messages {}
}
