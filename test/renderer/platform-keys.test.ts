import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, nextTick } from 'vue'
import { installFakeSdte, openedSample } from './support/fake-sdte'
import type { FakeSdte } from './support/fake-sdte'
import { resetPlatformForTests, useIsMac } from '../../renderer/src/lib/platform'
import { useEditorShortcuts } from '../../renderer/src/composables/use-editor-commands'
import { useEditorUiStore } from '../../renderer/src/stores/editor-ui-store'
import { useEditorStore } from '../../renderer/src/stores/editor-store'
import { useTaskStore } from '../../renderer/src/stores/task-store'
import ShortcutHelp from '../../renderer/src/components/editor/ShortcutHelp.vue'
import ShortcutSettings from '../../renderer/src/components/editor/ShortcutSettings.vue'
import AnnotationsPanel from '../../renderer/src/components/editor/AnnotationsPanel.vue'
import StartScreen from '../../renderer/src/components/StartScreen.vue'
import TranscriptPane from '../../renderer/src/components/TranscriptPane.vue'
import TaskHeader from '../../renderer/src/components/TaskHeader.vue'

/*
 * Keys are shown and matched for the platform main reports (app:info): ⌘ and the Meta key on
 * macOS, Ctrl elsewhere; navigator.platform stands in until main answers or without the shell.
 */

let fake: FakeSdte
function reportPlatform(platform: string): void {
  fake.handlers['app:info'] = () => ({ ok: true, value: { name: 'SD Transcript Editor', version: '0.0.0', platform } })
}

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  fake = installFakeSdte()
  // happy-dom's navigator.platform is not a Mac: the fallback says "not macOS" until main answers.
  resetPlatformForTests('Linux x86_64')
})

async function openSample() {
  useTaskStore().opened = openedSample()
  await nextTick()
  return useEditorStore()
}

describe('the platform', () => {
  it('comes from main once (app:info), with navigator.platform as the first guess', async () => {
    reportPlatform('darwin')
    const first = useIsMac()
    const second = useIsMac()
    expect(first.value).toBe(false)
    await flushPromises()
    expect(first.value).toBe(true)
    expect(second.value).toBe(true)
    expect(fake.callsTo('app:info')).toHaveLength(1)
  })

  it('keeps the fallback when main cannot say', async () => {
    resetPlatformForTests('MacIntel')
    const mac = useIsMac()
    await flushPromises()
    // The fake answers not_found for a channel it has no handler for.
    expect(mac.value).toBe(true)
  })
})

