import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { OpenedTranscript } from '../../../shared/ipc/contract'
import type { ErrorData, Result } from '../../../shared/errors'
import { sdte } from '../lib/bridge'

/** Which task is open and how it was opened; loading state and the last error. */
export const useTaskStore = defineStore('task', () => {
  // shallowRef: the export can hold tens of thousands of words; deep reactivity would cost
  // memory and time for nothing (edits replace it, they never mutate it).
  const opened = shallowRef<OpenedTranscript | null>(null)
  const loading = ref<string | null>(null)
  const error = ref<ErrorData | null>(null)

  const isOpen = computed(() => opened.value !== null)
  const segmentCount = computed(() => opened.value?.data.transcript.transcripts?.length ?? 0)

  async function run(label: string, call: () => Promise<Result<OpenedTranscript | null>>): Promise<boolean> {
    loading.value = label
    error.value = null
    try {
      const result = await call()
      if (!result.ok) {
        error.value = result.error
        return false
      }
      if (result.value) opened.value = result.value
      return result.value !== null
    } finally {
      loading.value = null
    }
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

  return { opened, loading, error, isOpen, segmentCount, openSample, openFile, close }
})
