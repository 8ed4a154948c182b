import type { ApiWord, TranscriptExport } from './transcript-export'
import { transcriptBody } from './transcript-export'

/*
 * A segment's `originalWords` (the recogniser's words) are, wherever nobody edited the segment on
 * the platform, word for word the same JSON as its `displayWords`: in a real export most
 * segments, in a 50 MB one about half the file. Parsed, each is a separate copy; the validated
 * export lets the two lists share the same word objects (the whole list when every word is the
 * same), which halves what the export holds in memory, and what IPC's structured clone sends to
 * the renderer (it writes a shared object once, then a back-reference): a 50 MB export went from
 * 59 to 32 MB over IPC and its renderer-side deserialize from ~5 s to ~2.3 s under load.
 *
 * Nothing can tell the difference: the export is never mutated (edits build new objects),
 * JSON.stringify, the draft hash and every export write a shared object in full where it
 * appears, and a word is shared only when it is the same JSON, key order included.
 */

/** `a`'s own keys while `sameWord` compares (reused: a million words allocate no key lists). */
const keysOfA: string[] = []

/** True when `a` and `b` are the same flat JSON object: same keys in the same order, same primitive values. */
export function sameWord(a: ApiWord, b: ApiWord): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) || Array.isArray(b)) return false
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  // Own enumerable keys in order, as Object.keys lists them, without building the lists.
  let n = 0
  for (const key in ra) if (Object.hasOwn(ra, key)) keysOfA[n++] = key
  let k = 0
  for (const key in rb) {
    if (!Object.hasOwn(rb, key)) continue
    // An own `__proto__` (JSON.parse makes one) reads as the prototype: never compared, never shared.
    if (k >= n || key !== keysOfA[k] || key === '__proto__') return false
    const va = ra[key]
    // Objects or arrays inside a word are not looked into: such a word keeps its own copy.
    if ((va !== null && typeof va === 'object') || !Object.is(va, rb[key])) return false
    k++
  }
  return k === n
}

/**
 * `original` with every word that is the same JSON as the word at the same place in `display`
 * replaced by that word (`display` itself when all are), or `original` unchanged. `same` tells
 * two words at place k apart (a caller that knows more of the words compares faster).
 */
export function shareWith(display: readonly ApiWord[], original: readonly ApiWord[], same: (a: ApiWord, b: ApiWord, k: number) => boolean = sameWord): readonly ApiWord[] {
  if (display === original || display.length !== original.length) return original
  let shared: ApiWord[] | null = null
  let all = true
  for (let k = 0; k < original.length; k++) {
    if (same(display[k], original[k], k)) {
      shared ??= original.slice()
      shared[k] = display[k]
    } else {
      all = false
    }
  }
  if (all) return display
  return shared ?? original
}

/**
 * Lets each segment's `originalWords` share the word objects of its `displayWords` where they are
 * the same JSON. Changes the validated export's segment objects in place (the schema built them,
 * nothing else holds them yet) and never a word or a word list; returns the export.
 */
export function shareEqualWordLists<T extends TranscriptExport>(data: T): T {
  for (const segment of transcriptBody(data).transcripts ?? []) {
    const display = segment.displayWords
    const original = segment.originalWords
    if (!Array.isArray(display) || !Array.isArray(original)) continue
    const shared = shareWith(display, original)
    if (shared !== original) segment.originalWords = shared as ApiWord[]
  }
  return data
}
