import type { KeyValueStore } from './key-value-store'

/*
 * Bookkeeping (recent tasks, the base URL, the last save folder, window size) must never stop
 * the reviewer: with the data folder on a full disk, opening a task failed because saving the
 * recent-tasks list threw. Writes through this wrapper are logged when they fail,
 * never thrown, and the value is kept in memory so the running app still uses it; reads of a
 * file that broke while running give "not set" instead of an exception.
 */

/** Wraps `store` so that no get, set or delete throws; failures go to `log`. */
export function createBestEffortStore(store: KeyValueStore, log: (message: string) => void): KeyValueStore {
  // Values whose write failed (or is in flight): what this session set wins over the file.
  const memory = new Map<string, { value: unknown }>()
  const why = (error: unknown) => (error instanceof Error ? error.message : String(error))

  const write = async (key: string, run: () => void | Promise<void>, value: unknown): Promise<void> => {
    memory.set(key, { value })
    try {
      await run()
      memory.delete(key)
    } catch (error) {
      log(`settings: could not save "${key}" (kept for this session): ${why(error)}`)
    }
  }

  return {
    get(key) {
      const kept = memory.get(key)
      if (kept) return structuredClone(kept.value)
      try {
        return store.get(key)
      } catch (error) {
        log(`settings: could not read "${key}", using the default: ${why(error)}`)
        return undefined
      }
    },
    set: (key, value) => write(key, () => store.set(key, value), structuredClone(value)),
    delete: (key) => write(key, () => store.delete(key), undefined)
  }
}
