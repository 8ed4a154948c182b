import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import DocumentPane from '../../renderer/src/components/DocumentPane.vue'
import { useDocumentStore } from '../../renderer/src/stores/document-store'
import { documentExportSchema } from '../../shared/api/document-export'
import type { DocumentFileState, OpenedDocument } from '../../shared/ipc/contract'
import { documentTask } from '../fake-api/seeds'
import { installFakeSdte } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'

/*
 * The pane over a fake bridge: the seed invoice and malformed exports render what they can,
 * never throw, and the page area says why it shows no page.
 */

let fake: FakeSdte

const opened = (body: unknown): OpenedDocument => ({ origin: 'api', fileName: null, data: documentExportSchema.parse(body) })

function answer(body: unknown, file: DocumentFileState = { status: 'none' }): void {
  fake.handlers['tasks:openDocument'] = () => ({ ok: true, value: opened(body) })
  fake.handlers['documents:resolveFile'] = () => ({ ok: true, value: file })
}

async function mountAndOpen(): Promise<ReturnType<typeof mount>> {
  const wrapper = mount(DocumentPane, { attachTo: document.body })
  await wrapper.get('[data-testid="document-ref-input"]').setValue('2001')
  await wrapper.get('form').trigger('submit')
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  setActivePinia(createPinia())
  fake = installFakeSdte()
})

describe('DocumentPane', () => {
  it('opens by task id and shows grouped entities, grids, QR code and the reason for no page', async () => {
    answer(documentTask().body)
    const wrapper = await mountAndOpen()
    expect(fake.callsTo('tasks:openDocument')).toEqual([{ ref: { taskId: 2001 }, requestId: expect.stringMatching(/^doc-/) as string }])
    expect(wrapper.get('[data-testid="document-title"]').text()).toBe('Invoice FT 2026-42 (Transcritas)')
    expect(wrapper.findAll('[data-testid="document-grid"]')).toHaveLength(2)
    expect(wrapper.text()).toContain('Speaker identification')
    expect(wrapper.text()).toContain('1 invalid key(s)')
    expect(wrapper.get('[data-testid="document-page-unavailable"]').text()).toContain('no original file')
    wrapper.unmount()
  })

  it('an external id opens by external id; a bad task id is refused before asking main', async () => {
    answer(documentTask().body)
    const wrapper = mount(DocumentPane)
    await wrapper.get('[data-testid="document-ref-input"]').setValue('12x')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.text()).toContain('positive whole number')
    await wrapper.get('input[value="externalId"]').setValue(true)
    await wrapper.get('[data-testid="document-ref-input"]').setValue('INV-2026-0042')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(fake.callsTo('tasks:openDocument')).toEqual([{ ref: { externalId: 'INV-2026-0042' }, requestId: expect.any(String) as string }])
  })

  it('a failed open or export says what went wrong and what to do next', async () => {
    fake.handlers['tasks:openDocument'] = () => ({ ok: false, error: { code: 'not_found', message: 'No document task with id 2001 in this organisation' } })
    const wrapper = await mountAndOpen()
    const banner = wrapper.get('[data-testid="document-error"]')
    expect(banner.attributes('role')).toBe('alert')
    expect(banner.text()).toContain('Not found')
    expect(banner.text()).toContain('No document task with id 2001')
    expect(banner.text()).toContain('Check the task id or external id')
    await banner.get('button[aria-label="Dismiss"]').trigger('click')
    expect(wrapper.find('[data-testid="document-error"]').exists()).toBe(false)
    wrapper.unmount()

    setActivePinia(createPinia())
    answer(documentTask().body)
    fake.handlers['files:save'] = () => ({ ok: false, error: { code: 'io', message: 'EACCES: permission denied, open /read-only/x.csv' } })
    const opened = await mountAndOpen()
    const exportCsv = opened.get('button[aria-label="Export CSV"]')
    await exportCsv.trigger('click')
    await flushPromises()
    expect(opened.get('[data-testid="document-error"]').text()).toContain('Check the folder exists, you may write to it')
    opened.unmount()
  })

  it('each unavailable state is explained', async () => {
    const cases: Array<[DocumentFileState, RegExp]> = [
      [{ status: 'expired' }, /expired/],
      [{ status: 'missing' }, /no longer on the server/],
      [{ status: 'unsupported' }, /not a PDF or an image/],
      [{ status: 'error', code: 'network', message: 'The document file could not be downloaded (network).' }, /network/]
    ]
    for (const [file, why] of cases) {
      setActivePinia(createPinia())
      answer(documentTask().body, file)
      const wrapper = await mountAndOpen()
      expect(wrapper.get('[data-testid="document-page-unavailable"]').text()).toMatch(why)
      expect(wrapper.text()).toContain('Speaker identification')
      wrapper.unmount()
    }
  })

  it('malformed exports (no chunks, null boxes, missing tables, unknown types) render without throwing', async () => {
    const bodies: unknown[] = [
      { taskId: 1 },
      { taskId: 2, chunks: null, metadata: null },
      { taskId: 3, chunks: [{ entities: null }, { entities: [] }] },
      {
        taskId: 4,
        chunks: [{
          entities: [
            { type: 'table', groupName: 'Broken', table: null },
            { type: 'hologram', groupName: 'Strange', keyValues: [{ category: 'Seal', content: 'ok', boundingBox: null, points: null }] },
            { type: 'table', table: { tableHeaders: null, tableRows: { r: null, s: [{ rowIndex: 1, columnIndex: 5, content: 'far' }] } } },
            { type: 'qrCode', qrCode: { keyValues: null, boundingBox: { left: null } } },
            { type: 'templateBuilderField', templateBuilderField: { table: { tableRows: null } } }
          ]
        }]
      }
    ]
    for (const body of bodies) {
      setActivePinia(createPinia())
      answer(body)
      const wrapper = await mountAndOpen()
      expect(wrapper.find('[data-testid="document-title"]').exists()).toBe(true)
      expect(wrapper.find('[data-testid="document-data"]').exists()).toBe(true)
      wrapper.unmount()
    }
    setActivePinia(createPinia())
    const last = await mountAndOpen()
    expect(last.text()).toContain('unknown type “hologram”')
    expect(last.text()).toContain('This table entity carries no table data.')
    expect(last.text()).toContain('far')
  })

  it('the low-confidence filter leaves only low values; export CSV sends a BOM-prefixed CSV to files:save', async () => {
    answer(documentTask().body)
    fake.handlers['files:save'] = () => ({ ok: true, value: { path: '/tmp/x.csv' } })
    const wrapper = await mountAndOpen()
    await wrapper.get('select[aria-label="Confidence"]').setValue('low')
    expect(wrapper.findAll('[data-testid="document-kv-row"]').map((r) => r.text())).toEqual([expect.stringContaining('Approval date') as string])
    await useDocumentStore().exportCsv()
    const [request] = fake.callsTo('files:save') as Array<{ suggestedName: string; content: string; filter: unknown }>
    expect(request!.suggestedName).toBe('INV-2026-0042.csv')
    expect(request!.content.startsWith('\uFEFFSection,Group')).toBe(true)
    expect(request!.filter).toEqual({ name: 'CSV', extensions: ['csv'] })
  })
})

