import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { installFakeSdte } from './support/fake-sdte'
import type { Speaker } from '../../shared/transcript'
import { useSpeakerSyncStore } from '../../renderer/src/stores/speaker-sync-store'
import SpeakerMenu from '../../renderer/src/components/editor/SpeakerMenu.vue'

/*
 * The speaker menu's "Merge this speaker into…" (what "Send speakers" later sends as a merge),
 * and the workspace's speaker names offered while renaming once a preview has read them.
 */

const speakers: Speaker[] = [
  { id: 'a', name: 'Ana', prefix: '', suffix: '', placeholder: false, edited: false },
  { id: 'b', name: 'Ben', prefix: '', suffix: '', placeholder: false, edited: false }
]
let wrapper: VueWrapper | null = null

beforeEach(() => {
  setActivePinia(createPinia())
  installFakeSdte()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

const mountMenu = async () => {
  wrapper = mount(SpeakerMenu, { props: { speakers, currentId: 'b', top: 0, left: 0, hints: ['1', '2'] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('speaker menu', () => {
  it('merges the current speaker into another one', async () => {
    const w = await mountMenu()
    await w.findAll('[role="menuitem"]').find((b) => b.text() === 'Merge this speaker into…')!.trigger('click')
    await flushPromises()
    const targets = w.findAll('[role="menuitem"]')
    expect(targets.map((t) => t.text())).toEqual(['Ana'])
    await targets[0].trigger('click')
    expect(w.emitted('merge')).toEqual([['b', 'a']])
  })

  it('offers the workspace speaker names when renaming, once known', async () => {
    useSpeakerSyncStore().reply = { plan: { taskId: 1, workspaceId: 7, changes: [], unchanged: 2 }, workspaceSpeakers: [{ speakerId: 'ws', name: 'Chair', prefix: '', suffix: '' }] }
    const w = await mountMenu()
    await w.findAll('[role="menuitem"]').find((b) => b.text() === 'Rename this speaker…')!.trigger('click')
    await flushPromises()
    const input = w.get('[data-testid="speaker-name-input"]')
    const list = w.get(`datalist#${input.attributes('list')}`)
    expect(list.findAll('option').map((o) => o.attributes('value'))).toEqual(['Chair'])
  })
})
