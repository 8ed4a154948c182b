import { shallowRef } from 'vue'
import { normaliseTranscript } from '../../../shared/transcript'
import type { NormalisePreview, TranscriptModel } from '../../../shared/transcript'
import type { OpenedTranscript } from '../../../shared/ipc/contract'
import { toErrorData } from '../../../shared/errors'
import { normalisesInSlices, startNormalising } from '../lib/normalise-in-slices'
import type { NormaliseJob } from '../lib/normalise-in-slices'

/*
 * Putting an opened task's model in place, for the editor store (issue 21: a long task opens
 * first screen first). A short task is normalised at once. A long one shows its first rows from
 * `preview` while the rest is normalised in slices (lib/normalise-in-slices.ts); `settle()` puts
 * the whole model in place at once, and the editor store calls it before every action (see
 * `settling`), so nothing ever acts on half a task and no key is lost.
 */

/** What the editor store does for an open. */
export interface OpenTarget {
  /** Clears what the previous task left (pending typing first), before anything else. */
  reset(): void
  /** Puts `m` (null: none yet, or unreadable) in place as the model of `opened`. */
  put(opened: OpenedTranscript | null, m: TranscriptModel | null): void
  /** Says the transcript could not be read (the normaliser's message). */
  fail(message: string): void
  /** Puts the cursor on a segment's row (the preview's first) while the rest is normalised. */
  cursorOn(segmentId: string): void
}

/** Rows normalised first on a long task: more than any screen shows. */
export const previewRows = 40

/** The editor's open: `load` an opened task, `settle` a long one now, and the `preview` rows meanwhile. */
export function createOpening(target: OpenTarget) {
  /** The first rows of a long task while the rest is being normalised: for the list to paint, never to act on. */
  const preview = shallowRef<NormalisePreview | null>(null)
  /** Bumped by every load: a sliced normalise of an earlier task drops its result. */
  let loadJob = 0
  /** A long task still being normalised. */
  let normalising: { job: number; opened: OpenedTranscript; work: NormaliseJob } | null = null

  function fail(error: unknown): void {
    target.fail(toErrorData(error).message)
  }

  /** Puts the whole model of a task still being normalised in place now, so a command acts on all of it. */
  function settle(): void {
    const pending = normalising
    if (!pending) return
    normalising = null
    let m: TranscriptModel | null = null
    try {
      m = pending.work.finish()
    } catch (error) {
      fail(error)
    }
    preview.value = null
    target.put(pending.opened, m)
  }

  /** Opens `opened` (null: the task closed) in place of whatever was open. */
  function load(opened: OpenedTranscript | null): void {
    normalising = null
    preview.value = null
    target.reset()
    // For profiling and the editor benchmark: when the data reached the renderer.
    if (opened && typeof performance !== 'undefined') performance.mark('sdte:editor-data')
    const job = ++loadJob
    if (!opened || !normalisesInSlices(opened.data)) {
      let m: TranscriptModel | null = null
      try {
        m = opened ? normaliseTranscript(opened.data) : null
      } catch (error) {
        fail(error)
      }
      return target.put(opened, m)
    }
    // A long task: its first rows painted first, the rest normalised in slices, the task
    // perhaps closed or another opened meanwhile.
    target.put(opened, null)
    const current = (): boolean => job === loadJob && normalising?.job === job
    let work: NormaliseJob
    try {
      work = startNormalising(opened.data, previewRows, () => job !== loadJob)
    } catch (error) {
      return fail(error)
    }
    normalising = { job, opened, work }
    preview.value = work.preview
    // The cursor row shows from the first paint (the model's first segment is the preview's).
    if (work.preview?.segments.length) target.cursorOn(work.preview.segments[0].id)
    work.done.then(
      (m) => {
        if (!m || !current()) return
        normalising = null
        preview.value = null
        target.put(opened, m)
      },
      (error: unknown) => {
        if (!current()) return
        normalising = null
        preview.value = null
        fail(error)
      }
    )
  }

  return { preview, load, settle }
}

/**
 * `api` with every function but those named in `queries` calling `settle` first: a command given
 * while a long task's first rows are shown (a key, a click, find, export) acts on the whole model,
 * never on half of it. The queries are safe without: nothing is typed before a command starts it.
 */
export function settling<T extends Record<string, unknown>>(settle: () => void, queries: ReadonlyArray<keyof T>, api: T): T {
  const out: Record<string, unknown> = { ...api }
  for (const [key, value] of Object.entries(api)) {
    if (typeof value !== 'function' || queries.includes(key)) continue
    const action = value as (...args: unknown[]) => unknown
    out[key] = (...args: unknown[]): unknown => {
      settle()
      return action(...args)
    }
  }
  return out as T
}
