import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import type { DraftSummaryRow, RecentTask, RequestOf } from '../../../shared/ipc/contract'
import type { TaskListReply } from '../../../shared/ipc/workflow-schemas'
import type { EnumValue, TaskListItem, WorkspaceItem } from '../../../shared/api/task-list'
import { defaultPageSize } from '../../../shared/api/task-list'
import { taskKindOf, type TaskKindInfo } from '../../../shared/api/task-kind'
import type { ErrorData } from '../../../shared/errors'
import { sdte } from '../lib/bridge'
import { t } from '../i18n'
import { errorLine } from '../lib/error-messages'

/*
 * The inbox: the platform's task list with the reviewer's filters, one page at a time, and what
 * the app knows locally about each row (a draft, its reviewed share, when it was last opened).
 * docs/api.md "Listing, speakers and review status".
 */

/** The filter form as the reviewer edits it (dates are `yyyy-mm-dd`, '' = none). */
export interface InboxForm {
  workspaceIds: number[]
  taskStatuses: number[]
  integrationStatuses: number[]
  /** '' = any; `never` = not reviewed by us. */
  externalStatus: string
  from: string
  to: string
  sort: string
}

/** The external status the platform gives every task until we mark it. */
export const notReviewedStatus = 'never'

/** The sort keys offered (property names of the task status, §4.1); labels are `inbox.sort.<value>`. */
export const sortOptions: readonly { readonly value: string }[] = [
  { value: 'createdOn' },
  { value: 'displayName' },
  { value: 'taskId' },
  { value: 'taskStatus' }
]

/** The form as the list call's filters: empty fields left out, dates as whole UTC days. */
export function toFilters(form: InboxForm): RequestOf<'tasks:list'>['filters'] {
  const out: RequestOf<'tasks:list'>['filters'] = {}
  if (form.workspaceIds.length) out.workspaceIds = [...form.workspaceIds]
  if (form.taskStatuses.length) out.taskStatuses = [...form.taskStatuses]
  if (form.integrationStatuses.length) out.integrationStatuses = [...form.integrationStatuses]
  if (form.externalStatus.trim()) out.externalStatus = form.externalStatus.trim()
  if (form.from) out.from = `${form.from}T00:00:00Z`
  if (form.to) out.to = `${form.to}T23:59:59Z`
  if (form.sort) out.sort = form.sort
  return out
}

/** Why the form cannot be sent, or null. */
export function formProblem(form: InboxForm): string | null {
  if (form.from && form.to && form.from > form.to) return t('inbox.filters.datesReversed')
  if (form.externalStatus.trim().length > 32) return t('inbox.filters.externalStatusTooLong', { max: 32 })
  return null
}

/** The enum values seen so far, for the status filters (the platform's enums are opaque: only values it sent are offered). */
function remember(list: EnumValue[], value: EnumValue): void {
  if (value.value !== null && !list.some((v) => v.value === value.value)) list.push(value)
}

/** A typed search: digits are a task id first, anything else an external id. */
export function searchRefs(text: string): Array<{ taskId: number } | { externalId: string }> {
  const t = text.trim()
  if (t === '') return []
  return /^\d{1,15}$/.test(t) ? [{ taskId: Number(t) }, { externalId: t }] : [{ externalId: t }]
}

