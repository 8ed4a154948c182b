import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FakeTask } from './seeds'

/*
 * The fake's platform workflow (smartdocumentor-api.md §4, §5, §7.2, §10): workspaces, the task
 * status and paginated list, task and workspace speakers, and the review-status PATCH under both
 * documented paths. State is plain data a test can read and change (`fake.platform`).
 *
 * Choices of this fake (the doc server makes the other ones): the paged envelope is the batch
 * one with `hasNextPage`; speaker GETs answer `{ speakers: [...] }`; POST/PUT take the wrapped
 * list or one bare speaker; a read-only client gets 403 on every write.
 */

/** A task as the status endpoints describe it. */
export interface PlatformTask {
  taskId: number
  workspaceId: number
  batchId: number | null
  taskNumber: number | null
  externalId: string | null
  displayName: string
  createdOn: string
  taskStatus: number
  taskStatusText: string
  integrationStatus: number
  integrationStatusText: string
  externalIntegrationStatus: string
  totalPages: number
}

/** A stored speaker. */
export interface StoredSpeaker {
  speakerId: string
  speakerName: string
  speakerPrefix: string
  speakerSuffix: string
  isDefault: boolean
}

/**
 * What a speaker write does: answer normally, 500 without applying, 503 (retry me), or apply and
 * then drop the connection, or apply and never answer (the client's timeout ends it).
 */
export type WriteFault = 'ok' | '500' | '503' | 'reset-after-apply' | 'stall-after-apply'

/** One request the platform routes saw. */
export interface PlatformRequestLog {
  readonly method: string
  readonly path: string
  readonly query: string
  readonly body: string
}

/** The inspectable state. */
export interface PlatformState {
  readonly tasks: Map<number, PlatformTask>
  /** Speakers per task id. */
  readonly speakers: Map<number, StoredSpeaker[]>
  /** Speakers per workspace id. */
  readonly workspaceSpeakers: Map<number, StoredSpeaker[]>
  /** Consumed one per speaker write (POST/PUT/DELETE); empty means 'ok'. */
  readonly speakerFaults: WriteFault[]
  /** Which PATCH spellings exist. */
  patchPaths: 'both' | 'external-only' | 'short-only'
  /** How the workspace speakers GET answers: normally, 404 (a server without it) or 403. */
  workspaceSpeakersRoute: 'ok' | 'missing' | 'forbidden'
  /** Every platform request, in order. */
  readonly requests: PlatformRequestLog[]
  /** The writes (POST/PUT/DELETE/PATCH) among them. */
  writes(): PlatformRequestLog[]
}

/** What the routes need from the server. */
export interface PlatformContext {
  /** 'none' when the bearer token is missing or invalid; 'read-only' for the second client. */
  access(req: IncomingMessage): 'full' | 'read-only' | 'none'
  readBody(req: IncomingMessage): Promise<string>
  json(res: ServerResponse, status: number, value: unknown): void
  problem(res: ServerResponse, status: number, title: string, detail: string): void
  unauthorised(res: ServerResponse): void
}

const statusTexts: Record<number, string> = { 34: 'PreProcessingSuccessful', 40: 'ToReview', 50: 'Processed' }

/** Builds the platform state from the served tasks (speakers from transcript bodies). */
export function createPlatformState(tasks: readonly FakeTask[]): PlatformState {
  const state: PlatformState = {
    tasks: new Map(),
    speakers: new Map(),
    workspaceSpeakers: new Map([[7, [{ speakerId: 'ws-0001', speakerName: 'Chair', speakerPrefix: 'Hon.', speakerSuffix: '', isDefault: true }]]]),
    speakerFaults: [],
    patchPaths: 'both',
    workspaceSpeakersRoute: 'ok',
    requests: [],
    writes: () => state.requests.filter((r) => r.method !== 'GET')
  }
  tasks.forEach((task, i) => addPlatformTask(state, task, i))
  return state
}

