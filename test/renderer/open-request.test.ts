import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { useDocumentStore } from '../../renderer/src/stores/document-store'
import type { Result } from '../../shared/errors'
import { installFakeSdte, openedSample, type FakeSdte } from './support/fake-sdte'

/* Both stores open through one request helper: label, error, cancel id, cleared after. */

describe('opening with a cancellable request', () => {
  let fake: FakeSdte
  beforeEach(() => {
    setActivePinia(createPinia())
    fake = installFakeSdte()
    fake.handlers['tasks:cancel'] = () => ({ ok: true, value: undefined })
  })

  it('task store: shows the label and sends the pending id on Cancel; a cancel is not an error', async () => {
    const store = useTaskStore()
    let release: (r: Result<unknown>) => void = () => undefined
    fake.handlers['tasks:openTranscript'] = () => new Promise<Result<unknown>>((resolve) => (release = resolve))
    const opening = store.openTask({ taskId: 42 })
    expect(store.loading).toBe('Opening task 42…')
    expect(store.pendingRequestId).toMatch(/^open-\d+-\d+$/)
    await store.cancel()
    const [sent] = fake.callsTo('tasks:cancel') as Array<{ requestId: string }>
    expect(sent?.requestId).toBe(store.pendingRequestId)
    release({ ok: false, error: { code: 'cancelled', message: 'Cancelled' } })
    expect(await opening).toBe(false)
    expect(store.error).toBeNull()
    expect(store.loading).toBeNull()
    expect(store.pendingRequestId).toBeNull()
  })

  it('task store: opens what main returns; a failure is kept as the error', async () => {
    const store = useTaskStore()
    const opened = openedSample()
    fake.handlers['tasks:openTranscript'] = () => ({ ok: true, value: opened })
    expect(await store.openTask({ externalId: 'x' })).toBe(true)
    expect(store.opened).toEqual(opened)
    fake.handlers['files:openExport'] = () => ({ ok: false, error: { code: 'invalid_response', message: 'bad file' } })
    expect(await store.openFile()).toBe(false)
    expect(store.error?.message).toBe('bad file')
    expect(store.opened).toEqual(opened)
  })

  it('document store: ids of its own kind; no file chosen opens nothing and is no error', async () => {
    const store = useDocumentStore()
    fake.handlers['tasks:openDocument'] = () => ({ ok: false, error: { code: 'not_found', message: 'No such task' } })
    const opening = store.openTask({ taskId: 5 })
    expect(store.pendingRequestId).toMatch(/^doc-\d+-\d+$/)
    expect(await opening).toBe(false)
    expect(store.error?.code).toBe('not_found')
    fake.handlers['documents:openFile'] = () => ({ ok: true, value: null })
    expect(await store.openFile()).toBe(false)
    expect(store.error).toBeNull()
    expect(store.opened).toBeNull()
  })
})
