/*
 * Remembers the main window's size and position (electron-store in the app, any key-value store
 * in tests) and refuses a remembered position that no longer lies on any display.
 */

/** A window's bounds and whether it was maximised. */
export interface WindowState {
  readonly x?: number
  readonly y?: number
  readonly width: number
  readonly height: number
  readonly maximized: boolean
}

/** The minimal store the window state needs. */
export interface WindowStateStore {
  get(key: 'windowState'): unknown
  set(key: 'windowState', value: WindowState): void
}

/** A display's usable area. */
export interface DisplayArea {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** The state for a first start. */
export const defaultWindowState: WindowState = { width: 1280, height: 800, maximized: false }

/** Reads the remembered state, dropping a position that is off every display. */
export function loadWindowState(store: WindowStateStore, displays: readonly DisplayArea[]): WindowState {
  const raw = store.get('windowState') as Partial<WindowState> | undefined
  if (!raw || typeof raw.width !== 'number' || typeof raw.height !== 'number') return defaultWindowState
  const width = Math.max(800, Math.round(raw.width))
  const height = Math.max(560, Math.round(raw.height))
  const maximized = raw.maximized === true
  if (typeof raw.x !== 'number' || typeof raw.y !== 'number') return { width, height, maximized }
  const { x, y } = raw
  const visible = displays.some((d) => x + 100 > d.x && x < d.x + d.width - 100 && y >= d.y && y < d.y + d.height - 50)
  return visible ? { x, y, width, height, maximized } : { width, height, maximized }
}

/** Saves the state to remember. */
export function saveWindowState(store: WindowStateStore, state: WindowState): void {
  store.set('windowState', state)
}
