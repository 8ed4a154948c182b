import { taskListPath } from './endpoints'

/*
 * The task list (smartdocumentor-api.md §3, §4, §5): filters → query string, and the server's
 * page → list items, read tolerantly. The task page's envelope was never seen (only the batch
 * one), so a bare array, PascalCase keys and missing counters are all accepted; enum numbers are
 * opaque and shown by the server's `…Text` (docs/api.md "Listing, speakers and review status").
 */

/** What the reviewer filters the list by; every field optional, repeatable ones as arrays. */
export interface TaskListFilters {
  readonly workspaceIds?: readonly number[]
  readonly taskStatuses?: readonly number[]
  readonly integrationStatuses?: readonly number[]
  /** e.g. `never`: not yet marked by us. */
  readonly externalStatus?: string
  /** Created after (ISO-8601). */
  readonly from?: string
  /** Created before (ISO-8601). */
  readonly to?: string
  /** Property name to sort by (the server's default is `createdOn`). */
  readonly sort?: string
}

/** An enum value as a number (null when the server sent none) and a text a person can read. */
export interface EnumValue {
  readonly value: number | null
  readonly text: string
  /** True when the server sent no text and `text` is our English name (the app names it in the reviewer's language). */
  readonly ours?: true
}

/** One row of the inbox. */
export interface TaskListItem {
  readonly taskId: number
  readonly taskNumber: number | null
  readonly externalId: string | null
  readonly name: string
  /** True when the server gave no name and `name` is our English "Task N" / "Workspace N". */
  readonly unnamed?: true
  readonly workspaceId: number | null
  readonly status: EnumValue
  readonly integrationStatus: EnumValue
  /** The client-set status (`never` until marked), null when the server did not send it. */
  readonly externalStatus: string | null
  readonly createdOn: string | null
  /** `totalPages`, which counts minutes for audio (§4.1). */
  readonly lengthMinutes: number | null
}

/** One page of the list. */
export interface TaskPage {
  readonly items: readonly TaskListItem[]
  readonly page: number
  readonly pageSize: number
  /** Total tasks matching, when the server said. */
  readonly total: number | null
  readonly hasMore: boolean
  /** Entries without a usable taskId, left out (counted so nothing is silently lost). */
  readonly unreadable: number
}

/** A workspace as the inbox's filter shows it. */
export interface WorkspaceItem {
  readonly workspaceId: number
  readonly name: string
  /** True when the server gave no name and `name` is our English "Task N" / "Workspace N". */
  readonly unnamed?: true
  readonly isDefault: boolean
  readonly templateName: string | null
  readonly templateType: number | null
  /** TaskType (§3.4): each workspace processes one task type; values opaque (not retrieved). */
  readonly taskType?: number | null
  /** WorkspaceType (§3.4), opaque. */
  readonly workspaceType?: number | null
}

/** The default page size (the server's documented default). */
export const defaultPageSize = 10

/** The largest page size the client asks for (the server's maximum is undocumented). */
export const maxPageSize = 100

/**
 * Lower bound sent when no date filter is given: the list calls require `startDate` or
 * `endDate` (§4.2), and "everything" is what a reviewer means by no date.
 */
export const defaultStartDate = '2000-01-01T00:00:00Z'

/** Path and query of the paginated list call for `filters` and a 1-based page. */
export function taskListRequestPath(filters: TaskListFilters, page: number, pageSize: number): string {
  const q = new URLSearchParams()
  for (const id of filters.workspaceIds ?? []) q.append('workspaceId', String(id))
  for (const s of filters.taskStatuses ?? []) q.append('taskStatus', String(s))
  for (const s of filters.integrationStatuses ?? []) q.append('integrationStatus', String(s))
  if (filters.externalStatus !== undefined && filters.externalStatus !== '') q.set('externalIntegrationStatus', filters.externalStatus)
  if (filters.from) q.set('startDate', filters.from)
  if (filters.to) q.set('endDate', filters.to)
  if (!filters.from && !filters.to) q.set('startDate', defaultStartDate)
  if (filters.sort) q.set('sort', filters.sort)
  q.set('pageNumber', String(page))
  q.set('pageSize', String(pageSize))
  return `${taskListPath}?${q.toString()}`
}

