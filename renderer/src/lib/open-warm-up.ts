import type { TranscriptExport } from '../../../shared/api/transcript-export'
import type { NormalisePreview, TranscriptModel } from '../../../shared/transcript'
import { normaliseTranscriptSteps } from '../../../shared/transcript'
import { packWords, unpackOpened } from '../../../shared/ipc/packed-words'

/*
 * The data side of the editor frame's warm-up (issue 21, cold open): while main reads the task,
 * a made-up export of a few segments goes the way a real reply does in the renderer — its words
 * packed into columns and unpacked (shared/ipc/packed-words.ts), then normalised in steps with a
 * preview of its first rows (lib/normalise-in-slices.ts) — so the real reply finds that code
 * parsed, compiled and its call sites warm: the first real preview took ~19 ms cold and a few
 * ms warm. Pure: no store, no DOM, nothing kept; what it worked out is returned for tests only.
 * Run by components/editor/RowWarmUp.vue in an idle task of its own.
 */

// Plain filler, like lib/row-warm-up.ts: one literal a word.
const texts = ['lorem', 'ipsum,', 'dolor', 'sit', 'amet.', 'Consectetur', 'adipiscing', 'elit;', 'sed', 'do', 'eiusmod', 'tempor?']

/** A made-up export with the kinds of segment a real one has (see the comments on each). */
export function warmUpExport(): TranscriptExport {
  const speakers = ['warm-a', 'warm-b']
  const transcripts = Array.from({ length: 6 }, (_, s) => {
    const start = s * 6
    const words = texts.map((text, k) => ({ text, offsetInSeconds: start + k * 0.5, durationInSeconds: 0.4, confidence: k % 4 === 1 ? 0.41 : 0.93 }))
    const displayWords = s === 4 ? [] : words
    // One segment reviewed (its text differs from its words: the reconcile path), one borrowing
    // its timings from the recogniser's words (empty displayWords, as real exports have), one
    // with words of its own besides the recogniser's (packed apart).
    const displayText = s === 2 ? `${texts.slice(0, 6).join(' ')} and more ${texts.slice(6).join(' ')}` : texts.join(' ')
    const originalWords = s === 5 ? words.map((w) => ({ ...w, text: w.text.toUpperCase() })) : words
    return { speakerId: speakers[s % 2], start, end: start + 6, duration: 6, confidence: 0.9, displayText, displayWords, originalWords }
  })
  return {
    taskId: 0,
    totalTimeInSeconds: 40,
    transcript: {
      speakers: speakers.map((speakerId, i) => ({ speakerId, speakerName: `S${i + 1}` })),
      transcripts,
      annotations: [{ uniqueId: 'warm-note', content: 'warm-up', start: 1, end: 2 }]
    }
  } as TranscriptExport
}

/** What one warm-up worked out (for tests: the caller throws it away). */
export interface OpenWarmUp {
  readonly preview: NormalisePreview | null
  readonly model: TranscriptModel
}

/** Runs the reply's unpacking and the stepped normalise with a preview on `warmUpExport()` (see the file comment). */
export function warmOpenCode(previewRows = 3): OpenWarmUp {
  const exp = warmUpExport()
  const packed = packWords(exp)
  // As the reply arrives: a copy (IPC clones it) with the words in columns.
  const opened = unpackOpened(packed ? { data: structuredClone(packed.data), packedWords: packed.words } : { data: exp })
  let preview: NormalisePreview | null = null
  const steps = normaliseTranscriptSteps(opened.data, { count: previewRows, take: (p) => (preview = p) })
  for (;;) {
    const step = steps.next()
    if (step.done) return { preview, model: step.value }
  }
}
