import { chmodSync, mkdirSync } from 'node:fs'
import { chmod, mkdir } from 'node:fs/promises'

/*
 * The reviewer's private files (drafts, logs, caches, settings) are readable by the reviewer
 * only: on a shared machine a draft holds a client's transcript and a log names its tasks
 * Files 0600, folders 0700. Windows ignores these modes; its ACLs already keep a
 * profile folder private.
 */

/** Mode of every private file the app writes. */
export const privateFileMode = 0o600
/** Mode of every private folder the app creates. */
export const privateDirMode = 0o700

/**
 * Creates `dir` (and missing parents) as a private folder; an existing folder is narrowed to
 * 0700 too, since the umask may have widened it when an older version created it.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: privateDirMode })
  await chmod(dir, privateDirMode).catch(() => undefined)
}

/** `ensurePrivateDir` for synchronous callers (the logger). */
export function ensurePrivateDirSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: privateDirMode })
  try {
    chmodSync(dir, privateDirMode)
  } catch {
    // Not ours to change (a shared parent given as the folder): the files are still 0600.
  }
}

/** Makes an existing file owner-only (read and write); a no-op on Windows' ACLs. */
export async function makePrivateFile(path: string): Promise<void> {
  if (process.platform !== 'win32') await chmod(path, privateFileMode)
}
