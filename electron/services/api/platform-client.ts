import { AppError } from '../../../shared/errors'
import { describeTaskRef, taskRefLabel, externalStatusPaths, taskRefQuery, taskSpeakerPath, taskSpeakersPath, taskStatusPath, workspaceSpeakersPath, workspacesPath, type TaskRef } from '../../../shared/api/endpoints'
import { readSpeakers, speakerWriteBody, type PlatformSpeaker } from '../../../shared/api/speakers'
import { maxPageSize, readTaskPage, readWorkspaces, taskListRequestPath, toTaskListItem, type TaskListFilters, type TaskListItem, type TaskPage, type WorkspaceItem } from '../../../shared/api/task-list'
import type { PlatformResponse, PlatformTransport } from './platform-transport'
import { parseJsonBody } from './api-ports'

/*
 * The platform workflow's calls (smartdocumentor-api.md §4, §5, §7.2, §10): listing, lookup,
 * task speakers and the review status. Restarting processing (§7.1) destroys every edit on the
 * platform and is deliberately not offered. Decisions where the docs are silent are in
 * docs/api.md "Listing, speakers and review status".
 */

/** The longest review-status value the platform accepts (§7.2). */
export const maxExternalStatusLength = 32

/** Options of one call. */
export interface PlatformCallOptions {
  readonly signal?: AbortSignal
}

/** Checks a review-status value; returns it trimmed or throws bad_request. */
export function checkExternalStatus(value: string): string {
  const trimmed = value.trim()
  if (trimmed === '') throw new AppError('bad_request', 'The review status must not be empty')
  if (trimmed.length > maxExternalStatusLength) throw new AppError('bad_request', `The review status may have at most ${maxExternalStatusLength} characters (got ${trimmed.length})`)
  return trimmed
}

/** Listing, speakers and review status over one transport. */
export class PlatformClient {
  /** Which PATCH spelling answered, per base URL (index into externalStatusPaths). */
  private readonly statusPathByBase = new Map<string, number>()

  constructor(private readonly transport: PlatformTransport) {}

  /** Every workspace of the tenant. */
  async listWorkspaces(options: PlatformCallOptions = {}): Promise<WorkspaceItem[]> {
    const response = await this.read(workspacesPath, 'the workspaces', options)
    const items = readWorkspaces(parseJsonBody(response.text, 'workspaces answer'))
    if (items === null) throw new AppError('invalid_response', 'The workspaces answer is not a list of workspaces', { reason: 'api_bad_answer' })
    return items
  }

