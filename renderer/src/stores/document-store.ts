import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { DocumentFileState, OpenedDocument } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/errors'
import { flattenDocument } from '../../../shared/document/flatten'
import type { FlatDocument } from '../../../shared/document/flatten'
import { emptyFilter } from '../../../shared/document/filters'
import type { DocumentFilter } from '../../../shared/document/filters'
import { documentToCsv } from '../../../shared/document/csv'
import { sdte } from '../lib/bridge'
import { t } from '../i18n'
import { useOpenRequest } from './open-request'
import { dropPreloaded, loadPdfJs, preloadPdf } from '../lib/pdf-preload'

/** What was copied (the notice names it in the reviewer's language). */
export type CopyWhat = 'cell' | 'row' | 'table' | 'keyValues'

/** A document task as the reviewer names it: SmartDocumentor's id or their own external id. */
export type DocumentRef = { readonly taskId: number } | { readonly externalId: string }

/** The open document task: its flattened data, the original file's state, selection, filter, exports. */
export const useDocumentStore = defineStore('document', () => {
  // shallowRef: the export is replaced, never mutated; deep reactivity over it would cost for nothing.
  const opened = shallowRef<OpenedDocument | null>(null)
  const flat = computed<FlatDocument | null>(() => (opened.value ? flattenDocument(opened.value.data) : null))
  const request = useOpenRequest('doc')
  const { loading, pendingRequestId, error, cancel } = request
  const file = shallowRef<DocumentFileState | null>(null)
  const fileLoading = ref(false)
  /** An entity id or a key-value id. */
  const selectedId = ref<string | null>(null)
  const filter = ref<DocumentFilter>({ ...emptyFilter })
  const chunk = ref<number | null>(null)
  const page = ref(1)
  const notice = ref<string | null>(null)

  /** Shows an opened document: a fresh selection, filter and page; then its original file. */
  function adopt(value: OpenedDocument): void {
    opened.value = value
    selectedId.value = null
    chunk.value = null
    page.value = 1
    filter.value = { ...emptyFilter }
    notice.value = null
    error.value = null
    // pdf.js and its worker start loading now, beside the data pane's first render.
    void loadPdfJs().catch(() => undefined)
    void resolveFile()
  }

  function run(label: string, call: () => Promise<Result<OpenedDocument | null>>): Promise<boolean> {
    return request.run(label, call, adopt)
  }

  /** Opens a document task from SmartDocumentor. */
  function openTask(ref: DocumentRef): Promise<boolean> {
    const requestId = request.newRequestId()
    const label = 'taskId' in ref ? t('workflow.opening.document', { id: ref.taskId }) : t('workflow.opening.documentExternal', { id: ref.externalId })
    return run(label, () => sdte().invoke['tasks:openDocument']({ ref, requestId }))
  }

  /** Asks for a saved document export (JSON) and opens it. */
  function openFile(): Promise<boolean> {
    return run(t('workflow.opening.file'), () => sdte().invoke['documents:openFile']())
  }

  /**
   * Asks main for the original file (cached or downloaded); the state says why when there is none.
   * `allowHost`: the reviewer agreed to download an opened file's original from that host.
   */
  async function resolveFile(allowHost?: string): Promise<void> {
    const taskId = opened.value?.data.taskId
    if (taskId === undefined) return
    file.value = null
    fileLoading.value = true
    try {
      const result = await sdte().invoke['documents:resolveFile'](allowHost === undefined ? { taskId } : { taskId, allowHost })
      if (opened.value?.data.taskId !== taskId) return
      // A PDF is asked for at once, so pdf.js reads it while the data pane renders (pdf-preload.ts).
      if (result.ok && result.value.status === 'ready' && result.value.contentType === 'application/pdf') preloadPdf(result.value.url)
      file.value = result.ok ? result.value : { status: 'error', ...result.error }
    } finally {
      fileLoading.value = false
    }
  }

  /** Selects an entity or key-value (null clears). */
  function select(id: string | null): void {
    selectedId.value = id
  }

  /** Closes the document. */
  function close(): void {
    dropPreloaded()
    opened.value = null
    file.value = null
    selectedId.value = null
    error.value = null
  }

  async function save(suggestedName: string, content: string, filterName: string, extension: string): Promise<void> {
    // Cleared first: the same notice again ("Copied the row." twice) is a new one, read out and timed afresh.
    notice.value = null
    const result = await sdte().invoke['files:save']({ suggestedName, content, filter: { name: filterName, extensions: [extension] } })
    if (!result.ok) error.value = result.error
    else if (result.value) notice.value = t('document.saved', { path: result.value.path })
  }

  const baseName = (): string => {
    const d = opened.value?.data
    const name = (d?.externalId || d?.displayName || `document-${d?.taskId ?? ''}`).replace(/[/\\:*?"<>|\0]+/g, '-').trim()
    return name || 'document'
  }

  /** Exports every key-value and table cell as CSV (UTF-8 with BOM) through the save dialog. */
  async function exportCsv(): Promise<void> {
    if (flat.value) await save(`${baseName()}.csv`, documentToCsv(flat.value), 'CSV', 'csv')
  }

  /** Exports the document as JSON (the export as received; unknown keys are kept). */
  async function exportJson(): Promise<void> {
    if (opened.value) await save(`${baseName()}.json`, JSON.stringify(opened.value.data, null, 2), 'JSON', 'json')
  }

  /** Copies text to the clipboard and says so. */
  async function copy(text: string, what: CopyWhat): Promise<void> {
    notice.value = null
    try {
      await navigator.clipboard.writeText(text)
      notice.value = t(`document.copied.${what}`)
    } catch {
      notice.value = t(`document.copyFailed.${what}`)
    }
  }

  return {
    opened, flat, loading, pendingRequestId, error, file, fileLoading, selectedId, filter, chunk, page, notice,
    openTask, openFile, adopt, cancel, resolveFile, select, close, exportCsv, exportJson, copy
  }
})
