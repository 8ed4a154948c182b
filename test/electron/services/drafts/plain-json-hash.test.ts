import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../../electron/services/drafts/export-hash'
import { hashPlainJson } from '../../../../electron/services/drafts/plain-json-hash'
import { parseTranscriptExport } from '../../../../electron/services/files/read-export-file'
import { convertRealFixture } from '../../../fixtures/real-to-export'
import { concatenated } from '../../../bench/transcript'

/*
 * The export hash's native fast path (issue 21, big exports): for plain parsed JSON it must give
 * exactly the walk's canonical text's hash — every draft saved before still matches its export —
 * and it must actually be taken for real exports (else a 50 MB open still walks token by token).
 */

const walkHash = (value: unknown): string => createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex')

describe('hashPlainJson', () => {
  it('hashes a real export as read from a file exactly as the walk does (and takes the fast path)', () => {
    const text = JSON.stringify(convertRealFixture('kate-darling-ted.dpe.json'))
    const data = parseTranscriptExport(text, 'kate.json')
    const fast = hashPlainJson(data)
    expect(fast).not.toBeNull()
    expect(fast).toBe(walkHash(data))
    // The raw parse too (before the schema), and a long segment list written item by item.
    const raw = JSON.parse(JSON.stringify(concatenated(convertRealFixture('kate-darling-ted.dpe.json'), 3))) as unknown
    expect(hashPlainJson(raw)).toBe(walkHash(raw))
  })

  it('matches the walk on parsed JSON quirks: index keys, __proto__, escapes, key order, long arrays, -0', () => {
    const texts = [
      '{"b":1,"a":{"10":1,"2":2,"x":[1,2,{"z":null,"y":"\\u2028é\\"q"}]},"__proto__":{"k":1},"0":-0}',
      '[1,"two",true,null,{"a":[],"":{}}]',
      '"just a string"',
      '42',
      'null',
      JSON.stringify({ list: Array.from({ length: 200 }, (_, k) => ({ n: k, s: `w${k}`, deep: { b: [k], a: k % 3 === 0 } })), meta: { 4294967295: 'not an index', 4294967294: 'an index' } })
    ]
    for (const text of texts) {
      const value = JSON.parse(text) as unknown
      const fast = hashPlainJson(value)
      expect(fast, text.slice(0, 40)).not.toBeNull()
      expect(fast, text.slice(0, 40)).toBe(walkHash(value))
    }
  })

  it('leaves what JSON.parse cannot give to the walk (null): toJSON, undefined, holes, non-finite, class instances', () => {
    // eslint-disable-next-line no-sparse-arrays
    const values: unknown[] = [{ a: new Date(0) }, { a: undefined }, [1, , 2], { n: Number.NaN }, { f: () => 1 }, { toJSON: () => 1 }, new Map(), { big: 1n }]
    for (const value of values) expect(hashPlainJson(value)).toBeNull()
  })

  it('leaves a body with very many distinct keys to the walk', () => {
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, k) => [`key${k}`, k]))
    expect(hashPlainJson(wide)).toBeNull()
  })
})
