import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canonicalJson, canonicalJsonIterative, hashExport } from '../../../../electron/services/drafts/export-hash'
import { createDraftStore } from '../../../../electron/services/drafts/draft-store'
import { readTranscriptExportFile } from '../../../../electron/services/files/read-export-file'
import { maxExportDepth, parseTranscriptExport, tooDeepAt } from '../../../../shared/api/parse-export'
import { AppError } from '../../../../shared/errors'

/*
 * A 20,000-deep value in `metadata`: the export hash walks it without recursion; the
 * parsers refuse an export nested past maxExportDepth with a clear message (everything after
 * parsing — IPC's structured clone, drafts, the JSON export — is recursive and would overflow).
 */

function nested(depth: number): unknown {
  let v: unknown = 'bottom'
  for (let k = 0; k < depth; k++) v = { a: v, list: [k] }
  return v
}

const body = (metadata: unknown) => ({ taskId: 5, displayName: 'Deep', totalTimeInSeconds: 1, transcript: null, metadata })

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-deep-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('export hash at any depth', () => {
  it('hashes a 20,000-deep metadata value without overflowing', () => {
    const h = hashExport(body({ deep: nested(20_000) }))
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(hashExport(body({ deep: nested(20_000) }))).toBe(h)
    expect(hashExport(body({ deep: nested(19_999) }))).not.toBe(h)
  })

  it.each([
    ['nested objects and arrays', { b: [1, { d: 2, c: [true, null, 'x'] }], a: { z: 1.5, y: -0, x: 'é"\\\n' } }],
    ['empty containers', { a: {}, b: [], c: [[]], d: [{}] }],
    ['dropped and nulled members', { f: () => 1, u: undefined, s: Symbol('s'), arr: [undefined, () => 1, Symbol('t'), Infinity, NaN] }],
    ['dates and toJSON', { d: new Date(86_400_000), t: { toJSON: () => ({ k: 2, j: 1 }) } }],
    ['a string', 'text'],
    ['a number', 42]
  ])('%s: the same text as JSON.stringify with sorted keys', (_label, value) => {
    const sorted = (v: unknown): unknown => {
      if (v === null || typeof v !== 'object') return v
      const j = v as { toJSON?: () => unknown }
      if (typeof j.toJSON === 'function') return sorted(j.toJSON())
      if (Array.isArray(v)) return v.map((x) => (x === undefined || typeof x === 'function' || typeof x === 'symbol' ? null : sorted(x)))
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(v).sort()) {
        const m = (v as Record<string, unknown>)[k]
        if (m === undefined || typeof m === 'function' || typeof m === 'symbol') continue
        out[k] = sorted(m)
      }
      return out
    }
    expect(canonicalJson(value)).toBe(JSON.stringify(sorted(value)))
    // The deep fallback writes the very same text (it is what a 20,000-deep value gets).
    expect(canonicalJsonIterative(value)).toBe(JSON.stringify(sorted(value)))
  })
})

describe('exports nested too deep are refused with a clear message', () => {
  it('finds the path of the first too-deep value, iteratively', () => {
    expect(tooDeepAt(body({ ok: nested(5) }))).toBeNull()
    expect(tooDeepAt(body({ deep: nested(20_000) }))).toMatch(/^metadata\.deep\.a\.a/)
  })

  it('parseTranscriptExport: invalid_response naming the depth and where', () => {
    let error: unknown
    try {
      parseTranscriptExport(body({ deep: nested(20_000) }))
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'invalid_response' })
    expect((error as Error).message).toContain(`more than ${maxExportDepth} levels deep (at metadata.deep`)
  })

  it('opening such a file in the app is refused the same way; an ordinary one opens', async () => {
    const deep = join(dir, 'deep.json')
    await writeFile(deep, JSON.stringify({ ...body(null), metadata: { deep: '' } }).replace('"deep":""', `"deep":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`))
    await expect(readTranscriptExportFile(deep)).rejects.toMatchObject({ code: 'invalid_response', message: expect.stringContaining('levels deep') })
    const plain = join(dir, 'plain.json')
    await writeFile(plain, JSON.stringify(body({ note: 'x' })))
    expect((await readTranscriptExportFile(plain)).data.taskId).toBe(5)
  })
})

describe('draft write failures in words', () => {
  it('a draft folder whose path runs through a file says so', async () => {
    await writeFile(join(dir, 'a-file'), 'x')
    const store = createDraftStore({ dir: join(dir, 'a-file', 'drafts'), now: () => 0 })
    await expect(store.save(1, 'h', { n: 1 }, {})).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('a part of the path is a file') })
  })
})
