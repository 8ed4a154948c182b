import { readFile, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../../../shared/errors'
import { parseReviewState, reviewStateVersion } from '../../../shared/review/review-state'
import type { ReviewStateBody, ReviewStateFile } from '../../../shared/review/review-state'
import { writeFileAtomic } from '../fs/atomic-write'
import { fsErrorCause } from '../fs/fs-error'
import { staleTempAgeMs, sweepStaleTemps } from '../fs/temp-files'

/*
 * The review-state sidecar of each task, `<drafts dir>/<taskId>.review.json`: what was heard
 * and the time spent reviewing. These are session facts, not edits, so they live beside the
 * draft rather than in it (undo never touches them, and a draft restored or discarded does not
 * rewrite them). Written like drafts: atomically, 0600 in a 0700 folder, one write per task at a
 * time. An unreadable file is moved aside to `<name>.corrupt-<ms>` and reported, as drafts are,
 * so opening the task never fails on it.
 */

/** The sidecar file name's suffix. */
export const reviewStateSuffix = '.review.json'

/** A sidecar found unreadable on loading. */
export interface ReviewStateProblem {
  readonly message: string
  /** Where the unreadable file is now (moved aside, or left in place when it could not be moved). */
  readonly keptAt: string
}

/** A task's sidecar as found: the state, or what was wrong with the file. */
export interface ReviewStateLookup {
  readonly state: ReviewStateFile | null
  readonly problem: ReviewStateProblem | null
}

/** Ports of the review-state store. */
export interface ReviewStateStorePorts {
  /** The drafts folder. */
  readonly dir: string
  /** Integer ms since the epoch. */
  readonly now: () => number
  readonly report?: (problem: ReviewStateProblem) => void
  /** Moves an unreadable file aside (fs.rename); a port so a read-only folder can be simulated. */
  readonly rename?: (from: string, to: string) => Promise<void>
}

/** The review-state store (see `createReviewStateStore`). */
export interface ReviewStateStore {
  /** The sidecar path of a task. */
  pathOf(taskId: number | string): string
  /** The task's state, or null; an unreadable file is moved aside and reported in `problem`. */
  lookup(taskId: number | string): Promise<ReviewStateLookup>
  /** Writes the task's state atomically; returns the save time. */
  save(taskId: number | string, body: ReviewStateBody): Promise<{ savedAt: number }>
  /** Deletes the task's sidecar (no error when there is none). */
  discard(taskId: number | string): Promise<void>
  /** Deletes sidecar temp files whose writer is gone, or older than `olderThanMs` (default 15 min). */
  removeStaleTemps(olderThanMs?: number): Promise<number>
}

/** The file-name key of a task id; refuses anything that could leave the folder. */
function stateKey(taskId: number | string): string {
  const key = String(taskId)
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(key)) throw new AppError('bad_request', `Not a valid task id: ${JSON.stringify(key).slice(0, 80)}`)
  return key
}

/** Makes a review-state store over the drafts folder. */
export function createReviewStateStore(ports: ReviewStateStorePorts): ReviewStateStore {
  const queues = new Map<string, Promise<unknown>>()
  const pathOf = (taskId: number | string): string => join(ports.dir, `${stateKey(taskId)}${reviewStateSuffix}`)

  return {
    pathOf,

    async lookup(taskId) {
      const key = stateKey(taskId)
      const path = pathOf(key)
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: null, problem: null }
        const problem = { message: `The review state of task ${key} could not be read (${await fsErrorCause(error, path, 'read')}); coverage starts empty.`, keptAt: path }
        ports.report?.(problem)
        return { state: null, problem }
      }
      const parsed = parseReviewState(text, key)
      if (parsed.ok) return { state: parsed.value, problem: null }
      const target = `${path}.corrupt-${ports.now()}`
      const moveError = await (ports.rename ?? rename)(path, target).then(
        () => null,
        (error: NodeJS.ErrnoException) => error
      )
      const problem = moveError
        ? { message: `The review state of task ${key} was unreadable (${parsed.reason}) and could not be moved aside (${moveError.code ?? moveError.message}); it is still at ${path}.`, keptAt: path }
        : { message: `The review state of task ${key} was unreadable (${parsed.reason}); it was kept as ${target} and coverage starts empty.`, keptAt: target }
      ports.report?.(problem)
      return { state: null, problem }
    },

    async save(taskId, body) {
      const key = stateKey(taskId)
      const savedAt = Math.round(ports.now())
      const file: ReviewStateFile = { version: reviewStateVersion, taskId: key, savedAt, ...body }
      const text = JSON.stringify(file)
      const path = pathOf(key)
      // One write per task at a time, so the file ends with the last call's state.
      const previous = queues.get(key) ?? Promise.resolve()
      const write = previous
        .catch(() => undefined)
        .then(() => writeFileAtomic(path, text, { private: true }))
        .catch(async (error: unknown) => {
          throw new AppError('io', `The review state of task ${key} could not be written: ${await fsErrorCause(error, path)}.`, { cause: error, reason: 'write_failed', params: { path } })
        })
      queues.set(key, write)
      try {
        await write
      } finally {
        if (queues.get(key) === write) queues.delete(key)
      }
      return { savedAt }
    },

    async discard(taskId) {
      await unlink(pathOf(taskId)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw new AppError('io', `The review state could not be deleted.`, { cause: error })
      })
    },

    removeStaleTemps(olderThanMs = staleTempAgeMs) {
      // Only this store's temps: the draft store sweeps its own (a live writer's are left alone).
      return sweepStaleTemps(ports.dir, { olderThanMs, now: ports.now, targets: (target) => target.endsWith(reviewStateSuffix) })
    }
  }
}

/**
 * Where the sidecar of a draft file may be, best first: beside it by task id
 * (`41001.draft.json` → `41001.review.json`), then `<draft>.review.json`.
 */
export function sidecarCandidates(draftPath: string, taskId: number | string | null): string[] {
  const dir = dirname(draftPath)
  const name = basename(draftPath)
  const out: string[] = []
  if (name.endsWith('.draft.json')) out.push(join(dir, `${name.slice(0, -'.draft.json'.length)}${reviewStateSuffix}`))
  if (taskId !== null && /^[A-Za-z0-9_-]{1,64}$/.test(String(taskId))) out.push(join(dir, `${String(taskId)}${reviewStateSuffix}`))
  out.push(`${draftPath}${reviewStateSuffix}`)
  return [...new Set(out)]
}

/**
 * Reads the review state that goes with a draft file, for `sdte` (read-only: an unreadable file
 * is reported, never moved). `state` null and `problem` null: there is none.
 */
export async function readReviewStateBeside(draftPath: string, taskId: number | string): Promise<ReviewStateLookup & { path: string | null }> {
  for (const path of sidecarCandidates(draftPath, taskId)) {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      return { state: null, problem: { message: `The review state ${path} could not be read: ${await fsErrorCause(error, path, 'read')}.`, keptAt: path }, path }
    }
    const parsed = parseReviewState(text, String(taskId))
    if (parsed.ok) return { state: parsed.value, problem: null, path }
    return { state: null, problem: { message: `The review state ${path} is unreadable (${parsed.reason}).`, keptAt: path }, path }
  }
  return { state: null, problem: null, path: null }
}
