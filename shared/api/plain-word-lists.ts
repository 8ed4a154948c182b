import type { ApiWord } from './transcript-export'

/*
 * Word lists the fast export check (fast-export-check.ts) has just walked and found "plain" as
 * the IPC packing reads the word (packed-words.ts: exactly `text`, `offsetInSeconds`,
 * `durationInSeconds`, `confidence` in that order, a string text, numbers or nulls, an ordinary
 * object). Packing the reply of an open walked every word again to learn this (~10% of its IPC
 * out on a 50 MB export); now it asks here first. Lists are never changed after the check (an
 * opened export is not mutated), and a list not known here is still walked.
 */

const plainLists = new WeakSet<readonly ApiWord[]>()

/** Remembers `list` as plain (the check just walked every word of it). */
export function rememberPlainList(list: readonly ApiWord[]): void {
  plainLists.add(list)
}

/** True when the check found `list` plain. */
export function isKnownPlainList(list: unknown): list is ApiWord[] {
  return typeof list === 'object' && list !== null && plainLists.has(list as readonly ApiWord[])
}
