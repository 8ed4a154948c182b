import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { installFakeSdte, openedSample } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'
import type { TaskListItem } from '../../shared/api/task-list'
import type { RequestOf } from '../../shared/ipc/contract'
import InboxPanel from '../../renderer/src/components/inbox/InboxPanel.vue'
import { useDocumentStore } from '../../renderer/src/stores/document-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { useUiStore } from '../../renderer/src/stores/ui-store'
import { documentExportSchema } from '../../shared/api/document-export'
import { documentTask } from '../fake-api/seeds'
import { i18n } from '../../renderer/src/i18n'
import { toTaskListItem } from '../../shared/api/task-list'

/*
 * The inbox panel against a fake bridge: the filters become the documented list request, paging
 * and opening from the keyboard, type-to-filter, the offline copy, errors, empty pages, search by
 * id, and the local columns (draft, reviewed share, last opened).
 */

type ListRequest = RequestOf<'tasks:list'>

function item(taskId: number, name: string, extra: Partial<TaskListItem> = {}): TaskListItem {
  return {
    taskId, taskNumber: taskId - 1000, externalId: `EXT-${taskId}`, name, workspaceId: 7,
    status: { value: 40, text: 'ToReview' }, integrationStatus: { value: 0, text: 'NotIntegrated' },
    externalStatus: 'never', createdOn: '2026-02-03T10:00:00Z', lengthMinutes: 12, ...extra
  }
}

/** 23 tasks, served 10 a page like the platform. */
const all = Array.from({ length: 23 }, (_, i) => item(1001 + i, i === 4 ? 'Budget hearing' : `Interview ${i + 1}`, i === 1 ? { status: { value: 77, text: 'SomethingNew' } } : {}))

let fake: FakeSdte
let wrapper: VueWrapper | null = null
let listReply: (req: ListRequest) => ReturnType<NonNullable<FakeSdte['handlers']['tasks:list']>>

