import type { TranscriptExport } from '../../../shared/api/transcript-export'
import { transcriptBody } from '../../../shared/api/transcript-export'
import type { MaybePacked } from '../../../shared/ipc/packed-words'

/*
 * Whether an opened task's reply is big enough for its receive to end a task of its own before
 * the task is put in place (issue 21, cold open; stores/task-store.ts). The receive (IPC's
 * structured clone of the reply, then the unpacking of its words: packed-words.ts) grows with the
 * words. The hop between the two costs a frame, so a small reply (the sample, a short interview)
 * is put in place at once. What crosses is the words of each list once: main shares a segment's
 * original words with its display words when they are the same (share-word-lists.ts), and they
 * arrive as one list. The line was first drawn above the 2-hour task (~15,000 words), from single
 * runs under load that blamed the hop for a slower 2-hour open; traced again (CPU) once the
 * first screen renders in one pass (use-row-estimate.ts's provisional calibration), the hop pays
 * at 2 h too: 7 interleaved cold opens, main-thread CPU, without / with the hop: longest task
 * 63 / 39 ms, click → interactive 216 / 192 ms. So the line sits well below the 2-hour task: a
 * word count, not a clock, so the same reply always goes the same way.
 *
 * Such a reply's unpacking (packed-words.ts: a word object and its numbers per word, most of the
 * receive's collections) is a task of its own too, between the receive and the put-in-place: at
 * 6 hours the receive with its unpacking was the open's longest task (traced ~54 ms CPU). So the
 * count is read from the reply as it arrives, its words still in columns.
 */

/** From this many words in a reply, putting it in place waits for a task after the receive. */
export const ownTaskFromWords = 5_000

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

/**
 * The word objects a reply carries, each once, as it arrives: its lists left in place (a packed
 * list arrives empty) and its packed words but those that are the display word at their place.
 */
export function replyWords(reply: MaybePacked): number {
  const inPlace = exportWords(reply.data)
  const shared = reply.packedWords?.shared
  if (!shared) return inPlace
  let same = 0
  for (let k = 0; k < shared.length; k++) same += shared[k]
  return inPlace + shared.length - same
}

/** True when `reply` is received, unpacked and put in place in tasks apart (see the file comment). */
export function receivesApart(reply: MaybePacked): boolean {
  return replyWords(reply) >= ownTaskFromWords
}
