import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { WorkspaceSpeakerPick } from '../../../shared/transcript/workspace-speaker'
import { sdte } from '../lib/bridge'
import { useSessionStore } from './session-store'
import { useTaskStore } from './task-store'
import { t } from '../i18n'
import { errorLine } from '../lib/error-messages'

/*
 * The workspace's speaker list for the open task's speaker menu (docs/api.md "Task speakers"):
 * read when a task opens with a signed-in session, kept per server and workspace for the
 * session, read again on demand. No list (no such route, no right, no connection) is not an
 * error: the menu offers none and says why in small print.
 */

/** One workspace's list as last read. */
interface Entry {
  readonly speakers: readonly WorkspaceSpeakerPick[]
  readonly note: string | null
}

/** The pick list of the open task's workspace. */
export const useWorkspaceSpeakersStore = defineStore('workspace-speakers', () => {
  const session = useSessionStore()
  const task = useTaskStore()
  const entries = shallowRef<ReadonlyMap<string, Entry>>(new Map())
  const loading = ref(false)

  /** The open task's workspace when the session can ask the server about it. */
  const workspaceId = computed<number | null>(() => {
    const opened = task.opened
    const id = opened?.data.workspaceId
    if (!opened || opened.origin === 'sample' || !session.status.signedIn || typeof id !== 'number' || id <= 0) return null
    return id
  })
  const key = (id: number) => `${session.status.baseUrl}|${id}`
  const current = computed<Entry | null>(() => (workspaceId.value === null ? null : entries.value.get(key(workspaceId.value)) ?? null))
  /** The speakers to offer (empty when none). */
  const speakers = computed<readonly WorkspaceSpeakerPick[]>(() => current.value?.speakers ?? [])
  /** Why none are offered, when the server said so. */
  const note = computed<string | null>(() => current.value?.note ?? null)

  /** Reads the open task's workspace list (from the session's copy unless `refresh`). */
  async function load(refresh = false): Promise<void> {
    const id = workspaceId.value
    if (id === null || (!refresh && entries.value.has(key(id)))) return
    const k = key(id)
    loading.value = true
    try {
      const result = await sdte().invoke['speakers:workspace']({ workspaceId: id })
      const entry: Entry = result.ok ? { speakers: result.value.speakers ?? [], note: result.value.note } : { speakers: [], note: t('editorPanels.workspacePicker.readFailed', { message: errorLine(result.error) }) }
      entries.value = new Map(entries.value).set(k, entry)
    } finally {
      loading.value = false
    }
  }

  // A task opening (or signing in with one open) reads its workspace's list once per session.
  watch(workspaceId, () => void load(), { immediate: true })

  return { speakers, note, loading, load }
})