/** TaskStatus names from the readable part of the Mappings table (§3.1); others come as text. */
const taskStatusNames: Readonly<Record<number, string>> = {
  19: 'Deleting',
  20: 'Deleted',
  30: 'Queued for pre-processing',
  31: 'Pre-processing',
  32: 'Pre-processing failed',
  33: 'Download failed',
  34: 'Pre-processed',
  35: 'Getting pages failed'
}

/** An object's fields by lower-cased name (servers differ in casing). */
export function lowerKeys(value: unknown): Record<string, unknown> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k.toLowerCase()] = v
  return out
}

function int(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value)
  return null
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function enumValue(raw: unknown, rawText: unknown, names: Readonly<Record<number, string>>): EnumValue {
  const value = int(raw)
  // The server's text wins: our table is incomplete, and an unknown number must not be hidden.
  const given = text(rawText) ?? (typeof raw === 'string' && value === null ? text(raw) : null)
  if (given !== null) return { value, text: given }
  return { value, text: value !== null ? names[value] ?? `Unknown (${value})` : 'Unknown', ours: true }
}

/** One task-status object (§4.1) as a list row; null when it has no usable taskId. */
export function toTaskListItem(raw: unknown): TaskListItem | null {
  const o = lowerKeys(raw)
  if (!o) return null
  const taskId = int(o['taskid'])
  if (taskId === null || taskId <= 0) return null
  const minutes = o['totalpages']
  return {
    taskId,
    taskNumber: int(o['tasknumber']),
    externalId: text(o['externalid']),
    name: text(o['displayname']) ?? `Task ${taskId}`,
    ...(text(o['displayname']) === null ? { unnamed: true as const } : {}),
    workspaceId: int(o['workspaceid']),
    status: enumValue(o['taskstatus'], o['taskstatustext'], taskStatusNames),
    integrationStatus: enumValue(o['integrationstatus'], o['integrationstatustext'], {}),
    externalStatus: text(o['externalintegrationstatus']),
    createdOn: text(o['createdon']),
    lengthMinutes: typeof minutes === 'number' && Number.isFinite(minutes) ? minutes : null
  }
}

/**
 * A list answer as a page: the documented envelope (any key casing) or a bare array. A bare
 * array longer than the page size means the server ignored paging: it is the whole list.
 * Returns null when the body is neither.
 */
export function readTaskPage(body: unknown, page: number, pageSize: number): TaskPage | null {
  let rawItems: unknown[]
  let total: number | null = null
  let hasMore: boolean
  if (Array.isArray(body)) {
    rawItems = body
    if (body.length > pageSize) {
      total = body.length
      hasMore = false
    } else {
      // No counters: a full page may have a next one; the next request finds out.
      hasMore = body.length === pageSize
    }
  } else {
    const o = lowerKeys(body)
    const items = o?.['items'] ?? o?.['data'] ?? o?.['results']
    if (!o || !Array.isArray(items)) return null
    rawItems = items
    total = int(o['totalcount'])
    const totalPages = int(o['totalpages'])
    const pageNumber = int(o['pagenumber']) ?? page
    const next = o['hasnextpage']
    if (typeof next === 'boolean') hasMore = next
    else if (totalPages !== null) hasMore = pageNumber < totalPages
    else if (total !== null) hasMore = pageNumber * pageSize < total
    else hasMore = items.length === pageSize
  }
  const items: TaskListItem[] = []
  let unreadable = 0
  for (const raw of rawItems) {
    const item = toTaskListItem(raw)
    if (item) items.push(item)
    else unreadable++
  }
  return { items, page, pageSize, total, hasMore, unreadable }
}

/** The workspaces answer (§5, a bare array; `{ items }` also read) as filter entries. */
export function readWorkspaces(body: unknown): WorkspaceItem[] | null {
  const list = Array.isArray(body) ? body : lowerKeys(body)?.['items'] ?? lowerKeys(body)?.['workspaces']
  if (!Array.isArray(list)) return null
  const out: WorkspaceItem[] = []
  for (const raw of list) {
    const o = lowerKeys(raw)
    const workspaceId = o ? int(o['workspaceid']) : null
    if (!o || workspaceId === null) continue
    out.push({
      workspaceId,
      name: text(o['workspacename']) ?? `Workspace ${workspaceId}`,
      ...(text(o['workspacename']) === null ? { unnamed: true as const } : {}),
      isDefault: o['isdefault'] === true,
      templateName: text(o['workspacetemplatename']),
      templateType: int(o['templatetype']),
      taskType: int(o['tasktype']),
      workspaceType: int(o['workspacetype'])
    })
  }
  return out
}
