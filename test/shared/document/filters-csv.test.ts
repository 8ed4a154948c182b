import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { documentExportSchema } from '../../../shared/api/document-export'
import { flattenDocument } from '../../../shared/document/flatten'
import { categoriesOf, emptyFilter, entityMatches, filterGridRows, filterKeyValues, fold, isLowConfidence } from '../../../shared/document/filters'
import { csvField, documentRecords, documentToCsv, gridRecords, toCsv, toTsv, utf8Bom } from '../../../shared/document/csv'
import { documentTask } from '../../fake-api/seeds'
import { parseCsv } from '../../fixtures/documents/parse-csv'

const doc = flattenDocument(documentExportSchema.parse(documentTask().body))
const allKvs = (filter: typeof emptyFilter) => doc.entities.flatMap((e) => filterKeyValues(e, filter)).map((k) => k.category)

describe('filters', () => {
  it('low confidence keeps only values under the threshold; high the rest', () => {
    expect(allKvs({ ...emptyFilter, confidence: 'low' })).toEqual(['Approval date'])
    expect(allKvs({ ...emptyFilter, confidence: 'low', lowThreshold: 0.9 })).toEqual(['Due date', 'Approved by', 'Approval date'])
    expect(allKvs({ ...emptyFilter, confidence: 'high' })).toHaveLength(doc.keyValues.length - 1)
    expect(isLowConfidence(null)).toBe(false)
  })
  it('text matches content, normalised content and category, ignoring case and accents', () => {
    expect(allKvs({ ...emptyFilter, text: 'pt509' })).toEqual(['VAT number'])
    expect(allKvs({ ...emptyFilter, text: 'DUE' })).toEqual(['Due date'])
    expect(fold('Descrição Ç')).toBe('descricao c')
  })
  it('category keeps one category; entities without a match drop out', () => {
    expect(allKvs({ ...emptyFilter, category: 'Total' })).toEqual(['Total'])
    const shown = doc.entities.filter((e) => entityMatches(e, { ...emptyFilter, category: 'Total' })).map((e) => e.groupName)
    expect(shown).toEqual(['Totals'])
    expect(doc.entities.filter((e) => entityMatches(e, emptyFilter))).toHaveLength(doc.entities.length)
    expect(categoriesOf(doc.entities)).toContain('Line items')
  })
  it('grid rows filter by text in any cell', () => {
    const grid = doc.entities[1]!.grid!
    expect(filterGridRows(grid, { ...emptyFilter, text: 'speaker' }).map((r) => r.cells[0]?.content)).toEqual(['Speaker identification'])
    expect(filterGridRows(grid, emptyFilter)).toBe(grid.rows)
    expect(doc.entities.filter((e) => entityMatches(e, { ...emptyFilter, text: 'subtitle' })).map((e) => e.groupName)).toEqual(['Lines'])
  })
})

describe('CSV and TSV', () => {
  it('quotes only what RFC 4180 requires, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\r')).toBe('"cr\r"')
    expect(toCsv([['a', 'b'], ['1', '2']])).toBe('a,b\r\n1,2\r\n')
    expect(toCsv([['á']], { bom: true })).toBe(`${utf8Bom}á\r\n`)
    expect(toCsv([])).toBe('')
  })
  it('round-trips any records through a real RFC 4180 parse', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r', ' ', 'Ç', '\t', '€') })
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (records) => {
        expect(parseCsv(toCsv(records, { bom: true }))).toEqual(records)
      }),
      { numRuns: 300 }
    )
  })
  it('the document CSV starts with a BOM and parses back to the same cells', () => {
    const csv = documentToCsv(doc)
    expect(csv.startsWith(utf8Bom)).toBe(true)
    const parsed = parseCsv(csv)
    expect(parsed).toEqual(documentRecords(doc))
    const cell = parsed.find((r) => r[0] === 'table' && r[4] === '2' && r[5] === '1')
    expect(cell?.[7]).toBe('Speaker identification')
    expect(cell?.[6]).toBe('Description')
    expect(parsed.filter((r) => r[0] === 'qr-code')).toHaveLength(3)
  })
  it('TSV for the clipboard: a grid with its header, tabs and newlines flattened', () => {
    const grid = doc.entities[1]!.grid!
    const tsv = toTsv(gridRecords(grid))
    expect(tsv.split('\n')[0]).toBe('Description\tQuantity\tUnit price\tAmount')
    expect(tsv.split('\n')).toHaveLength(4)
    expect(toTsv([['a\tb', 'c\nd']])).toBe('a b\tc d')
  })
})
