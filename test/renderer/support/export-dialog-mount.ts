import { afterEach, beforeEach, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { nextTick } from 'vue'
import { installFakeSdte, openedSample } from './fake-sdte'
import { useTaskStore } from '../../../renderer/src/stores/task-store'
import ExportDialog from '../../../renderer/src/components/export/ExportDialog.vue'

/*
 * The export dialog's test set-up, shared by its test files: each test starts with an empty
 * localStorage (the dialog remembers its options there), a fresh Pinia, the fake bridge and fake
 * timers (the preview is debounced); the dialog mounted last is unmounted after the test.
 */

/** Registers the per-test set-up and returns how to mount the dialog and let it settle. */
export function useExportDialogMount(options: { beforeEach?: () => void } = {}) {
  let wrapper: VueWrapper | null = null
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
    installFakeSdte()
    vi.useFakeTimers()
    options.beforeEach?.()
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    vi.useRealTimers()
  })

  /** Lets the preview's debounce run, then Vue render. */
  async function settle(): Promise<void> {
    await nextTick()
    vi.runAllTimers()
    await flushPromises()
  }

  /** Mounts the dialog (again, as a reviewer reopening it) on the task open in the store, settled. */
  async function mountDialog(): Promise<VueWrapper> {
    wrapper = mount(ExportDialog, { attachTo: document.body })
    await settle()
    return wrapper
  }

  /** Opens the sample task and mounts the dialog on it. */
  async function openDialog(): Promise<VueWrapper> {
    useTaskStore().opened = openedSample()
    await nextTick()
    return mountDialog()
  }

  return { settle, mountDialog, openDialog }
}
