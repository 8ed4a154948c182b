import { z } from 'zod'

/*
 * The transcript export as the vendor documents it (shared/api/export-data.md, authoritative).
 *
 * Tolerant where the app can cope (nulls, missing optional fields, extra fields are kept so a
 * round trip gives back the same JSON), strict where it cannot (ids, times, texts the editor
 * uses). `z.looseObject` keeps unknown keys: exporting an unedited task must be field-for-field
 * equal to what the server sent.
 */

const nullableString = z.string().nullable().optional()
const nullableNumber = z.number().nullable().optional()

/** One recognised word; times are in seconds by the field names. */
export const wordSchema = z.looseObject({
  text: z.string(),
  offsetInSeconds: z.number().finite(),
  durationInSeconds: z.number().finite().nullable().optional(),
  confidence: nullableNumber
})

/** One paragraph / speaker turn. `start`/`end` carry no documented unit (see units.ts). */
export const transcriptSegmentSchema = z.looseObject({
  speakerId: z.string().nullable().optional(),
  start: z.number().finite(),
  end: z.number().finite(),
  duration: nullableNumber,
  confidence: nullableNumber,
  displayText: z.string().nullable().optional(),
  displayWords: z.array(wordSchema).nullable().optional(),
  originalWords: z.array(wordSchema).nullable().optional()
})

/** A speaker entry; prefix and suffix decorate the name in exports. */
export const speakerSchema = z.looseObject({
  speakerId: z.string(),
  speakerName: z.string().nullable().optional(),
  speakerPrefix: nullableString,
  speakerSuffix: nullableString
})

/** A time-ranged note a reviewer or the platform attached to the recording. */
export const annotationSchema = z.looseObject({
  uniqueId: z.string().nullable().optional(),
  content: z.string().nullable().optional(),
  start: z.number().finite(),
  end: z.number().finite(),
  createdByUserName: nullableString,
  createdBy: nullableNumber,
  createdOn: nullableString,
  modifiedByUserName: nullableString,
  modifiedBy: nullableNumber,
  modifiedOn: nullableString
})

/** `GET /api/v1.0/external/sdtask/GetExportData/Transcript/{taskId}` response body. */
export const transcriptExportSchema = z.looseObject({
  taskId: z.number().int(),
  originalFileUrl: nullableString,
  workspaceId: nullableNumber,
  batchId: nullableNumber,
  taskNumber: nullableNumber,
  externalId: nullableString,
  displayName: nullableString,
  description: nullableString,
  totalTimeInSeconds: nullableNumber,
  lastCheckoutByUserName: nullableString,
  lastCheckedOutBy: nullableNumber,
  lastCheckedOutUntil: nullableString,
  lastIntegratedBy: nullableNumber,
  lastIntegratedByUserName: nullableString,
  lastIntegratedOn: nullableString,
  transcript: z.looseObject({
    transcripts: z.array(transcriptSegmentSchema).nullable().optional(),
    speakers: z.array(speakerSchema).nullable().optional(),
    annotations: z.array(annotationSchema).nullable().optional()
  }),
  metadata: z.record(z.string(), z.unknown()).nullable().optional()
})

export type ApiWord = z.infer<typeof wordSchema>
export type ApiTranscriptSegment = z.infer<typeof transcriptSegmentSchema>
export type ApiSpeaker = z.infer<typeof speakerSchema>
export type ApiAnnotation = z.infer<typeof annotationSchema>
export type TranscriptExport = z.infer<typeof transcriptExportSchema>
