import { readFile } from 'node:fs/promises'
import type { TaskListFilters, TaskPage } from '../../../shared/api/task-list'
import { writeFileAtomic } from '../fs/atomic-write'

/*
 * The inbox's offline copy: the last page shown, with the time it was fetched, in one small JSON
 * file. Kept per base URL (another server's tasks are not shown as this one's). A missing or
 * unreadable file is simply no copy.
 */

/** What the file holds. */
export interface InboxSnapshot {
  readonly baseUrl: string
  readonly asOf: number
  readonly filters: TaskListFilters
  readonly page: TaskPage
}

/** Reads and writes the offline copy. */
export interface InboxCache {
  /** Replaces the copy (atomically). */
  save(snapshot: InboxSnapshot): Promise<void>
  /** The copy for `baseUrl`, or null. */
  load(baseUrl: string): Promise<InboxSnapshot | null>
}

/** The cache in the file at `path`. */
export function createInboxCache(path: string): InboxCache {
  return {
    // Task names of clients' work: a private file, like drafts.
    save: (snapshot) => writeFileAtomic(path, JSON.stringify(snapshot), { private: true }),
    load: async (baseUrl) => {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch {
        return null
      }
      try {
        const value = JSON.parse(text) as InboxSnapshot
        if (value.baseUrl !== baseUrl || typeof value.asOf !== 'number' || !value.page || !Array.isArray(value.page.items)) return null
        return value
      } catch {
        return null
      }
    }
  }
}
