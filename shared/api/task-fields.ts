import { z } from 'zod'

/*
 * The task fields both exports share (shared/api/export-data.md lists them for each). Kept in
 * groups, not one object, so each schema spreads them in the vendor's order: a loose object
 * writes its keys in shape order, and a JSON export should read like what the server sent.
 */

/** A string field the server may send as null or leave out. */
export const nullableString = z.string().nullable().optional()

/** A number field the server may send as null or leave out. */
export const nullableNumber = z.number().nullable().optional()

/** The fields after `taskId`: where the file is and what the task is called. */
export const taskIdentityFields = {
  originalFileUrl: nullableString,
  workspaceId: nullableNumber,
  batchId: nullableNumber,
  taskNumber: nullableNumber,
  externalId: nullableString,
  displayName: nullableString,
  description: nullableString
}

/** Who has the task checked out, and until when. */
export const taskCheckoutFields = {
  lastCheckoutByUserName: nullableString,
  lastCheckedOutBy: nullableNumber,
  lastCheckedOutUntil: nullableString
}

/** Who integrated the task last, and when. */
export const taskIntegrationFields = {
  lastIntegratedBy: nullableNumber,
  lastIntegratedByUserName: nullableString,
  lastIntegratedOn: nullableString
}

/** Free-form task metadata. */
export const taskMetadataField = { metadata: z.record(z.string(), z.unknown()).nullable().optional() }
