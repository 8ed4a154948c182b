import { getPriority, setPriority } from 'node:os'
import { isMainThread } from 'node:worker_threads'

/*
 * Decode workers give way to main's event loop. With two decode threads on two cores, profiles
 * of main's longest loop blocks while decoding a 3-hour mp3 (12–19 ms) held almost no main-thread
 * samples: main was waiting for a core. On Linux niceness is per thread, and `os.setPriority(n)`
 * without a pid calls setpriority(PRIO_PROCESS, 0, n), which names the calling thread alone, so a
 * worker can lower itself and nothing else (test/electron/services/media/thread-priority.test.ts
 * reads it back from /proc). With autogroup scheduling (desktop Linux) niceness weighs threads
 * against the others of the same session, so a nicer decode yields to main and the renderer but
 * not to other programs. Elsewhere pid 0 means the whole process (macOS, Windows): never called.
 */

/** The niceness decode workers run at (0 leaves them alone); `SDTE_DECODE_NICE` overrides it for benches. */
export const decodeNiceness = 10

/** The niceness asked for by `SDTE_DECODE_NICE` (0–19), else `decodeNiceness`. */
export function wantedNiceness(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SDTE_DECODE_NICE
  const asked = raw === undefined || raw.trim() === '' ? NaN : Number(raw)
  return Number.isInteger(asked) && asked >= 0 && asked <= 19 ? asked : decodeNiceness
}

/**
 * Lowers the calling worker thread's priority to `niceness` (never raises it); true when done.
 * Linux worker threads only; anywhere else, or when the system refuses, it changes nothing.
 */
export function lowerThreadPriority(niceness: number = wantedNiceness()): boolean {
  if (process.platform !== 'linux' || isMainThread || niceness <= 0) return false
  try {
    if (getPriority() >= niceness) return false
    setPriority(niceness)
    return true
  } catch {
    // Not allowed (a sandbox without setpriority): decode at the normal priority.
    return false
  }
}
