import { dirname, resolve } from 'node:path'
import { AppError } from '../../shared/errors'
import type { TaskRef } from '../../shared/api/endpoints'
import { writeFileAtomic } from '../services/fs/atomic-write'
import { sweepStaleTemps } from '../services/fs/temp-files'
import { describeFsError } from '../services/fs/fs-error'
import type { RetryInfo } from '../services/api/retry'

/*
 * What every `sdte` command touches outside itself (stdout, stderr, env, files), and the one-line
 * error and progress messages the CLI promises. Commands import this, never `main.ts`, so the
 * dispatcher and the commands do not import each other.
 */

/** What the CLI touches outside itself; tests pass their own. */
export interface CliIo {
  readonly stdout: { write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): boolean }
  readonly stderr: { write(chunk: string): boolean }
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  readonly fetch?: typeof fetch
  /** Aborts the run (Ctrl+C). */
  readonly signal?: AbortSignal
}

/**
 * An error as the one line `sdte` promises on stderr: messages can quote a server's or a
 * library's text, which may hold line breaks.
 */
export function errorLine(message: string, prefix = 'sdte: '): string {
  return `${prefix}${message.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`
}

/** Writes `message` as one error line and returns `code`, for `return fail(...)`. */
export function fail(io: CliIo, code: number, message: string): number {
  io.stderr.write(errorLine(message))
  return code
}

/** "task 41" or "external id X", for progress lines. */
export function refLabel(ref: TaskRef): string {
  return ref.taskId !== undefined ? `task ${ref.taskId}` : `external id ${ref.externalId ?? ''}`
}

/**
 * The retry callback of a CLI request: while it waits out a server's Retry-After (a second or
 * more) it says so in one stderr line, instead of up to a minute of silence; its own short
 * backoffs stay quiet.
 */
export function retryNotice(io: CliIo, what: string): (info: RetryInfo) => void {
  let said = false
  return (info) => {
    // A wait under a second is no silence to explain; one line per request keeps stderr short.
    if (info.retryAfterMs === null || info.retryAfterMs < 1000 || said) return
    said = true
    io.stderr.write(errorLine(`${what}: the server asked to wait ${Math.ceil(info.retryAfterMs / 1000)} s (${info.reason}); waiting, then retrying (retry ${info.attempt})`))
  }
}

/** Writes `content` to `out` (relative to the cwd), or to stdout for none or `-`. */
export async function writeOutput(out: string | undefined, content: string | Uint8Array, io: CliIo): Promise<void> {
  if (out === undefined || out === '-') {
    await new Promise<void>((resolveWrite, reject) => {
      io.stdout.write(content, (error) => (error ? reject(new AppError('io', `cannot write to stdout: ${error.message}`)) : resolveWrite()))
    })
    return
  }
  await writeOutputFile(resolve(io.cwd, out), content)
}

// Folders already swept by this run (a batch writes many files into one).
const sweptFolders = new Set<string>()

/** Writes a file atomically (nothing partial on disk); failures are `io` errors that name the path. */
export async function writeOutputFile(path: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(path)
  if (!sweptFolders.has(folder)) {
    sweptFolders.add(folder)
    // A killed earlier run may have left a big hidden temp here: removed once its pid is gone.
    await sweepStaleTemps(folder)
  }
  try {
    await writeFileAtomic(path, content)
  } catch (error) {
    throw new AppError('io', await describeFsError(error, path))
  }
}
