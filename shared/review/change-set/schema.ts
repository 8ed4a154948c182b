import { z } from 'zod'

/*
 * The change set's JSON shape, versioned (docs/change-set.md). The schema is the type: the app
 * and `sdte diff` write what it describes, and a reader checks a file with `parseChangeSet`.
 * Version 1; a change that breaks readers raises `changeSetVersion`.
 */

/** The `schema` field's value: names the kind of file. */
export const changeSetSchemaName = 'sdte.change-set'
/** The schema version this code writes. */
export const changeSetVersion = 1

const ms = z.number().int().min(0)
const nullableMs = ms.nullable()

/** Word error figures: (S + D + I) / N with N the reference (reviewed) words. */
export const werSchema = z
  .object({
    substitutions: z.number().int().min(0),
    deletions: z.number().int().min(0),
    insertions: z.number().int().min(0),
    /** N: words in the reviewed transcript (the reference). */
    referenceWords: z.number().int().min(0),
    /** Words the recogniser produced (the hypothesis). */
    recognisedWords: z.number().int().min(0),
    /** S + D + I / N; null when N is 0. */
    wer: z.number().min(0).nullable()
  })
  .strict()

/** One word-level difference, named from the recogniser's side (as WER counts it). */
export const wordChangeSchema = z
  .object({
    /** substitution: a different word; deletion: the recogniser missed a reviewed word; insertion: the recogniser's word is not in the reviewed text. */
    kind: z.enum(['substitution', 'deletion', 'insertion']),
    startMs: nullableMs,
    endMs: nullableMs,
    speakerId: z.string(),
    segmentId: z.string(),
    /** The recogniser's word as written (null for a deletion). */
    recognised: z.string().nullable(),
    /** The reviewed word as written (null for an insertion). */
    reviewed: z.string().nullable()
  })
  .strict()

/** Words now under a different speaker than when the task was loaded. */
export const speakerReassignmentSchema = z
  .object({
    segmentId: z.string(),
    startMs: ms,
    endMs: ms,
    fromSpeakerId: z.string(),
    toSpeakerId: z.string(),
    words: z.number().int().min(0),
    text: z.string()
  })
  .strict()

/** A segment whose start or end moved by more than the tolerance. */
export const retimedSegmentSchema = z
  .object({
    segmentId: z.string(),
    speakerId: z.string(),
    before: z.object({ startMs: ms, endMs: ms }).strict(),
    after: z.object({ startMs: ms, endMs: ms }).strict()
  })
  .strict()

const annotationState = z.object({ content: z.string(), startMs: ms, endMs: ms }).strict()

/** An annotation added, changed or removed since the task was loaded. */
export const annotationChangeSchema = z
  .object({
    change: z.enum(['added', 'changed', 'removed']),
    annotationId: z.string(),
    before: annotationState.nullable(),
    after: annotationState.nullable()
  })
  .strict()

/** The whole change set. */
export const changeSetSchema = z
  .object({
    schema: z.literal(changeSetSchemaName),
    version: z.literal(changeSetVersion),
    taskId: z.number().int(),
    displayName: z.string().nullable(),
    /** ISO-8601 time it was made (from the caller's clock), null when not given. */
    createdAt: z.string().nullable(),
    /** Which side WER is measured against: the reviewed transcript. */
    reference: z.literal('reviewed'),
    /** How words are compared (docs/change-set.md). */
    normalisation: z.string(),
    /** False when the export carried no recogniser words at all: word changes and WER are then empty / null. */
    recogniserWords: z.boolean(),
    retimeToleranceMs: ms,
    speakers: z.array(z.object({ speakerId: z.string(), name: z.string() }).strict()),
    wer: z.object({ overall: werSchema, bySpeaker: z.array(werSchema.extend({ speakerId: z.string() }).strict()) }).strict(),
    words: z.array(wordChangeSchema),
    speakerReassignments: z.array(speakerReassignmentSchema),
    retimedSegments: z.array(retimedSegmentSchema),
    annotations: z.array(annotationChangeSchema),
    review: z
      .object({
        durationMs: ms,
        /** Audio heard, when coverage is tracked; else null ("not tracked"). */
        heardMs: nullableMs,
        heardPercent: z.number().min(0).max(100).nullable(),
        /** Time spent reviewing, when tracked; else null. */
        timeSpentMs: nullableMs,
        /** The reason given for finishing with open items, else null. */
        finishReason: z.string().nullable()
      })
      .strict()
  })
  .strict()

/** A change set (version 1). */
export type ChangeSet = z.infer<typeof changeSetSchema>
/** Word error figures. */
export type WerFigures = z.infer<typeof werSchema>
/** One word-level difference. */
export type WordDifference = z.infer<typeof wordChangeSchema>

/** Reads a change set from parsed JSON; throws an Error naming the first problem. */
export function parseChangeSet(data: unknown): ChangeSet {
  const result = changeSetSchema.safeParse(data)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw new Error(`Not a version-${changeSetVersion} change set: ${issue.path.join('.') || '(top)'}: ${issue.message}`)
}