describe('DocumentPane copy and open file', () => {
  it('copies a cell, a row and a table as tab-separated text', async () => {
    answer(documentTask().body)
    const wrapper = await mountAndOpen()
    const grid = wrapper.get('table[aria-label="Lines grid"]')
    await grid.findAll('tbody td')[4]!.trigger('click')
    const tools = wrapper.findAll('.grid-tools')[0]!
    const button = (name: string) => tools.findAll('button').find((b) => b.text() === name)!
    await button('Copy cell').trigger('click')
    await flushPromises()
    expect(await navigator.clipboard.readText()).toBe('Speaker identification')
    await button('Copy row').trigger('click')
    await flushPromises()
    expect(await navigator.clipboard.readText()).toBe('Speaker identification\t120\t0.25\t30.00')
    await button('Copy table').trigger('click')
    await flushPromises()
    expect((await navigator.clipboard.readText()).split('\n')).toHaveLength(4)
    expect(wrapper.get('[data-testid="document-notice"]').text()).toBe('Copied the table.')
    wrapper.unmount()
  })

  it('"Open saved JSON…" asks main for a file; cancelling leaves the form', async () => {
    fake.handlers['documents:openFile'] = () => ({ ok: true, value: null })
    const wrapper = mount(DocumentPane)
    await wrapper.findAll('button').find((b) => b.text() === 'Open saved JSON…')!.trigger('click')
    await flushPromises()
    expect(fake.callsTo('documents:openFile')).toHaveLength(1)
    expect(wrapper.find('[data-testid="document-ref-input"]').exists()).toBe(true)
  })
})

