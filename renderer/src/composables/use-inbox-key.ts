import { onBeforeUnmount, onMounted } from 'vue'
import { comboFromEvent } from '../lib/shortcuts'

/** The key that opens the inbox from anywhere (the editor's shortcuts do not use it). */
export const inboxCombo = 'Mod+Shift+O'

/** Calls `open` when the inbox key is pressed anywhere in the window. */
export function useInboxKey(open: () => void, isMac: () => boolean): void {
  function onKey(event: KeyboardEvent): void {
    if (comboFromEvent(event, isMac()) !== inboxCombo) return
    event.preventDefault()
    event.stopPropagation()
    open()
  }
  // Capture: the editor's own key handling must not swallow it first.
  onMounted(() => window.addEventListener('keydown', onKey, true))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey, true))
}