/** Adds (or replaces) the status record and speakers of a served task. */
export function addPlatformTask(state: PlatformState, task: FakeTask, index = state.tasks.size): void {
  const body = task.body
  const isDoc = task.kind === 'document'
  const status = isDoc ? 34 : 40
  const day = String(1 + (index % 28)).padStart(2, '0')
  state.tasks.set(task.taskId, {
    taskId: task.taskId,
    workspaceId: typeof body.workspaceId === 'number' ? body.workspaceId : isDoc ? 9 : 7,
    batchId: null,
    taskNumber: typeof body.taskNumber === 'number' ? body.taskNumber : null,
    externalId: task.externalId,
    displayName: typeof body.displayName === 'string' ? body.displayName : `Task ${task.taskId}`,
    // Both documented datetime forms: whole seconds and .NET's 7-digit fractions.
    createdOn: index % 2 === 0 ? `2026-02-${day}T10:00:00Z` : `2026-02-${day}T10:00:00.1234567Z`,
    taskStatus: status,
    taskStatusText: statusTexts[status],
    integrationStatus: 0,
    integrationStatusText: 'NotIntegrated',
    externalIntegrationStatus: 'never',
    totalPages: typeof body.totalTimeInSeconds === 'number' ? Math.ceil(body.totalTimeInSeconds / 60) : 1
  })
  const transcript = body.transcript as { speakers?: Array<Record<string, unknown>> } | undefined
  if (!isDoc && transcript && Array.isArray(transcript.speakers)) {
    state.speakers.set(
      task.taskId,
      transcript.speakers
        .filter((s) => typeof s.speakerId === 'string')
        .map((s) => ({ speakerId: s.speakerId as string, speakerName: String(s.speakerName ?? ''), speakerPrefix: String(s.speakerPrefix ?? ''), speakerSuffix: String(s.speakerSuffix ?? ''), isDefault: false }))
    )
  }
}

const speakersRoute = /^\/api\/v1\.0\/external\/transcripts\/speakers\/tasks\/(\d+)\/(\d+)(?:\/([^/]+))?\/?$/i
const workspaceSpeakersRoute = /^\/api\/v1\.0\/external\/transcripts\/speakers\/workspaces\/(\d+)\/?$/i

/** Handles a platform route; false when `path` is none of them. */
export async function handlePlatform(state: PlatformState, ctx: PlatformContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const path = url.pathname
  const lower = path.toLowerCase().replace(/\/$/, '')
  const isPatch = lower === '/api/v1.0/external/sdtask/externalintegrationstatus' || lower === '/api/v1.0/sdtask/externalintegrationstatus'
  const speakers = speakersRoute.exec(path)
  const workspace = workspaceSpeakersRoute.exec(path)
  const isList = lower === '/api/v1.0/external/sdtask/statuslistpaginated' || lower === '/api/v1.0/external/sdtask/statuslist'
  const isStatus = lower === '/api/v1.0/external/sdtask/status'
  if (!isPatch && !speakers && !workspace && !isList && !isStatus) return false
  await serve(state, ctx, req, res, url, { isPatch, speakers, workspace, isList, isStatus, lower })
  return true
}

interface Matched {
  readonly isPatch: boolean
  readonly speakers: RegExpExecArray | null
  readonly workspace: RegExpExecArray | null
  readonly isList: boolean
  readonly isStatus: boolean
  readonly lower: string
}

