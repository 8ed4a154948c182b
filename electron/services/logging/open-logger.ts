import { createFileLogger, type FileLogger } from './file-logger'
import { nullLogger } from './logger'
import type { Redactor } from './redact'

/*
 * Logging must never stop the app: a logs folder that cannot be created (a read-only
 * profile, a file where the folder should be) used to make service composition throw. The first
 * folder that works is used; with none, nothing is logged, and the note says so for the
 * diagnostics view and the start-up notice.
 */

/** The logger that could be opened, where it writes, and why that is not the usual folder. */
export interface OpenedLogger {
  readonly logger: FileLogger
  /** The folder written to, or null when no folder could be used. */
  readonly folder: string | null
  /** Null when the first folder worked. */
  readonly note: string | null
}

/** Opens a file logger in the first of `folders` that can be created. */
export function openLoggerWithFallback(folders: readonly string[], redactor: Redactor, clock: () => number): OpenedLogger {
  const failures: string[] = []
  for (const [i, dir] of folders.entries()) {
    try {
      const logger = createFileLogger({ dir, redactor, clock })
      const note = i === 0 ? null : `The logs folder ${folders[0]} could not be used (${failures.join('; ')}); logs are written to ${dir} instead.`
      if (note) logger.warn(note)
      return { logger, folder: dir, note }
    } catch (error) {
      failures.push((error as NodeJS.ErrnoException).code ?? (error as Error).message)
    }
  }
  return {
    logger: { ...nullLogger, path: '' },
    folder: null,
    note: `No logs folder could be created (${folders.join(', ')}: ${failures.join('; ')}); nothing is logged this session.`
  }
}
