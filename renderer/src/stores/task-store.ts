import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { OpenedTranscript, RecentTask } from '../../../shared/ipc/contract'
import type { ErrorData, Result } from '../../../shared/errors'
import { transcriptBody } from '../../../shared/api/transcript-export'
import { sdte } from '../lib/bridge'

/** A task as the reviewer names it: by SmartDocumentor's id or by their own external id. */
export type TaskRef = { readonly taskId: number } | { readonly externalId: string }

let requestCounter = 0

/** Which task is open and how it was opened; loading state, cancel, recent tasks, last error. */
export const useTaskStore = defineStore('task', () => {
  // shallowRef: the export can hold tens of thousands of words; deep reactivity would cost
  // memory and time for nothing (edits replace it, they never mutate it).
  const opened = shallowRef<OpenedTranscript | null>(null)
  const loading = ref<string | null>(null)
  const pendingRequestId = ref<string | null>(null)
  const error = ref<ErrorData | null>(null)
  const recent = ref<readonly RecentTask[]>([])

  const isOpen = computed(() => opened.value !== null)
  const segmentCount = computed(() => (opened.value ? transcriptBody(opened.value.data).transcripts?.length : 0) ?? 0)

  async function run(label: string, call: () => Promise<Result<OpenedTranscript | null>>): Promise<boolean> {
    loading.value = label
    error.value = null
    try {
      const result = await call()
      if (!result.ok) {
        // A cancel the reviewer asked for is not an error to show.
        if (result.error.code !== 'cancelled') error.value = result.error
        return false
      }
      if (result.value) opened.value = result.value
      return result.value !== null
    } finally {
      loading.value = null
      pendingRequestId.value = null
    }
  }

  /** Opens a transcript task from SmartDocumentor. */
  function openTask(ref: TaskRef): Promise<boolean> {
    const requestId = `open-${Date.now()}-${++requestCounter}`
    pendingRequestId.value = requestId
    const label = 'taskId' in ref ? `Opening task ${ref.taskId}…` : `Opening task "${ref.externalId}"…`
    return run(label, () => sdte().invoke['tasks:openTranscript']({ ref, requestId }))
  }

  /** Cancels the task being opened. */
  async function cancel(): Promise<void> {
    const requestId = pendingRequestId.value
    if (requestId) await sdte().invoke['tasks:cancel']({ requestId })
  }

  /** Loads the recently opened tasks. */
  async function loadRecent(): Promise<void> {
    const result = await sdte().invoke['tasks:recent']()
    if (result.ok) recent.value = result.value
  }

  /** Opens the bundled sample task. */
  function openSample(): Promise<boolean> {
    return run('Opening the sample task…', () => sdte().invoke['sample:open']())
  }

  /** Asks for a saved export file and opens it. */
  function openFile(): Promise<boolean> {
    return run('Opening the file…', () => sdte().invoke['files:openExport']())
  }

  /** Closes the open task. */
  function close(): void {
    opened.value = null
  }

  return { opened, loading, pendingRequestId, error, recent, isOpen, segmentCount, openTask, cancel, loadRecent, openSample, openFile, close }
})
