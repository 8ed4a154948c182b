import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import type { Result } from '../../shared/errors'
import { installFakeSdte, openedSample, type FakeSdte } from './support/fake-sdte'

/*
 * An opened task's reply and what it starts are separate tasks (issue 21, cold open): the
 * receive (IPC's structured clone of the reply) and the unpacking end one task; the task is put
 * in place — the normalise and the first rows' render — in the next, so opening is not one long
 * task. A failed open says so at once.
 */

/** Every microtask queued so far, and those they queue, run; no task does. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 100; i++) await Promise.resolve()
}

describe('the reply of an open and the task put in place', () => {
  let fake: FakeSdte
  beforeEach(() => {
    setActivePinia(createPinia())
    fake = installFakeSdte()
  })

  function held(channel: 'tasks:openTranscript' | 'files:openExport' | 'tasks:openEither'): (r: Result<unknown>) => void {
    let release: (r: Result<unknown>) => void = () => undefined
    fake.handlers[channel] = () => new Promise<Result<unknown>>((resolve) => (release = resolve))
    return (r) => release(r)
  }

  it('puts the task in place in a task after the reply\'s, for every way of opening', async () => {
    const store = useTaskStore()
    const release = held('files:openExport')
    const opening = store.openFile()
    release({ ok: true, value: openedSample() })
    await microtasks()
    // The reply is in, the task not yet: the frame still shows.
    expect(store.opened).toBeNull()
    expect(store.framing).not.toBeNull()
    expect(await opening).toBe(true)
    expect(store.opened?.data.taskId).toBe(openedSample().data.taskId)
    store.close()
    const either = held('tasks:openEither')
    const eitherOpening = store.openEither({ taskId: 7 }, () => undefined)
    either({ ok: true, value: { kind: 'transcript', transcript: openedSample() } })
    await microtasks()
    expect(store.opened).toBeNull()
    expect(await eitherOpening).toBe(true)
    expect(store.opened).not.toBeNull()
  })

  it('a failed open shows its error without waiting a task', async () => {
    const store = useTaskStore()
    const release = held('tasks:openTranscript')
    const opening = store.openTask({ taskId: 9 })
    release({ ok: false, error: { code: 'not_found', message: 'Task 9 was not found.' } })
    await microtasks()
    expect(store.error?.message).toBe('Task 9 was not found.')
    expect(await opening).toBe(false)
  })
})
