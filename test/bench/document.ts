import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { documentExportSchema } from '../../shared/api/document-export'
import { flattenDocument } from '../../shared/document/flatten'
import { documentToCsv } from '../../shared/document/csv'
import { emptyFilter, entityMatches, filterKeyValues } from '../../shared/document/filters'
import { pageShapes } from '../../renderer/src/components/document/page-shapes'

/*
 * The document pane's pure work on a large export (100 pages; 1,000 key-value entities of 10
 * values and 100 tables of 40×8 cells — 10,000 values, 32,000 cells): parse, flatten, filter,
 * overlay shapes, CSV.
 */

type Figures = Record<string, { value: number; unit: string; median?: number; p95?: number; runs?: number }>

const box = (left: number, top: number, width: number, height: number) => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top })
const located = (l: number, t: number, w: number, h: number, c: number) => ({ boundingBox: box(l, t, w, h), points: [{ x: l, y: t }, { x: l + w, y: t }, { x: l + w, y: t + h }, { x: l, y: t + h }], confidence: c, spans: [] })

function bigExport(): unknown {
  const entities: unknown[] = []
  for (let e = 0; e < 1000; e++) {
    const page = (e % 100) + 1
    entities.push({
      type: 'keyValues', category: `Cat ${e % 17}`, groupName: `Group ${e % 23}`, pageNumber: page, chunkNumber: 1, customFormValues: '',
      keyValues: Array.from({ length: 10 }, (_, i) => ({ ...located(0.5, 0.5 + i * 0.3, 3, 0.25, ((e * 7 + i * 13) % 100) / 100), pageNumber: page, category: `Field ${i}`, categoryNormalized: `field_${i}`, content: `Valor "${e}-${i}", ação`, contentNormalized: `${e}-${i}` })),
      addedOn: '2026-03-02T08:12:44Z', addedByExternal: 'system', confidence: 0.9
    })
  }
  for (let t = 0; t < 100; t++) {
    const tableRows: Record<string, unknown[]> = {}
    for (let r = 1; r <= 40; r++) tableRows[`row${r}`] = Array.from({ length: 8 }, (_, c) => ({ ...located(0.5 + c * 0.9, 2 + r * 0.2, 0.85, 0.18, 0.95), rowIndex: r, columnIndex: c, content: `r${r}c${c}, "x"`, contentNormalized: '', pageNumber: t + 1 }))
    entities.push({
      type: 'table', category: 'Lines', groupName: `Table ${t}`, pageNumber: t + 1,
      table: { ...located(0.5, 2, 7.2, 8.2, 0.9), rowCount: 41, columnCount: 8, tableHeaders: Array.from({ length: 8 }, (_, c) => ({ ...located(0.5 + c * 0.9, 2, 0.85, 0.18, 0.99), rowIndex: 0, columnIndex: c, content: `H${c}`, category: `H${c}` })), tableRows, hasAlternativeHeaders: false }
    })
  }
  return { taskId: 1, totalPages: 100, chunks: [{ entities }] }
}

function time(runs: number, fn: () => void): Figures[string] {
  const values: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    values.push(performance.now() - start)
  }
  values.sort((a, b) => a - b)
  const r = (v: number) => Math.round(v * 10) / 10
  return { value: r(values[Math.floor(runs / 2)]!), unit: 'ms', median: r(values[Math.floor(runs / 2)]!), p95: r(values[Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)]!), runs }
}

/** Figures for the large document. */
export async function run(): Promise<Figures> {
  const raw = JSON.stringify(bigExport())
  const parsed = documentExportSchema.parse(JSON.parse(raw))
  const flat = flattenDocument(parsed)
  const letter = { widthInches: 8.5, heightInches: 11 }
  const sizes = new Map(Array.from({ length: 100 }, (_, i) => [i + 1, letter] as const))
  const low = { ...emptyFilter, confidence: 'low' as const, text: 'ação' }
  return {
    'document.json-bytes': { value: raw.length, unit: 'bytes' },
    'document.parse-and-validate': time(5, () => documentExportSchema.parse(JSON.parse(raw))),
    'document.flatten': time(9, () => flattenDocument(parsed)),
    'document.filter-low-and-text': time(9, () => flat.entities.filter((e) => entityMatches(e, low)).map((e) => filterKeyValues(e, low))),
    'document.page-shapes': time(9, () => pageShapes(flat, sizes)),
    'document.csv': time(5, () => documentToCsv(flat)),
    'document.csv-bytes': { value: Buffer.byteLength(documentToCsv(flat)), unit: 'bytes' }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run()
  for (const [name, f] of Object.entries(figures)) console.log(`${name}: ${f.value} ${f.unit}${f.runs ? ` (median of ${f.runs}, p95 ${f.p95})` : ''}`)
}
