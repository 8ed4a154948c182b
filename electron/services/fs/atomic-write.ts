import { open, rename, unlink, mkdir } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'
import { randomBytes } from 'node:crypto'

/** Options for `writeFileAtomic`. */
export interface AtomicWriteOptions {
  /** When false (the default is true), refuse to replace an existing file. */
  readonly overwrite?: boolean
  /** File mode of the new file (e.g. 0o600 for cache metadata); default 0o666 less the umask. */
  readonly mode?: number
}

/**
 * Writes a file so that readers see either the old content or the new, never a part:
 * a temp file in the same folder (same filesystem, so rename is atomic), fsync, rename,
 * then fsync the folder so the rename itself survives a power cut.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path)
  await mkdir(dir, { recursive: true })
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'wx', options.mode)
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

async function syncDirectory(dir: string): Promise<void> {
  // Directory fsync is not supported on Windows; the rename is still atomic there.
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
