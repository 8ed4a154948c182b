import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { DocumentFileState, OpenedDocument } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/errors'
import { flattenDocument, flattenDocumentSteps } from '../../../shared/document/flatten'
import type { FlatDocument } from '../../../shared/document/flatten'
import { emptyFilter } from '../../../shared/document/filters'
import type { DocumentFilter } from '../../../shared/document/filters'
import { documentToCsv } from '../../../shared/document/csv'
import { sdte } from '../lib/bridge'
import { t } from '../i18n'
import { useOpenRequest } from './open-request'
import { dropPreloaded, firstPageOf, loadPdfJs, preloadPdf } from '../lib/pdf-preload'
import { runInSlices } from '../lib/run-in-slices'
import { idleTask } from '../lib/idle-task'

/**
 * Exports with more entities than this are flattened in slices after the page has had its turn:
 * flattening 1,000 entities at once held the thread ~0.5 s, before pdf.js was even asked for the
 * original's first page (issue 21). Smaller ones are flattened at once (nothing to wait for).
 */
export const flattenInSlicesFrom = 200

/**
 * How long a long export's data list, once flattened, waits at most for the original's first
 * page before it is drawn anyway. Drawing the list is one long task (~0.1-0.4 s for a screenful of
 * cards and tables); landing between page 1's bytes and its paint it held the page back by as
 * much (test/bench/document-profile.ts), so the page goes first. Bounded: a PDF that is slow
 * to come never keeps the data off screen for long.
 */
export const dataWaitsForPageMs = 1500

const arr = <T>(v: readonly T[] | null | undefined): readonly T[] => (Array.isArray(v) ? v : [])

/** What was copied (the notice names it in the reviewer's language). */
export type CopyWhat = 'cell' | 'row' | 'table' | 'keyValues'

/** A document task as the reviewer names it: SmartDocumentor's id or their own external id. */
export type DocumentRef = { readonly taskId: number } | { readonly externalId: string }

/** The open document task: its flattened data, the original file's state, selection, filter, exports. */
export const useDocumentStore = defineStore('document', () => {
  // shallowRef: the export is replaced, never mutated; deep reactivity over it would cost for nothing.
  const opened = shallowRef<OpenedDocument | null>(null)
  /** The flattened data; null while a long export is still being flattened (`preparing`). */
  const flat = shallowRef<FlatDocument | null>(null)
  /** A long export is being flattened in slices: the pane shows its page and says the data is coming. */
  const preparing = computed(() => opened.value !== null && flat.value === null)
  /** A long export's data is flattened and waits for the original's first page to be painted (or `dataWaitsForPageMs`). */
  const waitingForPage = ref(false)
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
    flat.value = null
    selectedId.value = null
    chunk.value = null
    page.value = 1
    filter.value = { ...emptyFilter }
    notice.value = null
    error.value = null
    // pdf.js and its worker start loading now, beside the data pane's first render.
    void loadPdfJs().catch(() => undefined)
    const resolving = resolveFile()
    // After the file is asked for: its answer (and the PDF's request) go between the slices.
    void flattenOpened(value, resolving)
  }

  /** Once the original's first page is painted, or will not be, or `dataWaitsForPageMs` have passed; false when there is no PDF to wait for. */
  async function firstPageOrTimeout(resolving: Promise<void>): Promise<boolean> {
    await resolving.catch(() => undefined)
    const f = file.value
    if (f?.status !== 'ready' || f.contentType !== 'application/pdf') return false
    let timer: ReturnType<typeof setTimeout> | undefined
    await Promise.race([firstPageOf(f.url), new Promise<void>((resolve) => (timer = setTimeout(resolve, dataWaitsForPageMs)))])
    clearTimeout(timer)
    return true
  }

  /** Flattens `value`: at once when it is short, else in slices (dropped if another document replaced it). */
  async function flattenOpened(value: OpenedDocument, resolving: Promise<void>): Promise<void> {
    const count = arr(value.data.chunks).reduce((n, chunk) => n + arr(chunk?.entities).length, 0)
    if (count < flattenInSlicesFrom) {
      flat.value = flattenDocument(value.data)
      return
    }
    const stale = () => opened.value !== value
    // In idle periods: pdf.js fetches the PDF and hands its messages over on this thread, so its
    // work for the first page goes first and the slices fill the gaps (within a second each, at worst).
    const idle = idleTask(1000)
    const result = await runInSlices(flattenDocumentSteps(value.data), stale, () => new Promise<void>((resolve) => idle.schedule(resolve)))
    if (!result || stale()) return
    // The original's first page goes first (a short export above has no list worth waiting for).
    waitingForPage.value = true
    let waited: boolean
    try {
      waited = await firstPageOrTimeout(resolving)
    } finally {
      waitingForPage.value = false
    }
    if (stale()) return
    // After page 1: once the frame showing it is drawn (not an idle period, which the pages near
    // it and their overlays keep away for up to a second). Without a PDF, in an idle period of its
    // own: the list's first render waits for pending page work.
    await (waited && typeof requestAnimationFrame === 'function'
      ? new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
      : new Promise<void>((resolve) => idle.schedule(resolve)))
    if (!stale()) flat.value = result
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
    flat.value = null
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
    // Asked for while the data is still being flattened: flattened now, the export is never partial.
    const data = flat.value ?? (opened.value ? flattenDocument(opened.value.data) : null)
    if (data) await save(`${baseName()}.csv`, documentToCsv(data), 'CSV', 'csv')
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
    opened, flat, preparing, waitingForPage, loading, pendingRequestId, error, file, fileLoading, selectedId, filter, chunk, page, notice,
    openTask, openFile, adopt, cancel, resolveFile, select, close, exportCsv, exportJson, copy
  }
})
