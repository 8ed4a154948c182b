import type { SafeStorage } from 'electron'

/** The secret store port the auth service takes (see electron/services/auth). */
export interface SecretStore {
  isAvailable(): boolean
  save(key: string, plaintext: string): Promise<void>
  load(key: string): Promise<string | null>
  remove(key: string): Promise<void>
}

/** Where ciphertext is kept (electron-store in the app). */
export interface CipherTextStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
}

/**
 * Secrets encrypted with Electron safeStorage; only base64 ciphertext reaches disk. Where the OS
 * offers no encryption (e.g. Linux without a keyring: safeStorage falls back to a hard-coded
 * key, 'basic_text'), nothing is stored and the caller keeps secrets in memory for the session.
 */
export function createSafeStorageSecretStore(safeStorage: SafeStorage, store: CipherTextStore, platform: NodeJS.Platform): SecretStore {
  const prefix = 'secrets.'
  const available = (): boolean => {
    if (!safeStorage.isEncryptionAvailable()) return false
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false
    return true
  }
  return {
    isAvailable: available,
    async save(key, plaintext) {
      if (!available()) throw new Error('Encryption is not available on this system.')
      store.set(prefix + key, safeStorage.encryptString(plaintext).toString('base64'))
    },
    async load(key) {
      const value = store.get(prefix + key)
      if (typeof value !== 'string' || !available()) return null
      try {
        return safeStorage.decryptString(Buffer.from(value, 'base64'))
      } catch {
        store.delete(prefix + key)
        return null
      }
    },
    async remove(key) {
      store.delete(prefix + key)
    }
  }
}
