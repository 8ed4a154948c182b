import type { TaskListItem } from '../../../shared/api/task-list'
import type { TaskKind } from '../../../shared/api/task-kind'
import { useDocumentStore } from '../stores/document-store'
import { useTaskStore } from '../stores/task-store'
import { useUiStore } from '../stores/ui-store'

/*
 * Opening a row of the inbox by its kind: a transcript task in the editor, a document task in
 * the document pane (beside the open transcript, else on its own), and a task of unknown kind
 * through main's transcript-then-document attempt — never a document as an empty transcript.
 */

/** Opens listed tasks; `open` resolves true when something opened. */
export function useOpenListedTask() {
  const task = useTaskStore()
  const documents = useDocumentStore()
  const ui = useUiStore()

  function showDocument(): void {
    ui.showDocument(task.isOpen)
  }

  /** True while either kind of task is being opened. */
  function busy(): boolean {
    return task.loading !== null || documents.loading !== null
  }

  async function open(item: TaskListItem, kind: TaskKind): Promise<boolean> {
    if (busy()) return false
    const ref = { taskId: item.taskId }
    if (kind === 'transcript') return task.openTask(ref)
    if (kind === 'document') {
      const ok = await documents.openTask(ref)
      if (ok) showDocument()
      return ok
    }
    return task.openEither(ref, (document) => {
      documents.adopt(document)
      showDocument()
    })
  }

  return { open, busy }
}