async function serve(state: PlatformState, ctx: PlatformContext, req: IncomingMessage, res: ServerResponse, url: URL, m: Matched): Promise<void> {
  const { isPatch, speakers, workspace, isList, isStatus, lower } = m
  const path = url.pathname
  const body = await ctx.readBody(req)
  const method = req.method ?? 'GET'
  state.requests.push({ method, path, query: url.search, body })
  const access = ctx.access(req)
  if (access === 'none') return ctx.unauthorised(res)
  // Query names are case-insensitive; repeated ones are OR (§16.3).
  const all = (name: string) => [...url.searchParams].filter(([k]) => k.toLowerCase() === name).map(([, v]) => v)
  const one = (name: string) => all(name)[0]

  if (isStatus || isList) {
    if (method !== 'GET') return ctx.problem(res, 405, 'Method Not Allowed', 'Use GET')
    if (isStatus) {
      const task = findTask(state, one('taskid'), one('externalid'))
      if (task === 'bad') return ctx.problem(res, 400, 'Bad Request', 'Give taskId or externalId')
      if (!task) return ctx.problem(res, 404, 'Not Found', 'No such task')
      return ctx.json(res, 200, task)
    }
    return listTasks(state, ctx, res, all, one, lower.endsWith('paginated'))
  }

  if (isPatch) {
    const external = lower.includes('/external/')
    const served = state.patchPaths === 'both' || (state.patchPaths === 'external-only') === external
    if (!served) return ctx.problem(res, 404, 'Not Found', `No route ${path}`)
    if (method !== 'PATCH') return ctx.problem(res, 405, 'Method Not Allowed', 'Use PATCH')
    if (access === 'read-only') return ctx.problem(res, 403, 'Forbidden', 'This client may not change tasks')
    const task = findTask(state, one('taskid'), one('externalid'))
    if (task === 'bad') return ctx.problem(res, 400, 'Bad Request', 'Give taskId or externalId')
    if (!task) return ctx.problem(res, 404, 'Not Found', 'No such task')
    const value = (parse(body) as { externalIntegrationStatus?: unknown } | null)?.externalIntegrationStatus
    if (typeof value !== 'string' || value.trim() === '' || value.length > 32) return ctx.problem(res, 400, 'Bad Request', 'externalIntegrationStatus must be 1 to 32 characters')
    task.externalIntegrationStatus = value
    res.writeHead(204).end()
    return
  }

  if (workspace) {
    if (method !== 'GET') return ctx.problem(res, 405, 'Method Not Allowed', 'Only GET in this fake')
    if (state.workspaceSpeakersRoute === 'missing') return ctx.problem(res, 404, 'Not Found', `No route ${path}`)
    if (state.workspaceSpeakersRoute === 'forbidden') return ctx.problem(res, 403, 'Forbidden', 'This client may not read workspace speakers')
    return ctx.json(res, 200, { speakers: state.workspaceSpeakers.get(Number(workspace[1])) ?? [] })
  }

  const taskId = Number(speakers![1])
  const workspaceId = Number(speakers![2])
  const task = state.tasks.get(taskId)
  if (!task || task.workspaceId !== workspaceId) return ctx.problem(res, 404, 'Not Found', `No task ${taskId} in workspace ${workspaceId}`)
  const list = state.speakers.get(taskId) ?? []
  state.speakers.set(taskId, list)
  if (method === 'GET') return ctx.json(res, 200, { speakers: list })
  if (access === 'read-only') return ctx.problem(res, 403, 'Forbidden', 'This client may not change speakers')
  const fault = state.speakerFaults.shift() ?? 'ok'
  if (fault === '500') return ctx.problem(res, 500, 'Internal Server Error', 'Injected failure')
  if (fault === '503') return ctx.problem(res, 503, 'Service Unavailable', 'Injected overload')
  const speakerId = speakers![3] ? decodeURIComponent(speakers![3]) : undefined
  const sameId = (s: StoredSpeaker, id: string) => s.speakerId.toLowerCase() === id.toLowerCase()
  let status = 200
  if (method === 'DELETE') {
    if (!speakerId) return ctx.problem(res, 405, 'Method Not Allowed', 'DELETE needs a speakerId')
    const i = list.findIndex((s) => sameId(s, speakerId))
    if (i < 0) return ctx.problem(res, 404, 'Not Found', `No speaker ${speakerId}`)
    list.splice(i, 1)
    status = 204
  } else if (method === 'POST' || method === 'PUT') {
    const incoming = speakersIn(parse(body))
    if (incoming === null) return ctx.problem(res, 400, 'Bad Request', 'Send { speakers: [...] } or one speaker')
    for (const s of incoming) {
      const i = list.findIndex((x) => sameId(x, s.speakerId))
      if (method === 'POST' && i >= 0) return ctx.problem(res, 409, 'Conflict', `Speaker ${s.speakerId} exists`)
      if (method === 'PUT' && i < 0) return ctx.problem(res, 404, 'Not Found', `No speaker ${s.speakerId}`)
    }
    for (const s of incoming) {
      const i = list.findIndex((x) => sameId(x, s.speakerId))
      if (i >= 0) list[i] = s
      else list.push(s)
    }
  } else return ctx.problem(res, 405, 'Method Not Allowed', method)
  if (fault === 'stall-after-apply') return
  if (fault === 'reset-after-apply') {
    res.destroy()
    return
  }
  res.writeHead(status).end()
}

