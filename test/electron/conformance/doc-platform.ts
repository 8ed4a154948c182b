import type { IncomingMessage, ServerResponse } from 'node:http'

/*
 * The doc server's platform routes, read from smartdocumentor-api.md §4, §5, §7.2, §10 alone and
 * deliberately unlike test/fake-api where the docs leave room:
 *   - only the heading's PATCH path (with `/external/`); the curl example's path is a 404;
 *   - `statuslistpaginated` answers in `listStyle`: a bare array of the page, or the batch
 *     envelope exactly as far as it was retrieved (no `hasNextPage`), or that envelope in
 *     PascalCase;
 *   - speaker GETs answer a bare array; writes answer 200 with the speaker echoed;
 *   - POST/PUT take the documented single `ExternalTaskSpeakerModel` or the examples' wrapped list;
 *   - no workspace-speakers GET (its page is missing from the docs): 404;
 *   - the docs' example status 4 with a `taskStatusText`, and an integration status without text.
 */

/** How the paginated list answers. */
export type ListStyle = 'bare-array' | 'batch-envelope' | 'pascal-envelope'

/** A task row as this server keeps it. */
export interface DocTaskRow {
  taskId: number
  workspaceId: number
  externalId: string | null
  displayName: string
  createdOn: string
  taskStatus: number
  taskStatusText?: string
  integrationStatus: number
  externalIntegrationStatus: string
  totalPages: number
}

/** A speaker as this server keeps it. */
export interface DocSpeaker {
  speakerId: string
  speakerName: string
  speakerPrefix?: string
  speakerSuffix?: string
  isDefault: boolean
}

