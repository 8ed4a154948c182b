import { readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { isProcessAlive } from '../fs/temp-files'

/*
 * Temp files of downloads under way are named `.<name>.<pid>.<random>.part`, so a later start can
 * tell an orphan (its process is gone: killed, crashed, power cut) from a download another
 * process is still writing (the CLI and the app may share a cache).
 */

const partPattern = /^\.(?:media|document)\.(?:(\d+)\.)?[0-9a-f]+\.part$/

/** A fresh temp-file name for a download by this process. */
export function partFileName(name: string): string {
  return `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.part`
}

/**
 * Deletes the download temp files left in `<cacheDir>/<entry>/` by processes that no longer run
 * (and old-style ones without a pid). Returns how many it removed; a missing cache is empty.
 */
export async function sweepPartFiles(cacheDir: string): Promise<number> {
  let entries: string[]
  try {
    entries = await readdir(cacheDir)
  } catch {
    return 0
  }
  let removed = 0
  for (const entry of entries) {
    let names: string[]
    try {
      names = await readdir(join(cacheDir, entry))
    } catch {
      continue // a file, not an entry folder
    }
    for (const name of names) {
      const match = partPattern.exec(name)
      if (!match) continue
      if (match[1] !== undefined && isProcessAlive(Number(match[1]))) continue
      await unlink(join(cacheDir, entry, name)).then(
        () => removed++,
        () => undefined
      )
    }
  }
  return removed
}