function listTasks(state: PlatformState, ctx: PlatformContext, res: ServerResponse, all: (n: string) => string[], one: (n: string) => string | undefined, paginated: boolean): void {
  const from = one('startdate')
  const to = one('enddate')
  if (!from && !to) return ctx.problem(res, 400, 'Bad Request', 'startDate or endDate is required')
  const ws = all('workspaceid').map(Number)
  const ts = all('taskstatus').map(Number)
  const is = all('integrationstatus').map(Number)
  const ext = one('externalintegrationstatus')
  let items = [...state.tasks.values()].filter(
    (t) =>
      (ws.length === 0 || ws.includes(t.workspaceId)) &&
      (ts.length === 0 || ts.includes(t.taskStatus)) &&
      (is.length === 0 || is.includes(t.integrationStatus)) &&
      (ext === undefined || t.externalIntegrationStatus === ext) &&
      (!from || Date.parse(t.createdOn) >= Date.parse(from)) &&
      (!to || Date.parse(t.createdOn) <= Date.parse(to))
  )
  const sort = (one('sort') ?? 'createdOn').toLowerCase()
  const key = (Object.keys(items[0] ?? {}) as Array<keyof PlatformTask>).find((k) => k.toLowerCase() === sort) ?? 'createdOn'
  items = items.sort((a, b) => (key === 'createdOn' ? Date.parse(a.createdOn) - Date.parse(b.createdOn) : String(a[key]).localeCompare(String(b[key]), 'en', { numeric: true })) || a.taskId - b.taskId)
  if (!paginated) return ctx.json(res, 200, items)
  const pageNumber = Number(one('pagenumber') ?? 1)
  const pageSize = Number(one('pagesize') ?? 10)
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || !Number.isInteger(pageSize) || pageSize < 1) return ctx.problem(res, 400, 'Bad Request', 'pageNumber and pageSize start at 1')
  const totalPages = Math.ceil(items.length / pageSize)
  ctx.json(res, 200, {
    items: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageNumber,
    totalPages,
    totalCount: items.length,
    hasPreviousPage: pageNumber > 1,
    hasNextPage: pageNumber < totalPages
  })
}

function findTask(state: PlatformState, taskId: string | undefined, externalId: string | undefined): PlatformTask | undefined | 'bad' {
  if (taskId === undefined && externalId === undefined) return 'bad'
  return [...state.tasks.values()].find((t) => (taskId === undefined || String(t.taskId) === taskId) && (externalId === undefined || t.externalId === externalId))
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** The wrapped list (the docs' examples) or one bare speaker (the docs' field table). */
function speakersIn(body: unknown): StoredSpeaker[] | null {
  if (!body || typeof body !== 'object') return null
  const raw = Array.isArray((body as { speakers?: unknown }).speakers) ? ((body as { speakers: unknown[] }).speakers) : [body]
  const out: StoredSpeaker[] = []
  for (const s of raw) {
    const o = s as Record<string, unknown>
    if (!o || typeof o.speakerId !== 'string' || o.speakerId === '' || typeof o.speakerName !== 'string') return null
    out.push({ speakerId: o.speakerId, speakerName: o.speakerName, speakerPrefix: String(o.speakerPrefix ?? ''), speakerSuffix: String(o.speakerSuffix ?? ''), isDefault: o.isDefault === true })
  }
  return out
}
