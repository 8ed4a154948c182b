import { chmod, mkdir } from 'node:fs/promises'

/*
 * Caches hold recordings and documents of real people: readable by the reviewer's account only.
 * mkdir's mode is masked by the umask and ignored for folders that already exist, so the mode is
 * set explicitly afterwards.
 */

/** Mode of a private folder: owner only (rwx------). */
export const privateDirMode = 0o700
/** Mode of a private file: owner read and write only (rw-------). */
export const privateFileMode = 0o600

/** Creates `path` (and its parents) if needed and makes it owner-only; a no-op on Windows' ACLs. */
export async function ensurePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: privateDirMode })
  if (process.platform !== 'win32') await chmod(path, privateDirMode)
}

/** Makes an existing file owner-only (read and write). */
export async function makePrivateFile(path: string): Promise<void> {
  if (process.platform !== 'win32') await chmod(path, privateFileMode)
}
