import { onBeforeUnmount, onMounted } from 'vue'
import { comboFromEvent } from '../lib/shortcuts'
import { createMenuEchoFilter } from '../lib/menu-echo'
import type { MenuCommand } from '../../../shared/ipc/contract'

/** The page's own keys for the File menu's Open Task… and Close Task (the menu's accelerators). */
export const taskKeyCombos: Readonly<Record<string, 'open-task' | 'close-task'>> = { 'Mod+O': 'open-task', 'Mod+W': 'close-task' }

/**
 * Ctrl/Cmd+O and Ctrl/Cmd+W handled in the page, so they work without the Electron menu (the
 * browser, a missing menu). `run` does the command; `subscribe` delivers menu:command, whose
 * echo of a key the page already handled is dropped (lib/menu-echo.ts).
 */
export function useTaskKeys(
  run: (command: 'open-task' | 'close-task') => void,
  subscribe: (listener: (command: MenuCommand) => void) => () => void,
  isMac: () => boolean
): void {
  const echo = createMenuEchoFilter(() => performance.now())
  function onKey(event: KeyboardEvent): void {
    const combo = comboFromEvent(event, isMac())
    const command = combo ? taskKeyCombos[combo] : undefined
    if (!command) {
      // Another key, handled by anyone (a bare modifier, the Ctrl of the next press, is not).
      if (combo) echo.userInput()
      return
    }
    if (event.defaultPrevented || event.isComposing) return
    // Handled here: the browser's own Ctrl+O / Ctrl+W and (in Electron) the menu's accelerator do not run.
    event.preventDefault()
    // A held key runs the command once.
    if (event.repeat) return
    echo.ranInPage(command)
    run(command)
  }
  const onPointer = (): void => echo.userInput()
  let off: (() => void) | null = null
  onMounted(() => {
    window.addEventListener('keydown', onKey)
    window.addEventListener('pointerdown', onPointer, true)
    off = subscribe((command) => {
      if ((command === 'open-task' || command === 'close-task') && echo.fromMenu(command)) run(command)
    })
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKey)
    window.removeEventListener('pointerdown', onPointer, true)
    off?.()
  })
}
