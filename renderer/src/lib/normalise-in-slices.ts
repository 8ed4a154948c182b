import { normaliseTranscript, normaliseTranscriptSteps } from '../../../shared/transcript'
import type { TranscriptModel } from '../../../shared/transcript'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import { transcriptBody } from '../../../shared/api/transcript-export'
import { runInSlices, sliceFromSegments } from './run-in-slices'
import { yieldToPage } from './yield-to-page'

/*
 * Opening a long task without one long task: the export is normalised in slices of a few ms of
 * work (lib/run-in-slices.ts), handing the thread back to the page between them (input, paint), so opening
 * the 6-hour hearing never blocks the page for more than a slice (issue 21: no long task > 50 ms
 * while opening). A short task (the usual one) is normalised at once, as before: slicing it
 * would only add a frame.
 */

/** True when `exp` is long enough to be normalised in slices. */
export function normalisesInSlices(exp: TranscriptExport): boolean {
  return (transcriptBody(exp).transcripts?.length ?? 0) > sliceFromSegments
}

/**
 * The export as the editing model (exactly what `normaliseTranscript` gives), worked out in
 * slices; `stale()` is asked between slices, and a true answer (another task opened) stops the
 * work: the promise then resolves to null. Throws what normalising throws.
 */
export async function normaliseInSlices(exp: TranscriptExport, stale: () => boolean = () => false): Promise<TranscriptModel | null> {
  if (!normalisesInSlices(exp)) return normaliseTranscript(exp)
  const model = await runInSlices(normaliseTranscriptSteps(exp), stale)
  // The model is shown (the first screen rendered) in a task of its own, not after the last slice.
  await yieldToPage()
  return stale() ? null : model
}
