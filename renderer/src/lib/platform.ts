import { readonly, ref } from 'vue'
import type { Ref } from 'vue'
import type { SdteApi } from '../../../shared/ipc/sdte-api'
import { detectMac } from './shortcuts'

/*
 * Which platform the app runs on, for the keys it shows and matches (⌘ and Meta on macOS, Ctrl
 * elsewhere). Main knows for certain (`app:info`, from process.platform); until its answer
 * arrives, and when the page runs without the desktop shell, `navigator.platform` stands in.
 * Asked once per page: the answer cannot change while the app runs.
 */

const mac = ref(typeof navigator === 'undefined' ? false : detectMac(navigator.platform))
let asked = false

/** Asks main for the platform once (later calls do nothing); failures keep the fallback. */
function askMain(): void {
  if (asked) return
  asked = true
  // Not lib/bridge's sdte(): without the shell (a plain browser) the fallback is the answer.
  const api = typeof window === 'undefined' ? undefined : (window as { sdte?: SdteApi }).sdte
  if (!api) return
  void api.invoke['app:info']()
    .then((result) => {
      if (result.ok) mac.value = detectMac(result.value.platform)
    })
    .catch(() => undefined)
}

/** True on macOS, reactive (main's answer may replace the first guess). */
export function useIsMac(): Readonly<Ref<boolean>> {
  askMain()
  return readonly(mac)
}

/** For tests: forget main's answer and guess again from `platform`. */
export function resetPlatformForTests(platform: string): void {
  asked = false
  mac.value = detectMac(platform)
}
