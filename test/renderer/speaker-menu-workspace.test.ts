import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { installFakeSdte, openedSample } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'
import type { Speaker } from '../../shared/transcript'
import type { WorkspaceSpeakerPick } from '../../shared/transcript/workspace-speaker'
import { useSessionStore } from '../../renderer/src/stores/session-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { useWorkspaceSpeakersStore } from '../../renderer/src/stores/workspace-speakers-store'
import SpeakerMenu from '../../renderer/src/components/editor/SpeakerMenu.vue'

/*
 * The workspace's speakers in the speaker menu: read once when a task opens with a signed-in
 * session (and again on demand), offered for the segment and for renaming, from the keyboard,
 * filtered by typing when the list is long; a server with none says so quietly.
 */

const speakers: Speaker[] = [
  { id: 'a', name: 'Ana', prefix: '', suffix: '', placeholder: false, edited: false },
  { id: 'WS-2', name: 'Ben', prefix: '', suffix: '', placeholder: false, edited: false }
]
const chair: WorkspaceSpeakerPick = { speakerId: 'ws-1', name: 'Chair', prefix: 'Hon.', suffix: '' }
const ben: WorkspaceSpeakerPick = { speakerId: 'ws-2', name: 'Ben', prefix: '', suffix: 'MP' }
let fake: FakeSdte
let wrapper: VueWrapper | null = null
let answer: WorkspaceSpeakerPick[] | null

