import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { defaultSeeds, type FakeTask } from './seeds'
import { addPlatformTask, createPlatformState, handlePlatform, type PlatformState } from './platform-routes'

/*
 * A faithful local SmartDocumentor (docs/api.md: signing in, both export
 * endpoints, recording URLs): the token endpoint, both export endpoints, and SAS-like signed media
 * URLs, on a real node:http server on 127.0.0.1. Switches (mutable at runtime, in process or via
 * POST /__fake/switches) make it slow, failing, rate-limiting or malformed.
 */

/** Runtime switches; change them on `fake.switches` at any time. */
export interface FakeSwitches {
  /** Delay before every API answer (token, exports), ms. */
  latencyMs: number
  /** The next N export requests answer 503 (then normal again). */
  burst5xx: number
  /** Every export request answers 500 while true. */
  persistent500: boolean
  /** The next N export requests answer 429 with `Retry-After: retryAfter`. */
  rateLimit: number
  /** The Retry-After header value sent with 429 (seconds or an HTTP-date). */
  retryAfter: string
  /** The next N successful export answers have a truncated, malformed JSON body. */
  malformed: number
  /** Every successful export answer is malformed while true. */
  malformedAlways: boolean
  /** The next N export requests answer 401 even with a valid token (simulates a revoked token). */
  reject401: number
  /** Export answers stop after half the body (connection destroyed) while true. */
  truncateBody: boolean
}

/** Options for `createFakeApi`. */
export interface FakeApiOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number
  readonly host?: string
  readonly clientId?: string
  readonly clientSecret?: string
  /** Token lifetime in seconds (`expires_in`); default 3600. */
  readonly expiresInS?: number
  /** Seed tasks; default `defaultSeeds()` (the real samples, a sample and a document). */
  readonly tasks?: readonly FakeTask[]
  /** Media files by name → absolute path, served at /media/<name>. */
  readonly media?: Readonly<Record<string, string>>
  /** Lifetime of signed media URLs, ms; default 1 hour. */
  readonly mediaTtlMs?: number
  /** Server clock (epoch ms); tests pass a fake one to expire tokens and URLs. */
  readonly clock?: () => number
  readonly switches?: Partial<FakeSwitches>
  /** A second client whose tokens may read but not write (403 on every write). */
  readonly readOnlyClient?: { readonly clientId: string; readonly clientSecret: string }
}

/** Request counters, for "one token request" style assertions. */
export interface FakeCounters {
  tokenRequests: number
  exportRequests: number
  mediaRequests: number
}

/** A running fake API. */
export interface FakeApi {
  readonly baseUrl: string
  readonly port: number
  readonly clientId: string
  readonly clientSecret: string
  readonly switches: FakeSwitches
  readonly counters: FakeCounters
  /** Listing, speakers and review status: inspectable and changeable (platform-routes.ts). */
  readonly platform: PlatformState
  /** Tasks currently served, by kind and id. */
  readonly tasks: readonly FakeTask[]
  /** The exact body the fake sends for a task (what a JSON export must reproduce). */
  bodyOf(kind: FakeTask['kind'], taskId: number): string
  /** Adds (or replaces) a task. */
  addTask(task: FakeTask): void
  /** Registers a media file to serve. */
  addMedia(name: string, path: string): void
  /** Makes a media file answer 404 from now on (retention deleted it). */
  deleteMedia(name: string): void
  /** A signed media URL for `name`, expiring `ttlMs` from now (default mediaTtlMs). */
  signMediaUrl(name: string, ttlMs?: number): string
  /** Issues a token without the token endpoint (for a pasted-token sign-in). */
  issueToken(expiresInS?: number): string
  /** Makes every issued token invalid (as if they expired). */
  expireAllTokens(): void
  /** Restores the default switches and zeroes the counters. */
  reset(): void
  close(): Promise<void>
}

const defaultSwitches: FakeSwitches = {
  latencyMs: 0,
  burst5xx: 0,
  persistent500: false,
  rateLimit: 0,
  retryAfter: '1',
  malformed: 0,
  malformedAlways: false,
  reject401: 0,
  truncateBody: false
}

const exportRoute = /^\/api\/v1\.0\/external\/sdtask\/getexportdata(\/transcript)?(?:\/([^/]*))?\/?$/i