/** Inspectable state and switches. */
export interface DocPlatform {
  listStyle: ListStyle
  /** Every write answers 403 (a read-only account). */
  forbidWrites: boolean
  readonly rows: DocTaskRow[]
  readonly speakers: Map<number, DocSpeaker[]>
  /** Requests to these routes as `METHOD path?query`. */
  readonly log: string[]
  /** Handles the request when it is a platform route; false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: string, authorised: boolean, reply: DocReply): boolean
}

/** The doc server's answer helpers. */
export interface DocReply {
  json(res: ServerResponse, status: number, value: unknown): void
  error(res: ServerResponse, status: number, title: string): void
  unauthorised(res: ServerResponse): void
}

/** A fresh platform with two transcript tasks in workspace 3 and one in workspace 4. */
export function createDocPlatform(): DocPlatform {
  const rows: DocTaskRow[] = [
    { taskId: 49, workspaceId: 3, externalId: null, displayName: 'Council meeting', createdOn: '2026-01-05T08:00:00Z', taskStatus: 4, taskStatusText: 'Processed', integrationStatus: 2, externalIntegrationStatus: 'never', totalPages: 95 },
    { taskId: 50, workspaceId: 3, externalId: 'A-50', displayName: 'Interview', createdOn: '2026-01-06T08:00:00.7831583Z', taskStatus: 77, taskStatusText: 'SomethingNew', integrationStatus: 1, externalIntegrationStatus: 'exported', totalPages: 12 },
    { taskId: 51, workspaceId: 4, externalId: 'B-51', displayName: 'Hearing', createdOn: '2026-01-07T08:00:00Z', taskStatus: 30, integrationStatus: 1, externalIntegrationStatus: 'never', totalPages: 30 }
  ]
  const speakers = new Map<number, DocSpeaker[]>([
    [49, [{ speakerId: '90EDF137-EA2A-4B59-BF51-45446299D47E', speakerName: 'Mayor', isDefault: true }, { speakerId: 'b1', speakerName: 'Clerk', speakerPrefix: 'Ms', isDefault: false }]]
  ])
  const log: string[] = []
  const platform: DocPlatform = {
    listStyle: 'batch-envelope',
    forbidWrites: false,
    rows,
    speakers,
    log,
    handle(req, res, url, body, authorised, reply) {
      const p = url.pathname
      const sp = /^\/api\/v1\.0\/external\/transcripts\/speakers\/tasks\/(\d+)\/(\d+)(?:\/([^/]+))?$/.exec(p)
      const known = ['/api/v1.0/external/sdtask/statuslistpaginated', '/api/v1.0/external/sdtask/status', '/api/v1.0/external/sdtask/externalIntegrationStatus'].includes(p)
      if (!known && !sp) return false
      log.push(`${req.method} ${p}${url.search}`)
      if (!authorised) return reply.unauthorised(res), true
      const q = url.searchParams
      if (p.endsWith('/statuslistpaginated')) return list(res, q, reply), true
      if (p.endsWith('/status')) {
        const row = rows.find((r) => (q.has('taskId') ? String(r.taskId) === q.get('taskId') : r.externalId === q.get('externalId')))
        if (!q.has('taskId') && !q.has('externalId')) return reply.error(res, 400, 'Bad Request'), true
        return row ? reply.json(res, 200, row) : reply.error(res, 404, 'Not Found'), true
      }
      if (p.endsWith('/externalIntegrationStatus')) {
        if (req.method !== 'PATCH') return reply.error(res, 405, 'Method Not Allowed'), true
        if (platform.forbidWrites) return reply.error(res, 403, 'Forbidden'), true
        const row = rows.find((r) => String(r.taskId) === q.get('taskId') || (r.externalId !== null && r.externalId === q.get('externalId')))
        if (!row) return reply.error(res, 404, 'Not Found'), true
        const value = (safeParse(body) as { externalIntegrationStatus?: unknown })?.externalIntegrationStatus
        if (typeof value !== 'string' || value.trim() === '' || value.length > 32) return reply.error(res, 400, 'Bad Request'), true
        row.externalIntegrationStatus = value
        return reply.json(res, 200, ''), true
      }
      return speakerCall(req, res, sp as RegExpExecArray, body, reply), true
    }
  }

  function list(res: ServerResponse, q: URLSearchParams, reply: DocReply): void {
    if (!q.get('startDate') && !q.get('endDate')) return reply.error(res, 400, 'Bad Request')
    const ws = q.getAll('workspaceId').map(Number)
    const ts = q.getAll('taskStatus').map(Number)
    const is = q.getAll('integrationStatus').map(Number)
    const ext = q.get('externalIntegrationStatus')
    const start = q.get('startDate')
    const end = q.get('endDate')
    const matching = rows
      .filter((r) => (ws.length === 0 || ws.includes(r.workspaceId)) && (ts.length === 0 || ts.includes(r.taskStatus)) && (is.length === 0 || is.includes(r.integrationStatus)))
      .filter((r) => (ext === null || r.externalIntegrationStatus === ext) && (!start || r.createdOn >= start) && (!end || r.createdOn <= end))
      // Newest first: the sort direction is undocumented, so this server picks the other one.
      .sort((a, b) => b.createdOn.localeCompare(a.createdOn))
    const pageNumber = Number(q.get('pageNumber') ?? '1')
    const pageSize = Number(q.get('pageSize') ?? '10')
    const items = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
    const totalPages = Math.ceil(matching.length / pageSize)
    if (platform.listStyle === 'bare-array') return reply.json(res, 200, items)
    const envelope = { items, pageNumber, totalPages, totalCount: matching.length, hasPreviousPage: pageNumber > 1 }
    if (platform.listStyle === 'batch-envelope') return reply.json(res, 200, envelope)
    reply.json(res, 200, Object.fromEntries(Object.entries(envelope).map(([k, v]) => [k[0].toUpperCase() + k.slice(1), v])))
  }

  function speakerCall(req: IncomingMessage, res: ServerResponse, m: RegExpExecArray, body: string, reply: DocReply): void {
    const taskId = Number(m[1])
    const row = rows.find((r) => r.taskId === taskId && r.workspaceId === Number(m[2]))
    if (!row) return reply.error(res, 404, 'Not Found')
    const list = speakers.get(taskId) ?? []
    speakers.set(taskId, list)
    if (req.method === 'GET') return reply.json(res, 200, list)
    if (platform.forbidWrites) return reply.error(res, 403, 'Forbidden')
    const find = (id: string) => list.findIndex((s) => s.speakerId.toLowerCase() === id.toLowerCase())
    if (req.method === 'DELETE') {
      const i = m[3] ? find(decodeURIComponent(m[3])) : -1
      if (i < 0) return reply.error(res, 404, 'Not Found')
      list.splice(i, 1)
      return reply.json(res, 200, '')
    }
    const parsed = safeParse(body) as { speakers?: unknown[] } | null
    const one = (Array.isArray(parsed?.speakers) ? parsed.speakers[0] : parsed) as DocSpeaker | null
    if (!one || typeof one.speakerId !== 'string' || typeof one.speakerName !== 'string') return reply.error(res, 400, 'Bad Request')
    const i = find(one.speakerId)
    if (req.method === 'POST') {
      if (i >= 0) return reply.error(res, 400, 'Bad Request')
      list.push(one)
    } else if (req.method === 'PUT') {
      if (i < 0) return reply.error(res, 404, 'Not Found')
      list[i] = one
    } else return reply.error(res, 405, 'Method Not Allowed')
    reply.json(res, 200, one)
  }

  return platform
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
