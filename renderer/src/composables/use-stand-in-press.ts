import type { Ref } from 'vue'

/**
 * A press on a light row's stand-in for a button (lib/row-light.ts). The press makes the row's
 * real buttons at once, so the browser sends it to the row and no click to any button: the button
 * under the release is clicked for it, as the reviewer meant (a scroll that has just stopped must
 * not swallow a click on Delete or the speaker chip). `press` on pointerdown, `release` on
 * pointerup, and the row's click handler asks `worked()` first (the click that button's click
 * bubbles to the row is not the row's).
 */
export function useStandInPress(isLight: Readonly<Ref<boolean>>): { press: (event: Event) => void; release: (event: PointerEvent) => void; worked: () => boolean } {
  let pressed = false
  let clicked = false
  return {
    press(event) {
      pressed = isLight.value && !!(event.target as Element | null)?.closest?.('.light-btn')
    },
    release(event) {
      const was = pressed
      pressed = false
      clicked = false
      if (!was || event.button !== 0) return
      const button = document.elementFromPoint(event.clientX, event.clientY)?.closest('button')
      if (!button || !(event.currentTarget as HTMLElement).contains(button)) return
      button.click()
      clicked = true
    },
    worked() {
      const was = clicked
      clicked = false
      return was
    }
  }
}
