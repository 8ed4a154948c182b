import { flattenDocument } from '../../shared/document/flatten'
import { documentToCsv } from '../../shared/document/csv'
import { registerFormat } from './formats'
import { UsageError } from './args'

/*
 * The document formats of `sdte export --kind document`: `csv` is the same table the app's
 * "Export CSV" writes (one record per key-value and table cell; RFC 4180, UTF-8 with a BOM so
 * Excel reads accents; cells that would start a formula get a leading ' unless --csv-raw).
 * `json` stays the raw body (formats.ts).
 */

registerFormat({
  name: 'csv',
  extension: 'csv',
  kinds: ['document'],
  render: (input) => {
    if (input.kind !== 'document') throw new UsageError('the csv format needs a document task (--kind document)')
    return documentToCsv(flattenDocument(input.data), { raw: input.csvRaw })
  }
})
