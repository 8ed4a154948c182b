import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashExport } from '../../../../electron/services/drafts/export-hash'
import { parseTranscriptExport } from '../../../../electron/services/files/read-export-file'
import { convertRealFixture } from '../../../fixtures/real-to-export'
import { seededRandom } from '../../../support/seeded-random'

/*
 * The export hash streams its canonical text into sha256 instead of hashing a sorted copy: every
 * draft saved before must still match its export, so the value must not change for any input.
 */

/** The hash as it was computed before streaming: JSON.stringify of a sorted copy. */
function oldHash(value: unknown): string {
  const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol'
  const sortKeys = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v
    const withJson = v as { toJSON?: () => unknown }
    if (typeof withJson.toJSON === 'function') return sortKeys(withJson.toJSON())
    if (Array.isArray(v)) return v.map((item) => (omitted(item) ? null : sortKeys(item)))
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(v).sort()) {
      const member = (v as Record<string, unknown>)[key]
      if (omitted(member)) continue
      out[key] = sortKeys(member)
    }
    return out
  }
  return createHash('sha256').update(JSON.stringify(sortKeys(value)) ?? 'null', 'utf8').digest('hex')
}

const keyPool = ['a', 'b', 'Z', 'é', '10', '2', '0', '01', '4294967294', '4294967295', '-1', '__proto__', 'text', '', ' x', '\ud800']
const leafPool: unknown[] = [0, -0, 1.5, -2e-7, 1e21, NaN, Infinity, null, true, false, '', 'x"\\\n', 'é😀', '\udc00lone', undefined, () => 1, Symbol('s'), new Date(0), new Number(3), { toJSON: () => undefined }, { toJSON: () => ({ toJSON: () => 'twice' }) }]

function generate(next: () => number, depth: number): unknown {
  const roll = next()
  if (depth > 4 || roll < 0.4) return leafPool[Math.floor(next() * leafPool.length)]
  if (roll < 0.65) {
    const items = Array.from({ length: Math.floor(next() * 5) }, () => generate(next, depth + 1))
    if (next() < 0.1) {
      // A hole: JSON writes it as null.
      const holed = [...items]
      holed[items.length + 1] = 1
      return holed
    }
    return items
  }
  const record: Record<string, unknown> = {}
  for (let k = Math.floor(next() * 6); k > 0; k--) Object.defineProperty(record, keyPool[Math.floor(next() * keyPool.length)], { value: generate(next, depth + 1), enumerable: true, configurable: true, writable: true })
  return record
}

describe('hashExport streamed', () => {
  it('gives the real fixtures the hashes they had before (as converted and as read back from a file)', () => {
    const pinned: Record<string, string> = {
      'kate-darling-ted.dpe.json': '94a2745e67ce250f9063a0e60b708d69f69df8eea7c40643159984500e6cbc58',
      'senate-hearing-2h.dpe.json': 'eb95921ec5d2ac8988ba2c8d8438d731076cbec614e18c16f76a13628ca6467e',
      'soleio-interview.dpe.json': '7fedcb4aeaad1c2cf41751649f75ed5a1f3710e1564cdd00ba3f74c2cf18ed43',
      'ted-talk.speechmatics.json': '3e47788efa7672ce576bbbd60d4fa2237fa2cf27785dbcd7e234a89e576827e9',
      'today-in-focus.amazon-transcribe.json': 'd8da3f592774f0920481b3cd8ff3d0f04df8085279345d63b6578b4904d9cd4b'
    }
    for (const [name, hash] of Object.entries(pinned)) {
      const exp = convertRealFixture(name)
      expect(hashExport(exp), name).toBe(hash)
      expect(hashExport(parseTranscriptExport(JSON.stringify(exp), name)), name).toBe(hash)
      expect(oldHash(exp), name).toBe(hash)
    }
  })

  it('matches the sorted-copy hash on generated values with every JSON quirk (index keys, __proto__, toJSON, holes, non-finite numbers)', () => {
    const next = seededRandom(21)
    for (let n = 0; n < 3000; n++) {
      const value = generate(next, 0)
      expect(hashExport(value), JSON.stringify(value)).toBe(oldHash(value))
    }
  })

  it('matches on the edge cases one by one, and on text longer than one streamed piece', () => {
    const parsedProto = JSON.parse('{"__proto__": {"a": 1}, "b": 2, "10": 1, "9": 2, "x": [1, {"__proto__": 3}]}') as unknown
    const cases: unknown[] = [undefined, null, () => 1, 'x', 3, { d: new Date(5) }, [undefined, Symbol('q')], parsedProto, { toJSON: () => undefined }, { a: 'é'.repeat(70_000), b: ['😀'.repeat(40_000)] }]
    // Key lists that join alike (a key holding the separator) must not share a cached order.
    cases.push([{ 'a\u0000b': 1 }, { a: 1, b: 2 }, { 'a\u0000b': 3 }], { b: { 'z\u0000a': 1 }, c: { z: 1, a: 2 } })
    for (const value of cases) expect(hashExport(value)).toBe(oldHash(value))
    expect(() => hashExport({ big: 1n })).toThrow(TypeError)
  })
})
