/*
 * The secret store port. The Electron glue implements it with safeStorage (encrypt) +
 * electron-store (ciphertext only). Where encryption is unavailable, `isAvailable()` is false and
 * the auth service keeps secrets in memory only: plaintext never reaches the disk.
 */

/** Persists secrets encrypted; `isAvailable()` is false when encryption cannot be used. */
export interface SecretStore {
  isAvailable(): boolean
  save(key: string, plaintext: string): Promise<void>
  load(key: string): Promise<string | null>
  remove(key: string): Promise<void>
}

/** A secret store that holds values in memory; `available` simulates safeStorage presence in tests. */
export function createMemorySecretStore(available = true): SecretStore & { readonly values: Map<string, string> } {
  const values = new Map<string, string>()
  return {
    values,
    isAvailable: () => available,
    save: async (key, plaintext) => {
      if (!available) throw new Error('encryption unavailable')
      values.set(key, plaintext)
    },
    load: async (key) => values.get(key) ?? null,
    remove: async (key) => {
      values.delete(key)
    }
  }
}
