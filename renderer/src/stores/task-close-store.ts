import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useTaskStore } from './task-store'
import { useEditorStore } from './editor-store'
import { useUiStore } from './ui-store'

/**
 * Closing the open task, from the header's Close, File → Close Task or Ctrl/Cmd+W: what was
 * typed is committed and the draft saved first; when that save does not land (a full disk),
 * the reviewer is asked, as when closing the window, before the task goes.
 */
export const useTaskCloseStore = defineStore('task-close', () => {
  /** The "Some changes are not saved yet" question is open. */
  const asking = ref(false)
  let closing = false

  /** Closes the task, asking first when its changes could not be saved. */
  async function request(): Promise<void> {
    const task = useTaskStore()
    if (!task.isOpen || asking.value || closing) return
    const editor = useEditorStore()
    closing = true
    try {
      if (editor.model) {
        editor.flushTyping()
        if (editor.saveState !== 'saved') await editor.saveNow()
        if (editor.saveState !== 'saved') {
          asking.value = true
          return
        }
      }
      close()
    } finally {
      closing = false
    }
  }

  /** The answer "Close anyway": the unsaved changes are given up (autosave keeps retrying in the background). */
  function closeAnyway(): void {
    asking.value = false
    close()
  }

  /** The answer "Keep editing". */
  function keepEditing(): void {
    asking.value = false
  }

  function close(): void {
    // A dialog about this task (export, send speakers) goes with it, so it does not reappear with the next one.
    const ui = useUiStore()
    if (ui.dialog === 'export' || ui.dialog === 'send-speakers') ui.close()
    useTaskStore().close()
  }

  return { asking, request, closeAnyway, keepEditing }
})
