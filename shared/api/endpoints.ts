/*
 * Where the two export calls go. The vendor's page lists `externalId` beside the path id without
 * saying how it travels (docs/api.md#the-two-export-endpoints): we send it as the query parameter
 * `externalId` and put `0` as the path id when only an externalId is known. This is an assumption;
 * it lives only here.
 *
 * The same page says a faithful server accepts "`/GetExportData/Transcript/{taskId}`,
 * `...?externalId=X`, and both together", which also reads as a route with no path id at all.
 * So when only an externalId is known and the `/0` form finds nothing (404), the client asks
 * once more without a path id (`exportFallbackPath`); either reading of the server then works.
 */

/** Which export endpoint: transcript tasks or document tasks. */
export type ExportKind = 'transcript' | 'document'

/** How a task is named: by its integer id, its customer-chosen external id, or both. */
export type TaskRef =
  | { readonly taskId: number; readonly externalId?: string }
  | { readonly taskId?: undefined; readonly externalId: string }

/** The API prefix of the two export endpoints. */
export const exportPathPrefix = '/api/v1.0/external/sdtask/GetExportData'

/** Path id used when the caller knows only an externalId (the assumption above). */
export const pathIdForExternalIdOnly = 0

/** Path and query (no origin) of the export call for `ref`, e.g. `/api/.../Transcript/123`. */
export function exportRequestPath(kind: ExportKind, ref: TaskRef): string {
  const id = ref.taskId ?? pathIdForExternalIdOnly
  const base = kind === 'transcript' ? `${exportPathPrefix}/Transcript/${id}` : `${exportPathPrefix}/${id}`
  return ref.externalId !== undefined ? `${base}?externalId=${encodeURIComponent(ref.externalId)}` : base
}

/**
 * The second form tried for an externalId-only reference when the first answers 404: the
 * endpoint with no path id, e.g. `/api/.../GetExportData/Transcript?externalId=A-1`. Null when
 * the reference has a taskId (then the path id is real and a 404 is final).
 */
export function exportFallbackPath(kind: ExportKind, ref: TaskRef): string | null {
  if (ref.taskId !== undefined) return null
  const base = kind === 'transcript' ? `${exportPathPrefix}/Transcript` : exportPathPrefix
  return `${base}?externalId=${encodeURIComponent(ref.externalId)}`
}

/** The task id or external id alone, as a translated message names the task. */
export function taskRefLabel(ref: TaskRef): string {
  return String(ref.taskId ?? ref.externalId ?? '')
}

/** A human description of the task reference for messages: "id 123", "external id \"A-1\"". */
export function describeTaskRef(ref: TaskRef): string {
  const parts: string[] = []
  if (ref.taskId !== undefined) parts.push(`id ${ref.taskId}`)
  if (ref.externalId !== undefined) parts.push(`external id "${ref.externalId}"`)
  return parts.join(' and ') || 'no id'
}

/** Builds a TaskRef from loosely typed input, or returns an error message a person can act on. */
export function toTaskRef(input: { taskId?: number | null; externalId?: string | null }): TaskRef | string {
  const taskId = input.taskId ?? undefined
  const externalId = input.externalId?.trim() || undefined
  if (taskId !== undefined && (!Number.isSafeInteger(taskId) || taskId <= 0)) return 'The task id must be a positive whole number'
  if (taskId === undefined && externalId === undefined) return 'Give a task id or an external id'
  return taskId !== undefined ? { taskId, ...(externalId !== undefined ? { externalId } : {}) } : { externalId: externalId as string }
}

/*
 * The platform workflow's paths (smartdocumentor-api.md §4, §5, §7.2, §10; docs/api.md
 * "Listing, speakers and review status"). Every path the client calls is decided here.
 */

/** Workspaces of the tenant (§5). */
export const workspacesPath = '/api/v1.0/external/sdworkspace/CurrentWorkspaces'

/** One task's status, by `taskId` or `externalId` query (§4.1). */
export const taskStatusPath = '/api/v1.0/external/sdtask/status'

/** The paginated task list (§4.3). */
export const taskListPath = '/api/v1.0/external/sdtask/statuslistpaginated'

/**
 * The two spellings of the review-status PATCH (§7.2): the heading's (with `/external/`, like
 * every other route) is tried first; the curl example's is the fallback on 404/405.
 */
export const externalStatusPaths = [
  '/api/v1.0/external/sdtask/externalIntegrationStatus',
  '/api/v1.0/sdtask/externalIntegrationStatus'
] as const

/** Query string naming one task for the status and PATCH calls: `?taskId=…` or `?externalId=…`. */
export function taskRefQuery(ref: TaskRef): string {
  const params = new URLSearchParams()
  if (ref.taskId !== undefined) params.set('taskId', String(ref.taskId))
  if (ref.externalId !== undefined) params.set('externalId', ref.externalId)
  return `?${params.toString()}`
}

/** Task speakers (§10.3–10.5): note the order, task first. */
export function taskSpeakersPath(taskId: number, workspaceId: number): string {
  return `/api/v1.0/external/transcripts/speakers/tasks/${taskId}/${workspaceId}`
}

/** One task speaker, for DELETE (§10.6). */
export function taskSpeakerPath(taskId: number, workspaceId: number, speakerId: string): string {
  return `${taskSpeakersPath(taskId, workspaceId)}/${encodeURIComponent(speakerId)}`
}

/** Workspace speakers (§10.1: the GET page is missing; the path mirrors the documented PUT). */
export function workspaceSpeakersPath(workspaceId: number): string {
  return `/api/v1.0/external/transcripts/speakers/workspaces/${workspaceId}`
}
