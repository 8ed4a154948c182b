import { createHash } from 'node:crypto'
import { open, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { applyModelPatch, type ModelPatch } from '../../../shared/transcript/model-patch'
import { syncDirectory } from '../fs/atomic-write'
import { privateFileMode } from '../fs/private-files'
import { stripUrlQueriesReplacer } from './strip-urls'

/*
 * The edit journal beside a draft (`<draft>.journal`): autosave appends what changed since the
 * last save (shared/transcript/model-patch.ts) instead of rewriting the whole draft, one fsynced
 * line per save. A line is `<seq> <generation> <savedAt> <sha256> <patch JSON>`: the generation
 * ties it to one full draft (a compaction writes a new draft with a new generation, so records of
 * the old one are ignored even when a kill left them on disk), the sequence number keeps the
 * records contiguous, and the checksum over the rest of the line tells a record torn by a kill
 * from a whole one. Loading = the full draft + its records up to the first one that is not whole.
 */

/** The journal file of a draft file. */
export function journalPathOf(draftPath: string): string {
  return `${draftPath}.journal`
}

/** One journal line, newline included. */
export function encodeJournalRecord(generation: string, seq: number, savedAt: number, patch: ModelPatch): string {
  const body = `${seq} ${generation} ${savedAt} ${JSON.stringify(patch, stripUrlQueriesReplacer)}`
  return `${checksum(body)} ${body}\n`
}

/** Appends one record and fsyncs it (and the folder when the file is new, so the record survives a power cut). */
export async function appendJournalRecord(path: string, record: string, isNewFile: boolean): Promise<void> {
  const handle = await open(path, 'a', privateFileMode)
  try {
    await handle.writeFile(record)
    await handle.datasync()
  } finally {
    await handle.close()
  }
  if (isNewFile) await syncDirectory(dirname(path))
}

/** The whole records of generation `generation` in journal text, in order: patches and the last save time. */
export function readJournalRecords(text: string, generation: string): Array<{ patch: ModelPatch; savedAt: number }> {
  const records: Array<{ patch: ModelPatch; savedAt: number }> = []
  let start = 0
  for (;;) {
    const end = text.indexOf('\n', start)
    // No newline: the last record was torn mid-append.
    if (end < 0) break
    const line = text.slice(start, end)
    start = end + 1
    const record = parseRecord(line)
    if (!record || record.generation !== generation || record.seq !== records.length + 1) break
    records.push({ patch: record.patch, savedAt: record.savedAt })
  }
  return records
}

/**
 * The document of a draft with its journal applied: `document` itself when there is no journal
 * or no whole record for this draft's generation.
 */
export async function replayJournal<TDocument>(draftPath: string, generation: string | undefined, document: TDocument): Promise<{ document: TDocument; savedAt: number | null; records: number }> {
  if (typeof generation !== 'string') return { document, savedAt: null, records: 0 }
  let text: string
  try {
    text = await readFile(journalPathOf(draftPath), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { document, savedAt: null, records: 0 }
    throw error
  }
  let out = document
  let savedAt: number | null = null
  let applied = 0
  for (const record of readJournalRecords(text, generation)) {
    try {
      out = applyModelPatch(out as object, record.patch) as TDocument
    } catch {
      // A record that does not fit cannot have been written by this draft's saver: stop before it.
      break
    }
    savedAt = record.savedAt
    applied++
  }
  return { document: out, savedAt, records: applied }
}

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32)
}

function parseRecord(line: string): { seq: number; generation: string; savedAt: number; patch: ModelPatch } | null {
  const sum = line.slice(0, 32)
  const body = line.slice(33)
  if (line[32] !== ' ' || checksum(body) !== sum) return null
  const match = /^(\d+) ([0-9a-f]+) (\d+) /.exec(body)
  if (!match) return null
  let patch: unknown
  try {
    patch = JSON.parse(body.slice(match[0].length))
  } catch {
    return null
  }
  if (!isPatch(patch)) return null
  return { seq: Number(match[1]), generation: match[2]!, savedAt: Number(match[3]), patch }
}

function isPatch(value: unknown): value is ModelPatch {
  if (!value || typeof value !== 'object') return false
  const p = value as Partial<ModelPatch>
  return typeof p.set === 'object' && p.set !== null && Array.isArray(p.unset)
}
