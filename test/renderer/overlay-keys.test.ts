import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import ShortcutHelp from '../../renderer/src/components/editor/ShortcutHelp.vue'
import ShortcutSettings from '../../renderer/src/components/editor/ShortcutSettings.vue'
import { useEditorUiStore } from '../../renderer/src/stores/editor-ui-store'
import { resetPlatformForTests } from '../../renderer/src/lib/platform'

/* The two shortcut overlays close on Escape through the one dialog-keys composable. */

describe('shortcut overlays: Escape', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    resetPlatformForTests('Linux x86_64')
  })

  it('help closes on Escape and keeps the key from the page behind', async () => {
    const ui = useEditorUiStore()
    ui.helpOpen = true
    const wrapper = mount(ShortcutHelp, { attachTo: document.body })
    let reachedWindow = false
    const onWindow = (): void => void (reachedWindow = true)
    window.addEventListener('keydown', onWindow)
    await wrapper.get('[data-testid="shortcut-help"]').trigger('keydown', { key: 'Escape' })
    window.removeEventListener('keydown', onWindow)
    expect(ui.helpOpen).toBe(false)
    expect(reachedWindow).toBe(false)
    wrapper.unmount()
  })

  it('settings closes on Escape, but not while it captures new keys (Escape there cancels the capture)', async () => {
    const ui = useEditorUiStore()
    ui.settingsOpen = true
    const wrapper = mount(ShortcutSettings, { attachTo: document.body })
    await wrapper.get('button[data-change]').trigger('click')
    await nextTick()
    const capture = wrapper.get('button[data-capturing-keys]')
    await capture.trigger('keydown', { key: 'Escape' })
    expect(ui.settingsOpen).toBe(true)
    expect(wrapper.find('button[data-capturing-keys]').exists()).toBe(false)
    await wrapper.get('[data-testid="shortcut-settings"]').trigger('keydown', { key: 'Escape' })
    expect(ui.settingsOpen).toBe(false)
    wrapper.unmount()
  })
})
