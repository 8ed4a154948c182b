import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { neutraliseCell, toCsv, toTsv } from '../../../shared/document/csv'

/*
 * CSV and clipboard formula injection: a cell a spreadsheet would run as a formula
 * gets a leading ', a number-only cell stays a number, and `raw` keeps values as extracted.
 */

const table: Array<[string, string]> = [
  ['=1+1', "'=1+1"],
  ['=HYPERLINK("http://evil","click")', '\'=HYPERLINK("http://evil","click")'],
  ['+SUM(A1:A2)', "'+SUM(A1:A2)"],
  ['-2+3', "'-2+3"],
  ['-cmd|calc', "'-cmd|calc"],
  ['@SUM(1)', "'@SUM(1)"],
  ['\t=1', "'\t=1"],
  ['\r=1', "'\r=1"],
  ['+351 912 345 678', "'+351 912 345 678"],
  ['-12.50', '-12.50'],
  ['+351', '+351'],
  ['-1,234.56', '-1,234.56'],
  ['+1e5', '+1e5'],
  ['-.5', '-.5'],
  ['12', '12'],
  ['', ''],
  ['Total = 12', 'Total = 12'],
  ['a@b.pt', 'a@b.pt']
]

describe('neutraliseCell', () => {
  it.each(table)('%j → %j', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected)
  })
})

describe('CSV read back by a CSV parser', () => {
  const records = [['Content'], ...table.map(([v]) => [v])]
  it('guarded by default', () => {
    const back = parse(toCsv(records, { bom: true }), { bom: true }) as string[][]
    expect(back.slice(1).map((r) => r[0])).toEqual(table.map(([, e]) => e))
  })
  it('raw keeps the values', () => {
    const back = parse(toCsv(records, { raw: true }), {}) as string[][]
    expect(back.slice(1).map((r) => r[0])).toEqual(table.map(([v]) => v))
  })
})

describe('the tab-separated clipboard copy', () => {
  it('guards formula cells (tabs and breaks inside a value still become spaces)', () => {
    const tsv = toTsv([['=1+1', '-12.50', '@x', '\t=2', 'a\tb']])
    expect(tsv.split('\t')).toEqual(["'=1+1", '-12.50', "'@x", "' =2", 'a b'])
  })
  it('raw keeps them', () => {
    expect(toTsv([['=1+1', '@x']], { raw: true })).toBe('=1+1\t@x')
  })
})
