import { randomBytes } from 'node:crypto'
import { hashExport, hashExportInSlices } from '../services/drafts/export-hash'

/*
 * The export hash of each open (issue 21). It keys the draft ("same export" or "changed") and,
 * for a file, the recording's cache entry; it cost ~370 ms of a 50 MB export's open, before the
 * reply. When no draft waits to be compared, nothing needs it before the renderer shows the task:
 * the reply carries a stand-in, the hash is computed in slices after it (main's event loop keeps
 * answering), and a draft saved under the stand-in is stored under the real hash, so drafts match
 * exactly as before. The renderer never reads the hash: it only hands it back with its saves.
 */

const standInPrefix = 'pending-export-hash:'
/** Stand-ins remembered at most (one per open; a session opens a few dozen tasks). */
const maxStandIns = 256

/** The hashes of the exports opened in this session. */
export interface ExportHashes {
  /** The hash at once (a draft to compare, a file's recording key). */
  now(data: unknown): string
  /** A stand-in for the hash, and the hash computed after the current reply is sent. */
  later(data: unknown): { readonly standIn: string; readonly hash: Promise<string> }
  /** The real hash for a stand-in this session handed out; any other value unchanged. */
  resolve(exportHash: string): Promise<string>
}

/** Makes the session's export-hash registry. */
export function createExportHashes(): ExportHashes {
  const pending = new Map<string, Promise<string>>()
  return {
    now: hashExport,
    later(data) {
      const standIn = `${standInPrefix}${randomBytes(12).toString('hex')}`
      // setImmediate: after the handler's reply has been written (its promise settles first).
      const hash = new Promise<void>((resolve) => setImmediate(resolve)).then(() => hashExportInSlices(data))
      pending.set(standIn, hash)
      if (pending.size > maxStandIns) pending.delete(pending.keys().next().value as string)
      return { standIn, hash }
    },
    async resolve(exportHash) {
      return (await pending.get(exportHash)) ?? exportHash
    }
  }
}