/** Starts a fake SmartDocumentor API on 127.0.0.1. */
export async function createFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
  const clock = options.clock ?? Date.now
  const clientId = options.clientId ?? 'fake-client-id'
  const clientSecret = options.clientSecret ?? `fake-secret-${randomBytes(6).toString('hex')}`
  const mediaTtlMs = options.mediaTtlMs ?? 3_600_000
  const signingKey = randomBytes(32)
  const switches: FakeSwitches = { ...defaultSwitches, ...options.switches }
  const counters: FakeCounters = { tokenRequests: 0, exportRequests: 0, mediaRequests: 0 }
  const tokens = new Map<string, number>()
  const readOnlyTokens = new Set<string>()
  const media = new Map<string, string>(Object.entries(options.media ?? {}))
  const deletedMedia = new Set<string>()
  const tasks = new Map<string, FakeTask>()
  // Bodies are serialised once, so every fetch of a task sends identical bytes.
  const bodies = new Map<string, string>()
  let baseUrl = ''

  const key = (kind: FakeTask['kind'], taskId: number) => `${kind}:${taskId}`
  const serialise = (task: FakeTask) => {
    const body = task.mediaFile && media.has(task.mediaFile) ? { ...task.body, originalFileUrl: signMediaUrl(task.mediaFile) } : task.body
    bodies.set(key(task.kind, task.taskId), JSON.stringify(body))
  }
  const sign = (name: string, se: number) => createHmac('sha256', signingKey).update(`${name}\n${se}`).digest('hex')
  const signMediaUrl = (name: string, ttlMs = mediaTtlMs) => {
    const se = Math.floor((clock() + ttlMs) / 1000)
    return `${baseUrl}/media/${encodeURIComponent(name)}?sv=2022-11-02&se=${se}&sp=r&sig=${sign(name, se)}`
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) problem(res, 500, 'Internal Server Error', String(error))
      else res.destroy()
    })
  })

  const workspaces = [
    { workspaceId: 7, tenantId: 3, workspaceName: 'Transcripts', workspaceDescription: 'Interviews and hearings', isDefault: true, taskType: 2, workspaceType: 1, templateType: 5, workspaceTemplateName: 'Transcripts' },
    { workspaceId: 9, tenantId: 3, workspaceName: 'Invoices', workspaceDescription: null, isDefault: false, taskType: 1, workspaceType: 1, templateType: 1, workspaceTemplateName: 'Invoices' }
  ]

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake')
    const path = url.pathname
    if (path === '/connect/token') return tokenEndpoint(req, res)
    if (path.toLowerCase().startsWith('/media/')) return mediaEndpoint(req, res, url)
    if (path === '/__fake/switches' && req.method === 'POST') {
      Object.assign(switches, JSON.parse(await readBody(req)) as Partial<FakeSwitches>)
      return json(res, 200, switches)
    }
    if (await handlePlatform(platform, platformContext, req, res, url)) return
    const match = exportRoute.exec(path)
    if (match) return exportEndpoint(req, res, url, match[1] ? 'transcript' : 'document', match[2])
    if (/^\/api\/v1\.0\/external\/sdworkspace\/currentworkspaces\/?$/i.test(path)) {
      await delay(switches.latencyMs)
      if (!authorised(req)) return unauthorised(res)
      // docs/api.md#signing-in-and-tokens (access check): every workspace of the tenant, as a bare
      // array.
      return json(res, 200, workspaces)
    }
    if (path.toLowerCase().startsWith('/api/')) {
      if (!authorised(req)) return unauthorised(res)
      return problem(res, 404, 'Not Found', `No route ${path} in the fake API`)
    }
    return problem(res, 404, 'Not Found', `No route ${path}`)
  }

  async function tokenEndpoint(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counters.tokenRequests++
    await delay(switches.latencyMs)
    if (req.method !== 'POST') return json(res, 405, { error: 'invalid_request', error_description: 'Use POST' })
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    const body = await readBody(req)
    if (contentType !== 'application/x-www-form-urlencoded') {
      return json(res, 400, { error: 'invalid_request', error_description: 'The request must be application/x-www-form-urlencoded' })
    }
    const form = new URLSearchParams(body)
    if (form.get('grant_type') !== 'client_credentials') return json(res, 400, { error: 'unsupported_grant_type' })
    if (form.get('scope') !== 'WebAPI') return json(res, 400, { error: 'invalid_scope' })
    const ro = options.readOnlyClient
    if (ro && safeEqual(form.get('client_id') ?? '', ro.clientId) && safeEqual(form.get('client_secret') ?? '', ro.clientSecret)) {
      const expiresIn = options.expiresInS ?? 3600
      const token = issueToken(expiresIn)
      readOnlyTokens.add(token)
      return json(res, 200, { access_token: token, expires_in: expiresIn, token_type: 'Bearer', scope: 'WebAPI' })
    }
    if (!safeEqual(form.get('client_id') ?? '', clientId) || !safeEqual(form.get('client_secret') ?? '', clientSecret)) {
      return json(res, 400, { error: 'invalid_client', error_description: 'Client authentication failed' })
    }
    const expiresIn = options.expiresInS ?? 3600
    const token = issueToken(expiresIn)
    return json(res, 200, { access_token: token, expires_in: expiresIn, token_type: 'Bearer', scope: 'WebAPI' })
  }

  function issueToken(expiresInS = options.expiresInS ?? 3600): string {
    const token = `fake.${randomBytes(24).toString('base64url')}`
    tokens.set(token, clock() + expiresInS * 1000)
    return token
  }

  function authorised(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? ''
    const m = /^Bearer\s+(\S+)$/i.exec(header)
    if (!m) return false
    const expiresAt = tokens.get(m[1])
    return expiresAt !== undefined && clock() < expiresAt
  }

  const platformContext = {
    access: (req: IncomingMessage) => (!authorised(req) ? ('none' as const) : readOnlyTokens.has(bearerOf(req)) ? ('read-only' as const) : ('full' as const)),
    readBody,
    json,
    problem,
    unauthorised
  }

  async function exportEndpoint(req: IncomingMessage, res: ServerResponse, url: URL, kind: FakeTask['kind'], pathId: string | undefined): Promise<void> {
    counters.exportRequests++
    await delay(switches.latencyMs)
    if (req.method !== 'GET') return empty(res, 405)
    if (!authorised(req)) return unauthorised(res)
    if (switches.reject401 > 0) {
      switches.reject401--
      return unauthorised(res)
    }
    if (switches.rateLimit > 0) {
      switches.rateLimit--
      res.setHeader('retry-after', switches.retryAfter)
      return empty(res, 429)
    }
    if (switches.burst5xx > 0) {
      switches.burst5xx--
      return empty(res, 503)
    }
    if (switches.persistent500) return empty(res, 500)

    // Query names are case-insensitive (docs/api.md#the-two-export-endpoints).
    const query = new Map<string, string>()
    for (const [k, v] of url.searchParams) query.set(k.toLowerCase(), v)
    const idText = pathId && pathId !== '' ? pathId : query.get('taskid')
    const externalId = query.get('externalid') || undefined
    const taskId = idText !== undefined && /^\d+$/.test(idText) ? Number(idText) : undefined
    if (idText !== undefined && taskId === undefined) return empty(res, 400)
    if ((taskId === undefined || taskId === 0) && externalId === undefined) return empty(res, 400)

    const found = [...tasks.values()].find(
      (t) => t.kind === kind && (taskId === undefined || taskId === 0 || t.taskId === taskId) && (externalId === undefined || t.externalId === externalId)
    )
    if (!found) return empty(res, 404)
    let body = bodies.get(key(found.kind, found.taskId)) as string
    if (switches.malformedAlways || switches.malformed > 0) {
      if (switches.malformed > 0) switches.malformed--
      body = body.slice(0, Math.max(1, Math.floor(body.length / 2)))
    }
    if (switches.truncateBody) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
      res.write(body.slice(0, Math.floor(body.length / 2)))
      setTimeout(() => res.destroy(), 5)
      return
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
    res.end(body)
  }

  async function mediaEndpoint(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    counters.mediaRequests++
    // Signed URLs are self-authorising: an Authorization header is ignored (§16.10).
    const name = decodeURIComponent(url.pathname.slice('/media/'.length))
    const se = Number(url.searchParams.get('se'))
    const sig = url.searchParams.get('sig') ?? ''
    if (!Number.isFinite(se) || !safeEqual(sig, sign(name, se))) return xmlError(res, 403, 'AuthenticationFailed')
    if (clock() >= se * 1000) return xmlError(res, 403, 'AuthenticationFailed')
    const path = media.get(name)
    if (!path || deletedMedia.has(name)) return xmlError(res, 404, 'BlobNotFound')
    if (req.method !== 'GET' && req.method !== 'HEAD') return empty(res, 405)
    const size = (await stat(path)).size
    const type = contentTypeOf(name)
    const range = req.headers.range
    const common = { 'accept-ranges': 'bytes', 'content-type': type }
    let start = 0
    let end = size - 1
    let status = 200
    if (range) {
      const parsed = parseRange(range, size)
      if (parsed === 'unsatisfiable') {
        res.writeHead(416, { ...common, 'content-range': `bytes */${size}` })
        return void res.end()
      }
      if (parsed) {
        ;[start, end] = parsed
        status = 206
      }
    }
    const length = end >= start ? end - start + 1 : 0
    res.writeHead(status, { ...common, 'content-length': length, ...(status === 206 ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}) })
    if (req.method === 'HEAD' || length === 0) return void res.end()
    const handle = await open(path, 'r')
    const stream = handle.createReadStream({ start, end })
    stream.pipe(res)
    await new Promise<void>((resolve) => {
      stream.on('close', resolve)
      res.on('close', () => {
        stream.destroy()
        resolve()
      })
    })
  }

  for (const task of options.tasks ?? defaultSeeds()) tasks.set(key(task.kind, task.taskId), task)
  const platform = createPlatformState([...tasks.values()])

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${address.port}`
  for (const task of tasks.values()) serialise(task)

  return {
    baseUrl,
    port: address.port,
    clientId,
    clientSecret,
    switches,
    counters,
    platform,
    get tasks() {
      return [...tasks.values()]
    },
    bodyOf: (kind, taskId) => {
      const body = bodies.get(key(kind, taskId))
      if (body === undefined) throw new Error(`no ${kind} task ${taskId}`)
      return body
    },
    addTask: (task) => {
      tasks.set(key(task.kind, task.taskId), task)
      serialise(task)
      addPlatformTask(platform, task)
    },
    addMedia: (name, path) => {
      media.set(name, path)
      deletedMedia.delete(name)
      for (const task of tasks.values()) if (task.mediaFile === name) serialise(task)
    },
    deleteMedia: (name) => {
      deletedMedia.add(name)
    },
    signMediaUrl,
    issueToken,
    expireAllTokens: () => tokens.clear(),
    reset: () => {
      Object.assign(switches, defaultSwitches, options.switches)
      counters.tokenRequests = 0
      counters.exportRequests = 0
      counters.mediaRequests = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** Parses a single `bytes=` range; null to ignore the header (multi-range), or 'unsatisfiable'. */
export function parseRange(header: string, size: number): [number, number] | null | 'unsatisfiable' {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m) return null
  const [, a, b] = m
  if (a === '' && b === '') return null
  if (a === '') {
    const suffix = Number(b)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return [Math.max(0, size - suffix), size - 1]
  }
  const start = Number(a)
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1)
  if (start >= size || end < start) return 'unsatisfiable'
  return [start, end]
}

function contentTypeOf(name: string): string {
  const ext = name.toLowerCase().split('.').pop()
  return { wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg', opus: 'audio/ogg', flac: 'audio/flac', m4a: 'audio/mp4', mp4: 'video/mp4', webm: 'video/webm', pdf: 'application/pdf' }[ext ?? ''] ?? 'application/octet-stream'
}

function bearerOf(req: IncomingMessage): string {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? ''
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/** The export endpoints document EMPTY bodies for 400/401/404. */
function empty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-length': 0 })
  res.end()
}

function unauthorised(res: ServerResponse): void {
  res.setHeader('www-authenticate', 'Bearer error="invalid_token"')
  empty(res, 401)
}

function problem(res: ServerResponse, status: number, title: string, detail: string): void {
  const body = JSON.stringify({ type: 'https://tools.ietf.org/html/rfc9110', title, status, detail, traceId: `00-${randomBytes(16).toString('hex')}-01` })
  res.writeHead(status, { 'content-type': 'application/problem+json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/** Azure-blob style error body for the signed media URLs. */
function xmlError(res: ServerResponse, status: number, code: string): void {
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code></Error>`
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}
