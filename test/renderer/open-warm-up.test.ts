import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { normaliseTranscript } from '../../shared/transcript'
import { packWords } from '../../shared/ipc/packed-words'
import { warmOpenCode, warmUpExport } from '../../renderer/src/lib/open-warm-up'
import { createAppStores } from '../../renderer/src/stores/app-stores'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { installFakeSdte } from './support/fake-sdte'

/*
 * The editor frame's data warm-up (issue 21, cold open: lib/open-warm-up.ts): while main reads
 * the task, a made-up export goes through the reply's unpacking and the stepped normalise with a
 * preview, so the real ones find their code compiled. It must take the paths a real reply takes,
 * give what normalising gives, and leave nothing behind in any store.
 */

describe('the open warm-up', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    installFakeSdte()
  })

  it('takes the packed path and the preview path, and gives the model normalising gives', () => {
    const exp = warmUpExport()
    const packed = packWords(exp)
    // Words travel in columns, and one segment's recogniser words are packed apart from its own.
    expect(packed).not.toBeNull()
    expect(packed!.words.display.length).toBe(6)
    const { preview, model } = warmOpenCode(3)
    expect(model).toEqual(normaliseTranscript(exp))
    expect(model.segments.length).toBe(6)
    expect(model.speakers.map((s) => s.id)).toEqual(['warm-a', 'warm-b'])
    // The segment with empty displayWords borrowed its timings; the reviewed one was reconciled.
    expect(model.segments[4].words.length).toBeGreaterThan(0)
    expect(model.segments[2].words.map((w) => w.text)).toContain('more')
    // The preview is the model's first rows, as a long task's first screen is.
    expect(preview?.total).toBe(6)
    expect(preview?.segments).toEqual(model.segments.slice(0, 3))
  })

  it('leaves every store as it was', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    createAppStores(pinia)
    await nextTick()
    const before = JSON.stringify(pinia.state.value)
    warmOpenCode()
    await nextTick()
    expect(JSON.stringify(pinia.state.value)).toBe(before)
    expect(useTaskStore().opened).toBeNull()
    expect(useEditorStore().model).toBeNull()
    expect(useEditorStore().preview).toBeNull()
  })
})
