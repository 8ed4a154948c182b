import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDraftStore } from '../../../../electron/services/drafts/draft-store'
import { journalPathOf } from '../../../../electron/services/drafts/draft-journal'
import { readInputFile } from '../../../../electron/cli/input-file'
import { diffModel } from '../../../../shared/transcript/model-patch'
import type { AppError } from '../../../../shared/errors'

/*
 * Autosave appends what changed to a journal beside the draft and main compacts it into the full
 * draft: loading is the full draft plus every whole journal record of its generation, in order.
 */

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-journal-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface Doc {
  readonly taskId: number
  readonly source: { readonly transcript: null }
  readonly segments: ReadonlyArray<{ readonly id: string; readonly text: string }>
  readonly speakers: readonly string[]
  readonly [key: string]: unknown
}
const first: Doc = { taskId: 7, source: { transcript: null }, speakers: ['A'], segments: Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, text: `segment ${i}` })) }
/** Version `n`: segment n%50 rewritten, and a growing top-level field. */
const version = (prev: Doc, n: number): Doc => ({ ...prev, marks: [...((prev['marks'] as number[] | undefined) ?? []), n], segments: prev.segments.map((s, i) => (i === n % 50 ? { ...s, text: `edit ${n}` } : s)) })

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(() => 'ok', (error: AppError) => error.code)
}

