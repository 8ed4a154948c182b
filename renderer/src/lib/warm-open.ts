import { normaliseTranscriptSteps } from '../../../shared/transcript'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import { buildWordIndex } from './word-index'

/*
 * A task's first open runs the normaliser's code for the first time: the preview's few rows cost
 * several times what they cost on a later open (issue 21: "cold open" — the first open in a page
 * 2.5–3× slower than later ones), in the task between the data arriving and the first rows. The
 * start screen idles while the reviewer picks a task, so a small made-up transcript is normalised
 * then (in steps; a task opening stops it), as the locale's messages are (i18n/warm-messages.ts).
 * Nothing of it is kept.
 */

const sampleWords = 'well I think the committee should hear from the witnesses before we vote on the amendment today'.split(' ')

/** A made-up export shaped like the vendor's (two speakers, timed words on both lists), `segments` long. */
export function warmUpExport(segments = 24): TranscriptExport {
  const speakers = [
    { speakerId: '6f1c2b3a-0d4e-4f5a-9b6c-7d8e9fa0b1c2', speakerName: 'Chair', speakerPrefix: null, speakerSuffix: null },
    { speakerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', speakerName: 'Witness', speakerPrefix: null, speakerSuffix: null }
  ]
  const transcripts = Array.from({ length: segments }, (_, s) => {
    const start = s * 6
    const words = sampleWords.map((text, w) => ({ text: w === 0 ? 'Well,' : text, offsetInSeconds: start + w * 0.35, durationInSeconds: 0.3, confidence: 0.6 + ((s + w) % 4) / 10 }))
    return { speakerId: speakers[s % 2].speakerId, start, end: start + sampleWords.length * 0.35, confidence: 0.9, displayText: words.map((w) => w.text).join(' '), displayWords: words, originalWords: words.map((w) => ({ ...w })) }
  })
  return { taskId: 0, totalTimeInSeconds: segments * 6, transcript: { transcripts, speakers, annotations: [] } } as TranscriptExport
}

/** Normalises `warmUpExport()` with a preview and indexes its words, one step at a time (run it with lib/run-in-slices.ts). */
export function* warmOpen(): Generator<void, void, void> {
  const steps = normaliseTranscriptSteps(warmUpExport(), { count: 12, take: () => {} })
  for (;;) {
    const step = steps.next()
    if (step.done) {
      yield
      buildWordIndex(step.value)
      return
    }
    yield
  }
}
