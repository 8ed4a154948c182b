import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../../electron/services/drafts/export-hash'
import { hashPlainJson, hashPlainJsonInSlices } from '../../../../electron/services/drafts/plain-json-hash'
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

describe('hashPlainJson, one replacer list per piece (issue 21: a 50 MB export\'s hash)', () => {
  it('writes each segment with only its own keys: a body whose keys add up past the limit, each piece within it, still takes the fast path with the same text', () => {
    // 100 segments of 5 keys each of their own: 500 distinct keys in the body, 5 in a piece.
    // With one list for the whole body (its ~45 keys scanned for every word of a real export)
    // this went to the walk; written a piece at a time, it is a short list for each.
    const segments = Array.from({ length: 100 }, (_, s) => Object.fromEntries(Array.from({ length: 5 }, (_, k) => [`s${s}k${k}`, { z: k, a: [s, `t${k}`] }])))
    const body = JSON.parse(JSON.stringify({ taskId: 1, transcript: { transcripts: segments }, metadata: { b: 1, a: { '10': 1, '2': 2 } } })) as unknown
    const fast = hashPlainJson(body)
    expect(fast).not.toBeNull()
    expect(fast).toBe(walkHash(body))
  })

  it('matches the walk on segments whose key sets differ from one another, nested values, index keys and -0 included', () => {
    const segments = Array.from({ length: 150 }, (_, s) => {
      const seg: Record<string, unknown> = { speakerId: `S${s % 3}`, start: s, displayWords: [{ text: `w${s}`, offsetInSeconds: s, confidence: null }] }
      if (s % 2 === 0) seg['extra'] = { y: [1, { b: 2, a: 'é\u2028' }], x: -0 }
      if (s % 5 === 0) seg['7'] = 'index key'
      return seg
    })
    const body = JSON.parse(JSON.stringify({ transcript: { transcripts: segments }, z: 1, a: 2 })) as unknown
    expect(hashPlainJson(body)).toBe(walkHash(body))
    // A non-plain value deep in one segment still sends the whole body to the walk.
    const odd = JSON.parse(JSON.stringify(body)) as { transcript: { transcripts: Array<Record<string, unknown>> } }
    odd.transcript.transcripts[120]!['when'] = new Date(0)
    expect(hashPlainJson(odd)).toBeNull()
  })

  it('writes a word list shared by a segment\'s members (share-word-lists.ts) as the walk writes it: in full, wherever it appears', () => {
    const words = (k: number) => [{ text: `a${k}`, offsetInSeconds: k, confidence: 0.5 }, { offsetInSeconds: k + 0.5, text: 'b' }]
    const segments = Array.from({ length: 100 }, (_, k) => {
      const shared = words(k)
      return { start: k, displayWords: shared, originalWords: k % 3 === 0 ? words(k) : shared, ...(k % 4 === 0 ? { alsoWords: shared, z: [shared] } : {}) }
    })
    const body = { taskId: 1, transcript: { transcripts: segments } }
    const fast = hashPlainJson(body)
    expect(fast).not.toBeNull()
    expect(fast).toBe(walkHash(body))
    expect(fast).toBe(hashPlainJson(JSON.parse(JSON.stringify(body))))
  })
})

describe('hashPlainJsonInSlices (issue 21: the hash after the open reply)', () => {
  it('gives the same hash as at once, in as many slices as there are pieces, and null where the walk must hash', async () => {
    const raw = JSON.parse(JSON.stringify(concatenated(convertRealFixture('kate-darling-ted.dpe.json'), 3))) as unknown
    // A slice of 0 ms gives the event loop a turn after every piece.
    let turns = 0
    let done = false
    const tick = (): void => {
      turns++
      if (!done) setImmediate(tick)
    }
    setImmediate(tick)
    const sliced = await hashPlainJsonInSlices(raw, 0)
    done = true
    expect(sliced).toBe(walkHash(raw))
    expect(turns).toBeGreaterThan(10)
    expect(await hashPlainJsonInSlices({ a: undefined, b: 1 }, 0)).toBeNull()
  })
})
