import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { copyFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { createDraftStore } from '../../../../electron/services/drafts/draft-store'
import { parseTranscriptExport } from '../../../../electron/services/files/read-export-file'
import { readInputFile } from '../../../../electron/cli/input-file'
import { mergeSegments, normaliseTranscript, setSegmentText, splitSegment, toTranscriptExport } from '../../../../shared/transcript'
import type { TranscriptModel } from '../../../../shared/transcript'
import { diffModel } from '../../../../shared/transcript/model-patch'
import { convertRealFixture } from '../../../fixtures/real-to-export'

/*
 * Issue 21: a draft writes the export once. Segments' and words' `source`s (the export's own
 * objects) are stored as places in the draft's export and put back on reading; the JSON export
 * of a draft is byte-identical either way, drafts written before (layout 1) still load, and a
 * draft naming a place its export lacks is reported unreadable like any corrupt draft.
 */

const fixtures = resolve(import.meta.dirname, '../../../fixtures')
let dir: string
const clock = 1765100000000

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdte-draft-sources-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The model as main receives it: the renderer's structured clone (objects shared stay shared). */
const overIpc = <T>(value: T): T => deserialize(serialize(value)) as T

/** A real transcript, edited the ways that move words between segments. */
function editedModel(): { model: TranscriptModel; exportText: string } {
  const exportText = JSON.stringify(convertRealFixture('kate-darling-ted.dpe.json'))
  let model = normaliseTranscript(parseTranscriptExport(exportText, 'kate.json'))
  model = setSegmentText(model, model.segments[1].id, 'A sentence the reviewer wrote again.')
  model = mergeSegments(model, model.segments[3].id)
  const long = model.segments.find((seg, k) => k > 4 && seg.words.length > 6)!
  model = splitSegment(model, long.id, { wordIndex: 3 })
  return { model, exportText }
}

const exportJson = (model: unknown): string => JSON.stringify(toTranscriptExport(model as TranscriptModel))

describe('drafts store the export once (issue 21)', () => {
  it('writes a real edited transcript at about the export\'s size and reads back the same model, sources shared', async () => {
    const { model, exportText } = editedModel()
    const store = createDraftStore({ dir, now: () => clock })
    await store.save(5, 'h', overIpc(model), {})
    const size = (await stat(store.pathOf(5))).size
    const before = JSON.stringify({ version: 1, taskId: '5', exportHash: 'h', savedAt: clock, meta: {}, document: model }).length
    // The old layout wrote the export three times over; now it is the export plus the edits.
    // (The model's own words — id, text, times — stay: about 0.7 of the export.)
    expect(before / exportText.length).toBeGreaterThan(2.5)
    expect(size / exportText.length).toBeLessThan(1.8)
    const loaded = (await store.load<TranscriptModel>(5))!
    expect(loaded.version).toBe(2)
    expect(exportJson(loaded.document) === exportJson(model)).toBe(true)
    expect(JSON.stringify(loaded.document) === JSON.stringify(model)).toBe(true)
    const segments = (loaded.document.source.transcript as { transcripts: Array<{ displayWords: unknown[] }> }).transcripts
    expect(loaded.document.segments[0].source).toBe(segments[0])
    expect(loaded.document.segments[0].words[0].source).toBe(segments[0].displayWords[0])
  })

  it('keeps the saving compact after journal patches (their segments arrive as copies) and compaction', async () => {
    const { model } = editedModel()
    const store = createDraftStore({ dir, now: () => clock })
    const saved = await store.save(5, 'h', overIpc(model), {})
    const full = (await stat(store.pathOf(5))).size
    const next = setSegmentText(model, model.segments[8].id, 'Another edit, journalled.')
    await store.patch(5, 'h', saved.revision, overIpc(diffModel(model, next)))
    await store.compactAll()
    expect((await stat(store.pathOf(5))).size).toBeLessThan(full * 1.02)
    const loaded = (await store.load<TranscriptModel>(5))!
    expect(exportJson(loaded.document) === exportJson(next)).toBe(true)
    expect(JSON.stringify(loaded.document) === JSON.stringify(next)).toBe(true)
  })

  it('loads a draft written before (layout 1, by the code of ecd2084) unchanged', async () => {
    const original = await readFile(join(fixtures, 'drafts/sample-v1.draft.json'), 'utf8')
    await copyFile(join(fixtures, 'drafts/sample-v1.draft.json'), join(dir, '1.draft.json'))
    const store = createDraftStore({ dir, now: () => clock })
    const loaded = (await store.load<TranscriptModel>(1))!
    const old = JSON.parse(original) as { document: TranscriptModel }
    expect(loaded.version).toBe(1)
    expect(JSON.stringify(loaded.document) === JSON.stringify(old.document)).toBe(true)
    // Saved again in the new layout: the same model, the same JSON export.
    await store.save(1, 'sample-hash-v1', overIpc(loaded.document), {})
    const again = (await store.load<TranscriptModel>(1))!
    expect(again.version).toBe(2)
    expect(exportJson(again.document) === exportJson(old.document)).toBe(true)
  })

  it('sdte reads a new draft exactly as the same draft written in the old layout', async () => {
    const { model } = editedModel()
    const store = createDraftStore({ dir, now: () => clock })
    await store.save(5, 'h', overIpc(model), {})
    await writeFile(join(dir, 'old.json'), JSON.stringify({ version: 1, taskId: '5', exportHash: 'h', savedAt: clock, meta: {}, document: model }))
    const packed = await readInputFile(store.pathOf(5), undefined, dir)
    const old = await readInputFile(join(dir, 'old.json'), undefined, dir)
    expect(packed.raw === old.raw).toBe(true)
  })

  it('reports a draft naming a place its export does not have as unreadable, and keeps the file', async () => {
    const { model } = editedModel()
    const store = createDraftStore({ dir, now: () => clock })
    await store.save(5, 'h', overIpc(model), {})
    const body = JSON.parse(await readFile(store.pathOf(5), 'utf8')) as { document: { segments: Array<{ words: Array<{ sourceRef?: number[] }> }> } }
    body.document.segments[0].words[0].sourceRef = [0, 99999]
    await writeFile(store.pathOf(5), JSON.stringify(body))
    const found = await store.lookup(5)
    expect(found.draft).toBeNull()
    expect(found.problem?.message).toMatch(/word 99999, which the draft's export does not have/)
    expect((await readdir(dir)).some((name) => name.startsWith('5.draft.json.corrupt-'))).toBe(true)
  })
})
