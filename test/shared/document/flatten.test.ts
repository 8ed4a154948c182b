import { describe, expect, it } from 'vitest'
import { documentExportSchema } from '../../../shared/api/document-export'
import type { DocumentExport } from '../../../shared/api/document-export'
import { noticeText } from '../../../shared/i18n/notices'
import { detectDocumentConfidenceScale, entityKind, flattenDocument, groupEntities } from '../../../shared/document/flatten'
import { documentTask } from '../../fake-api/seeds'

const seed = (): DocumentExport => documentExportSchema.parse(documentTask().body)

describe('flattenDocument on the seed invoice', () => {
  const doc = flattenDocument(seed())
  it('keeps every entity, with its kind, and every key-value including QR and template ones', () => {
    expect(doc.entities.map((e) => e.kind)).toEqual(['keyValues', 'table', 'keyValues', 'qrCode', 'templateBuilderField'])
    expect(doc.keyValues).toHaveLength(5 + 3 + 3 + 2)
    expect(doc.keyValues.filter((k) => k.source === 'qrCode').map((k) => k.category)).toEqual(['IBAN', 'Amount', 'Reference'])
    expect(doc.totalPages).toBe(2)
    expect(doc.warnings).toEqual([])
  })
  it('builds grids from headers and rows, in row-index order', () => {
    const table = doc.entities[1]!.grid!
    expect(table.headers.map((h) => h.text)).toEqual(['Description', 'Quantity', 'Unit price', 'Amount'])
    expect(table.rows.map((r) => r.cells[3]?.content)).toEqual(['144.00', '30.00', '30.00'])
    const template = doc.entities[4]!.grid!
    expect(template.source).toBe('templateBuilderField')
    expect(template.headers.map((h) => [h.text, h.required])).toEqual([['Signer', true], ['Role', false]])
    expect(template.rows[0]!.cells.map((c) => c?.content)).toEqual(['M. Costa', 'Finance'])
  })
  it('records history, QR details, custom form values, facts and metadata', () => {
    const header = doc.entities[0]!
    expect(header.history.events.map((e) => [e.what, e.by])).toEqual([['added', 'system'], ['edited', 'anna.reviewer@example.org'], ['integrated', 'anna.reviewer@example.org']])
    expect(header.history.integrationFailure).toBeNull()
    expect(header.customFormValues).toEqual({ costCentre: 'CC-114', approved: true })
    expect(doc.entities[3]!.qrCode).toEqual({ content: expect.stringContaining('IBAN:') as string, invalidKeysCount: 1, duplicatedKeys: [] })
    expect(doc.facts).toContainEqual(['externalId', 'INV-2026-0042'])
    expect(doc.metadata).toContainEqual(['costCentre', 'CC-114'])
  })
  it('gives regions for the table (per page), the QR code and each key-value', () => {
    expect(doc.entities[1]!.regions).toEqual([{ page: 1, rect: { left: 0.6, top: 4.1, width: 7.2, height: 1.2 }, points: expect.any(Array) as unknown }])
    expect(doc.keyValues[0]!.region.rect).toEqual({ left: 0.6, top: 0.7, width: 2.8, height: 0.3 })
  })
  it('groups by group name then category', () => {
    const groups = groupEntities(doc.entities)
    expect(groups.map((g) => g.groupName)).toEqual(['Invoice header', 'Lines', 'Totals', 'Payment QR', 'Approval stamp'])
    expect(groups[0]!.categories[0]!.category).toBe('Header')
  })
})

describe('malformed and partial exports', () => {
  it('a bare export with no chunks flattens to nothing', () => {
    const doc = flattenDocument(documentExportSchema.parse({ taskId: 5 }))
    expect(doc.entities).toEqual([])
    expect(doc.displayName).toBe('') // the pane names it ("Document 5", "Documento 5")
    expect(doc.totalPages).toBe(0)
  })
  it('missing tables, null boxes, unknown types and null lists render what they can', () => {
    const exp = documentExportSchema.parse({
      taskId: 6,
      chunks: [
        { entities: null },
        {
          entities: [
            { type: 'table', groupName: 'Broken table', table: null },
            { type: 'signature', groupName: 'Odd', keyValues: [{ category: 'Signed', content: 'yes', boundingBox: null, points: null, confidence: null }] },
            { type: null, keyValues: null, qrCode: { qrCodeContent: null, keyValues: null, boundingBox: { left: 1 } } },
            {
              type: 'table',
              table: { tableHeaders: null, tableRows: { a: null, b: [{ rowIndex: 2, columnIndex: 3, content: 'x', boundingBox: { left: null } }] } }
            }
          ]
        }
      ]
    })
    const doc = flattenDocument(exp)
    expect(doc.entities.map((e) => e.kind)).toEqual(['table', 'unknown', 'qrCode', 'table'])
    expect(doc.entities[0]!.grid).toBeNull()
    expect(doc.warnings.map((w) => noticeText(w)).join('\n')).toMatch(/Broken table.*no table data/)
    expect(doc.warnings.map((w) => noticeText(w)).join('\n')).toMatch(/unknown type "signature"/)
    expect(doc.warnings.map((w) => w.code).sort()).toEqual(['document.table-without-data', 'document.unknown-type'])
    expect(doc.entities[1]!.keyValues[0]).toMatchObject({ content: 'yes', confidence: null, region: { rect: null, points: [] } })
    expect(doc.entities[2]!.regions).toEqual([{ page: null, rect: null, points: [] }])
    const grid = doc.entities[3]!.grid!
    expect(grid.columnCount).toBe(4)
    expect(grid.headers.map((h) => h.text)).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4'])
    expect(grid.rows.map((r) => r.cells.map((c) => c?.content ?? null))).toEqual([[null, null, null, 'x'], [null, null, null, null]])
  })
  it('confidences out of 100 are divided, once per document', () => {
    const exp = documentExportSchema.parse({ taskId: 7, chunks: [{ entities: [{ type: 'keyValues', confidence: 88, keyValues: [{ content: 'a', confidence: 45.5 }] }] }] })
    expect(detectDocumentConfidenceScale(exp)).toBe(100)
    const doc = flattenDocument(exp)
    expect(doc.entities[0]!.confidence).toBe(0.88)
    expect(doc.keyValues[0]!.confidence).toBe(0.455)
  })
  it('entity kinds from type spelling or, without one, from content', () => {
    expect(entityKind({ type: 'QrCode' })).toBe('qrCode')
    expect(entityKind({ type: 'key_values' })).toBe('keyValues')
    expect(entityKind({ table: { } })).toBe('table')
    expect(entityKind({})).toBe('unknown')
  })
})
