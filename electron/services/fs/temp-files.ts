import { readdir, stat, unlink } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { randomBytes } from 'node:crypto'

/*
 * Temporary files of atomic writes, named so that a later run can tell whose they are:
 * `.<name>.sdte-<pid>-<hex>.tmp`. A writer killed mid-write (kill -9, power cut) leaves one
 * behind, possibly tens of MB in the reviewer's own output folder; the next start (drafts) or
 * the next write into the same folder (`sdte`) sweeps those whose owner is gone.
 */

/** A temp file left behind is swept once it is this old, even if its pid looks alive (pids are reused). */
export const staleTempAgeMs = 15 * 60_000

const tempPattern = /^\.(.+)\.sdte-(\d+)-[0-9a-f]+\.tmp$/
// Temps named by versions before the pid was part of the name: `.<name>.<hex>.tmp`.
const legacyTempPattern = /^\.(.+)\.[0-9a-f]{12}\.tmp$/

/** The temp file path for an atomic write of `path` by this process. */
export function tempPathFor(path: string, dir: string, pid: number = process.pid): string {
  return join(dir, `.${basename(path)}.sdte-${pid}-${randomBytes(6).toString('hex')}.tmp`)
}

/** What a file name says about a temp file: the file it was for and its owner's pid (null for old names); null when not one of ours. */
export function parseTempName(name: string): { target: string; pid: number | null } | null {
  const match = tempPattern.exec(name)
  if (match) return { target: match[1]!, pid: Number(match[2]) }
  const legacy = legacyTempPattern.exec(name)
  return legacy ? { target: legacy[1]!, pid: null } : null
}

/** True while a process with this pid exists (EPERM: it exists but is someone else's). */
export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Options of `sweepStaleTemps`. */
export interface SweepOptions {
  /** Only temps of files whose name passes this test (e.g. drafts only). */
  readonly targets?: (target: string) => boolean
  /** Age after which a temp is stale whatever its pid says; default `staleTempAgeMs`. */
  readonly olderThanMs?: number
  readonly now?: () => number
  readonly isAlive?: (pid: number) => boolean
}

/**
 * Deletes our temp files in `dir` whose writer is gone (its pid no longer runs) or that are
 * older than `olderThanMs`; a live writer's fresh temp is left alone. Never throws: a sweep is
 * housekeeping, and a folder that cannot be listed simply has nothing swept. Returns the count.
 */
export async function sweepStaleTemps(dir: string, options: SweepOptions = {}): Promise<number> {
  const olderThanMs = options.olderThanMs ?? staleTempAgeMs
  const now = options.now ?? Date.now
  const alive = options.isAlive ?? isProcessAlive
  const names = await readdir(dir).catch(() => [] as string[])
  let removed = 0
  for (const name of names) {
    const temp = parseTempName(name)
    if (!temp || (options.targets && !options.targets(temp.target))) continue
    const path = join(dir, name)
    const info = await stat(path).catch(() => null)
    if (!info?.isFile()) continue
    const old = now() - info.mtimeMs >= olderThanMs
    const orphan = temp.pid !== null && !alive(temp.pid)
    if (!old && !orphan) continue
    if (await unlink(path).then(() => true, () => false)) removed++
  }
  return removed
}
