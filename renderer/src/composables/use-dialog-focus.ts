import { onBeforeUnmount } from 'vue'
import type { Ref } from 'vue'

/*
 * Focus for the editor's own overlays (shortcut help and settings), which are not native
 * <dialog>s: Tab and Shift+Tab go round the overlay's controls instead of into the page behind
 * it, and closing gives focus back to the control that opened it.
 */

const focusable = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'

/** The controls Tab can reach inside `root`, in order. */
function tabbable(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(focusable)).filter(
    (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0
  )
}

/** Keys of an overlay: `close` runs on Escape; while `paused()` (e.g. capturing keys) neither Escape nor Tab is handled. */
export interface DialogKeys {
  readonly close: () => void
  readonly paused?: () => boolean
}

/** Call in the overlay's setup; put `onKeydown` on its root element. */
export function useDialogFocus(root: Ref<HTMLElement | null>, keys: DialogKeys): { onKeydown(event: KeyboardEvent): void } {
  // Set up before the overlay takes focus: what had it is what opened it.
  const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
  onBeforeUnmount(() => {
    const active = document.activeElement
    // Only when focus is still in the overlay (or lost with it): never take it from elsewhere.
    if (opener?.isConnected && (!active || active === document.body || root.value?.contains(active))) opener.focus({ preventScroll: true })
  })
  return {
    onKeydown(event: KeyboardEvent): void {
      if (keys.paused?.()) return
      if (event.key === 'Escape') {
        // Stopped here, so the editor's window-level Escape does not act on the page behind.
        event.preventDefault()
        event.stopPropagation()
        keys.close()
        return
      }
      const el = root.value
      if (event.key !== 'Tab' || !el) return
      const items = tabbable(el)
      if (items.length === 0) return
      const first = items[0]!
      const last = items[items.length - 1]!
      const active = document.activeElement
      if (event.shiftKey && (active === first || !el.contains(active))) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && (active === last || !el.contains(active))) {
        event.preventDefault()
        first.focus()
      }
    }
  }
}
