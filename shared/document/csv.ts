import type { FlatDocument, Grid } from './flatten'

/*
 * CSV (RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled, CRLF between
 * records) with a UTF-8 byte-order mark so Excel reads accents; and tab-separated text for the
 * clipboard (what spreadsheets paste into cells).
 *
 * Extracted values come from scanned documents anyone can write on, and a spreadsheet runs a
 * cell that starts with = + - @ (or a tab or CR before one) as a formula (CSV injection, issue
 * 13). So such a cell gets a leading ' (OWASP's advice; spreadsheets show the text and hide
 * the quote), except a plain number such as -12.50 or +351, which stays a number. `raw` keeps
 * the values exactly as extracted, for programs that read the CSV (`sdte --csv-raw`).
 */

/** Whether cells are guarded against spreadsheet formulas (the default) or written as extracted. */
export interface CellOptions {
  readonly raw?: boolean
}

const formulaStart = /^[=+\-@\t\r]/
// A number and nothing else: sign, digits with optional , or . groups and decimals, exponent.
const plainNumber = /^[+-]?(?:\d+(?:[.,]\d+)*|\d*[.,]\d+)(?:[eE][+-]?\d+)?$/

/** `value` as a spreadsheet shows it as text: a leading ' when it would start a formula (numbers excepted). */
export function neutraliseCell(value: string): string {
  return formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value
}

/** The byte-order mark Excel needs to read a CSV as UTF-8. */
export const utf8Bom = '\uFEFF'

/** One CSV field, quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Records as CSV text (CRLF line ends, a final CRLF); with `bom`, prefixed by the UTF-8 BOM; formula cells guarded unless `raw`. */
export function toCsv(records: ReadonlyArray<readonly string[]>, options: { readonly bom?: boolean } & CellOptions = {}): string {
  const cell = options.raw ? (v: string) => v : neutraliseCell
  const body = records.map((r) => r.map((v) => csvField(cell(v))).join(',')).join('\r\n') + (records.length > 0 ? '\r\n' : '')
  return (options.bom ? utf8Bom : '') + body
}

/** Records as tab-separated text; tabs and line breaks inside a value become spaces; formula cells guarded unless `raw`. */
export function toTsv(records: ReadonlyArray<readonly string[]>, options: CellOptions = {}): string {
  const cell = options.raw ? (v: string) => v : neutraliseCell
  return records.map((r) => r.map((v) => cell(v).replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n')
}

/** A grid as records: the header row, then one record per row (empty string for a missing cell). */
export function gridRecords(grid: Grid, rows: Grid['rows'] = grid.rows): string[][] {
  return [grid.headers.map((h) => h.text), ...rows.map((r) => r.cells.map((c) => c?.content ?? ''))]
}

/** Columns of the document CSV. */
export const documentCsvHeader = ['Section', 'Group', 'Entity category', 'Page', 'Row', 'Column', 'Category', 'Content', 'Normalised content', 'Confidence'] as const

const pct = (c: number | null) => (c === null ? '' : String(Math.round(c * 1000) / 1000))
const page = (p: number | null) => (p === null ? '' : String(p))

/**
 * The whole document as one table: a record per key-value (section "key-value", "qr-code" or
 * "template-field") and per table cell (section "table"; Row 1 is the first data row, Column 1
 * the first column, Category the column header).
 */
export function documentRecords(doc: FlatDocument): string[][] {
  const records: string[][] = [[...documentCsvHeader]]
  for (const e of doc.entities) {
    for (const kv of e.keyValues) {
      const section = kv.source === 'entity' ? 'key-value' : kv.source === 'qrCode' ? 'qr-code' : 'template-field'
      records.push([section, e.groupName, e.category, page(kv.pageNumber), '', '', kv.category, kv.content, kv.contentNormalized, pct(kv.confidence)])
    }
    if (e.grid) {
      e.grid.rows.forEach((row, r) => {
        row.cells.forEach((cell, c) => {
          if (!cell) return
          records.push(['table', e.groupName, e.category, page(cell.region.page), String(r + 1), String(c + 1), e.grid?.headers[c]?.text ?? '', cell.content, cell.contentNormalized, pct(cell.confidence)])
        })
      })
    }
  }
  return records
}

/** The document CSV as Excel-ready text (BOM + RFC 4180, formula cells guarded unless `raw`). */
export function documentToCsv(doc: FlatDocument, options: CellOptions = {}): string {
  return toCsv(documentRecords(doc), { bom: true, raw: options.raw })
}