describe('DocumentPane keyboard, announcements and recent documents', () => {
  it('the open form lists only recent document tasks; choosing one opens it by its id', async () => {
    answer(documentTask().body)
    fake.handlers['tasks:recent'] = () => ({
      ok: true,
      value: [
        { taskId: 1001, externalId: 'SDTE-SAMPLE-1', name: 'Sample interview', kind: 'transcript', openedAt: 1_700_000_000_000 },
        { taskId: 2001, externalId: 'INV-2026-0042', name: 'Invoice FT 2026-42', kind: 'document', openedAt: 1_700_000_100_000 },
        { taskId: null, externalId: 'DOC-EXT-9', name: 'Delivery note', kind: 'document', openedAt: 1_700_000_200_000 }
      ]
    })
    const wrapper = mount(DocumentPane)
    await flushPromises()
    const recent = wrapper.findAll('[data-testid="document-recent"]')
    expect(recent.map((b) => b.text())).toEqual(['Invoice FT 2026-42', 'Delivery note'])
    expect(wrapper.text()).not.toContain('Sample interview')
    await recent[1]!.trigger('click')
    await flushPromises()
    expect(fake.callsTo('tasks:openDocument')).toEqual([{ ref: { externalId: 'DOC-EXT-9' }, requestId: expect.any(String) as string }])
    expect(wrapper.get('[data-testid="document-title"]').text()).toBe('Invoice FT 2026-42 (Transcritas)')
  })

  it('arrow keys move through the grid with one Tab stop; Ctrl+C copies the focused cell', async () => {
    answer(documentTask().body)
    const wrapper = await mountAndOpen()
    const grid = wrapper.get('table[aria-label="Lines grid"]')
    const cells = () => grid.findAll('tbody td')
    expect(cells().filter((c) => c.attributes('tabindex') === '0')).toHaveLength(1)
    await cells()[0]!.trigger('focus')
    await grid.trigger('keydown', { key: 'ArrowDown' })
    await grid.trigger('keydown', { key: 'ArrowRight' })
    await flushPromises()
    expect(document.activeElement?.textContent).toBe('120')
    expect(grid.get('td[tabindex="0"]').attributes('data-cell')).toBe('1-1')
    await grid.trigger('keydown', { key: 'End' })
    await flushPromises()
    expect(document.activeElement?.textContent).toBe('30.00')
    await grid.trigger('keydown', { key: 'ArrowDown' })
    await grid.trigger('keydown', { key: 'ArrowDown' })
    await grid.trigger('keydown', { key: 'ArrowDown' })
    await grid.trigger('keydown', { key: 'c', ctrlKey: true })
    await flushPromises()
    // Stopped at the last row, not past it.
    expect(await navigator.clipboard.readText()).toBe('30.00')
    expect(grid.get('td[tabindex="0"]').attributes('data-cell')).toBe('2-3')
    wrapper.unmount()
  })

  it('selecting a key-value announces it and where its box is', async () => {
    answer(documentTask().body)
    const wrapper = await mountAndOpen()
    const live = wrapper.get('[data-testid="document-selection-announcement"]')
    expect(live.attributes('aria-live')).toBe('polite')
    expect(live.text()).toBe('')
    await wrapper.findAll('[data-testid="document-kv-row"]').find((r) => r.text().includes('250.92 EUR'))!.trigger('keydown', { key: 'Enter' })
    expect(live.text()).toBe('Selected Total: 250.92 EUR. Its box is highlighted on page 2.')
    wrapper.unmount()
  })

  it('the text filter applies after a pause in typing, not on every key', async () => {
    answer(documentTask().body)
    const wrapper = await mountAndOpen()
    const list = wrapper.get('[data-testid="document-data"]')
    const input = wrapper.get('input[aria-label="Filter text"]')
    await input.setValue('speak')
    expect((input.element as HTMLInputElement).value).toBe('speak')
    expect(list.attributes('data-applied-filter')).toBe('')
    await new Promise((r) => setTimeout(r, 250))
    await flushPromises()
    expect(list.attributes('data-applied-filter')).toBe('speak')
    expect(wrapper.findAll('article.entity').map((a) => a.attributes('aria-label'))).toEqual(['Lines (Table)'])
    wrapper.unmount()
  })
})

