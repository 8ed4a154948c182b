import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { packWords } from '../../shared/ipc/packed-words'
import type { OpenedTranscript } from '../../shared/ipc/contract'
import { installFakeSdte, openedSample, type FakeSdte } from './support/fake-sdte'

/*
 * Main sends an opened task's words in columns (shared/ipc/packed-words.ts, issue 21): the task
 * store puts them back as the reply arrives, for every way of opening; columns that do not fit
 * are the open's error, never a task with words missing.
 */

/** `opened` as main's reply carries it: words packed, then cloned as IPC does. */
function packedReply(opened: OpenedTranscript): OpenedTranscript {
  const packed = packWords(opened.data)!
  return structuredClone({ ...opened, data: packed.data, packedWords: packed.words })
}

describe('task store: packed words', () => {
  let fake: FakeSdte
  beforeEach(() => {
    setActivePinia(createPinia())
    fake = installFakeSdte()
  })

  it('puts the words back for an open by id, from a file, the sample and an open of either kind', async () => {
    const store = useTaskStore()
    const opened = openedSample()
    const reply = { ok: true as const, value: packedReply(opened) }
    fake.handlers['tasks:openTranscript'] = () => structuredClone(reply)
    fake.handlers['files:openExport'] = () => structuredClone(reply)
    fake.handlers['sample:open'] = () => structuredClone(reply)
    fake.handlers['tasks:openEither'] = () => ({ ok: true, value: { kind: 'transcript', transcript: packedReply(opened) } })
    for (const open of [() => store.openTask({ taskId: 1 }), () => store.openFile(), () => store.openSample(), () => store.openEither({ taskId: 1 }, () => undefined)]) {
      store.close()
      expect(await open()).toBe(true)
      expect(JSON.stringify(store.opened?.data)).toBe(JSON.stringify(opened.data))
      expect(store.opened).not.toHaveProperty('packedWords')
    }
  })

  it('refuses columns that do not fit the segments', async () => {
    const store = useTaskStore()
    const reply = packedReply(openedSample())
    const words = { ...reply.packedWords!, display: reply.packedWords!.display.slice(1) }
    fake.handlers['tasks:openTranscript'] = () => ({ ok: true, value: { ...reply, packedWords: words } })
    expect(await store.openTask({ taskId: 1 })).toBe(false)
    expect(store.error).toMatchObject({ code: 'invalid_response' })
    expect(store.error?.message).toMatch(/did not arrive whole/)
    expect(store.opened).toBeNull()
  })
})
