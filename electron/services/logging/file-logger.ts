import { appendFileSync, chmodSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ensurePrivateDirSync, privateFileMode } from '../fs/private-files'
import { formatLogLine, type LogLevel, type Logger } from './logger'
import type { Redactor } from './redact'

/** Options for the rotating file logger. */
export interface FileLoggerOptions {
  /** Folder for `<name>.log`, `<name>.1.log` … */
  readonly dir: string
  /** Base file name without extension; default "sdte". */
  readonly name?: string
  /** Rotate when the current file would exceed this many bytes; default 1 MiB. */
  readonly maxBytes?: number
  /** How many rotated files to keep besides the current one; default 3. */
  readonly keep?: number
  /** Lowest level written; default "info". */
  readonly level?: LogLevel
  /** Redacts every line before it is written. */
  readonly redactor: Redactor
  readonly clock?: () => number
}

const levelRank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 }

/** The file logger plus the path of the current file (for tests and "show logs"). */
export interface FileLogger extends Logger {
  readonly path: string
}

/**
 * A rotating, redacting file logger. Writes are synchronous appends: log lines are small and
 * rare (one per request), and a sync append means a crash never loses the line explaining it.
 * Logs name tasks and servers, so they are private: files 0600 in a 0700 folder. Throws only
 * when the folder cannot be created (open-logger.ts falls back then); writing never throws.
 */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const name = options.name ?? 'sdte'
  const maxBytes = options.maxBytes ?? 1024 * 1024
  const keep = options.keep ?? 3
  const minRank = levelRank[options.level ?? 'info']
  const clock = options.clock ?? Date.now
  const path = join(options.dir, `${name}.log`)
  const rotated = (n: number) => join(options.dir, `${name}.${n}.log`)
  ensurePrivateDirSync(options.dir)
  try {
    // A log written by an older version with the umask's mode is narrowed too.
    chmodSync(path, privateFileMode)
  } catch {
    // No file yet: the first append creates it 0600.
  }
  let size = currentSize(path)

  const rotate = () => {
    rmSync(rotated(keep), { force: true })
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(rotated(n), rotated(n + 1))
      } catch {
        // a missing older file is normal
      }
    }
    if (keep > 0) renameSync(path, rotated(1))
    else rmSync(path, { force: true })
    size = 0
  }

  const write = (level: LogLevel) => (message: string, details?: Record<string, unknown>) => {
    if (levelRank[level] < minRank) return
    const line = options.redactor.redact(formatLogLine(clock(), level, message, details)) + '\n'
    const bytes = Buffer.byteLength(line)
    try {
      if (size > 0 && size + bytes > maxBytes) rotate()
      appendFileSync(path, line, { mode: privateFileMode })
      size += bytes
    } catch {
      // Logging must never break the operation being logged.
    }
  }
  return { path, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}

function currentSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