describe('the draft journal', () => {
  it('saves patches after a full save and loads the full draft plus every record, also in a new process (store)', async () => {
    const store = createDraftStore({ dir, now: () => 1000 })
    let doc = first
    let { revision } = await store.save(7, 'h', doc, {})
    for (let n = 1; n <= 5; n++) {
      const next = version(doc, n)
      revision = (await store.patch(7, 'h', revision, diffModel(doc, next))).revision
      doc = next
    }
    // The draft file itself was written once; the edits are journal lines.
    expect((await readFile(journalPathOf(store.pathOf(7)), 'utf8')).split('\n')).toHaveLength(6)
    const reopened = createDraftStore({ dir, now: () => 2000 })
    expect((await reopened.load<Doc>(7))!.document).toEqual(doc)
    expect((await reopened.list()).map((d) => d.taskId)).toEqual(['7'])
  })

  it('ignores a torn last record and anything after a damaged one', async () => {
    const store = createDraftStore({ dir, now: () => 1000 })
    const v1 = version(first, 1)
    const v2 = version(v1, 2)
    const { revision } = await store.save(7, 'h', first, {})
    const r1 = await store.patch(7, 'h', revision, diffModel(first, v1))
    await store.patch(7, 'h', r1.revision, diffModel(v1, v2))
    const journal = journalPathOf(store.pathOf(7))
    const whole = await readFile(journal, 'utf8')
    const lines = whole.split('\n')
    // A kill in the middle of the third append: half a line, no newline.
    await appendFile(journal, lines[1]!.slice(0, 40))
    expect((await createDraftStore({ dir, now: () => 1 }).load<Doc>(7))!.document).toEqual(v2)
    // One flipped byte in the second record: only the first applies.
    const damaged = lines[1]!.replace('edit 2', 'edit 3')
    await writeFile(journal, `${lines[0]}\n${damaged}\n`)
    expect((await createDraftStore({ dir, now: () => 1 }).load<Doc>(7))!.document).toEqual(v1)
  })

  it('refuses a patch on a revision it does not hold with conflict (restart, stale base, other export), and a full save starts over', async () => {
    const store = createDraftStore({ dir, now: () => 1000 })
    const v1 = version(first, 1)
    const { revision } = await store.save(7, 'h', first, {})
    const restarted = createDraftStore({ dir, now: () => 1000 })
    expect(await codeOf(restarted.patch(7, 'h', revision, diffModel(first, v1)))).toBe('conflict')
    expect(await codeOf(store.patch(7, 'other-export', revision, diffModel(first, v1)))).toBe('conflict')
    const r1 = await store.patch(7, 'h', revision, diffModel(first, v1))
    expect(await codeOf(store.patch(7, 'h', revision, diffModel(first, v1)))).toBe('conflict')
    expect(r1.revision).not.toBe(revision)
    const again = await restarted.save(7, 'h', v1, {})
    await restarted.patch(7, 'h', again.revision, diffModel(v1, version(v1, 2)))
    expect((await restarted.load<Doc>(7))!.document).toEqual(version(v1, 2))
    // A patch that names a segment the draft does not have is bad data, and changes nothing.
    expect(await codeOf(store.patch(7, 'h', r1.revision, { set: {}, unset: [], segments: { changed: [], removed: [], order: ['zz'] } }))).toBe('conflict')
  })

  it('compacts after N records into a new full draft; records of the old generation never apply to it', async () => {
    const store = createDraftStore({ dir, now: () => 1000, compactAfter: { records: 3 } })
    let doc = first
    let { revision } = await store.save(7, 'h', doc, {})
    const path = store.pathOf(7)
    let oldJournal = ''
    for (let n = 1; n <= 4; n++) {
      const next = version(doc, n)
      if (n === 4) oldJournal = await readFile(journalPathOf(path), 'utf8')
      revision = (await store.patch(7, 'h', revision, diffModel(doc, next))).revision
      doc = next
    }
    // The 4th save was the compaction: the full draft holds it and the journal is gone.
    expect(JSON.parse(await readFile(path, 'utf8')).document).toEqual(doc)
    expect((await readdir(dir)).filter((n) => n.endsWith('.journal'))).toEqual([])
    // A kill between the new draft's rename and the journal's deletion leaves the old journal: ignored.
    await writeFile(journalPathOf(path), oldJournal)
    expect((await createDraftStore({ dir, now: () => 1 }).load<Doc>(7))!.document).toEqual(doc)
  })

  it('compacts on compactAll (a task closing), caps a patch by maxBytes, and discard removes the journal', async () => {
    const store = createDraftStore({ dir, now: () => 1000, maxBytes: 20_000 })
    const v1 = version(first, 1)
    const { revision } = await store.save(7, 'h', first, {})
    const r1 = await store.patch(7, 'h', revision, diffModel(first, v1))
    expect(await codeOf(store.patch(7, 'h', r1.revision, { set: { padding: 'x'.repeat(30_000) }, unset: [] }))).toBe('bad_request')
    await store.compactAll()
    expect(JSON.parse(await readFile(store.pathOf(7), 'utf8')).document).toEqual(v1)
    expect((await readdir(dir)).some((n) => n.endsWith('.journal'))).toBe(false)
    // After compaction the store holds no revision: the renderer's next patch is refused and it saves in full.
    expect(await codeOf(store.patch(7, 'h', r1.revision, diffModel(v1, version(v1, 2))))).toBe('conflict')
    const again = await store.save(7, 'h', v1, {})
    await store.patch(7, 'h', again.revision, diffModel(v1, version(v1, 2)))
    await store.discard(7)
    expect(await readdir(dir)).toEqual([])
  })

  it('sdte export --input on a draft replays its journal', async () => {
    const store = createDraftStore({ dir, now: () => 1000 })
    const { normaliseTranscript } = await import('../../../../shared/transcript')
    const { setSegmentText } = await import('../../../../shared/transcript/edit-text')
    const { convertRealFixture } = await import('../../../fixtures/real-to-export')
    const model = normaliseTranscript(convertRealFixture('kate-darling-ted.dpe.json'))
    const edited = setSegmentText(model, model.segments[0]!.id, 'Journalled words')
    const { revision } = await store.save(model.taskId, 'h', model, {})
    await store.patch(model.taskId, 'h', revision, diffModel(model, edited))
    const input = await readInputFile(store.pathOf(model.taskId), undefined, dir)
    expect(input.kind === 'transcript' && input.model?.segments[0]!.words.map((w) => w.text).join(' ')).toBe('Journalled words')
  })
})
