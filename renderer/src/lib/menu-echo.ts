/*
 * Some commands have a key in the page AND an accelerator in the Electron menu (Ctrl/Cmd+O,
 * Ctrl/Cmd+W). Electron runs a menu accelerator only for a key press the page left unhandled,
 * so the page's preventDefault normally stops the menu; but if both ever see one press, the
 * menu's copy arrives as a menu:command right after the page ran it, before the reviewer's
 * next key or click. This filter drops that echo: the same command from the menu after the page
 * ran it, with no other input in between, and within `windowMs` (a stale record never eats a
 * real menu click).
 */

/** The time the menu's echo of one key press can take to arrive (IPC round trip, a busy main). */
export const menuEchoWindowMs = 1000

/** Drops a menu command that repeats what the page's own key just did. */
export interface MenuEchoFilter {
  /** The page ran `command` from its own key handler now. */
  ranInPage(command: string): void
  /** True when a menu:command `command` is a real one (not the echo of a key the page handled). */
  fromMenu(command: string): boolean
  /** Another key or a click: whatever comes from the menu after it is a real command. */
  userInput(): void
}

/** A filter reading the time from `now` (performance.now in the app). */
export function createMenuEchoFilter(now: () => number, windowMs = menuEchoWindowMs): MenuEchoFilter {
  const ran = new Map<string, number>()
  return {
    ranInPage(command) {
      ran.set(command, now())
    },
    fromMenu(command) {
      const at = ran.get(command)
      if (at === undefined) return true
      // One echo per press: a later menu click of the same command is real.
      ran.delete(command)
      return now() - at > windowMs
    },
    userInput() {
      ran.clear()
    }
  }
}
