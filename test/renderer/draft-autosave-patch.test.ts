import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import type { TranscriptModel } from '../../shared/transcript'
import { applyModelPatch, type ModelPatch } from '../../shared/transcript/model-patch'
import { autosaveDelayMs, useEditorStore } from '../../renderer/src/stores/editor-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { installFakeSdte, openedSample } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'

/*
 * After a task's first full save, autosave sends only what changed (drafts:patch) against the
 * revision main holds; when main refuses with `conflict` (it restarted) the same change goes out
 * as a full save, so nothing is lost.
 */

let fake: FakeSdte
let revision = 0
let refuse = false

const flush = async (): Promise<void> => {
  for (let i = 0; i < 8; i++) await Promise.resolve()
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  setActivePinia(createPinia())
  fake = installFakeSdte()
  revision = 0
  refuse = false
  fake.handlers['drafts:save'] = () => ({ ok: true, value: { savedAt: 100, revision: `g:${(revision = 0)}` } })
  fake.handlers['drafts:patch'] = (payload) => {
    if (refuse || (payload as { base: string }).base !== `g:${revision}`) return { ok: false, error: { code: 'conflict', message: 'not held' } }
    return { ok: true, value: { savedAt: 200 + revision, revision: `g:${++revision}` } }
  }
})
afterEach(() => {
  vi.useRealTimers()
})

async function edited(edit: () => void): Promise<void> {
  edit()
  vi.advanceTimersByTime(autosaveDelayMs)
  await flush()
}

describe('autosave sends what changed', () => {
  it('full save first, then patches naming one segment that rebuild the model exactly', async () => {
    useTaskStore().opened = openedSample()
    await nextTick()
    const editor = useEditorStore()
    const [s0, s1] = editor.model!.segments
    await edited(() => editor.toggleReviewed(s0!.id))
    const full = fake.callsTo('drafts:save') as Array<{ document: TranscriptModel }>
    expect(full).toHaveLength(1)
    let held = structuredClone(full[0]!.document)
    await edited(() => editor.replaceWord(s1!.id, 0, 'Hello'))
    await edited(() => editor.toggleReviewed(s1!.id))
    const patches = fake.callsTo('drafts:patch') as Array<{ base: string; exportHash: string; patch: ModelPatch }>
    expect(patches.map((p) => p.base)).toEqual(['g:0', 'g:1'])
    expect(patches[0]!.patch.segments?.changed.map((s) => s['id'])).toEqual([s1!.id])
    expect(patches[0]!.patch.set['source']).toBeUndefined()
    for (const p of patches) held = applyModelPatch(held, structuredClone(p.patch))
    expect(held).toEqual(editor.model)
    expect(fake.callsTo('drafts:save')).toHaveLength(1)
    expect(editor.saveState).toBe('saved')
    expect(editor.savedAt).toBe(201)
  })

  it('a patch refused with conflict goes out as a full save at once, and patches resume after it', async () => {
    useTaskStore().opened = openedSample()
    await nextTick()
    const editor = useEditorStore()
    const [s0] = editor.model!.segments
    await edited(() => editor.toggleReviewed(s0!.id))
    refuse = true
    await edited(() => editor.replaceWord(s0!.id, 0, 'Again'))
    const saves = fake.callsTo('drafts:save') as Array<{ document: TranscriptModel }>
    expect(saves).toHaveLength(2)
    expect(saves[1]!.document).toBe(editor.model)
    expect(editor.saveState).toBe('saved')
    refuse = false
    await edited(() => editor.toggleReviewed(s0!.id))
    expect(fake.callsTo('drafts:patch')).toHaveLength(2)
    expect(fake.callsTo('drafts:save')).toHaveLength(2)
  })

  it('reopening a task starts over with a full save', async () => {
    useTaskStore().opened = openedSample()
    await nextTick()
    const editor = useEditorStore()
    await edited(() => editor.toggleReviewed(editor.model!.segments[0]!.id))
    // Reopening the task (as after a restart) starts over with a full save.
    useTaskStore().opened = openedSample()
    await nextTick()
    await edited(() => editor.toggleReviewed(editor.model!.segments[1]!.id))
    expect(fake.callsTo('drafts:save')).toHaveLength(2)
    expect(fake.callsTo('drafts:patch')).toHaveLength(0)
  })
})
