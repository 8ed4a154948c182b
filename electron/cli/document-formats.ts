import { flattenDocument } from '../../shared/document/flatten'
import { documentToCsv } from '../../shared/document/csv'
import type { ExportFormat } from './format-types'
import { UsageError } from './usage-error'

/*
 * The document formats of `sdte export --kind document`: `csv` is the same table the app's
 * "Export CSV" writes (one record per key-value and table cell; RFC 4180, UTF-8 with a BOM so
 * Excel reads accents; cells that would start a formula get a leading ' unless --csv-raw).
 * `json` stays the raw body (formats.ts).
 */

/** The formats only a document task has. */
export const documentFormats: readonly ExportFormat[] = [
  {
    name: 'csv',
    extension: 'csv',
    kinds: ['document'],
    render: (input) => {
      if (input.kind !== 'document') throw new UsageError('the csv format needs a document task (--kind document)')
      return documentToCsv(flattenDocument(input.data), { raw: input.csvRaw })
    }
  }
]
