import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import DocumentPane from '../../renderer/src/components/DocumentPane.vue'
import { flattenInSlicesFrom, useDocumentStore } from '../../renderer/src/stores/document-store'
import { documentExportSchema } from '../../shared/api/document-export'
import { flattenDocument, flattenDocumentSteps } from '../../shared/document/flatten'
import type { OpenedDocument } from '../../shared/ipc/contract'
import { bigDocumentExport } from '../fixtures/documents/big-export'
import { documentTask } from '../fake-api/seeds'
import { installFakeSdte } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'

/*
 * The document pane's first page (issue 21): a long export is flattened in slices (in idle
 * periods), so the pane comes up at once on the document's facts with its page view mounted (the
 * PDF's first page is painted meanwhile) and the list says the data is coming; the data is then
 * exactly what flattening at once gives. A short export is flattened at once, as before.
 */

let fake: FakeSdte
const opened = (body: unknown): OpenedDocument => ({ origin: 'api', fileName: null, data: documentExportSchema.parse(body) })
const long = () => opened(bigDocumentExport(30, 2300))
/** Just past the threshold, in small entities (the pane's test DOM renders slowly). */
function justLongEnough(): OpenedDocument {
  const seed = documentTask().body as { chunks: Array<{ entities: unknown[] }> }
  const entity = seed.chunks[0]!.entities[0]
  return opened({ ...seed, chunks: [{ ...seed.chunks[0], entities: Array.from({ length: flattenInSlicesFrom }, () => entity) }] })
}

beforeEach(() => {
  setActivePinia(createPinia())
  fake = installFakeSdte()
  fake.handlers['documents:resolveFile'] = () => ({ ok: true, value: { status: 'none' } })
})

describe('flattening in steps', () => {
  it('yields once per entity and ends with what flattening at once gives', () => {
    const { data } = long()
    const steps = flattenDocumentSteps(data)
    let yields = 0
    let step = steps.next()
    for (; !step.done; step = steps.next()) yields++
    const whole = flattenDocument(data)
    expect(yields).toBe(whole.entities.length)
    expect(step.value).toEqual(whole)
  })
})

describe('the document store on a long export', () => {
  it('is preparing at first, then holds the whole flattened document', async () => {
    const store = useDocumentStore()
    const doc = long()
    expect(flattenDocument(doc.data).entities.length).toBeGreaterThanOrEqual(flattenInSlicesFrom)
    store.adopt(doc)
    expect(store.flat).toBeNull()
    expect(store.preparing).toBe(true)
    await expect.poll(() => store.flat, { timeout: 30_000 }).not.toBeNull()
    expect(store.preparing).toBe(false)
    expect(store.flat).toEqual(flattenDocument(doc.data))
  })

  it('drops the slices of a document another one replaced; a short export is flattened at once', async () => {
    const store = useDocumentStore()
    store.adopt(long())
    const short = opened(documentTask().body)
    store.adopt(short)
    expect(store.flat?.taskId).toBe(short.data.taskId)
    // Long enough for the first document's slices to have finished, had they gone on.
    await new Promise((resolve) => setTimeout(resolve, 0))
    await flushPromises()
    const again = long()
    store.adopt(again)
    await expect.poll(() => store.flat, { timeout: 30_000 }).not.toBeNull()
    expect(store.flat?.taskId).toBe(again.data.taskId)
  })

  it('exports the whole CSV even while the data is still being flattened', async () => {
    const saved: string[] = []
    fake.handlers['files:save'] = (request) => (saved.push((request as { content: string }).content), { ok: true, value: { path: '/tmp/x.csv' } })
    const store = useDocumentStore()
    const doc = long()
    store.adopt(doc)
    expect(store.preparing).toBe(true)
    await store.exportCsv()
    expect(saved).toHaveLength(1)
    expect(saved[0]!.split('\n').length).toBeGreaterThan(flattenDocument(doc.data).keyValues.length)
  })
})

describe('the pane while a long export is prepared', () => {
  it('shows the page view and says the data is coming, then the entities', { timeout: 90_000 }, async () => {
    const store = useDocumentStore()
    const wrapper = mount(DocumentPane, { attachTo: document.body })
    store.adopt(justLongEnough())
    await wrapper.vm.$nextTick()
    expect(wrapper.find('[data-testid="document-preparing"]').text()).toBe('Preparing the data…')
    expect(wrapper.find('section.page-view').exists()).toBe(true)
    expect(wrapper.find('[data-testid="document-entity"]').exists()).toBe(false)
    // The test DOM has idle periods only when no timer is pending: each slice may wait its full second.
    await expect.poll(() => wrapper.find('[data-testid="document-entity"]').exists(), { timeout: 80_000 }).toBe(true)
    expect(wrapper.find('[data-testid="document-preparing"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
