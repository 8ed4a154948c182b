import { randomBytes } from 'node:crypto'
import { readdir, readFile, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../../shared/errors'
import { writeFileAtomic } from '../fs/atomic-write'
import { fsErrorCause } from '../fs/fs-error'
import { staleTempAgeMs, sweepStaleTemps } from '../fs/temp-files'
import { stripUrlQueriesReplacer } from './strip-urls'
import { applyModelPatch, type ModelPatch } from '../../../shared/transcript/model-patch'
import { appendJournalRecord, encodeJournalRecord, journalPathOf, replayJournal } from './draft-journal'
import { packDraftSources, packedSourcesVersion, unpackDraftSources } from './draft-sources'

/*
 * Drafts: the reviewer's unsaved work per task, written atomically (temp file in the same
 * folder, fsync, rename, fsync the folder: fs/atomic-write) so a crash or power cut mid-write
 * leaves the previous draft whole (docs/architecture.md#data-flow). The document is whatever
 * serialisable value the renderer sends; the store does not interpret it.
 *
 * A file that does not parse (disk trouble, a hand edit) is moved aside to
 * `<name>.corrupt-<ms>` and reported, so opening the task never crashes and nothing is deleted;
 * when it cannot be moved (a read-only folder) it stays where it is, reported all the same, and
 * the task still opens. Temp files (`.<name>.sdte-<pid>-<hex>.tmp`, left by a writer killed
 * mid-write) never match the draft name pattern, so they are never taken for drafts;
 * `removeStaleTemps` sweeps them. Drafts are private (0600 in a 0700 folder) and every URL in
 * them loses its query string (signed media URLs).
 */

/**
 * Version of the draft file layout (1: the document as sent). Layout 2 (packedSourcesVersion) is
 * written when the document's segments and words name their sources by place in its export
 * (draft-sources.ts), so an older app refuses it instead of exporting without those sources.
 */
export const draftFormatVersion = 1

/** The layouts this store reads. */
const readableVersions = new Set([draftFormatVersion, packedSourcesVersion])

/** A saved draft as stored. */
export interface Draft<TDocument = unknown, TMeta = Record<string, unknown>> {
  readonly version: number
  readonly taskId: string
  /** `hashExport` of the server export this draft started from. */
  readonly exportHash: string
  /** Integer ms since the epoch. */
  readonly savedAt: number
  /** Ties journal records (draft-journal.ts) to this full draft; absent in drafts written before the journal. */
  readonly generation?: string
  readonly meta: TMeta
  readonly document: TDocument
}

/** What a save or patch wrote: `revision` is the base the next patch must name. */
export interface DraftSaved {
  readonly savedAt: number
  readonly revision: string
}

/** A draft without its document, for lists. */
export type DraftSummary<TMeta = Record<string, unknown>> = Omit<Draft<unknown, TMeta>, 'document'>

/** How a stored draft relates to the export the server has now. */
export type DraftComparison = 'none' | 'same-export' | 'export-changed'

/** Something the store noticed and the app should hear about (a log line, a notice). */
export interface DraftReport {
  readonly kind: 'corrupt'
  readonly taskId: string
  /** Where the unreadable file was moved, or null when it could not be moved (it is still at `keptAt`). */
  readonly movedTo: string | null
  /** Where the unreadable file is now. */
  readonly keptAt: string
  readonly message: string
}

/** A task's draft as found on opening: the draft, or what was wrong with the file. */
export interface DraftLookup<TDocument = unknown, TMeta = Record<string, unknown>> {
  readonly draft: Draft<TDocument, TMeta> | null
  readonly problem: DraftReport | null
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
  /** Moves an unreadable draft aside (fs.rename); a port so a read-only folder can be simulated where tests run as root. */
  readonly rename?: (from: string, to: string) => Promise<void>
  /** When the journal is folded into a new full draft: after this many records (default 200) or bytes (default 8 MB). */
  readonly compactAfter?: { readonly records?: number; readonly bytes?: number }
}

/** The draft store (see `createDraftStore`). */
export interface DraftStore {
  /** Writes the task's draft atomically and returns what was written (without the document). */
  save<TMeta extends object>(taskId: string | number, exportHash: string, document: unknown, meta: TMeta): Promise<DraftSummary<TMeta> & DraftSaved>
  /**
   * Appends what changed since revision `base` to the draft's journal (compacting when it is due).
   * Refused with `conflict` when this store does not hold revision `base` of that draft (it
   * restarted, another save came between, the export hash changed): then send a full save.
   */
  patch(taskId: string | number, exportHash: string, base: string, patch: ModelPatch): Promise<DraftSaved>
  /** Folds the journal of every draft saved through this store into its full draft (closing a task, quitting). */
  compactAll(): Promise<void>
  /** The task's draft, or null when there is none or it was corrupt (then moved aside and reported). */
  load<TDocument = unknown, TMeta = Record<string, unknown>>(taskId: string | number): Promise<Draft<TDocument, TMeta> | null>
  /** Like `load`, also saying what was wrong when the file was unreadable (for the notice on opening). */
  lookup<TDocument = unknown, TMeta = Record<string, unknown>>(taskId: string | number): Promise<DraftLookup<TDocument, TMeta>>
  /** Deletes the task's draft (no error when there is none). */
  discard(taskId: string | number): Promise<void>
  /** Every readable draft, newest first, without documents. */
  list(): Promise<DraftSummary[]>
  /** Whether a draft exists and whether it began from the export the server has now. Both are kept either way. */
  compare(taskId: string | number, currentExportHash: string): Promise<DraftComparison>
  /** Deletes draft temp files whose writer is gone (its pid no longer runs) or older than `olderThanMs` (default 15 min). */
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
  /** The last saved revision of each draft saved here, so a patch can be applied without reading the file. */
  const held = new Map<string, Held>()
  const compactRecords = ports.compactAfter?.records ?? 200
  const compactBytes = ports.compactAfter?.bytes ?? 8 * 1024 * 1024

  /** Runs `task` after every earlier save or patch of the draft `key`. */
  async function enqueue<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(key) ?? Promise.resolve()
    const run = previous.catch(() => undefined).then(task)
    queues.set(key, run)
    try {
      return await run
    } finally {
      if (queues.get(key) === run) queues.delete(key)
    }
  }

  /** Writes a full draft with a new generation (any journal of the old one no longer applies) and holds it. */
  async function writeFull<TMeta>(key: string, exportHash: string, document: unknown, meta: TMeta): Promise<DraftSummary<TMeta> & DraftSaved> {
    const generation = randomBytes(8).toString('hex')
    let text: string
    // The export once, not three times (draft-sources.ts).
    const packed = packDraftSources(document)
    const summary = { version: packed === document ? draftFormatVersion : packedSourcesVersion, taskId: key, exportHash, savedAt: Math.round(ports.now()), generation, meta }
    try {
      text = JSON.stringify({ ...summary, document: packed }, stripUrlQueriesReplacer)
    } catch (error) {
      throw new AppError('bad_request', 'The draft could not be serialised.', { cause: error })
    }
    if (ports.maxBytes !== undefined && serialisedBytes(text, ports.maxBytes) > ports.maxBytes) {
      const mb = (bytes: number) => (bytes / 1_000_000).toFixed(1)
      throw new AppError('bad_request', `The draft for task ${key} is ${mb(Buffer.byteLength(text))} MB, over the ${mb(ports.maxBytes)} MB a draft may be; the last saved draft is kept.`, { reason: 'draft_too_large', params: { size: Buffer.byteLength(text), max: ports.maxBytes } })
    }
    try {
      await writeFileAtomic(pathOf(key), text, { private: true })
    } catch (error) {
      held.delete(key)
      throw new AppError('io', `The draft for task ${key} could not be written: ${await fsErrorCause(error, pathOf(key))}.`, { cause: error, reason: 'write_failed', params: { path: pathOf(key) } })
    }
    held.set(key, { exportHash, generation, seq: 0, journalBytes: 0, document, meta })
    // The old journal is dead weight now (its generation no longer matches); a failure to delete it is harmless.
    await unlink(journalPathOf(pathOf(key))).catch(() => undefined)
    return { ...summary, revision: `${generation}:0` }
  }

  // Reads wait for the writes queued before them: a compaction replaces the draft and then deletes
  // its journal, and a read between the two must not pair the old draft with no journal.
  async function lookup<TDocument, TMeta>(taskId: string | number): Promise<DraftLookup<TDocument, TMeta>> {
    const key = draftKey(taskId)
    return enqueue(key, () => lookupNow<TDocument, TMeta>(key))
  }

  async function lookupNow<TDocument, TMeta>(key: string): Promise<DraftLookup<TDocument, TMeta>> {
    const path = pathOf(key)
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { draft: null, problem: null }
      throw new AppError('io', `The draft for task ${key} could not be read.`, { cause: error, reason: 'draft_unreadable' })
    }
    const checked = validate(text, key)
    if (typeof checked !== 'string') {
      const replayed = await replayJournal(path, checked.generation, checked.document).catch((error: unknown) => {
        throw new AppError('io', `The draft journal for task ${key} could not be read.`, { cause: error, reason: 'draft_unreadable' })
      })
      if (replayed.records === 0) return { draft: checked as Draft<TDocument, TMeta>, problem: null }
      const draft = { ...checked, savedAt: replayed.savedAt ?? checked.savedAt, document: replayed.document }
      return { draft: draft as Draft<TDocument, TMeta>, problem: null }
    }
    const target = `${path}.corrupt-${ports.now()}`
    // Opening the task must not depend on this move: a read-only folder keeps the file where it is.
    const moveError = await (ports.rename ?? rename)(path, target).then(
      () => null,
      (error: NodeJS.ErrnoException) => error
    )
    const movedTo = moveError ? null : target
    const keptAt = movedTo ?? path
    const message = movedTo
      ? `The draft for task ${key} was unreadable (${checked}); it was kept as ${movedTo}.`
      : `The draft for task ${key} was unreadable (${checked}) and could not be moved aside (${moveError?.code ?? moveError?.message}); it is still at ${path}.`
    const problem: DraftReport = { kind: 'corrupt', taskId: key, movedTo, keptAt, message }
    ports.report?.(problem)
    return { draft: null, problem }
  }

  async function load<TDocument, TMeta>(taskId: string | number): Promise<Draft<TDocument, TMeta> | null> {
    return (await lookup<TDocument, TMeta>(taskId)).draft
  }

  return {
    pathOf,
    load,
    lookup,

    async save(taskId, exportHash, document, meta) {
      const key = draftKey(taskId)
      return enqueue(key, () => writeFull(key, exportHash, document, meta))
    },

    async patch(taskId, exportHash, base, patch) {
      const key = draftKey(taskId)
      return enqueue(key, async () => {
        const current = held.get(key)
        if (!current || `${current.generation}:${current.seq}` !== base || current.exportHash !== exportHash) {
          throw new AppError('conflict', `The draft for task ${key} on disk is not the one this change follows; send the whole draft.`, { reason: 'draft_conflict' })
        }
        let document: unknown
        try {
          document = applyModelPatch(current.document as object, patch)
        } catch (error) {
          // Loses nothing: the renderer answers `conflict` with the whole draft.
          throw new AppError('conflict', `The change does not fit the draft for task ${key} (${(error as Error).message}); send the whole draft.`, { reason: 'draft_conflict' })
        }
        const savedAt = Math.round(ports.now())
        const record = encodeJournalRecord(current.generation, current.seq + 1, savedAt, patch)
        const recordBytes = Buffer.byteLength(record)
        if (ports.maxBytes !== undefined && recordBytes > ports.maxBytes) throw new AppError('bad_request', `The change to the draft for task ${key} is over the ${(ports.maxBytes / 1_000_000).toFixed(1)} MB a draft may be; the last saved draft is kept.`, { reason: 'draft_too_large', params: { size: recordBytes, max: ports.maxBytes } })
        // Due for compaction: the full draft is rewritten instead (which also checks its size).
        if (current.seq + 1 > compactRecords || current.journalBytes + recordBytes > compactBytes) {
          const saved = await writeFull(key, exportHash, document, current.meta)
          return { savedAt: saved.savedAt, revision: saved.revision }
        }
        const journal = journalPathOf(pathOf(key))
        try {
          await appendJournalRecord(journal, record, current.seq === 0)
        } catch (error) {
          // A half-written record may be on disk: later records would hide behind it, so the next save must be a full one.
          held.delete(key)
          throw new AppError('io', `The draft for task ${key} could not be written: ${await fsErrorCause(error, journal)}.`, { cause: error, reason: 'write_failed', params: { path: pathOf(key) } })
        }
        const next: Held = { ...current, seq: current.seq + 1, journalBytes: current.journalBytes + recordBytes, document }
        held.set(key, next)
        return { savedAt, revision: `${next.generation}:${next.seq}` }
      })
    },

    async compactAll() {
      for (const [key, entry] of [...held]) {
        await enqueue(key, async () => {
          const current = held.get(key)
          if (current === entry && entry.seq > 0) await writeFull(key, entry.exportHash, entry.document, entry.meta)
          // A failed compaction loses nothing: the full draft and its journal on disk still load as the latest revision.
        }).catch(() => undefined)
        held.delete(key)
      }
    },

    async discard(taskId) {
      held.delete(draftKey(taskId))
      await unlink(pathOf(taskId)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw new AppError('io', `The draft could not be deleted.`, { cause: error })
      })
      // After the draft: a journal without its draft is never read.
      await unlink(journalPathOf(pathOf(taskId))).catch(() => undefined)
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

    removeStaleTemps(olderThanMs = staleTempAgeMs) {
      return sweepStaleTemps(ports.dir, { olderThanMs, now: ports.now, targets: (target) => target.endsWith(draftSuffix) })
    }
  }
}

/** A draft's last saved revision as this store holds it. */
interface Held {
  readonly exportHash: string
  readonly generation: string
  /** Journal records written after the full draft. */
  readonly seq: number
  readonly journalBytes: number
  readonly document: unknown
  readonly meta: unknown
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
  if (!readableVersions.has(draft.version as number)) return `unknown version ${String(draft.version)}`
  if (draft.taskId !== key) return 'belongs to another task'
  if (typeof draft.exportHash !== 'string') return 'no export hash'
  if (typeof draft.savedAt !== 'number') return 'no save time'
  if (!('document' in draft)) return 'no document'
  try {
    return { ...(draft as Draft), document: unpackDraftSources(draft.document) }
  } catch (error) {
    return (error as Error).message
  }
}

/** The UTF-8 size of `text`, skipping the count when its length alone settles it against `limit`. */
function serialisedBytes(text: string, limit: number): number {
  // A UTF-16 unit takes 1 to 3 UTF-8 bytes: counting is only needed between those bounds.
  if (text.length > limit || text.length * 3 <= limit) return text.length
  return Buffer.byteLength(text)
}