describe('DocumentPane empty states and key-value rows', () => {
  it('a document without entities says so; a filter that leaves nothing offers to show everything again', async () => {
    answer({ taskId: 5, displayName: 'Empty', chunks: [{ entities: [] }] })
    const empty = await mountAndOpen()
    expect(empty.get('[data-testid="document-empty"]').text()).toContain('no extracted data')
    // No pages: no "Page" with nothing after it.
    expect(empty.find('nav .pages').exists()).toBe(false)
    empty.unmount()

    setActivePinia(createPinia())
    answer(documentTask().body)
    const wrapper = await mountAndOpen()
    const store = useDocumentStore()
    store.filter = { ...store.filter, text: 'no such value anywhere', confidence: 'low', lowThreshold: 0.6 }
    store.chunk = 0
    await flushPromises()
    const message = wrapper.get('[data-testid="document-empty"]')
    expect(message.text()).toContain('Nothing matches the filter in chunk 1.')
    expect(wrapper.get('[data-testid="document-filter-announcement"]').text()).toBe('Nothing matches the filter.')
    await message.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="document-empty"]').exists()).toBe(false)
    expect(store.filter).toMatchObject({ text: '', category: null, confidence: 'all', lowThreshold: 0.6 })
    expect(store.chunk).toBeNull()
    expect(wrapper.get('[data-testid="document-filter-announcement"]').text()).toBe('All 5 entities shown.')
    expect((wrapper.get('input[aria-label="Filter text"]').element as HTMLInputElement).value).toBe('')
    wrapper.unmount()
  })

  it('each key-value row has an icon button named after its row that copies it; the normalised value is also under the content for narrow cards', async () => {
    answer(documentTask().body)
    const wrapper = await mountAndOpen()
    const total = wrapper.findAll('[data-testid="document-kv-row"]').find((r) => r.text().includes('250.92 EUR'))!
    const copy = total.get('button')
    expect(copy.attributes('aria-label')).toBe('Copy row: Total')
    expect(copy.text()).toBe('')
    await copy.trigger('click')
    await flushPromises()
    expect(await navigator.clipboard.readText()).toMatch(/^Total\t250\.92 EUR\t250\.92\t99%\t2$/)
    // The click copies; it does not select the row.
    expect(useDocumentStore().selectedId).toBeNull()
    expect(total.get('.c-content .norm-inline').text()).toContain('250.92')
    // Same content and normalised value: nothing repeated under it.
    const reference = wrapper.findAll('[data-testid="document-kv-row"]').find((r) => r.text().includes('INV-2026-0042'))!
    expect(reference.find('.norm-inline').exists()).toBe(false)
    wrapper.unmount()
  })

  it('with no page to show, the data takes the whole width and the reason sits below it', async () => {
    answer(documentTask().body, { status: 'none' })
    const wrapper = await mountAndOpen()
    expect(wrapper.get('.split').classes()).toContain('no-page')
    expect(wrapper.get('[data-testid="document-page-unavailable"]').text()).toContain('no original file')
    wrapper.unmount()
  })

  it('a long document title keeps its full text as a tooltip; a long group name is shown whole (the heading wraps it)', async () => {
    const body = documentTask().body as { displayName: string; chunks: Array<{ entities: Array<{ groupName: string }> }> }
    const long = 'Supplier-invoice-header-with-a-very-long-group-name-that-has-no-spaces-at-all-0123456789'
    body.displayName = `A very long document title ${long}`
    body.chunks[0]!.entities[0]!.groupName = long
    answer(body)
    const wrapper = await mountAndOpen()
    expect(wrapper.get('[data-testid="document-title"]').attributes('title')).toBe(body.displayName)
    useDocumentStore().filter = { ...useDocumentStore().filter, category: 'Header' }
    await flushPromises()
    expect(wrapper.findAll('h3').map((h) => h.text())).toContain(long)
    wrapper.unmount()
  })

  it('the Task tab gives each chunk its version, entities, who modified it and when it was retrieved, in readable UTC times', async () => {
    answer(documentTask().body)
    const wrapper = await mountAndOpen()
    await wrapper.findAll('button').find((b) => b.text() === 'Task')!.trigger('click')
    const meta = wrapper.get('section[aria-label="Task metadata"]')
    expect(meta.get('li').text().replace(/\s+/g, ' ')).toBe(
      'Chunk 1 · v2.1 · 5 entities · modified by anna.reviewer@example.org on 2026-03-02 09:40:03 UTC · retrieved 2026-03-02 08:12:40 UTC · 92%'
    )
    expect(meta.text()).toContain('costCentre')
    // Each fact named by the catalogue (pt-PT names them too): who checked it out, and until when.
    const facts = Object.fromEntries(meta.findAll('dt').map((dt) => [dt.text(), (dt.element.nextElementSibling as HTMLElement).textContent]))
    expect(facts).toMatchObject({ 'External id': 'INV-2026-0042', 'Last checkout': 'anna.reviewer@example.org', 'Checked out until': '2026-03-02 11:00:00 UTC' })
    // The chunk picker names its own options.
    expect(wrapper.get('select[aria-label="Chunk"]').findAll('option').map((o) => o.text())).toEqual(['All chunks', 'Chunk 1 (v2.1)'])
    wrapper.unmount()
  })

  it('a key-value table is one Tab stop (then its row\'s copy button): arrows move between rows, Enter selects, Ctrl+C copies the row', async () => {
    answer(documentTask().body)
    const wrapper = await mountAndOpen()
    const table = wrapper.findAll('[data-testid="document-key-values"]').find((t) => t.text().includes('Subtotal'))!
    const rows = table.findAll('[data-testid="document-kv-row"]')
    expect(rows.map((r) => r.attributes('tabindex'))).toEqual(['0', '-1', '-1'])
    expect(rows.map((r) => r.get('button').attributes('tabindex'))).toEqual(['0', '-1', '-1'])
    ;(rows[0]!.element as HTMLElement).focus()
    await rows[0]!.trigger('keydown', { key: 'ArrowDown' })
    await flushPromises()
    expect(document.activeElement).toBe(rows[1]!.element)
    expect(rows.map((r) => r.attributes('tabindex'))).toEqual(['-1', '0', '-1'])
    await rows[1]!.trigger('keydown', { key: 'End' })
    await flushPromises()
    expect(document.activeElement).toBe(rows[2]!.element)
    await rows[2]!.trigger('keydown', { key: 'c', ctrlKey: true })
    await flushPromises()
    expect(await navigator.clipboard.readText()).toBe('Total\t250.92 EUR\t250.92\t99%\t2')
    await rows[2]!.trigger('keydown', { key: 'Enter' })
    expect(useDocumentStore().selectedId).toBe(rows[2]!.attributes('data-item-id'))
    wrapper.unmount()
  })

  it('a copy notice floats over the pane and goes after a while; the same notice again starts its time afresh', async () => {
    answer(documentTask().body)
    const wrapper = await mountAndOpen()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const copy = () => wrapper.findAll('[data-testid="document-kv-row"]').find((r) => r.text().includes('250.92 EUR'))!.get('button').trigger('click')
    await copy()
    await flushPromises()
    expect(wrapper.get('[data-testid="document-notice"]').text()).toBe('Copied the row.')
    vi.advanceTimersByTime(4000)
    await copy()
    await flushPromises()
    vi.advanceTimersByTime(4000)
    await flushPromises()
    // 8 s after the first copy, 4 s after the second: still there.
    expect(wrapper.find('[data-testid="document-notice"]').exists()).toBe(true)
    vi.advanceTimersByTime(2500)
    await flushPromises()
    expect(wrapper.find('[data-testid="document-notice"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('DocumentPane: an original file named by an opened file', () => {
  it('says which host it is on and fetches it only when the reviewer agrees', async () => {
    answer(documentTask().body)
    fake.handlers['documents:resolveFile'] = (request: unknown) =>
      (request as { allowHost?: string }).allowHost ? { ok: true, value: { status: 'missing' } } : { ok: true, value: { status: 'confirm', host: 'blob.example.net' } }
    const wrapper = await mountAndOpen()
    expect(wrapper.get('[data-testid="document-page-unavailable"]').text()).toContain('blob.example.net')
    expect(fake.callsTo('documents:resolveFile')).toEqual([{ taskId: 2001 }])
    await wrapper.get('[data-testid="document-download"]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('documents:resolveFile')).toEqual([{ taskId: 2001 }, { taskId: 2001, allowHost: 'blob.example.net' }])
    expect(wrapper.get('[data-testid="document-page-unavailable"]').text()).toContain('no longer on the server')
    wrapper.unmount()
  })
})
