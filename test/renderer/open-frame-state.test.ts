import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import type { Result } from '../../shared/errors'
import { installFakeSdte, openedSample, type FakeSdte } from './support/fake-sdte'

/*
 * The task store's `framing` (issue 21, cold open): while a transcript opens from the start
 * screen the editor's frame shows, named after the task when it is known; it goes when the task
 * is in place, and when the open fails, is cancelled or chose no file. Over an open task there
 * is no frame: that task stays until the next one lands.
 */

describe('the editor frame while a task opens', () => {
  let fake: FakeSdte
  beforeEach(() => {
    setActivePinia(createPinia())
    fake = installFakeSdte()
  })

  /** Makes `channel` wait until the returned function answers it. */
  function held(channel: 'tasks:openTranscript' | 'files:openExport' | 'sample:open'): (r: Result<unknown>) => void {
    let release: (r: Result<unknown>) => void = () => undefined
    fake.handlers[channel] = () => new Promise<Result<unknown>>((resolve) => (release = resolve))
    return (r) => release(r)
  }

  it('names the task asked for by id or external id, and becomes the task when it lands', async () => {
    const store = useTaskStore()
    const release = held('tasks:openTranscript')
    const opening = store.openTask({ taskId: 42 })
    expect(store.framing).toEqual({ name: 'Task 42' })
    expect(store.isOpen).toBe(false)
    release({ ok: true, value: openedSample() })
    expect(await opening).toBe(true)
    expect(store.framing).toBeNull()
    expect(store.isOpen).toBe(true)
    store.close()
    const again = held('tasks:openTranscript')
    const byExternal = store.openTask({ externalId: 'case-7' })
    expect(store.framing).toEqual({ name: 'case-7' })
    again({ ok: true, value: openedSample() })
    await byExternal
  })

  it('goes when the open fails, is cancelled or chooses no file; a file or the sample has no name yet', async () => {
    const store = useTaskStore()
    let release = held('files:openExport')
    let opening = store.openFile()
    expect(store.framing).toEqual({ name: null })
    release({ ok: false, error: { code: 'invalid_response', message: 'bad file' } })
    expect(await opening).toBe(false)
    expect(store.framing).toBeNull()
    expect(store.error?.message).toBe('bad file')

    release = held('files:openExport')
    opening = store.openFile()
    release({ ok: true, value: null })
    expect(await opening).toBe(false)
    expect(store.framing).toBeNull()

    release = held('sample:open')
    opening = store.openSample()
    expect(store.framing).toEqual({ name: null })
    release({ ok: false, error: { code: 'cancelled', message: 'Cancelled' } })
    expect(await opening).toBe(false)
    expect(store.framing).toBeNull()
    expect(store.isOpen).toBe(false)
  })

  it('stays while a second open started from the frame is still on its way; none over an open task', async () => {
    const store = useTaskStore()
    const first = held('tasks:openTranscript')
    const one = store.openTask({ taskId: 1 })
    const second = held('sample:open')
    const two = store.openSample()
    first({ ok: false, error: { code: 'not_found', message: 'No such task' } })
    expect(await one).toBe(false)
    expect(store.framing).not.toBeNull()
    second({ ok: true, value: openedSample() })
    expect(await two).toBe(true)
    expect(store.framing).toBeNull()
    expect(store.isOpen).toBe(true)

    const third = held('tasks:openTranscript')
    const three = store.openTask({ taskId: 3 })
    expect(store.framing).toBeNull()
    third({ ok: false, error: { code: 'not_found', message: 'No such task' } })
    await three
    expect(store.isOpen).toBe(true)
  })
})
