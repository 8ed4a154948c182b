import type { TranscriptExport } from '../../../shared/api/transcript-export'
import { transcriptBody } from '../../../shared/api/transcript-export'

/*
 * Whether an opened task's reply is big enough for its receive to end a task of its own before
 * the task is put in place (issue 21, cold open; stores/task-store.ts). The receive (IPC's
 * structured clone of the reply, then the unpacking of its words: packed-words.ts) grows with the
 * words, and so does nothing else in that task once the put-in-place is a task of its own. The
 * hop between the two costs a frame: the first rows' render then waits behind the frame the
 * browser slips in between (2 h: data → interactive 103 → 136 ms with the hop), so it only pays
 * when the receive plus the put-in-place would otherwise be a long task. What crosses is the
 * words of each list once: main shares a segment's original words with its display words when
 * they are the same (share-word-lists.ts), and they arrive as one list. Measured cold (CPU traces
 * under load): the 2-hour task's ~15,000 words are received and unpacked in ~14 ms, a task of
 * ~50 ms with its first rows put in place (no hop); the 6-hour task's ~45,000 words in ~40–54 ms
 * (96 ms in one task, 54–58 split). The line sits between them, at twice the 2-hour task: a word
 * count, not a clock, so the same reply always goes the same way.
 */

/** From this many words in a reply, putting it in place waits for a task after the receive. */
export const ownTaskFromWords = 30_000

/**
 * The word objects a reply's export carries, each once: a segment's original words count where
 * they are not its display words (the whole list, or word by word where main shared some).
 */
export function exportWords(exp: TranscriptExport): number {
  let words = 0
  for (const segment of transcriptBody(exp).transcripts ?? []) {
    const display = Array.isArray(segment.displayWords) ? segment.displayWords : []
    const original = segment.originalWords
    words += display.length
    if (!Array.isArray(original) || original === display) continue
    for (let k = 0; k < original.length; k++) if (original[k] !== display[k]) words++
  }
  return words
}

/** True when a reply carrying `exp` is received in a task apart from its put-in-place (see the file comment). */
export function receivesApart(exp: TranscriptExport): boolean {
  return exportWords(exp) >= ownTaskFromWords
}
