import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Which shell dialog is open (one at a time). */
export type ShellDialog = 'sign-in' | 'open-task' | 'export' | 'inbox' | 'send-speakers' | 'finish-review' | null

/** Shell-level UI state: open dialogs. */
export const useUiStore = defineStore('ui', () => {
  const dialog = ref<ShellDialog>(null)
  /** The document pane on its own, without a transcript open. */
  const documentOnly = ref(false)
  /** Counts requests to show the document pane beside the open transcript (the editor layout watches it). */
  const documentPaneRequests = ref(0)
  /** Opens a dialog, closing any other. */
  function open(which: Exclude<ShellDialog, null>): void {
    dialog.value = which
  }
  /** Closes the open dialog. */
  function close(): void {
    dialog.value = null
  }
  /** Shows the document pane: beside the open transcript, else on its own. */
  function showDocument(besideTranscript: boolean): void {
    if (besideTranscript) documentPaneRequests.value++
    else documentOnly.value = true
  }
  return { dialog, documentOnly, documentPaneRequests, open, close, showDocument }
})
