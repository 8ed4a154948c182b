import { ref, type Ref } from 'vue'
import { sdte } from '../lib/bridge'

/**
 * The Cancel beside the recording's download progress: asks main to stop the task's download
 * (`media:cancelDownload`); the pending media:resolve / media:refreshLink then answers
 * 'cancelled'. `cancelling` is up from the press until the caller resets it with the answer.
 */
export function useDownloadCancel(taskId: Ref<number | null>): { cancelling: Ref<boolean>; cancel: () => Promise<void> } {
  const cancelling = ref(false)
  async function cancel(): Promise<void> {
    const id = taskId.value
    if (id === null || cancelling.value) return
    cancelling.value = true
    const result = await sdte().invoke['media:cancelDownload']({ taskId: id })
    if (!result.ok) cancelling.value = false
  }
  return { cancelling, cancel }
}
