import { z } from 'zod'
import { nullableNumber, nullableString, taskCheckoutFields, taskIdentityFields, taskIntegrationFields, taskMetadataField } from './task-fields'

/*
 * The transcript export as the vendor documents it (docs/api.md#the-transcript-export).
 *
 * Tolerant where the app can cope (nulls, missing optional fields, extra fields are kept so a
 * round trip gives back the same JSON), strict where it cannot (ids, times, texts the editor
 * uses). `z.looseObject` keeps unknown keys: exporting an unedited task must be field-for-field
 * equal to what the server sent.
 */

const nullableFinite = z.number().finite().nullable().optional()

/**
 * One recognised word; times are in seconds by the field names. A word with no offset (null or
 * missing) keeps its text and gets an estimated time in normalise.ts; a null text reads as ''.
 */
export const wordSchema = z.looseObject({
  text: z.string().nullable(),
  offsetInSeconds: z.number().finite().nullable().optional(),
  durationInSeconds: z.number().finite().nullable().optional(),
  confidence: nullableNumber
})

/** True for a value that passes `wordSchema` (checked by hand: see `wordListSchema`). */
function isValidWord(word: unknown): boolean {
  if (word === null || typeof word !== 'object' || Array.isArray(word)) return false
  const w = word as Record<string, unknown>
  const text = w['text']
  if (text !== null && typeof text !== 'string') return false
  return isOptionalFinite(w['offsetInSeconds']) && isOptionalFinite(w['durationInSeconds']) && isOptionalFinite(w['confidence'])
}

/** Null, undefined or a finite number (zod 4's number is finite: `confidence` too). */
function isOptionalFinite(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && Number.isFinite(value))
}

const checkedWordList = z.array(wordSchema)

/**
 * A list of words, validated in place. Words are most of an export (a 50 MB one holds about a
 * million), and `z.array(wordSchema)` copies every word into a new object (a loose object writes
 * a fresh output): a second full copy of the export at once, and the garbage that made opening
 * it slow. The hand check accepts only what the schema accepts and gives back the array itself;
 * anything it doubts goes through the schema, whose issues (message and path) are reported as
 * they always were.
 */
const wordListSchema = z.custom<ApiWord[]>().check((ctx) => {
  const value = ctx.value
  if (Array.isArray(value) && value.every(isValidWord)) return
  const result = checkedWordList.safeParse(value)
  // Finished issues (message set, path below the list) pass on as they are; the raw-issue type
  // only differs in wanting `input`, which a finished issue has dropped.
  if (!result.success) ctx.issues.push(...(result.error.issues as typeof ctx.issues))
})

/**
 * One paragraph / speaker turn. `start`/`end` carry no documented unit (see units.ts); when null
 * or missing normalise.ts derives them from the words, else from the neighbours.
 */
export const transcriptSegmentSchema = z.looseObject({
  speakerId: z.string().nullable().optional(),
  start: nullableFinite,
  end: nullableFinite,
  duration: nullableNumber,
  confidence: nullableNumber,
  displayText: z.string().nullable().optional(),
  displayWords: wordListSchema.nullable().optional(),
  originalWords: wordListSchema.nullable().optional()
})

/**
 * A speaker entry; prefix and suffix decorate the name in exports. An entry without a speakerId
 * can be referenced by no segment: normalise.ts leaves it out of the model (with a notice) and
 * to-export.ts writes it back verbatim.
 */
export const speakerSchema = z.looseObject({
  speakerId: z.string().nullable().optional(),
  speakerName: z.string().nullable().optional(),
  speakerPrefix: nullableString,
  speakerSuffix: nullableString
})

/** A time-ranged note a reviewer or the platform attached to the recording (null times: see normalise.ts). */
export const annotationSchema = z.looseObject({
  uniqueId: z.string().nullable().optional(),
  content: z.string().nullable().optional(),
  start: nullableFinite,
  end: nullableFinite,
  createdByUserName: nullableString,
  createdBy: nullableNumber,
  createdOn: nullableString,
  modifiedByUserName: nullableString,
  modifiedBy: nullableNumber,
  modifiedOn: nullableString
})

/** The documented `transcript` object. */
export const transcriptBodySchema = z.looseObject({
  transcripts: z.array(transcriptSegmentSchema).nullable().optional(),
  speakers: z.array(speakerSchema).nullable().optional(),
  annotations: z.array(annotationSchema).nullable().optional()
})

/**
 * `GET /api/v1.0/external/sdtask/GetExportData/Transcript/{taskId}` response body.
 *
 * `transcript` is taken in three shapes besides the documented object (see `transcriptShape`):
 * null or missing (a task not transcribed yet) and a bare array of segments (a "flat" export).
 */
export const transcriptExportSchema = z.looseObject({
  // Stays a strict integer: it keys drafts and the send-back, the API route takes an integer, and
  // a string here ("41003") more likely means the wrong endpoint or a proxy than a shape to
  // read; coercing it would hide that (and a JSON export could not give the string back).
  taskId: z.number().int(),
  ...taskIdentityFields,
  totalTimeInSeconds: nullableNumber,
  ...taskCheckoutFields,
  ...taskIntegrationFields,
  transcript: z.union([transcriptBodySchema, z.array(transcriptSegmentSchema)]).nullable().optional(),
  ...taskMetadataField
})

export type ApiWord = z.infer<typeof wordSchema>
export type ApiTranscriptSegment = z.infer<typeof transcriptSegmentSchema>
export type ApiSpeaker = z.infer<typeof speakerSchema>
export type ApiAnnotation = z.infer<typeof annotationSchema>
export type ApiTranscriptBody = z.infer<typeof transcriptBodySchema>
export type TranscriptExport = z.infer<typeof transcriptExportSchema>
/** An export whose `transcript` is the documented object (what our own fixtures and fake produce). */
export type DocumentedTranscriptExport = TranscriptExport & { transcript: ApiTranscriptBody }

/** How an export's `transcript` field was given. */
export type TranscriptShape = 'object' | 'flat' | 'null' | 'missing'

/** The shape of `exp.transcript` (see `transcriptBody`). */
export function transcriptShape(exp: Pick<TranscriptExport, 'transcript'>): TranscriptShape {
  const t = exp.transcript
  if (t === undefined) return 'missing'
  if (t === null) return 'null'
  return Array.isArray(t) ? 'flat' : 'object'
}

/**
 * The export's transcript as the documented object, whatever shape it came in; the one place
 * that reads `exp.transcript`. Decision on the flat shape: a bare array of segments is accepted
 * as `transcripts` with no speakers or annotations. It cannot be mistaken for anything else (an
 * array where the object goes, each element a segment by schema), refusing it would hide a whole
 * transcript from the reviewer, and normalise.ts says so in a notice; to-export.ts gives the
 * array back as it was while nothing is edited. Null or missing reads as an empty transcript.
 */
export function transcriptBody(exp: Pick<TranscriptExport, 'transcript'>): ApiTranscriptBody {
  const t = exp.transcript
  if (t === undefined || t === null) return {}
  return Array.isArray(t) ? { transcripts: t } : t
}
