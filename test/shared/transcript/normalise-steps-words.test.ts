import { describe, expect, it } from 'vitest'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import { transcriptBody } from '../../../shared/api/transcript-export'
import { normaliseTranscript, normaliseTranscriptSteps } from '../../../shared/transcript'
import { convertRealFixture } from '../../fixtures/real-to-export'

/*
 * Normalising a long task in steps (renderer/src/lib/normalise-in-slices.ts runs them in slices of
 * a few ms): no single step may walk every word of the export. The unit and confidence-scale
 * detections did (a 6-hour task's one step was a 30–50 ms task, issue 21). Counted, not timed:
 * every word's confidence is read through a getter that counts.
 */

/** The 2-hour hearing three times over (the 6-hour task), its words' confidences read through a counter. */
function countedSixHours(): { exp: TranscriptExport; reads: () => number } {
  const base = convertRealFixture('senate-hearing-2h.dpe.json')
  const segs = base.transcript.transcripts ?? []
  const length = base.totalTimeInSeconds ?? 0
  let reads = 0
  const transcripts = [0, 1, 2].flatMap((k) =>
    segs.map((s, i) => {
      const shift = (t: number | undefined | null): number | undefined => (typeof t === 'number' ? t + k * length : undefined)
      const words = (list: typeof s.displayWords) =>
        list?.map((w) => {
          const copy = { ...w, offsetInSeconds: shift(w.offsetInSeconds) }
          const confidence = w.confidence
          delete (copy as { confidence?: unknown }).confidence
          Object.defineProperty(copy, 'confidence', { enumerable: true, get: () => (reads++, confidence) })
          return copy
        })
      return { ...s, id: `${s.id ?? i}-${k}`, start: shift(s.start), end: shift(s.end), displayWords: words(s.displayWords), originalWords: words(s.originalWords) }
    })
  )
  const exp = { ...base, totalTimeInSeconds: length * 3, transcript: { ...base.transcript, transcripts } } as TranscriptExport
  return { exp, reads: () => reads }
}

describe('normalising a 6-hour task in steps', () => {
  it('reads no more than a few segments\' words in any one step, and ends with the model normaliseTranscript makes', () => {
    const { exp, reads } = countedSixHours()
    const words = (transcriptBody(exp).transcripts ?? []).reduce((n, s) => n + (s.displayWords?.length ?? 0) + (s.originalWords?.length ?? 0), 0)
    const steps = normaliseTranscriptSteps(exp, { count: 40, take: () => {} })
    let most = 0
    let model
    for (;;) {
      const before = reads()
      const step = steps.next()
      most = Math.max(most, reads() - before)
      if (step.done) {
        model = step.value
        break
      }
    }
    // A whole walk reads every word's confidence at least once (~89k here); a step a few segments' worth.
    expect(most).toBeLessThan(words / 5)
    expect(model).toEqual(normaliseTranscript(exp))
  })
})
