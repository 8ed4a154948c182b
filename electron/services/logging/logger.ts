/** Log levels, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** The logger port every service takes; implementations redact before writing. */
export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void
  info(message: string, details?: Record<string, unknown>): void
  warn(message: string, details?: Record<string, unknown>): void
  error(message: string, details?: Record<string, unknown>): void
}

/** A logger that drops everything; the default when none is injected. */
export const nullLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined
}

/** One formatted line: ISO time, level, message, details as JSON. Not redacted. */
export function formatLogLine(time: number, level: LogLevel, message: string, details?: Record<string, unknown>): string {
  const detailText = details && Object.keys(details).length > 0 ? ` ${safeJson(details)}` : ''
  return `${new Date(time).toISOString()} ${level.toUpperCase()} ${message}${detailText}`
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : v))
  } catch {
    return '"[unserialisable]"'
  }
}

/** A logger that keeps redacted lines in memory; for tests and for the e2e log capture. */
export function createMemoryLogger(redactLine: (text: string) => string = (t) => t, clock: () => number = Date.now): Logger & { readonly lines: string[] } {
  const lines: string[] = []
  const write = (level: LogLevel) => (message: string, details?: Record<string, unknown>) => {
    lines.push(redactLine(formatLogLine(clock(), level, message, details)))
  }
  return { lines, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}
