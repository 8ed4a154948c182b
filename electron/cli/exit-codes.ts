import type { ErrorCode } from '../../shared/errors'

/** The `sdte` exit codes (docs/api.md#error-codes). */
export const exitCodes = {
  ok: 0,
  usage: 2,
  auth: 3,
  notFound: 4,
  network: 5,
  invalidData: 6,
  fileSystem: 7,
  /** Interrupted (Ctrl+C): the shell convention 128 + SIGINT. */
  interrupted: 130
} as const

/** The exit code for an error code from the closed set. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'unauthorized':
      return exitCodes.auth
    case 'not_found':
      return exitCodes.notFound
    case 'network':
    case 'timeout':
    case 'server':
      return exitCodes.network
    case 'invalid_response':
      return exitCodes.invalidData
    case 'bad_request':
    case 'conflict':
      return exitCodes.usage
    case 'cancelled':
      return exitCodes.interrupted
    case 'io':
      return exitCodes.fileSystem
  }
}

/**
 * The exit code of a batch: the worst of its tasks. Authentication is worst (nothing can work),
 * then file system, data, network, not found, usage.
 */
export function worstExitCode(codes: Iterable<number>): number {
  const rank = [exitCodes.ok, exitCodes.usage, exitCodes.notFound, exitCodes.network, exitCodes.invalidData, exitCodes.fileSystem, exitCodes.auth, exitCodes.interrupted] as number[]
  let worst: number = exitCodes.ok
  for (const code of codes) if (rank.indexOf(code) > rank.indexOf(worst)) worst = code
  return worst
}
