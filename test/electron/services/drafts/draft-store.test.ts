import { beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDraftStore, type DraftReport } from '../../../../electron/services/drafts/draft-store'
import { canonicalJson, hashExport } from '../../../../electron/services/drafts/export-hash'

let dir: string
let clock: number
let reports: DraftReport[]

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-drafts-'))
  clock = 1_700_000_000_000
  reports = []
  return () => rm(dir, { recursive: true, force: true })
})

const store = () => createDraftStore({ dir, now: () => clock, report: (r) => reports.push(r) })

const document = {
  taskId: 17,
  segments: [{ id: 's1', speakerId: 'A', startMs: 0, endMs: 1200, words: [{ id: 'w1', text: 'Héllo', startMs: 0, endMs: 400 }] }],
  nested: { emoji: '🎙️', nil: null, list: [1, 2.5, -3] }
}

describe('DraftStore', () => {
  it('round-trips a draft with its metadata', async () => {
    const drafts = store()
    const saved = await drafts.save(17, 'hash-a', document, { title: 'Weekly call', undoDepth: 3 })
    // The generation ties journal records to this full draft; the revision is what the next patch names.
    expect(saved).toEqual({ version: 1, taskId: '17', exportHash: 'hash-a', savedAt: clock, generation: expect.stringMatching(/^[0-9a-f]{16}$/), revision: `${saved.generation}:0`, meta: { title: 'Weekly call', undoDepth: 3 } })
    expect(await readdir(dir)).toEqual(['17.draft.json'])
    const loaded = await drafts.load(17)
    const { revision: _revision, ...summary } = saved
    expect(loaded).toEqual({ ...summary, document })
    // The file is plain JSON with the documented fields.
    const raw = JSON.parse(await readFile(join(dir, '17.draft.json'), 'utf8'))
    expect(Object.keys(raw).sort()).toEqual(['document', 'exportHash', 'generation', 'meta', 'savedAt', 'taskId', 'version'])
    expect(drafts.pathOf(17)).toBe(join(dir, '17.draft.json'))
  })

  it('overwrites a draft and keeps no temp files', async () => {
    const drafts = store()
    await drafts.save(1, 'h', { n: 1 }, {})
    clock += 1000
    await drafts.save(1, 'h', { n: 2 }, {})
    expect((await drafts.load(1))?.document).toEqual({ n: 2 })
    expect((await drafts.load(1))?.savedAt).toBe(clock)
    expect(await readdir(dir)).toEqual(['1.draft.json'])
  })

  it('lands concurrent saves of one task in call order', async () => {
    const drafts = store()
    const big = (n: number) => ({ n, pad: 'x'.repeat(n === 0 ? 4_000_000 : 10) })
    // The first (big, slow) save must not overwrite the later small ones.
    await Promise.all([drafts.save(2, 'h', big(0), {}), drafts.save(2, 'h', big(1), {}), drafts.save(2, 'h', big(2), {})])
    expect((await drafts.load<{ n: number }>(2))?.document.n).toBe(2)
    expect(await readdir(dir)).toEqual(['2.draft.json'])
  })

  it('returns null when there is no draft, and discard is idempotent', async () => {
    const drafts = store()
    expect(await drafts.load(5)).toBeNull()
    await drafts.save(5, 'h', {}, {})
    await drafts.discard(5)
    await drafts.discard(5)
    expect(await drafts.load(5)).toBeNull()
  })

  it.each([
    ['truncated JSON', '{"version":1,"taskId":"9","exportHash":"h","savedAt":1,"meta":{},"document":{"a":'],
    ['empty file', ''],
    ['wrong task', JSON.stringify({ version: 1, taskId: '8', exportHash: 'h', savedAt: 1, meta: {}, document: {} })],
    ['unknown version', JSON.stringify({ version: 99, taskId: '9', exportHash: 'h', savedAt: 1, meta: {}, document: {} })],
    ['not an object', '[1,2,3]'],
    ['no document', JSON.stringify({ version: 1, taskId: '9', exportHash: 'h', savedAt: 1, meta: {} })]
  ])('moves a corrupt draft aside (%s), reports it, and never throws', async (_name, content) => {
    await writeFile(join(dir, '9.draft.json'), content)
    const drafts = store()
    expect(await drafts.load(9)).toBeNull()
    expect(await readdir(dir)).toEqual([`9.draft.json.corrupt-${clock}`])
    expect(await readFile(join(dir, `9.draft.json.corrupt-${clock}`), 'utf8')).toBe(content)
    // The report names where the file was kept (the notice offers to show it).
    const kept = join(dir, `9.draft.json.corrupt-${clock}`)
    expect(reports).toEqual([{ kind: 'corrupt', taskId: '9', movedTo: kept, keptAt: kept, message: expect.stringContaining(`kept as ${kept}`) }])
    // A new draft can be saved after it.
    await drafts.save(9, 'h', { fresh: true }, {})
    expect((await drafts.load(9))?.document).toEqual({ fresh: true })
  })

  it('compare: none, same-export, export-changed; the draft is kept either way', async () => {
    const drafts = store()
    const original = { taskId: 3, transcripts: [{ displayText: 'Hello' }] }
    const changed = { taskId: 3, transcripts: [{ displayText: 'Hello there' }] }
    expect(await drafts.compare(3, hashExport(original))).toBe('none')
    await drafts.save(3, hashExport(original), { edited: true }, {})
    expect(await drafts.compare(3, hashExport({ transcripts: [{ displayText: 'Hello' }], taskId: 3 }))).toBe('same-export')
    expect(await drafts.compare(3, hashExport(changed))).toBe('export-changed')
    expect((await drafts.load(3))?.document).toEqual({ edited: true })
  })

  it('lists readable drafts newest first, skipping temp files, corrupt files and strangers', async () => {
    const drafts = store()
    await drafts.save(1, 'a', {}, { n: 1 })
    clock += 10
    await drafts.save(2, 'b', {}, { n: 2 })
    await writeFile(join(dir, '.3.draft.json.abcdef012345.tmp'), '{"version":1,"taskId":"3"')
    await writeFile(join(dir, '4.draft.json'), 'garbage')
    await writeFile(join(dir, 'notes.txt'), 'hi')
    const list = await drafts.list()
    expect(list).toEqual([
      { version: 1, taskId: '2', exportHash: 'b', savedAt: clock, generation: expect.any(String), meta: { n: 2 } },
      { version: 1, taskId: '1', exportHash: 'a', savedAt: clock - 10, generation: expect.any(String), meta: { n: 1 } }
    ])
    expect(list.every((d) => !('document' in d))).toBe(true)
    expect(reports.map((r) => r.taskId)).toEqual(['4'])
  })

  it('lists nothing when the folder does not exist yet', async () => {
    expect(await createDraftStore({ dir: join(dir, 'later'), now: () => clock }).list()).toEqual([])
  })

  it('sweeps stale temp files only', async () => {
    const drafts = store()
    await drafts.save(1, 'a', {}, {})
    await writeFile(join(dir, '.1.draft.json.0123456789ab.tmp'), 'partial')
    clock = Date.now()
    expect(await drafts.removeStaleTemps(60_000)).toBe(0)
    clock = Date.now() + 61_000
    expect(await drafts.removeStaleTemps(60_000)).toBe(1)
    expect(await readdir(dir)).toEqual(['1.draft.json'])
  })

  it('refuses task ids that would leave the folder, and documents that cannot be serialised', async () => {
    const drafts = store()
    await expect(drafts.save('../x', 'h', {}, {})).rejects.toMatchObject({ code: 'bad_request' })
    await expect(drafts.load('a/b')).rejects.toMatchObject({ code: 'bad_request' })
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    await expect(drafts.save(1, 'h', cyclic, {})).rejects.toMatchObject({ code: 'bad_request' })
    expect(await readdir(dir)).toEqual([])
  })

  it('reports a write failure as an io error and keeps the previous draft', async () => {
    const drafts = store()
    await drafts.save(1, 'h', { n: 1 }, {})
    // A folder where the temp file would go cannot be written: make dir a file path instead.
    const broken = createDraftStore({ dir: join(dir, '1.draft.json'), now: () => clock })
    await expect(broken.save(1, 'h', { n: 2 }, {})).rejects.toMatchObject({ code: 'io' })
    expect((await drafts.load(1))?.document).toEqual({ n: 1 })
  })
})

describe('hashExport', () => {
  it('ignores key order and whitespace, not values or array order', () => {
    const a = { b: 1, a: { y: [1, 2, { q: 1, p: 2 }], x: 'é' } }
    const b = JSON.parse('{ "a": { "x": "é", "y": [1, 2, {"p": 2, "q": 1}] }, "b": 1 }')
    expect(hashExport(a)).toBe(hashExport(b))
    expect(hashExport(a)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashExport({ ...a, b: 2 })).not.toBe(hashExport(a))
    expect(hashExport({ a: { ...a.a, y: [2, 1, { q: 1, p: 2 }] }, b: 1 })).not.toBe(hashExport(a))
  })

  it('writes canonical JSON the way JSON.stringify would, with sorted keys', () => {
    expect(canonicalJson({ z: 1, a: [undefined, () => 1, NaN], m: undefined, d: new Date(0) })).toBe('{"a":[null,null,null],"d":"1970-01-01T00:00:00.000Z","z":1}')
    expect(canonicalJson(null)).toBe('null')
    expect(canonicalJson(undefined)).toBe('null')
    expect(canonicalJson('x')).toBe('"x"')
  })
})
