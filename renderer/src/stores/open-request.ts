import { ref } from 'vue'
import type { ErrorData, Result } from '../../../shared/errors'
import { sdte } from '../lib/bridge'

// Module-wide, so request ids stay unique across store instances (tests make fresh pinias).
let requestCounter = 0

/**
 * Opening a task or file through main, shared by the transcript and document stores: the
 * "Opening …" label, the last error, and the request id a Cancel button sends to main.
 */
export function useOpenRequest(prefix: string) {
  const loading = ref<string | null>(null)
  const pendingRequestId = ref<string | null>(null)
  const error = ref<ErrorData | null>(null)

  /** A fresh id for a cancellable request; Cancel sends it until the request ends. */
  function newRequestId(): string {
    const requestId = `${prefix}-${Date.now()}-${++requestCounter}`
    pendingRequestId.value = requestId
    return requestId
  }

  /** Runs `call` under `label`; hands what it opened to `onOpened`. False when nothing was opened (cancelled, chose no file, failed). */
  async function run<T>(label: string, call: () => Promise<Result<T | null>>, onOpened: (value: T) => void): Promise<boolean> {
    loading.value = label
    error.value = null
    try {
      const result = await call()
      if (!result.ok) {
        // A cancel the reviewer asked for is not an error to show.
        if (result.error.code !== 'cancelled') error.value = result.error
        return false
      }
      if (!result.value) return false
      onOpened(result.value)
      return true
    } finally {
      loading.value = null
      pendingRequestId.value = null
    }
  }

  /** Cancels the request under way, if any. */
  async function cancel(): Promise<void> {
    const requestId = pendingRequestId.value
    if (requestId) await sdte().invoke['tasks:cancel']({ requestId })
  }

  return { loading, pendingRequestId, error, newRequestId, run, cancel }
}
