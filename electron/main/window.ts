import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, Rectangle } from 'electron'
import { secureWebPreferences } from './security'
import type { WindowState } from './window-state'

/** The options the main window is created with (asserted by tests against the fake electron). */
export function mainWindowOptions(state: WindowState, preloadPath: string, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'SD Transcript Editor',
    icon: iconPath,
    backgroundColor: '#1e1f22',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath)
  }
}

/** The current bounds to remember, taken from the normal (unmaximised) bounds. */
export function currentWindowState(window: Pick<BrowserWindowType, 'getNormalBounds' | 'isMaximized'>): WindowState {
  const bounds: Rectangle = window.getNormalBounds()
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: window.isMaximized() }
}
