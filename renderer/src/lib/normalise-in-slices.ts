import { normaliseTranscriptSteps } from '../../../shared/transcript'
import type { NormalisePreview, TranscriptModel } from '../../../shared/transcript'
import type { TranscriptExport } from '../../../shared/api/transcript-export'
import { transcriptBody } from '../../../shared/api/transcript-export'
import { runInSlices, sliceFromSegments } from './run-in-slices'
import { afterNextPaint, yieldInTurn, yieldToPage } from './yield-to-page'

/*
 * Opening a long task without one long task, first screen first (issue 21): the first rows are
 * normalised at once (a few ms, whatever the task's length) and handed out as a preview to paint;
 * after that paint the rest is normalised in slices of a few ms (lib/run-in-slices.ts), handing
 * the thread back to the page between them (input, paint). Anything that acts on the task calls
 * `finish()`, which normalises what is left there and then: nothing ever acts on a half-done
 * model. A short task (the usual one) is normalised at once, as before: slicing it would only
 * add a frame.
 */

/** True when `exp` is long enough to be normalised in slices. */
export function normalisesInSlices(exp: TranscriptExport): boolean {
  return (transcriptBody(exp).transcripts?.length ?? 0) > sliceFromSegments
}

/** A long task being normalised: its first rows now, the whole model later (or at once, on demand). */
export interface NormaliseJob {
  /** The first rows to paint, or null (the export's segments are out of time order). */
  readonly preview: NormalisePreview | null
  /** The whole model once the slices finish it; null when `stale()` said stop, or `finish()` took over. Rejects with what normalising throws. */
  readonly done: Promise<TranscriptModel | null>
  /** The whole model now: normalises what is left in this task (throws what normalising throws). */
  finish(): TranscriptModel
}

/**
 * Starts normalising `exp` (see the file comment), with a preview of its first `previewRows`
 * rows; `stale()` is asked between slices, and a true answer (another task opened) stops the work.
 */
export function startNormalising(exp: TranscriptExport, previewRows: number, stale: () => boolean = () => false): NormaliseJob {
  let preview: NormalisePreview | null = null
  let asked = false
  const steps = normaliseTranscriptSteps(exp, { count: previewRows, take: (p) => ((preview = p), (asked = true)) })
  let model: TranscriptModel | null = null
  let takenOver = false
  // Up to the preview: the export-wide settings and the first rows.
  while (!asked) {
    const step = steps.next()
    if (step.done) {
      model = step.value
      break
    }
  }
  const finish = (): TranscriptModel => {
    takenOver = true
    while (!model) {
      const step = steps.next()
      if (step.done) model = step.value
    }
    return model
  }
  const done = (async (): Promise<TranscriptModel | null> => {
    // The first rows are painted before the rest is worked on.
    if (preview) await afterNextPaint()
    if (takenOver || stale()) return null
    // With the first rows on screen the rest waits its turn: the page's own tasks (a timer, a
    // reply, the reviewer's first click) are not held up behind every slice.
    const m = model ?? (await runInSlices(steps, () => takenOver || stale(), preview ? yieldInTurn : yieldToPage))
    if (!m || takenOver) return null
    model = m
    // The whole model is shown in a task of its own, not after the last slice.
    await yieldToPage()
    return takenOver || stale() ? null : m
  })()
  return {
    get preview() {
      return preview
    },
    done,
    finish
  }
}
