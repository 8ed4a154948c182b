import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import EditorLayout from '../../../renderer/src/components/EditorLayout.vue'
import { useEditorStore } from '../../../renderer/src/stores/editor-store'
import { useTaskStore } from '../../../renderer/src/stores/task-store'
import { resetPlatformForTests } from '../../../renderer/src/lib/platform'
import { installFakeSdte, openedSample } from './fake-sdte'

/*
 * The editor as the keyboard tests drive it: a fresh Pinia and fake bridge per test, the sample
 * task opened in the real EditorLayout (waveform, header and status bar stubbed), and keys sent
 * to the window the way the app's shortcut listener receives them.
 */

/** Fresh state for one test: storage, stores, bridge, a Linux keyboard. */
export function resetEditorTest(): void {
  localStorage.clear()
  setActivePinia(createPinia())
  installFakeSdte()
  resetPlatformForTests('Linux x86_64')
}

/** Mounts the editor on the sample task and waits for it to settle. */
export async function mountSampleEditor() {
  useTaskStore().opened = openedSample()
  const wrapper = mount(EditorLayout, { attachTo: document.body, global: { stubs: { WaveformStrip: true, TaskHeader: true, StatusBar: true } } })
  await flushPromises()
  return { wrapper, editor: useEditorStore() }
}

/** A keydown on the window, as the shortcut listener gets it. */
export function pressKey(key: string, code: string, mods: { ctrl?: boolean; shift?: boolean } = {}): void {
  window.dispatchEvent(new KeyboardEvent('keydown', { key, code, ctrlKey: mods.ctrl ?? false, shiftKey: mods.shift ?? false, bubbles: true, cancelable: true }))
}
