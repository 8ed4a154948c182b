import { readFileSync } from 'node:fs'
import { writeFileAtomic } from '../fs/atomic-write'

/** The settings store port; the Electron glue gives it electron-store. Values are JSON-serialisable. */
export interface KeyValueStore {
  get(key: string): unknown
  set(key: string, value: unknown): void | Promise<void>
  delete(key: string): void | Promise<void>
}

/** An in-memory store for tests. */
export function createMemoryKeyValueStore(initial: Record<string, unknown> = {}): KeyValueStore & { readonly data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial)
  return {
    data,
    get: (key) => structuredClone(data[key]),
    set: (key, value) => {
      data[key] = structuredClone(value)
    },
    delete: (key) => {
      delete data[key]
    }
  }
}

/** A store kept in one JSON file, written atomically on every change (for the CLI and tests). */
export function createJsonFileKeyValueStore(path: string): KeyValueStore {
  let data: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>
  } catch {
    // Missing or unreadable: start empty; the next write replaces it whole.
  }
  const save = () => writeFileAtomic(path, JSON.stringify(data, null, 2) + '\n', { private: true })
  return {
    get: (key) => structuredClone(data[key]),
    set: async (key, value) => {
      data[key] = structuredClone(value)
      await save()
    },
    delete: async (key) => {
      delete data[key]
      await save()
    }
  }
}
