import { z } from 'zod'
import { nullableNumber, nullableString, taskCheckoutFields, taskIdentityFields, taskIntegrationFields, taskMetadataField } from './task-fields'

/*
 * The document export as the vendor documents it (docs/api.md#the-document-export).
 *
 * Same policy as the transcript schema: loose objects keep unknown keys (so a JSON export gives
 * back what the server sent), nulls and missing fields are tolerated everywhere the app can cope,
 * ids are strict. The app only reads ids, names, pages, key-values and tables; everything else is
 * optional so that a server that omits a field does not make a task unopenable.
 */

const nullableBoolean = z.boolean().nullable().optional()

/** A bounding box; the unit is not documented (pixels, inches or normalised). */
export const boxSchema = z.looseObject({
  height: nullableNumber,
  width: nullableNumber,
  left: nullableNumber,
  bottom: nullableNumber,
  x: nullableNumber,
  y: nullableNumber,
  right: nullableNumber,
  top: nullableNumber
})

const pointSchema = z.looseObject({ x: z.number(), y: z.number() })
const spanSchema = z.looseObject({ offset: nullableNumber, length: nullableNumber })

/** The location fields shared by key-values, cells, tables, QR codes and template fields. */
const located = {
  boundingBox: boxSchema.nullable().optional(),
  points: z.array(pointSchema).nullable().optional(),
  confidence: nullableNumber,
  spans: z.array(spanSchema).nullable().optional()
}

/** One extracted key-value (a field of the document). */
export const keyValueSchema = z.looseObject({
  ...located,
  pageNumber: nullableNumber,
  category: nullableString,
  categoryNormalized: nullableString,
  content: nullableString,
  contentNormalized: nullableString,
  childTemporaryId: nullableString
})

/** One table cell. */
export const cellSchema = z.looseObject({
  ...located,
  rowIndex: z.number().int(),
  columnIndex: z.number().int(),
  content: nullableString,
  contentNormalized: nullableString,
  pageNumber: nullableNumber
})

/** A header cell: a cell with the column's category. */
export const headerCellSchema = cellSchema.extend({
  category: nullableString,
  categoryNormalized: nullableString
})

/** A detected table; rows are keyed by a row label (the vendor's example keys are placeholders). */
export const tableSchema = z.looseObject({
  ...located,
  rowCount: nullableNumber,
  columnCount: nullableNumber,
  tableHeaders: z.array(headerCellSchema).nullable().optional(),
  tableRows: z.record(z.string(), z.array(cellSchema).nullable()).nullable().optional(),
  boundsAndPoints: z.array(z.looseObject({
    pageNumber: nullableNumber,
    boundingBox: boxSchema.nullable().optional(),
    points: z.array(pointSchema).nullable().optional()
  })).nullable().optional(),
  tableRowsTableContent: z.record(z.string(), z.string().nullable()).nullable().optional(),
  hasAlternativeHeaders: nullableBoolean
})

/** A QR code with the key-values decoded from it. */
export const qrCodeSchema = z.looseObject({
  ...located,
  keyValues: z.array(keyValueSchema).nullable().optional(),
  qrCodeContent: nullableString,
  invalidKeysCount: nullableNumber,
  duplicatedKeys: z.array(z.string()).nullable().optional()
})

/** A field defined with the template builder; may carry its own key-values and table. */
export const templateBuilderFieldSchema = z.looseObject({
  ...located,
  fieldUniqueId: nullableString,
  type: nullableString,
  keyValues: z.array(keyValueSchema).nullable().optional(),
  table: z.looseObject({
    rowCount: nullableNumber,
    columnCount: nullableNumber,
    tableHeaders: z.array(headerCellSchema.extend({
      uniqueId: nullableString,
      fieldType: nullableNumber,
      isRequired: nullableBoolean
    })).nullable().optional(),
    tableRows: z.record(z.string(), z.array(cellSchema.extend({
      uniqueId: nullableString,
      headerId: nullableString
    })).nullable()).nullable().optional()
  }).nullable().optional()
})

/** One extracted entity: a group of key-values, a table, a QR code or a template field. */
export const entitySchema = z.looseObject({
  type: nullableString,
  category: nullableString,
  groupName: nullableString,
  pageNumber: nullableNumber,
  chunkNumber: nullableNumber,
  // docs/api.md#the-document-export: JSON text in the export (an object on create). A server that
  // sends the object itself is read too; this is the one place that choice is made.
  customFormValues: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullable().optional(),
  qrCode: qrCodeSchema.nullable().optional(),
  table: tableSchema.nullable().optional(),
  templateBuilderField: templateBuilderFieldSchema.nullable().optional(),
  keyValues: z.array(keyValueSchema).nullable().optional(),
  addedOn: nullableString,
  addedBy: nullableNumber,
  addedByExternal: nullableString,
  editedOn: nullableString,
  viewerEditedOn: nullableString,
  editedBy: nullableNumber,
  editedByExternal: nullableString,
  integratedOn: nullableString,
  integratedBy: nullableNumber,
  integratedByExternal: nullableString,
  integrationFailedReason: nullableString,
  integrationFailedReasonDetailed: nullableString,
  markedAsSolved: nullableBoolean,
  notDetected: nullableBoolean,
  contentUnderstandingDetected: nullableBoolean,
  confidence: nullableNumber
})

/** One processing chunk of the document. */
export const chunkSchema = z.looseObject({
  entities: z.array(entitySchema).nullable().optional(),
  version: nullableString,
  retrievedOn: nullableString,
  lastModifiedBy: nullableNumber,
  lastModifiedByExternal: nullableString,
  lastModifiedOn: nullableString,
  averageConfidence: nullableNumber
})

/** `GET /api/v1.0/external/sdtask/GetExportData/{taskId}` response body. */
export const documentExportSchema = z.looseObject({
  taskId: z.number().int(),
  ...taskIdentityFields,
  totalPages: nullableNumber,
  ...taskCheckoutFields,
  chunks: z.array(chunkSchema).nullable().optional(),
  ...taskIntegrationFields,
  averageConfidence: nullableNumber,
  ...taskMetadataField
})

export type ApiBox = z.infer<typeof boxSchema>
export type ApiKeyValue = z.infer<typeof keyValueSchema>
export type ApiCell = z.infer<typeof cellSchema>
export type ApiHeaderCell = z.infer<typeof headerCellSchema>
export type ApiTable = z.infer<typeof tableSchema>
export type ApiQrCode = z.infer<typeof qrCodeSchema>
export type ApiTemplateBuilderField = z.infer<typeof templateBuilderFieldSchema>
export type ApiEntity = z.infer<typeof entitySchema>
export type ApiChunk = z.infer<typeof chunkSchema>
export type DocumentExport = z.infer<typeof documentExportSchema>