beforeEach(() => {
  setActivePinia(createPinia())
  fake = installFakeSdte()
  answer = [chair, ben]
  fake.handlers['speakers:workspace'] = () => ({ ok: true, value: answer ? { speakers: answer, note: null } : { speakers: null, note: 'This server has no workspace speaker list' } })
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

/** Signs in and opens the sample as if from the server, in workspace 7. */
async function openFromServer(): Promise<void> {
  useSessionStore().status = { signedIn: true, mode: 'client-credentials', expiresAt: null, baseUrl: 'http://127.0.0.1:9', persisted: true }
  useWorkspaceSpeakersStore()
  const opened = openedSample()
  useTaskStore().opened = { ...opened, origin: 'api', data: { ...opened.data, workspaceId: 7 } }
  await flushPromises()
}

const mountMenu = async () => {
  wrapper = mount(SpeakerMenu, { props: { speakers, currentId: 'a', top: 0, left: 0, hints: ['1', '2'] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}
const item = (w: VueWrapper, text: string) => w.findAll('[role="menuitem"]').find((b) => b.text() === text)!
const key = async (w: VueWrapper, k: string) => {
  await w.get('[data-testid="workspace-speakers"]').trigger('keydown', { key: k })
  await flushPromises()
}

describe('workspace speakers store', () => {
  it('reads the list when a task opens signed in, once per workspace for the session, again on demand', async () => {
    await openFromServer()
    expect(fake.callsTo('speakers:workspace')).toEqual([{ workspaceId: 7 }])
    expect(useWorkspaceSpeakersStore().speakers).toEqual([chair, ben])
    const task = useTaskStore()
    const again = task.opened!
    task.opened = null
    await nextTick()
    task.opened = again
    await flushPromises()
    expect(fake.callsTo('speakers:workspace')).toHaveLength(1)
    await useWorkspaceSpeakersStore().load(true)
    expect(fake.callsTo('speakers:workspace')).toHaveLength(2)
  })

  it('asks nothing for the sample or when signed out', async () => {
    useWorkspaceSpeakersStore()
    useTaskStore().opened = openedSample()
    await flushPromises()
    expect(fake.callsTo('speakers:workspace')).toEqual([])
  })
})

describe('speaker menu with workspace speakers', () => {
  it('offers them for the segment; arrows and Enter pick one, marked when already in the task', async () => {
    await openFromServer()
    const w = await mountMenu()
    await item(w, 'Workspace speakers…').trigger('click')
    await flushPromises()
    const options = w.findAll('[role="option"]')
    expect(options.map((o) => o.get('.name').text())).toEqual(['Hon. Chair', 'Ben MP'])
    expect(options.map((o) => o.find('.in-task').exists())).toEqual([false, true])
    expect(document.activeElement?.getAttribute('role')).toBe('listbox')
    await key(w, 'ArrowDown')
    expect(w.findAll('[role="option"]')[1].attributes('aria-selected')).toBe('true')
    await key(w, 'Enter')
    expect(w.emitted('assignWorkspace')).toEqual([[ben]])
  })

  it('offers them when renaming, and Escape goes back to the menu', async () => {
    await openFromServer()
    const w = await mountMenu()
    await item(w, 'Rename this speaker…').trigger('click')
    await flushPromises()
    const input = w.get('[data-testid="speaker-name-input"]')
    expect(w.get(`datalist#${input.attributes('list')}`).findAll('option').map((o) => o.attributes('value'))).toEqual(['Chair', 'Ben'])
    await w.get('[data-testid="rename-from-workspace"]').trigger('click')
    await flushPromises()
    expect(w.text()).toContain('Rename “Ana” to:')
    await key(w, 'Enter')
    expect(w.emitted('renameWorkspace')).toEqual([['a', chair]])
    await w.get('[data-testid="speaker-menu"]').trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(item(w, 'Workspace speakers…').exists()).toBe(true)
  })

  it('a long list gets a filter field that keeps focus while typing and the arrows move', async () => {
    answer = Array.from({ length: 12 }, (_, i) => ({ speakerId: `ws-${i}`, name: i === 9 ? 'Clerk of the court' : `Member ${i}`, prefix: '', suffix: '' }))
    await openFromServer()
    const w = await mountMenu()
    await item(w, 'Workspace speakers…').trigger('click')
    await flushPromises()
    const filter = w.get('[data-testid="workspace-speaker-filter"]')
    expect(document.activeElement).toBe(filter.element)
    await filter.setValue('clerk')
    expect(w.findAll('[role="option"]').map((o) => o.text())).toEqual(['Clerk of the court'])
    expect(filter.attributes('aria-activedescendant')).toBe(w.get('[role="option"]').attributes('id'))
    await key(w, 'Enter')
    expect(w.emitted('assignWorkspace')).toEqual([[answer[9]]])
    await filter.setValue('nobody')
    expect(w.text()).toContain('No workspace speaker matches “nobody”.')
  })

  it('a server without the list offers none and says so quietly', async () => {
    answer = null
    await openFromServer()
    const w = await mountMenu()
    expect(w.find('[data-testid="speaker-menu-workspace"]').exists()).toBe(false)
    expect(w.get('[data-testid="workspace-speakers-note"]').text()).toBe('This server has no workspace speaker list.')
    expect(w.find('[role="alert"]').exists()).toBe(false)
  })
})

describe('picking a workspace speaker in the editor', () => {
  it('adds a new one to the task with its id, name, prefix and suffix, in one undo step', async () => {
    await openFromServer()
    const editor = useEditorStore()
    await nextTick()
    const segmentId = editor.model!.segments[0].id
    const before = editor.model!.speakers.length
    expect(editor.assignWorkspaceSpeaker(segmentId, chair)).toBe(true)
    const added = editor.model!.speakers.at(-1)!
    expect([editor.model!.speakers.length, added.id, added.name, added.prefix, added.suffix]).toEqual([before + 1, 'ws-1', 'Chair', 'Hon.', ''])
    expect(editor.model!.segments[0].speakerId).toBe('ws-1')
    editor.undo()
    expect(editor.model!.speakers).toHaveLength(before)
    expect(editor.model!.segments[0].speakerId).not.toBe('ws-1')
  })

  it('uses the task’s own speaker when it is already there, and renames to one', async () => {
    await openFromServer()
    const editor = useEditorStore()
    await nextTick()
    const [first, second] = editor.model!.speakers
    const same = { speakerId: second.id.toUpperCase(), name: 'Other name', prefix: '', suffix: '' }
    const count = editor.model!.speakers.length
    editor.assignWorkspaceSpeaker(editor.model!.segments[0].id, same)
    expect([editor.model!.speakers.length, editor.model!.segments[0].speakerId]).toEqual([count, second.id])
    editor.renameToWorkspaceSpeaker(first.id, chair)
    expect(editor.model!.speakers[0]).toMatchObject({ id: first.id, name: 'Chair', prefix: 'Hon.', suffix: '' })
  })
})