  /** One page (1-based) of tasks matching `filters`. */
  async listTasks(filters: TaskListFilters, page: number, pageSize: number, options: PlatformCallOptions = {}): Promise<TaskPage> {
    if (!Number.isSafeInteger(page) || page < 1) throw new AppError('bad_request', 'The page number starts at 1')
    if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) throw new AppError('bad_request', `The page size must be between 1 and ${maxPageSize}`)
    const response = await this.read(taskListRequestPath(filters, page, pageSize), 'the task list', options)
    const result = readTaskPage(parseJsonBody(response.text, 'task list'), page, pageSize)
    if (result === null) throw new AppError('invalid_response', 'The task list answer is neither a list nor a page of tasks', { reason: 'api_bad_answer' })
    return result
  }

  /** Every task matching `filters`, page after page (for `sdte list --all` and list exports). */
  async listAllTasks(filters: TaskListFilters, pageSize: number, options: PlatformCallOptions = {}): Promise<TaskListItem[]> {
    const all = new Map<number, TaskListItem>()
    for (let page = 1; ; page++) {
      const result = await this.listTasks(filters, page, pageSize, options)
      const before = all.size
      for (const item of result.items) all.set(item.taskId, item)
      // A server that ignores paging sends the same items again: stop rather than loop.
      if (!result.hasMore || all.size === before) return [...all.values()]
    }
  }

  /** One task's status by id or external id (the search box). */
  async lookupTask(ref: TaskRef, options: PlatformCallOptions = {}): Promise<TaskListItem> {
    const response = await this.send({ method: 'GET', path: `${taskStatusPath}${taskRefQuery(ref)}`, signal: options.signal })
    if (response.status === 404 || response.status === 400) throw new AppError('not_found', `No task with ${describeTaskRef(ref)} in this organisation`, { reason: 'task_not_found', params: { task: taskRefLabel(ref) } })
    checkOk(response, `the task with ${describeTaskRef(ref)}`)
    const body = parseJsonBody(response.text, 'task status')
    const item = toTaskListItem(Array.isArray(body) ? body[0] : body)
    if (item === null) throw new AppError('invalid_response', `The status of the task with ${describeTaskRef(ref)} has no task id`)
    return item
  }

  /** The speakers of a task on the platform. */
  async getTaskSpeakers(taskId: number, workspaceId: number, options: PlatformCallOptions = {}): Promise<PlatformSpeaker[]> {
    const response = await this.send({ method: 'GET', path: taskSpeakersPath(taskId, workspaceId), signal: options.signal })
    if (response.status === 404) throw new AppError('not_found', `No task ${taskId} in workspace ${workspaceId}`, { reason: 'task_not_found', params: { task: String(taskId) } })
    checkOk(response, `the speakers of task ${taskId}`)
    const speakers = readSpeakers(parseJsonBody(response.text, 'speakers answer'))
    if (speakers === null) throw new AppError('invalid_response', `The speakers of task ${taskId} are not a list of speakers`, { reason: 'api_bad_answer' })
    return speakers
  }

  /** The workspace's speaker list, or null when the server has no such route (its page is missing from the docs). */
  async getWorkspaceSpeakers(workspaceId: number, options: PlatformCallOptions = {}): Promise<PlatformSpeaker[] | null> {
    const response = await this.send({ method: 'GET', path: workspaceSpeakersPath(workspaceId), signal: options.signal })
    if (response.status === 404 || response.status === 405) return null
    checkOk(response, `the speakers of workspace ${workspaceId}`)
    return readSpeakers(parseJsonBody(response.text, 'workspace speakers answer'))
  }

  /** Creates, updates or deletes one task speaker; throws with the server's reason. */
  async writeSpeaker(kind: 'add' | 'rename' | 'remove', taskId: number, workspaceId: number, speaker: PlatformSpeaker, options: PlatformCallOptions = {}): Promise<void> {
    const response =
      kind === 'remove'
        ? await this.send({ method: 'DELETE', path: taskSpeakerPath(taskId, workspaceId, speaker.speakerId), signal: options.signal })
        : await this.send({ method: kind === 'add' ? 'POST' : 'PUT', path: taskSpeakersPath(taskId, workspaceId), body: speakerWriteBody(speaker), signal: options.signal })
    if (response.status === 403) throw new AppError('unauthorized', `This account may not change speakers in workspace ${workspaceId} (HTTP 403)`, { reason: 'api_forbidden', params: { status: 403 } })
    if (response.status === 404) throw new AppError('not_found', kind === 'remove' ? `Speaker ${speaker.speakerId} is not on task ${taskId}` : `No task ${taskId} in workspace ${workspaceId}`, { reason: 'task_not_found', params: { task: String(taskId) } })
    checkOk(response, `speaker ${speaker.speakerId}`)
  }

  /**
   * Sets the task's external integration status. The PATCH has two documented spellings: the
   * remembered one (else the heading's) first, the other on 404/405; which answered is kept per
   * base URL. Returns the path used.
   */
  async markReviewed(ref: TaskRef, value: string, options: PlatformCallOptions = {}): Promise<{ path: string; value: string }> {
    const checked = checkExternalStatus(value)
    const base = this.transport.baseUrl()
    const first = this.statusPathByBase.get(base) ?? 0
    const order = [first, 1 - first]
    let response: PlatformResponse | null = null
    for (const index of order) {
      const path = externalStatusPaths[index]
      response = await this.send({ method: 'PATCH', path: `${path}${taskRefQuery(ref)}`, body: { externalIntegrationStatus: checked }, signal: options.signal })
      if (response.status === 404 || response.status === 405) continue
      this.statusPathByBase.set(base, index)
      if (response.status === 403) throw new AppError('unauthorized', `This account may not change the review status of the task with ${describeTaskRef(ref)} (HTTP 403)`, { reason: 'api_forbidden', params: { status: 403 } })
      checkOk(response, `the review status of the task with ${describeTaskRef(ref)}`)
      return { path, value: checked }
    }
    throw new AppError('not_found', `No task with ${describeTaskRef(ref)} in this organisation (HTTP ${response?.status})`, { reason: 'task_not_found', params: { task: taskRefLabel(ref) } })
  }

  private send(request: Parameters<PlatformTransport['send']>[0]): Promise<PlatformResponse> {
    return this.transport.send(request)
  }

  private async read(path: string, what: string, options: PlatformCallOptions): Promise<PlatformResponse> {
    const response = await this.send({ method: 'GET', path, signal: options.signal })
    // A 404 here is an unknown workspace in the filter, or a server without this route.
    if (response.status === 404) throw new AppError('not_found', `The server answered 404 (not found) for ${what}: an unknown workspace, or no such route on this server`, { reason: 'api_not_found', params: { status: 404 } })
    checkOk(response, what)
    return response
  }
}

/** Throws the AppError for a non-2xx answer, quoting a problem+json `detail` or `title`. */
function checkOk(response: PlatformResponse, what: string): void {
  const { status } = response
  if (status >= 200 && status < 300) return
  const reason = problemText(response.text)
  const suffix = reason ? `: ${reason}` : ''
  if (status === 400 || status === 422) throw new AppError('bad_request', `The server refused the request for ${what} (HTTP ${status})${suffix}`, { reason: 'api_bad_request', params: { status } })
  if (status === 403) throw new AppError('unauthorized', `This account may not read ${what} (HTTP 403)`, { reason: 'api_forbidden', params: { status } })
  if (status === 404) throw new AppError('not_found', `Not found: ${what} (HTTP 404)`, { reason: 'api_not_found', params: { status } })
  if (status === 429) throw new AppError('server', 'The server is rate-limiting requests (HTTP 429); try again in a minute', { reason: 'api_rate_limited' })
  throw new AppError('server', `The server answered HTTP ${status} for ${what}${suffix}`, { reason: 'api_server', params: { status } })
}

function problemText(text: string): string | null {
  try {
    const body = JSON.parse(text) as { detail?: unknown; title?: unknown }
    const value = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : null
    return value ? value.slice(0, 200) : null
  } catch {
    return null
  }
}

