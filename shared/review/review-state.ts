import { z } from 'zod'
import { normaliseCoverage } from './coverage'
import type { Coverage } from './coverage'

/*
 * The review-state sidecar: session facts that are not edits (what was heard, time spent
 * reviewing), saved per task next to its draft as `<taskId>.review.json`. The schema is shared
 * by main's store, the IPC request and `sdte`'s reader, so all three refuse the same files.
 * Sizes are bounded: a reviewer who seeks a lot makes many intervals, never millions.
 */

/** Version of the sidecar layout. */
export const reviewStateVersion = 1

/** Most heard intervals a sidecar holds (a 6-hour recording heard in 1-second scraps is 21,600). */
export const maxHeardIntervals = 50_000

/** Latest time a heard interval may reach: 100 hours, the longest recording the app models. */
export const maxCoverageMs = 100 * 3600 * 1000

const ms = z.number().int().min(0).max(maxCoverageMs)

/** One heard interval as stored: [startMs, endMs). */
export const heardIntervalSchema = z.tuple([ms, ms]).refine(([s, e]) => e > s, 'an interval ends after it starts')

/** What the renderer sends to save and gets back on load. */
export const reviewStateBodySchema = z
  .object({
    /** Heard stretches of the recording (played at up to `maxRate`). */
    heard: z.array(heardIntervalSchema).max(maxHeardIntervals),
    /** The highest rate that counted as hearing when these were recorded. */
    maxRate: z.number().min(0.5).max(2),
    /** Active time spent reviewing, ms (active-time.ts says how it is counted). */
    activeMs: z.number().int().min(0).max(10 * 365 * 24 * 3600 * 1000),
    /** The recording's length as the renderer knew it, for percentages without the media (0: unknown). */
    durationMs: ms
  })
  .strict()

/** The sidecar file: the body with its version, task and save time. */
export const reviewStateFileSchema = reviewStateBodySchema
  .extend({ version: z.literal(reviewStateVersion), taskId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), savedAt: z.number().int().min(0) })
  .strict()

/** The review state as the renderer holds it. */
export type ReviewStateBody = z.infer<typeof reviewStateBodySchema>
/** The sidecar file as stored. */
export type ReviewStateFile = z.infer<typeof reviewStateFileSchema>

/** A parsed sidecar, or why the text is not one (for the "moved aside" notice). */
export function parseReviewState(text: string, taskId: string): { ok: true; value: ReviewStateFile } | { ok: false; reason: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'not JSON' }
  }
  const parsed = reviewStateFileSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, reason: `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}` }
  }
  if (parsed.data.taskId !== taskId) return { ok: false, reason: 'belongs to another task' }
  // Stored sets are sorted and merged on the way in, whoever wrote the file.
  return { ok: true, value: { ...parsed.data, heard: normaliseCoverage(parsed.data.heard) as Array<[number, number]> } }
}

/** The heard set of a state (sorted and merged). */
export function coverageOf(state: Pick<ReviewStateBody, 'heard'>): Coverage {
  return normaliseCoverage(state.heard)
}
