import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { OpenedDocument, OpenedTranscript, RecentTask } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/errors'
import { toErrorData } from '../../../shared/errors'
import { unpackOpened } from '../../../shared/ipc/packed-words'
import { transcriptBody } from '../../../shared/api/transcript-export'
import { sdte } from '../lib/bridge'
import { t } from '../i18n'
import { useOpenRequest } from './open-request'
import { yieldToPage } from '../lib/yield-to-page'
import { receivesApart } from '../lib/reply-words'

/** A task as the reviewer names it: by SmartDocumentor's id or by their own external id. */
export type TaskRef = { readonly taskId: number } | { readonly externalId: string }

/**
 * An opened transcript with its words back in place (main sends them in columns: packed-words.ts);
 * columns that do not fit become the open's error, never a task shown with words missing.
 */
function unpacked(result: Result<OpenedTranscript | null>): Result<OpenedTranscript | null> {
  if (!result.ok || !result.value) return result
  try {
    return { ok: true, value: unpackOpened(result.value) }
  } catch (error) {
    return { ok: false, error: toErrorData(error, 'invalid_response') }
  }
}

/**
 * A reply as the editor takes it: its words unpacked (`unpacked`), and for a big task (issue 21,
 * cold open) in three tasks, not one: the reply's receive (IPC's structured clone) ends its task,
 * the unpacking is the next (at 6 hours the two together were the open's longest task), and the
 * normalise and the first rows' render begin the one after. The continuations go ahead of other
 * queued tasks (yield-to-page.ts). A small reply (the sample, a short interview) is unpacked and
 * put in place at once: there each hop would only add a frame (lib/reply-words.ts).
 */
async function received(result: Result<OpenedTranscript | null>): Promise<Result<OpenedTranscript | null>> {
  if (!result.ok || !result.value) return result
  const apart = receivesApart(result.value)
  if (apart && result.value.packedWords) await yieldToPage()
  const out = unpacked(result)
  if (apart && out.ok) await yieldToPage()
  return out
}

/** `result`'s value mapped by `f` when it is one. */
function mapOk<T, U>(result: Result<T | null>, f: (value: T) => U): Result<U | null> {
  return result.ok ? { ok: true, value: result.value === null ? null : f(result.value) } : result
}

/** Which task is open and how it was opened; loading state, cancel, recent tasks, last error. */
export const useTaskStore = defineStore('task', () => {
  // shallowRef: the export can hold tens of thousands of words; deep reactivity would cost
  // memory and time for nothing (edits replace it, they never mutate it).
  const opened = shallowRef<OpenedTranscript | null>(null)
  const request = useOpenRequest('open')
  const { loading, pendingRequestId, error, cancel } = request
  const recent = ref<readonly RecentTask[]>([])

  const isOpen = computed(() => opened.value !== null)
  // Opens under way that started with nothing open, and the task's name if the reviewer gave it.
  const framedOpens = ref(0)
  const framedName = ref<string | null>(null)
  /**
   * While a transcript is being opened from the start screen: the editor's frame shows (its cold
   * first render done while main reads the task, issue 21), with the task's name when known.
   * Null once the task is open, or when the open failed or was cancelled (the start screen again).
   */
  const framing = computed(() => (opened.value === null && framedOpens.value > 0 ? { name: framedName.value } : null))
  const segmentCount = computed(() => (opened.value ? transcriptBody(opened.value.data).transcripts?.length : 0) ?? 0)

  async function run(label: string, call: () => Promise<Result<OpenedTranscript | null>>, name: string | null = null): Promise<boolean> {
    // Only an open from the start screen shows the frame: over an open task, that task stays until the new one lands.
    const framed = opened.value === null
    if (framed) {
      framedName.value = name
      framedOpens.value++
    }
    try {
      return await request.run(label, () => call().then(received), (value) => {
        opened.value = value
      })
    } finally {
      // After the reply is in place (the frame becomes the editor) or has failed (the start screen again).
      if (framed) framedOpens.value--
    }
  }

  /** Opens a transcript task from SmartDocumentor. */
  function openTask(ref: TaskRef): Promise<boolean> {
    const requestId = request.newRequestId()
    const label = 'taskId' in ref ? t('workflow.opening.task', { id: ref.taskId }) : t('workflow.opening.taskExternal', { id: ref.externalId })
    const name = 'taskId' in ref ? t('frame.header.taskFallback', { id: ref.taskId }) : ref.externalId
    return run(label, () => sdte().invoke['tasks:openTranscript']({ ref, requestId }), name)
  }

  /**
   * Opens a listed task whose kind the inbox could not tell: main tries the transcript export,
   * then the document export. A document is handed to `onDocument` (the document pane), never
   * shown here as an empty transcript. No editor frame meanwhile: it may be a document.
   */
  function openEither(ref: TaskRef, onDocument: (document: OpenedDocument) => void): Promise<boolean> {
    const requestId = request.newRequestId()
    const label = 'taskId' in ref ? t('workflow.opening.task', { id: ref.taskId }) : t('workflow.opening.taskExternal', { id: ref.externalId })
    const call = async () => {
      const result = await sdte().invoke['tasks:openEither']({ ref, requestId })
      return result.ok && result.value.kind === 'transcript' ? mapOk(await received({ ok: true, value: result.value.transcript }), (transcript) => ({ kind: 'transcript' as const, transcript })) : result
    }
    return request.run(label, call, (value) => {
      if (value.kind === 'transcript') opened.value = value.transcript
      else onDocument(value.document)
    })
  }

  /** Loads the recently opened tasks. */
  async function loadRecent(): Promise<void> {
    const result = await sdte().invoke['tasks:recent']()
    if (result.ok) recent.value = result.value
  }

  /** Opens the bundled sample task. */
  function openSample(): Promise<boolean> {
    return run(t('workflow.opening.sample'), () => sdte().invoke['sample:open']())
  }

  /** Asks for a saved export file and opens it. */
  function openFile(): Promise<boolean> {
    return run(t('workflow.opening.file'), () => sdte().invoke['files:openExport']())
  }

  /** Closes the open task. */
  function close(): void {
    opened.value = null
  }

  return { opened, framing, loading, pendingRequestId, error, recent, isOpen, segmentCount, openTask, openEither, cancel, loadRecent, openSample, openFile, close }
})
