import { stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'

/*
 * File-system failures in plain words, one mapping for `sdte` and the app's save and export
 * handlers. Node's codes mislead on their own: mkdir through a path whose parent is a file says
 * EEXIST or ENOTDIR, opening below a file says ENOENT or ENOTDIR, and "ENOENT" for a read-only
 * disk or a full one would send people looking for a missing folder. So the cause is said, and
 * for ENOENT/EEXIST/ENOTDIR the path is walked to find a component that is a file.
 */

/** The existing ancestor of `path` (itself excluded) that is a file, not a folder; null when none is. */
export async function fileInPath(path: string): Promise<string | null> {
  let current = dirname(resolve(path))
  for (;;) {
    try {
      const info = await stat(current)
      return info.isDirectory() ? null : current
    } catch {
      // Missing: look further up for the first thing that exists.
    }
    const parent = dirname(current)
    if (parent === current) return null
    current = parent
  }
}

/** "cannot write <path>: <why>" (the CLI's line); `verb` is "write" or "read". */
export async function describeFsError(error: unknown, path: string, verb: 'write' | 'read' = 'write'): Promise<string> {
  return `cannot ${verb} ${path}: ${await fsErrorCause(error, path, verb)}`
}

/** Why a read or write of `path` failed, in words (no bare "ENOENT"): "the disk is read-only", "permission denied", ... */
export async function fsErrorCause(error: unknown, path: string, verb: 'write' | 'read' = 'write'): Promise<string> {
  const code = (error as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'EROFS':
      return 'the disk is read-only'
    case 'ENOSPC':
      return 'the disk is full'
    case 'EDQUOT':
      return 'the disk quota is used up'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'it is a folder, not a file'
    case 'ENAMETOOLONG':
      return 'the name is too long'
    case 'ENOTDIR':
    case 'ENOENT':
    case 'EEXIST': {
      const file = await fileInPath(path)
      if (file !== null) return `a part of the path is a file (${file})`
      if (code === 'ENOENT') return verb === 'read' ? 'there is no such file' : 'the folder does not exist'
      if (code === 'EEXIST') return 'the file already exists'
      return 'a part of the path is not a folder'
    }
    default:
      return code ?? (error instanceof Error ? error.message : String(error))
  }
}
