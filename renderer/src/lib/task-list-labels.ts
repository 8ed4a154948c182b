import type { EnumValue, TaskListItem, WorkspaceItem } from '../../../shared/api/task-list'
import { t } from '../i18n'

/*
 * Names in the task list that the server did not send: shared/api/task-list.ts fills them with
 * English for `sdte` ("Task 49", "Workspace 7", the readable TaskStatus names) and marks them, so
 * the app says them in the reviewer's language. What the server sent is shown as it came.
 */

// TaskStatus values the documentation names (smartdocumentor-api.md §3.1); the catalogue has one key each.
const namedStatuses = new Set([19, 20, 30, 31, 32, 33, 34, 35])

/** A task's name: the server's, or "Task N" in the reviewer's language. */
export function taskName(item: Pick<TaskListItem, 'taskId' | 'name' | 'unnamed'>): string {
  return item.unnamed ? t('inbox.untitledTask', { id: item.taskId }) : item.name
}

/** A workspace's name: the server's, or "Workspace N" in the reviewer's language. */
export function workspaceName(ws: Pick<WorkspaceItem, 'workspaceId' | 'name' | 'unnamed'>): string {
  return ws.unnamed ? t('inbox.untitledWorkspace', { id: ws.workspaceId }) : ws.name
}

/** A status's text: the server's, or the documented name (or "Unknown (n)") in the reviewer's language. */
export function statusText(status: EnumValue): string {
  if (!status.ours) return status.text
  if (status.value === null) return t('inbox.unknownStatusNoNumber')
  return namedStatuses.has(status.value) ? t(`inbox.statusNames.s${status.value}`) : t('inbox.unknownStatus', { n: status.value })
}