describe('shortcut labels on macOS', () => {
  it('the help overlay lists ⌘ keys (and the remapped ones), and its hint names ⌘', async () => {
    reportPlatform('darwin')
    const ui = useEditorUiStore()
    ui.remap('find', ['Mod+Shift+F'])
    const wrapper = mount(ShortcutHelp, { attachTo: document.body })
    await flushPromises()
    const text = wrapper.text()
    expect(text).toContain('⌘Z')
    expect(text).toContain('⇧⌘F')
    expect(text).toContain('Keys without ⌘ are ignored')
    expect(text).not.toMatch(/Ctrl/)
    wrapper.unmount()
  })

  it('the help overlay lists Ctrl keys elsewhere', async () => {
    reportPlatform('win32')
    const wrapper = mount(ShortcutHelp, { attachTo: document.body })
    await flushPromises()
    expect(wrapper.text()).toContain('Ctrl+Z')
    expect(wrapper.text()).toContain('Keys without Ctrl are ignored')
    // What Loop loops is said where the reviewer looks it up.
    expect(wrapper.text()).toContain('Loop the segment playing (paused: the cursor’s) / stop looping')
    expect(wrapper.text()).not.toContain('⌘')
    wrapper.unmount()
  })

  it('shortcut settings show ⌘ and capture Cmd+key as Mod (so the binding still works on the other platforms)', async () => {
    reportPlatform('darwin')
    const ui = useEditorUiStore()
    const wrapper = mount(ShortcutSettings, { attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('[data-shortcut-row="undo"] kbd').text()).toBe('⌘Z')
    await wrapper.find('[data-shortcut-row="find"] [data-change]').trigger('click')
    await nextTick()
    await wrapper.find('[data-capturing-keys]').trigger('keydown', { key: 'g', code: 'KeyG', metaKey: true })
    expect(ui.bindings.get('find')).toEqual(['Mod+G'])
    expect(wrapper.find('[data-shortcut-row="find"] kbd').text()).toBe('⌘G')
    wrapper.unmount()
  })

  it('the start screen, the annotations panel and the speaker menu’s hints name ⌘', async () => {
    reportPlatform('darwin')
    const start = mount(StartScreen, { attachTo: document.body })
    const editor = await openSample()
    const annotations = mount(AnnotationsPanel, { attachTo: document.body })
    await flushPromises()
    expect(start.get('[data-testid="open-task-keys"]').text()).toBe('⌘O')
    expect(annotations.get('[data-testid="add-annotation"]').attributes('title')).toBe('For the current segment (⇧⌘A)')
    editor.deleteAnnotation(editor.model!.annotations[0].id)
    await nextTick()
    expect(annotations.text()).toContain('Add one for the current segment with the button or ⇧⌘A.')
    start.unmount()
    annotations.unmount()
  })

  it('the task header’s buttons name the app menu’s keys for them', async () => {
    reportPlatform('darwin')
    const header = mount(TaskHeader, { props: { task: openedSample() } })
    await flushPromises()
    // Found by name: the header has more buttons than these two (Finish review…).
    const byText = (text: string) => header.findAll('.tools button').find((b) => b.text() === text)!
    expect(byText('Document pane').attributes('title')).toBe('Show or hide the document pane (⇧⌘D)')
    expect(byText('Close').attributes('title')).toBe('Close the task (⌘W)')
    expect(header.get('[data-testid="finish-review-button"]').attributes('title')).toMatch(/\(⇧⌘E\)$/)
    header.unmount()
  })

  it('tooltips follow the platform and the remapping', async () => {
    reportPlatform('darwin')
    await openSample()
    const ui = useEditorUiStore()
    const pane = mount(TranscriptPane, { attachTo: document.body })
    await flushPromises()
    // Named in words with its key, the tooltip with every key bound to it.
    expect(pane.get('[data-testid="shortcuts-button"]').text()).toBe('Shortcuts ?')
    expect(pane.get('[data-testid="shortcuts-button"]').attributes('title')).toBe('All keyboard shortcuts (? or F1)')
    const find = pane.findAll('button').find((b) => b.text() === 'Find')!
    expect(find.attributes('title')).toBe('Find and replace (⌘F)')
    ui.remap('find', ['Mod+Shift+F'])
    await nextTick()
    expect(find.attributes('title')).toBe('Find and replace (⇧⌘F)')
    pane.unmount()
  })
})

describe('shortcut matching', () => {
  function mountShortcuts() {
    return mount(defineComponent({ setup: () => (useEditorShortcuts(), () => h('div')) }), { attachTo: document.body })
  }
  const press = (init: KeyboardEventInit): void => void window.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }))

  it('on macOS, Mod is the Command key: ⌘F opens find, Ctrl+F does not', async () => {
    reportPlatform('darwin')
    const ui = useEditorUiStore()
    const host = mountShortcuts()
    await flushPromises()
    press({ key: 'f', code: 'KeyF', ctrlKey: true })
    expect(ui.findOpen).toBe(false)
    press({ key: 'f', code: 'KeyF', metaKey: true })
    expect(ui.findOpen).toBe(true)
    host.unmount()
  })

  it('elsewhere, Mod is Ctrl: Ctrl+F opens find, the Windows key does not', async () => {
    reportPlatform('linux')
    const ui = useEditorUiStore()
    const host = mountShortcuts()
    await flushPromises()
    press({ key: 'f', code: 'KeyF', metaKey: true })
    expect(ui.findOpen).toBe(false)
    press({ key: 'f', code: 'KeyF', ctrlKey: true })
    expect(ui.findOpen).toBe(true)
    host.unmount()
  })

  it('a remapped action answers to its new keys with Command on macOS', async () => {
    reportPlatform('darwin')
    const ui = useEditorUiStore()
    ui.remap('find', ['Mod+Shift+G'])
    const host = mountShortcuts()
    await flushPromises()
    press({ key: 'f', code: 'KeyF', metaKey: true })
    expect(ui.findOpen).toBe(false)
    press({ key: 'G', code: 'KeyG', metaKey: true, shiftKey: true })
    expect(ui.findOpen).toBe(true)
    host.unmount()
  })
})
