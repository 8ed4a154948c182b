import { open, rename, unlink, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { ensurePrivateDir, privateFileMode } from './private-files'
import { tempPathFor } from './temp-files'

/** Options for `writeFileAtomic`. */
export interface AtomicWriteOptions {
  /** When false (the default is true), refuse to replace an existing file. */
  readonly overwrite?: boolean
  /** File mode of the new file (e.g. 0o600 for cache metadata); default 0o666 less the umask. */
  readonly mode?: number
  /** The reviewer's own data (drafts, settings): file 0600 in a 0700 folder (see private-files.ts). */
  readonly private?: boolean
}

/**
 * Writes a file so that readers see either the old content or the new, never a part:
 * a temp file in the same folder (same filesystem, so rename is atomic), fsync, rename,
 * then fsync the folder so the rename itself survives a power cut. The temp file's name carries
 * this process's pid (temp-files.ts), so one left by a killed writer can be swept later.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path)
  if (options.private) await ensurePrivateDir(dir)
  else await mkdir(dir, { recursive: true })
  const temp = tempPathFor(path, dir)
  // The mode applies at creation (before any byte is written), so the content is never readable by others.
  const handle = await open(temp, 'wx', options.private ? privateFileMode : (options.mode ?? 0o666))
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await handle.close()
  try {
    if (options.overwrite === false) await assertAbsent(path)
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await syncDirectory(dir)
}

async function assertAbsent(path: string): Promise<void> {
  try {
    const h = await open(path, 'r')
    await h.close()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  const error = new Error(`${path} already exists`) as NodeJS.ErrnoException
  error.code = 'EEXIST'
  throw error
}

/** Fsyncs a folder so a file created or renamed in it survives a power cut. */
export async function syncDirectory(dir: string): Promise<void> {
  // Directory fsync is not supported on Windows; the rename is still atomic there.
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