/** The inbox's state and calls. */
export const useInboxStore = defineStore('inbox', () => {
  const form = reactive<InboxForm>({ workspaceIds: [], taskStatuses: [], integrationStatuses: [], externalStatus: '', from: '', to: '', sort: 'createdOn' })
  const page = ref(1)
  const pageSize = ref(defaultPageSize)
  const reply = shallowRef<TaskListReply | null>(null)
  const loading = ref(false)
  const error = ref<ErrorData | null>(null)
  const workspaces = shallowRef<readonly WorkspaceItem[]>([])
  const workspacesError = ref<ErrorData | null>(null)
  const taskStatusesSeen = ref<EnumValue[]>([])
  const integrationStatusesSeen = ref<EnumValue[]>([])
  const drafts = shallowRef<ReadonlyMap<number, DraftSummaryRow>>(new Map())
  const recent = shallowRef<ReadonlyMap<number, number>>(new Map())
  /** A task found by id (replaces the list while shown). */
  const found = shallowRef<TaskListItem | null>(null)
  const searchError = ref<string | null>(null)
  let generation = 0

  const items = computed<readonly TaskListItem[]>(() => (found.value ? [found.value] : reply.value?.items ?? []))
  const problem = computed(() => formProblem(form))
  const pageCount = computed(() => (reply.value?.total != null ? Math.max(1, Math.ceil(reply.value.total / pageSize.value)) : null))
  const hasPrevious = computed(() => !found.value && page.value > 1)
  const hasNext = computed(() => !found.value && (reply.value?.hasMore ?? false))

  /** Whether a row is a transcript or a document task, from its workspace (unknown until the workspaces are read). */
  function kindOf(item: TaskListItem): TaskKindInfo {
    return taskKindOf(item.workspaceId, workspaces.value)
  }

  /** Loads the workspaces for the filter (once per sign-in, or on refresh). */
  async function loadWorkspaces(): Promise<void> {
    const result = await sdte().invoke['workspaces:list']()
    if (result.ok) {
      workspaces.value = result.value
      workspacesError.value = null
    } else workspacesError.value = result.error
  }

  async function loadLocal(taskIds: readonly number[]): Promise<void> {
    const [summaries, recents] = await Promise.all([taskIds.length ? sdte().invoke['drafts:summaries']({ taskIds: [...taskIds] }) : null, sdte().invoke['tasks:recent']()])
    // Local facts are extras: a failure to read them leaves the columns empty, never the list.
    if (summaries?.ok) drafts.value = new Map(summaries.value.map((d) => [d.taskId, d]))
    if (recents.ok) recent.value = new Map(recents.value.filter((r): r is RecentTask & { taskId: number } => r.taskId !== null).map((r) => [r.taskId, r.openedAt]))
  }

  /** Fetches the current page with the current filters. */
  async function load(): Promise<void> {
    if (problem.value) return
    const mine = ++generation
    loading.value = true
    found.value = null
    searchError.value = null
    try {
      const result = await sdte().invoke['tasks:list']({ filters: toFilters(form), page: page.value, pageSize: pageSize.value })
      if (mine !== generation) return
      if (!result.ok) {
        error.value = result.error
        return
      }
      error.value = null
      reply.value = result.value
      for (const item of result.value.items) {
        remember(taskStatusesSeen.value, item.status)
        remember(integrationStatusesSeen.value, item.integrationStatus)
      }
      await loadLocal(result.value.items.map((i) => i.taskId))
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** Applies changed filters: back to page 1. */
  function applyFilters(): Promise<void> {
    page.value = 1
    return load()
  }

  /** Moves by `delta` pages when there is one that way. */
  function turn(delta: 1 | -1): Promise<void> {
    if (delta === 1 ? !hasNext.value : !hasPrevious.value) return Promise.resolve()
    page.value += delta
    return load()
  }

  /** Finds one task by task id or external id. */
  async function search(text: string): Promise<void> {
    const refs = searchRefs(text)
    if (refs.length === 0) return clearSearch()
    loading.value = true
    searchError.value = null
    try {
      for (const ref of refs) {
        const result = await sdte().invoke['tasks:lookup']({ ref })
        if (result.ok) {
          found.value = result.value
          await loadLocal([result.value.taskId])
          return
        }
        if (result.error.code !== 'not_found') {
          searchError.value = errorLine(result.error)
          return
        }
      }
      searchError.value = t('inbox.notFound', { text: text.trim() })
    } finally {
      loading.value = false
    }
  }

  /** Back to the list from a search result. */
  function clearSearch(): void {
    found.value = null
    searchError.value = null
  }

  return { form, page, pageSize, reply, loading, error, workspaces, workspacesError, taskStatusesSeen, integrationStatusesSeen, drafts, recent, found, searchError, items, problem, pageCount, hasPrevious, hasNext, kindOf, loadWorkspaces, load, applyFilters, turn, search, clearSearch }
})