beforeEach(() => {
  setActivePinia(createPinia())
  fake = installFakeSdte()
  listReply = (req) => {
    const start = (req.page - 1) * req.pageSize
    const items = all.slice(start, start + req.pageSize)
    return { ok: true, value: { items, page: req.page, pageSize: req.pageSize, total: all.length, hasMore: start + req.pageSize < all.length, unreadable: 0, asOf: Date.UTC(2026, 2, 1, 9), offline: false } }
  }
  Object.assign(fake.handlers, {
    'workspaces:list': () => ({ ok: true, value: [{ workspaceId: 7, name: 'Transcripts', isDefault: true, templateName: 'Transcripts', templateType: 5, taskType: 2 }, { workspaceId: 9, name: 'Hearings', isDefault: false, templateName: null, templateType: null }, { workspaceId: 11, name: 'Invoices', isDefault: false, templateName: 'Invoices', templateType: 1, taskType: 1 }] }),
    'tasks:list': (p: unknown) => listReply(p as ListRequest),
    'drafts:summaries': () => ({ ok: true, value: [{ taskId: 1002, savedAt: 1, reviewedPercent: 40 }] }),
    'tasks:recent': () => ({ ok: true, value: [{ taskId: 1003, externalId: null, name: 'x', kind: 'transcript', openedAt: Date.UTC(2026, 1, 20, 12) }] }),
    'settings:getReviewStatus': () => ({ ok: true, value: { value: 'reviewed' } }),
    'tasks:openTranscript': () => ({ ok: true, value: openedSample() })
  })
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function mountPanel(props: { inDialog?: boolean } = {}): Promise<VueWrapper> {
  wrapper = mount(InboxPanel, { props, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const rows = (w: VueWrapper) => w.findAll('[data-testid="inbox-row"]')
const lastList = () => fake.callsTo('tasks:list').at(-1) as ListRequest
const key = async (w: VueWrapper, k: string) => {
  await w.get('.table-wrap').trigger('keydown', { key: k })
  await flushPromises()
}

describe('inbox panel', () => {
  it('lists the first page with the columns a reviewer needs, unknown statuses by their text', async () => {
    const w = await mountPanel()
    expect(lastList()).toEqual({ filters: { sort: 'createdOn' }, page: 1, pageSize: 10 })
    expect(rows(w)).toHaveLength(10)
    const second = rows(w)[1].text()
    expect(second).toContain('Interview 2')
    expect(second).toContain('EXT-1002')
    expect(second).toContain('SomethingNew')
    expect(second).toContain('12 min')
    expect(second).toContain('2026-02-03')
    expect(second).toContain('Draft · 40% reviewed')
    expect(rows(w)[2].text()).toContain(new Date(Date.UTC(2026, 1, 20, 12)).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' }))
    expect(rows(w)[0].text()).not.toContain('Draft')
    expect(w.get('[data-testid="inbox-page"]').text()).toBe('Page 1 of 3 · 23 tasks')
    expect(fake.callsTo('drafts:summaries')).toEqual([{ taskIds: all.slice(0, 10).map((t) => t.taskId) }])
  })

  it('names a task and a status the server left unnamed in the reviewer\'s language; the server\'s own text as it came', async () => {
    // What shared/api/task-list.ts reads from a status object with no display name and no status text.
    const bare = toTaskListItem({ taskId: 1049, workspaceId: 7, taskStatus: 19, integrationStatus: 0, integrationStatusText: 'NotIntegrated' })!
    expect([bare.name, bare.status.text]).toEqual(['Task 1049', 'Deleting']) // sdte's English
    listReply = (req) => ({ ok: true, value: { items: [bare, all[1]], page: req.page, pageSize: req.pageSize, total: 2, hasMore: false, unreadable: 0, asOf: 1, offline: false } })
    const w = await mountPanel()
    expect(rows(w)[0].text()).toContain('Task 1049')
    expect(rows(w)[0].text()).toContain('Deleting')
    i18n.global.locale.value = 'pt-PT'
    try {
      await flushPromises()
      expect(rows(w)[0].text()).toContain('Tarefa 1049')
      expect(rows(w)[0].text()).toContain('A eliminar')
      expect(rows(w)[0].text()).toContain('NotIntegrated')
      expect(rows(w)[1].text()).toContain('SomethingNew')
    } finally {
      i18n.global.locale.value = 'en'
    }
  })

  it('turns the filters into the list request, from page 1', async () => {
    const w = await mountPanel()
    await key(w, 'PageDown')
    expect(lastList().page).toBe(2)
    await w.get('[data-testid="filter-review"]').setValue('never')
    await flushPromises()
    expect(lastList()).toMatchObject({ page: 1, filters: { externalStatus: 'never' } })
    const boxes = w.get('[data-testid="filter-workspaces"]').findAll('input[type="checkbox"]')
    await boxes[1].setValue(true)
    await flushPromises()
    expect(lastList().filters.workspaceIds).toEqual([9])
    const statusBoxes = w.get('[data-testid="filter-status"]').findAll('input[type="checkbox"]')
    expect(statusBoxes.map((b) => b.element.parentElement?.textContent?.trim())).toEqual(['ToReview', 'SomethingNew'])
    await statusBoxes[1].setValue(true)
    await flushPromises()
    expect(lastList().filters.taskStatuses).toEqual([77])
    await w.get('[name="from"]').setValue('2026-02-01')
    await w.get('[name="to"]').setValue('2026-02-28')
    await flushPromises()
    expect(lastList().filters).toMatchObject({ from: '2026-02-01T00:00:00Z', to: '2026-02-28T23:59:59Z' })
  })

  it('refuses a date range that ends before it starts, sending nothing', async () => {
    const w = await mountPanel()
    await w.get('[name="from"]').setValue('2026-03-01')
    await flushPromises()
    const before = fake.callsTo('tasks:list').length
    await w.get('[name="to"]').setValue('2026-02-01')
    await flushPromises()
    expect(w.get('[data-testid="filter-problem"]').text()).toContain('after the "to" date')
    expect(fake.callsTo('tasks:list')).toHaveLength(before)
  })

  it('pages with PageDown/PageUp, moves with the arrows, filters as you type, opens with Enter', async () => {
    const w = await mountPanel()
    await key(w, 'PageDown')
    await key(w, 'PageDown')
    expect(w.get('[data-testid="inbox-page"]').text()).toBe('Page 3 of 3 · 23 tasks')
    expect(rows(w)).toHaveLength(3)
    // No page after the last: PageDown asks for nothing.
    const calls = fake.callsTo('tasks:list').length
    await key(w, 'PageDown')
    expect(fake.callsTo('tasks:list')).toHaveLength(calls)
    await key(w, 'PageUp')
    await key(w, 'PageUp')
    expect(lastList().page).toBe(1)
    await key(w, 'ArrowDown')
    await key(w, 'ArrowDown')
    expect(rows(w)[2].attributes('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(rows(w)[2].element)
    for (const k of 'budget') await key(w, k)
    expect(rows(w)).toHaveLength(1)
    expect(w.get('[data-testid="inbox-quick"]').text()).toContain('budget')
    // Typing that matches nothing keeps the keys on the list: Backspace brings the row back.
    await key(w, 'q')
    expect(rows(w)).toHaveLength(0)
    expect(document.activeElement).toBe(w.get('.table-wrap').element)
    await key(w, 'Backspace')
    expect(rows(w)).toHaveLength(1)
    await key(w, 'Enter')
    expect(fake.callsTo('tasks:openTranscript')).toMatchObject([{ ref: { taskId: 1005 } }])
    expect(w.emitted('opened')).toHaveLength(1)
    await key(w, 'Escape')
    expect(rows(w)).toHaveLength(10)
  })

  it('shows the last page with its time when offline, and says so', async () => {
    listReply = (req) => ({ ok: true, value: { items: all.slice(0, 2), page: 1, pageSize: req.pageSize, total: 2, hasMore: false, unreadable: 0, asOf: Date.UTC(2026, 1, 27, 8, 30), offline: true, offlineReason: 'Cannot reach 127.0.0.1' } })
    const w = await mountPanel()
    expect(rows(w)).toHaveLength(2)
    const notice = w.get('[data-testid="inbox-offline"]').text()
    expect(notice).toContain('Offline')
    expect(notice).toContain(new Date(Date.UTC(2026, 1, 27, 8, 30)).toLocaleString())
    expect(notice).toContain('Cannot reach 127.0.0.1')
    expect(notice).toContain('Refresh')
  })

  it('says what went wrong and what to do, and Try again fetches again', async () => {
    const good = listReply
    listReply = () => ({ ok: false, error: { code: 'unauthorized', message: 'The token was refused.' } })
    const w = await mountPanel()
    const alert = w.get('[data-testid="inbox-error"]').text()
    expect(alert).toContain('The token was refused.')
    expect(alert).toContain('Sign in again')
    listReply = good
    await w.get('[data-testid="inbox-error"] button').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="inbox-error"]').exists()).toBe(false)
    expect(rows(w)).toHaveLength(10)
  })

  it('says what to do when no task matches', async () => {
    listReply = (req) => ({ ok: true, value: { items: [], page: 1, pageSize: req.pageSize, total: 0, hasMore: false, unreadable: 0, asOf: 1, offline: false } })
    const w = await mountPanel()
    expect(w.get('[data-testid="inbox-empty"]').text()).toContain('clear a filter')
  })

  it('finds a task by id: digits as a task id first, then as an external id', async () => {
    fake.handlers['tasks:lookup'] = (p) => {
      const ref = (p as { ref: { taskId?: number; externalId?: string } }).ref
      return ref.externalId === '777' ? { ok: true, value: item(4242, 'Found by external id') } : { ok: false, error: { code: 'not_found', message: 'no' } }
    }
    const w = await mountPanel()
    await w.get('[data-testid="inbox-search"]').setValue('777')
    await w.get('form[role="search"]').trigger('submit')
    await flushPromises()
    expect(fake.callsTo('tasks:lookup')).toEqual([{ ref: { taskId: 777 } }, { ref: { externalId: '777' } }])
    expect(rows(w)).toHaveLength(1)
    expect(rows(w)[0].text()).toContain('Found by external id')
    await w.get('[data-testid="inbox-search"]').setValue('nope')
    await w.get('form[role="search"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="inbox-search-error"]').text()).toContain('No task has the id or external id "nope"')
  })

  it('over the editor, a task that fails to open says why in the panel and stays open', async () => {
    fake.handlers['tasks:openTranscript'] = () => ({ ok: false, error: { code: 'network', message: 'Cannot reach 127.0.0.1' } })
    const w = await mountPanel({ inDialog: true })
    await key(w, 'Enter')
    expect(w.get('[role="alert"]').text()).toContain('Cannot reach 127.0.0.1')
    expect(w.emitted('opened')).toBeUndefined()
  })

  describe('transcript and document tasks', () => {
    const openedDocument = { origin: 'api' as const, fileName: null, data: documentExportSchema.parse(documentTask().body) }
    beforeEach(() => {
      // Workspace 7 is a Transcripts workspace, 11 an Invoices one, 9 says neither (no template name).
      const mixed = [item(1001, 'Hearing', { workspaceId: 7 }), item(2001, 'Invoice', { workspaceId: 11 }), item(3001, 'Mystery', { workspaceId: 9 })]
      listReply = (req) => ({ ok: true, value: { items: mixed, page: req.page, pageSize: req.pageSize, total: 3, hasMore: false, unreadable: 0, asOf: 1, offline: false } })
      fake.handlers['tasks:openDocument'] = () => ({ ok: true, value: openedDocument })
      fake.handlers['documents:resolveFile'] = () => ({ ok: true, value: { status: 'none' } })
    })

    it('shows each row’s kind in words, unknown ones too, with why', async () => {
      const w = await mountPanel()
      const kinds = w.findAll('[data-testid="inbox-kind"]')
      expect(kinds.map((k) => k.text())).toEqual(['♪ Transcript', '▤ Document', '? Unknown'])
      // The glyph is decoration: screen readers hear the word.
      expect(kinds[0].get('span').attributes('aria-hidden')).toBe('true')
      expect(kinds[2].attributes('title')).toBe('workspace 9: no template name')
      expect(w.get('thead').text()).toContain('Kind')
    })

    it('opens a document task in the document pane, never as a transcript', async () => {
      const w = await mountPanel()
      await key(w, 'ArrowDown')
      await key(w, 'Enter')
      expect(fake.callsTo('tasks:openDocument')).toMatchObject([{ ref: { taskId: 2001 } }])
      expect(fake.callsTo('tasks:openTranscript')).toEqual([])
      expect(useDocumentStore().opened?.data.taskId).toBe(2001)
      expect(useTaskStore().isOpen).toBe(false)
      expect(useUiStore().documentOnly).toBe(true)
      expect(w.emitted('opened')).toHaveLength(1)
    })

    it('over an open transcript, a document task opens beside it', async () => {
      useTaskStore().opened = openedSample()
      const w = await mountPanel({ inDialog: true })
      await key(w, 'ArrowDown')
      await key(w, 'Enter')
      expect(useUiStore().documentPaneRequests).toBe(1)
      expect(useUiStore().documentOnly).toBe(false)
      expect(useTaskStore().opened?.data.taskId).toBe(openedSample().data.taskId)
    })

    it('a task of unknown kind asks main to try both; a document answer opens the document pane', async () => {
      fake.handlers['tasks:openEither'] = () => ({ ok: true, value: { kind: 'document', document: openedDocument } })
      const w = await mountPanel()
      await key(w, 'End')
      await key(w, 'Enter')
      expect(fake.callsTo('tasks:openEither')).toMatchObject([{ ref: { taskId: 3001 } }])
      expect(useDocumentStore().opened?.data.taskId).toBe(2001)
      expect(useTaskStore().isOpen).toBe(false)
      expect(useUiStore().documentOnly).toBe(true)
    })

    it('a task of unknown kind that is a transcript opens in the editor', async () => {
      fake.handlers['tasks:openEither'] = () => ({ ok: true, value: { kind: 'transcript', transcript: openedSample() } })
      const w = await mountPanel()
      await key(w, 'End')
      await key(w, 'Enter')
      expect(useTaskStore().isOpen).toBe(true)
      expect(useUiStore().documentOnly).toBe(false)
    })

    it('without the workspaces every row is unknown, and still opens', async () => {
      fake.handlers['workspaces:list'] = () => ({ ok: false, error: { code: 'unauthorized', message: 'HTTP 403' } })
      fake.handlers['tasks:openEither'] = () => ({ ok: true, value: { kind: 'transcript', transcript: openedSample() } })
      const w = await mountPanel()
      expect(w.findAll('[data-testid="inbox-kind"]').map((k) => k.text())).toEqual(['? Unknown', '? Unknown', '? Unknown'])
      await key(w, 'Enter')
      expect(fake.callsTo('tasks:openEither')).toMatchObject([{ ref: { taskId: 1001 } }])
    })

    it('a document task that fails to open says why in the panel', async () => {
      fake.handlers['tasks:openDocument'] = () => ({ ok: false, error: { code: 'not_found', message: 'No document task with id 2001 in this organisation' } })
      const w = await mountPanel()
      await key(w, 'ArrowDown')
      await key(w, 'Enter')
      expect(w.get('[role="alert"]').text()).toContain('No document task with id 2001')
      expect(w.emitted('opened')).toBeUndefined()
    })
  })
})
