import { readdir, readFile, rename, unlink, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../../shared/errors'
import { writeFileAtomic } from '../fs/atomic-write'
import { fsErrorCause } from '../fs/fs-error'

/*
 * Drafts: the reviewer's unsaved work per task, written atomically (temp file in the same
 * folder, fsync, rename, fsync the folder: fs/atomic-write) so a crash or power cut mid-write
 * leaves the previous draft whole (docs/architecture.md#data-flow). The document is whatever
 * serialisable value the renderer sends; the store does not interpret it.
 *
 * A file that does not parse (disk trouble, a hand edit) is moved aside to
 * `<name>.corrupt-<ms>` and reported, so opening the task never crashes and nothing is deleted.
 * Temp files (`.<name>.<random>.tmp`, left by a writer killed mid-write) never match the draft
 * name pattern, so they are never taken for drafts; `removeStaleTemps` sweeps them.
 */

/** Version of the draft file layout. */
export const draftFormatVersion = 1

/** A saved draft as stored. */
export interface Draft<TDocument = unknown, TMeta = Record<string, unknown>> {
  readonly version: number
  readonly taskId: string
  /** `hashExport` of the server export this draft started from. */
  readonly exportHash: string
  /** Integer ms since the epoch. */
  readonly savedAt: number
  readonly meta: TMeta
  readonly document: TDocument
}

/** A draft without its document, for lists. */
export type DraftSummary<TMeta = Record<string, unknown>> = Omit<Draft<unknown, TMeta>, 'document'>

/** How a stored draft relates to the export the server has now. */
export type DraftComparison = 'none' | 'same-export' | 'export-changed'

/** Something the store noticed and the app should hear about (a log line, a notice). */
export interface DraftReport {
  readonly kind: 'corrupt'
  readonly taskId: string
  readonly movedTo: string
  readonly message: string
}

/** Ports of the draft store. */
export interface DraftStorePorts {
  /** The app's drafts folder. */
  readonly dir: string
  /** Integer ms since the epoch. */
  readonly now: () => number
  readonly report?: (report: DraftReport) => void
  /** The largest serialised draft it writes (UTF-8 bytes); larger ones are refused, the saved one kept. */
  readonly maxBytes?: number
}

/** The draft store (see `createDraftStore`). */
export interface DraftStore {
  /** Writes the task's draft atomically and returns what was written (without the document). */
  save<TMeta extends object>(taskId: string | number, exportHash: string, document: unknown, meta: TMeta): Promise<DraftSummary<TMeta>>
  /** The task's draft, or null when there is none or it was corrupt (then moved aside and reported). */
  load<TDocument = unknown, TMeta = Record<string, unknown>>(taskId: string | number): Promise<Draft<TDocument, TMeta> | null>
  /** Deletes the task's draft (no error when there is none). */
  discard(taskId: string | number): Promise<void>
  /** Every readable draft, newest first, without documents. */
  list(): Promise<DraftSummary[]>
  /** Whether a draft exists and whether it began from the export the server has now. Both are kept either way. */
  compare(taskId: string | number, currentExportHash: string): Promise<DraftComparison>
  /** Deletes temp files left by writers that died mid-write, older than `olderThanMs` (default 60 s). */
  removeStaleTemps(olderThanMs?: number): Promise<number>
  /** The draft file path for a task (for `sdte export --input`). */
  pathOf(taskId: string | number): string
}

const draftSuffix = '.draft.json'

/** Makes a draft store over a folder. */
export function createDraftStore(ports: DraftStorePorts): DraftStore {
  // Saves of one task run one after another, so the file always ends with the last call's value
  // (two atomic renames racing could otherwise land out of order).
  const queues = new Map<string, Promise<unknown>>()
  const pathOf = (taskId: string | number): string => join(ports.dir, `${draftKey(taskId)}${draftSuffix}`)

  async function load<TDocument, TMeta>(taskId: string | number): Promise<Draft<TDocument, TMeta> | null> {
    const key = draftKey(taskId)
    const path = pathOf(key)
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw new AppError('io', `The draft for task ${key} could not be read.`, { cause: error })
    }
    const problem = validate(text, key)
    if (typeof problem === 'string') {
      const movedTo = `${path}.corrupt-${ports.now()}`
      await rename(path, movedTo).catch(async (error: NodeJS.ErrnoException) => {
        // Someone else moved or replaced it meanwhile; nothing is lost either way.
        if (error.code !== 'ENOENT') throw new AppError('io', `The corrupt draft for task ${key} could not be moved aside.`, { cause: error })
      })
      ports.report?.({ kind: 'corrupt', taskId: key, movedTo, message: `The draft for task ${key} was unreadable (${problem}); it was moved aside.` })
      return null
    }
    return problem as Draft<TDocument, TMeta>
  }

  return {
    pathOf,
    load,

    async save(taskId, exportHash, document, meta) {
      const key = draftKey(taskId)
      const summary = { version: draftFormatVersion, taskId: key, exportHash, savedAt: Math.round(ports.now()), meta }
      let text: string
      try {
        text = JSON.stringify({ ...summary, document })
      } catch (error) {
        throw new AppError('bad_request', 'The draft could not be serialised.', { cause: error })
      }
      if (ports.maxBytes !== undefined && serialisedBytes(text, ports.maxBytes) > ports.maxBytes) {
        const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1)
        throw new AppError('bad_request', `The draft for task ${key} is ${mb(Buffer.byteLength(text))} MB, over the ${mb(ports.maxBytes)} MB a draft may be; the last saved draft is kept.`)
      }
      const previous = queues.get(key) ?? Promise.resolve()
      const write = previous
        .catch(() => undefined)
        .then(() => writeFileAtomic(pathOf(key), text))
        .catch(async (error: unknown) => {
          throw new AppError('io', `The draft for task ${key} could not be written: ${await fsErrorCause(error, pathOf(key))}.`, { cause: error })
        })
      queues.set(key, write)
      try {
        await write
      } finally {
        if (queues.get(key) === write) queues.delete(key)
      }
      return summary
    },

    async discard(taskId) {
      await unlink(pathOf(taskId)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw new AppError('io', `The draft could not be deleted.`, { cause: error })
      })
    },

    async list() {
      const names = await readdir(ports.dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [] as string[]
        throw error
      })
      const out: DraftSummary[] = []
      for (const name of names) {
        const match = /^([A-Za-z0-9_-]+)\.draft\.json$/.exec(name)
        if (!match) continue
        const draft = await load(match[1]!)
        if (!draft) continue
        const { document: _document, ...summary } = draft
        out.push(summary as DraftSummary)
      }
      return out.sort((a, b) => b.savedAt - a.savedAt)
    },

    async compare(taskId, currentExportHash) {
      const draft = await load(taskId)
      if (!draft) return 'none'
      return draft.exportHash === currentExportHash ? 'same-export' : 'export-changed'
    },

    async removeStaleTemps(olderThanMs = 60_000) {
      const names = await readdir(ports.dir).catch(() => [] as string[])
      let removed = 0
      for (const name of names) {
        if (!/^\..+\.draft\.json\.[0-9a-f]+\.tmp$/.test(name)) continue
        const path = join(ports.dir, name)
        const info = await stat(path).catch(() => null)
        if (info && ports.now() - info.mtimeMs >= olderThanMs) {
          await unlink(path).catch(() => undefined)
          removed++
        }
      }
      return removed
    }
  }
}

/** The file-name key of a task id; refuses anything that could leave the folder. */
function draftKey(taskId: string | number): string {
  const key = String(taskId)
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(key)) throw new AppError('bad_request', `Not a valid task id: ${JSON.stringify(key).slice(0, 80)}`)
  return key
}

/** The parsed draft, or why it is not one. */
function validate(text: string, key: string): Draft | string {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return 'not JSON'
  }
  if (typeof value !== 'object' || value === null) return 'not an object'
  const draft = value as Partial<Draft>
  if (draft.version !== draftFormatVersion) return `unknown version ${String(draft.version)}`
  if (draft.taskId !== key) return 'belongs to another task'
  if (typeof draft.exportHash !== 'string') return 'no export hash'
  if (typeof draft.savedAt !== 'number') return 'no save time'
  if (!('document' in draft)) return 'no document'
  return draft as Draft
}

/** The UTF-8 size of `text`, skipping the count when its length alone settles it against `limit`. */
function serialisedBytes(text: string, limit: number): number {
  // A UTF-16 unit takes 1 to 3 UTF-8 bytes: counting is only needed between those bounds.
  if (text.length > limit || text.length * 3 <= limit) return text.length
  return Buffer.byteLength(text)
}
