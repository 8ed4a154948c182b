import { readFileSync, renameSync } from 'node:fs'
import type { StartupNotice } from '../../../shared/ipc/contract'

/*
 * A truncated, empty or NUL-filled settings.json made `new Store()` throw inside `whenReady`:
 * no window, and the single-instance lock turned every relaunch into a silent exit.
 * Opening a store at start goes through here: if it throws, the broken file is kept aside as
 * `<file>.corrupt-<time>`, the store starts again from defaults, and one notice says what was
 * reset. Electron-free: the store constructor is a port (electron-store in the app).
 */

/** How to open one store and what to call it in the notice. */
export interface RecoverStoreOptions<S> {
  /** Opens the store; throws when its file cannot be parsed (electron-store does). */
  readonly open: () => S
  /** The store's file, moved aside when `open` throws. */
  readonly path: string
  /** What the reviewer loses, for the notice ("server address, recent tasks, window size and saved sign-in"). */
  readonly contents: string
  /** Used when the file cannot even be moved aside (a read-only folder): an in-memory store for this session. */
  readonly fallback: () => S
  readonly now?: () => number
  /** Moves the damaged file aside; a port so a read-only folder can be simulated (tests run as root). */
  readonly rename?: (from: string, to: string) => void
}

/** True when `path` exists and is not a JSON object: the only case where the file is moved aside. */
export function isDamagedJsonFile(path: string): boolean {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return false
  }
  try {
    const value: unknown = JSON.parse(text)
    return typeof value !== 'object' || value === null || Array.isArray(value)
  } catch {
    return true
  }
}

/** The opened store and, when it had to be reset, the notice to show once. */
export interface RecoveredStore<S> {
  readonly store: S
  readonly notice: StartupNotice | null
  /** Where the broken file was kept, or null. */
  readonly keptAt: string | null
}

/** Opens a store, recovering from a file that cannot be parsed (see the module comment). */
export function openStoreRecovering<S>(options: RecoverStoreOptions<S>): RecoveredStore<S> {
  let firstError: unknown
  try {
    return { store: options.open(), notice: null, keptAt: null }
  } catch (error) {
    firstError = error
  }
  const why = firstError instanceof Error ? firstError.message : String(firstError)
  const stamp = new Date((options.now ?? Date.now)()).toISOString().replace(/[:.]/g, '-')
  const keptAt = `${options.path}.corrupt-${stamp}`
  let moved = false
  // Only a file that really is damaged is moved: a store failing for another reason (no
  // permission to read, say) leaves the reviewer's good file alone and runs from memory.
  if (isDamagedJsonFile(options.path)) {
    try {
      ;(options.rename ?? renameSync)(options.path, keptAt)
      moved = true
    } catch {
      // Read-only folder: fall through to a store that lives in memory for this session.
    }
  }
  if (moved) {
    try {
      return {
        store: options.open(),
        keptAt,
        notice: { message: `Your settings file could not be read (${why}), so ${options.contents} were reset to their defaults. The damaged file was kept as ${keptAt}.` }
      }
    } catch {
      // Still failing with the file gone (the folder itself is the problem): memory only.
    }
  }
  return {
    store: options.fallback(),
    keptAt: moved ? keptAt : null,
    notice: {
      message: `Your settings file could not be read or replaced (${why}), so ${options.contents} use their defaults and will not be remembered this session.${moved ? ` The damaged file was kept as ${keptAt}.` : ''}`
    }
  }
}
