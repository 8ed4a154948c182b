import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { normaliseTranscript, segmentText } from '../../shared/transcript'
import type { TranscriptExport } from '../../shared/api/transcript-export'
import type { OpenedTranscript } from '../../shared/ipc/contract'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { useUiStore } from '../../renderer/src/stores/ui-store'
import { startNormalising } from '../../renderer/src/lib/normalise-in-slices'
import { convertRealFixture } from '../fixtures/real-to-export'
import { installFakeSdte } from './support/fake-sdte'

/*
 * A long task opens first screen first (issue 21): its first rows are shown from a preview while
 * the rest is normalised in slices. Nothing may act on half a task: a key, an edit, find or
 * export given in that moment finishes the model there and then and acts on all of it; the
 * slices then drop their work rather than overwrite the edit.
 */

const hearing = convertRealFixture('senate-hearing-2h.dpe.json')
const opened = (data: TranscriptExport = structuredClone(hearing)): OpenedTranscript => ({ origin: 'file', fileName: 'senate-2h.json', data, exportHash: 'hash-2h', draft: null })

/** Lets every queued task run (the slices hand the thread back between them) until `done()`. */
async function until(done: () => boolean): Promise<void> {
  await vi.waitFor(() => expect(done()).toBe(true), { timeout: 15_000, interval: 5 })
}

/** A few rounds of macrotasks: enough for a dropped slice job to have said its last word. */
async function someTasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0))
}

async function openHearing() {
  const task = useTaskStore()
  task.opened = opened()
  await nextTick()
  return useEditorStore()
}

beforeEach(() => {
  setActivePinia(createPinia())
  installFakeSdte()
})

describe('opening a long task: the first rows first, the whole task for anything that acts', () => {
  it('shows a preview of the first rows at once, then puts the whole model in place', async () => {
    const editor = await openHearing()
    expect(editor.model).toBeNull()
    expect(editor.preview?.total).toBe(838)
    expect(editor.preview!.segments.length).toBeGreaterThan(10)
    expect(editor.preview!.segments.length).toBeLessThan(100)
    expect(editor.cursor).toEqual({ segmentId: 's0', wordIndex: -1 })
    await until(() => editor.model !== null)
    expect(editor.preview).toBeNull()
    expect(editor.model).toEqual(normaliseTranscript(hearing))
    expect(editor.cursor).toEqual({ segmentId: 's0', wordIndex: -1 })
  })

  it('a key typed the moment the first rows show reaches the whole model, and the slices do not overwrite it', async () => {
    const editor = await openHearing()
    expect(editor.model).toBeNull()
    expect(editor.typeText('s0', 'Typed while opening')).toBe(true)
    // The model was finished there and then: all of it, with the edit, one undo step.
    expect(editor.model!.segments).toHaveLength(838)
    expect(segmentText(editor.model!.segments[0])).toBe('Typed while opening')
    expect(editor.preview).toBeNull()
    expect(editor.canUndo).toBe(true)
    await someTasks()
    expect(segmentText(editor.model!.segments[0])).toBe('Typed while opening')
    expect(editor.model!.segments).toHaveLength(838)
    expect(editor.undo()).toBe(true)
    expect(editor.model).toEqual(normaliseTranscript(hearing))
  })

  it('find and export right after opening see the whole transcript, not the first rows', async () => {
    const editor = await openHearing()
    const lastWords = normaliseTranscript(hearing).segments.at(-1)!.words
    const needle = lastWords.find((w) => w.text.length > 5)!.text.replace(/[^\p{L}]/gu, '')
    expect(editor.model).toBeNull()
    const found = editor.find({ text: needle, caseSensitive: false, wholeWord: false, regex: false })
    expect(found.some((m) => m.segmentId === 's837')).toBe(true)
    const exported = editor.exportData()!
    expect(exported.transcript).not.toBeNull()
    expect((exported.transcript as { transcripts: unknown[] }).transcripts).toHaveLength(838)
  })

  it('the export dialog opened during the open reads the whole model', async () => {
    const editor = await openHearing()
    expect(editor.model).toBeNull()
    useUiStore().open('export')
    expect(editor.model!.segments).toHaveLength(838)
  })

  it('another task opened while the first is still being normalised: the first never lands', async () => {
    const task = useTaskStore()
    const editor = await openHearing()
    const other = structuredClone(hearing)
    other.taskId = 777
    other.transcript.transcripts = other.transcript.transcripts!.slice(0, 400)
    task.opened = opened(other)
    await nextTick()
    await until(() => editor.model !== null)
    await someTasks()
    expect(editor.model!.taskId).toBe(777)
    expect(editor.model!.segments).toHaveLength(400)
  })
})

describe('normalising job', () => {
  it('finish() hands the whole model at once and the slices then resolve to nothing', async () => {
    const job = startNormalising(structuredClone(hearing), 30)
    expect(job.preview!.segments).toHaveLength(30)
    const model = job.finish()
    expect(model).toEqual(normaliseTranscript(hearing))
    expect(job.finish()).toBe(model)
    await expect(job.done).resolves.toBeNull()
  })

  it('without finish() the slices resolve to the same model', async () => {
    const job = startNormalising(structuredClone(hearing), 30)
    expect(await job.done).toEqual(normaliseTranscript(hearing))
  })
})
