import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { documentExportSchema } from '../../../shared/api/document-export'
import { flattenDocument } from '../../../shared/document/flatten'
import { categoriesOf, emptyFilter, entityMatches, filterGridRows, filterKeyValues, fold, isLowConfidence, searchKeyOf } from '../../../shared/document/filters'
import { csvField, documentRecords, documentToCsv, gridRecords, neutraliseCell, toCsv, toTsv, utf8Bom } from '../../../shared/document/csv'
import { documentTask } from '../../fake-api/seeds'
import { parseCsv } from '../../fixtures/documents/parse-csv'
import { parse as csvParse } from 'csv-parse/sync'

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
        // Formula-injection guard: by default formula cells are guarded; raw gives back the records
        // exactly.
        expect(parseCsv(toCsv(records, { bom: true, raw: true }))).toEqual(records)
        expect(parseCsv(toCsv(records, { bom: true }))).toEqual(records.map((r) => r.map(neutraliseCell)))
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
  // csv-parse is what a downstream script would read the file with: strict quoting, the BOM
  // stripped, every record the same width. Independent of our writer and of the test parser above.
  it('csv-parse (strict, as a consumer would read it) gives back the same records, for the document and for any cells', () => {
    const strict = (text: string): string[][] => csvParse(text, { bom: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false })
    expect(strict(documentToCsv(doc))).toEqual(documentRecords(doc))
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r', ' ', 'Ç', '\t', '€', '=', '\u{1F600}') })
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (records) => {
        // A record of one empty field is an empty line, which no CSV reader can tell from nothing.
        fc.pre(records.every((r) => r.some((f) => f !== '')))
        expect(strict(toCsv(records, { bom: true, raw: true }))).toEqual(records)
        expect(strict(toCsv(records, { bom: true }))).toEqual(records.map((r) => r.map(neutraliseCell)))
      }),
      { numRuns: 300 }
    )
  })
  it('TSV for the clipboard: a grid with its header, tabs and newlines flattened', () => {
    const grid = doc.entities[1]!.grid!
    const tsv = toTsv(gridRecords(grid))
    expect(tsv.split('\n')[0]).toBe('Description\tQuantity\tUnit price\tAmount')
    expect(tsv.split('\n')).toHaveLength(4)
    expect(toTsv([['a\tb', 'c\nd']])).toBe('a b\tc d')
  })
})

describe('search key (the text filter shortcut)', () => {
  // The shortcut must never hide an entity the full test would show: for any text, whenever the
  // search key lacks it, entityMatches says no even without the shortcut (checked by the parts).
  const texts = fc.oneof(
    fc.constantFrom('speaker', 'SPEAKER IDENT', 'descricao', 'Descrição', 'iban', 'pt50', '250.92', 'Lines', 'amount', '30.00', 'approval', 'zzz', ''),
    fc.string({ maxLength: 4 })
  )
  it('a query found in any key-value, cell, header, group, category or QR content is in the key', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom<'all' | 'low' | 'high'>('all', 'low', 'high'), (text, confidence) => {
        const filter = { ...emptyFilter, text, confidence }
        const q = fold(text.trim())
        for (const e of doc.entities) {
          const parts = [e.groupName, e.category, e.qrCode?.content ?? '', ...e.keyValues.flatMap((k) => [k.category, k.content, k.contentNormalized]),
            ...(e.grid ? [...e.grid.headers.map((h) => h.text), ...e.grid.rows.flatMap((r) => r.cells.flatMap((c) => (c ? [c.content, c.contentNormalized] : [])))] : [])]
          const anyPart = !q || parts.some((p) => fold(p).includes(q))
          expect(searchKeyOf(e).includes(q) || !anyPart).toBe(true)
          if (entityMatches(e, filter)) expect(anyPart).toBe(true)
        }
      }),
      { numRuns: 150 }
    )
  })
  it('a text only in a grid cell keeps the table entity; one found nowhere drops every entity', () => {
    const table = doc.entities.find((e) => e.grid && e.groupName === 'Lines')!
    expect(entityMatches(table, { ...emptyFilter, text: 'speaker ident' })).toBe(true)
    expect(doc.entities.filter((e) => entityMatches(e, { ...emptyFilter, text: 'no such words' }))).toEqual([])
  })
})
