import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { AddressInfo } from 'node:net'
import { createDocPlatform, type DocPlatform } from './doc-platform'

/*
 * A second, independent reading of the vendor's documentation (summarised in
 * docs/api.md), written without looking at test/fake-api.
 * It deliberately varies everything the documents leave open, so the client is checked against
 * the documents rather than against our own fake:
 *
 *   token:   form-urlencoded POST /connect/token; the answer's fields in any order, with extra
 *            fields, `expires_in` as a number, a numeric string, or missing; invalid_client as
 *            400 or 401 (RFC 6749), optionally with WWW-Authenticate.
 *   exports: the documented paths with exact casing, taskId in the path, `externalId` as a query
 *            parameter (path id 0 when only the externalId is known), both together;
 *            Content-Type with or without charset, or none at all;
 *            400/404 with an empty body or an RFC 7807 problem body; 401 empty, with a
 *            WWW-Authenticate challenge, or as an OAuth error.
 *   other:   only the two export endpoints and the token endpoint exist; any other route is a
 *            404 whatever the token (authorization is per endpoint).
 *   media:   SAS-style URLs that refuse a bearer token, 403 once expired, 404 once deleted,
 *            optional redirects, Range ignored (200 with the whole body) or honoured, gzip.
 *
 * One-shot behaviours (429 with Retry-After in seconds or as an HTTP-date, 503, a redirect, a
 * malformed body...) are queued with `next()` and consumed by the next matching request.
 */

/** What the server does with the token endpoint's answer. */
export type TokenStyle =
  /** `{access_token, expires_in, token_type, scope}` in the documented order. */
  | 'documented'
  /** Other order, extra fields (`refresh_token`-less IdentityServer style `.issued`, `id_token`...). */
  | 'reordered-extra'
  /** `expires_in` as a numeric string, as some OAuth servers send it. */
  | 'string-expires'
  /** No `expires_in` at all (the client must assume the documented default of 3600 s). */
  | 'no-expires'

/** How error statuses carry (or do not carry) a body. */
export type ErrorBodyStyle = 'empty' | 'problem' | 'text'

/** How a refused bearer token is answered. */
export type UnauthorizedStyle = 'empty' | 'challenge' | 'oauth-json'

/** Server options; everything can also be changed later through `config`. */
export interface DocServerConfig {
  clientId: string
  clientSecret: string
  /** `expires_in` of issued tokens, seconds. */
  tokenLifetimeS: number
  tokenStyle: TokenStyle
  /** Status for a wrong client id/secret: both are standard. */
  invalidClientStatus: 400 | 401
  /** Content-Type of JSON answers; null sends none. */
  jsonContentType: string | null
  errorBodies: ErrorBodyStyle
  unauthorized: UnauthorizedStyle
  /** Media answers 200 with the whole file even when a Range is asked for. */
  mediaIgnoresRange: boolean
  /** Media URLs first redirect (302) to the blob. */
  mediaRedirects: boolean
  /** Media is sent gzip-encoded (Content-Length of the compressed bytes). */
  mediaGzip: boolean
  /**
   * How an externalId finds a task. `zero-is-none`: path id 0 means "no id" and the externalId
   * decides (the documented client rule). `no-path-id`: the route without a path id
   * (`.../GetExportData/Transcript?externalId=X`) looks it up, and `/0?externalId=X` asks for
   * task 0 AND that externalId, which matches nothing (the other reading of the page).
   */
  externalIdRouting: 'zero-is-none' | 'no-path-id'
}

/** One logged request. */
export interface LoggedRequest {
  readonly method: string
  readonly path: string
  readonly rawUrl: string
  readonly query: URLSearchParams
  readonly headers: IncomingMessage['headers']
  readonly body: string
}

/** A one-shot answer for the next matching request. */
export interface Scripted {
  readonly route: 'token' | 'export' | 'media'
  readonly status: number
  readonly headers?: Record<string, string>
  /** Body text; undefined means empty. */
  readonly body?: string
  /** Redirect the request to the same URL with this path suffix appended (status should be 3xx). */
  readonly redirectToSelf?: boolean
}

/** A served task. */
export interface ServedTask {
  readonly kind: 'transcript' | 'document'
  readonly taskId: number
  readonly externalId?: string | null
  /** Exactly the text sent. */
  readonly body: string
}

/** A running server. */
export interface DocServer {
  readonly baseUrl: string
  readonly config: DocServerConfig
  readonly requests: LoggedRequest[]
  /** Listing, speakers and review status (doc-platform.ts). */
  readonly platform: DocPlatform
  /** Queues one-shot answers. */
  next(...scripted: Scripted[]): void
  serve(task: ServedTask): void
  /** Serves `bytes` as a media blob and returns its SAS-style URL. */
  addMedia(name: string, bytes: Uint8Array, contentType: string, options?: { expired?: boolean }): string
  deleteMedia(name: string): void
  /** Every token issued so far stops working (as if they had all expired). */
  expireTokens(): void
  issuedTokens(): number
  close(): Promise<void>
}

const transcriptPath = /^\/api\/v1\.0\/external\/sdtask\/GetExportData\/Transcript\/([^/]+)$/
const documentPath = /^\/api\/v1\.0\/external\/sdtask\/GetExportData\/([^/]+)$/

/** Starts the server on 127.0.0.1 with a free port. */
export async function startDocServer(config: Partial<DocServerConfig> = {}): Promise<DocServer> {
  const cfg: DocServerConfig = {
    clientId: 'doc-client',
    clientSecret: 'doc secret+/=&%',
    tokenLifetimeS: 3600,
    tokenStyle: 'documented',
    invalidClientStatus: 400,
    jsonContentType: 'application/json; charset=utf-8',
    errorBodies: 'empty',
    unauthorized: 'empty',
    mediaIgnoresRange: false,
    mediaRedirects: false,
    mediaGzip: false,
    externalIdRouting: 'zero-is-none',
    ...config
  }
  const requests: LoggedRequest[] = []
  const queue: Scripted[] = []
  const tokens = new Set<string>()
  let issued = 0
  const tasks: ServedTask[] = []
  const media = new Map<string, { bytes: Uint8Array; type: string; sig: string; expired: boolean; deleted: boolean }>()
  let baseUrl = ''
  const platform = createDocPlatform()

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      req.on('error', reject)
    })

  const sendJson = (res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value)
    res.writeHead(status, { ...(cfg.jsonContentType ? { 'Content-Type': cfg.jsonContentType } : {}), ...extra })
    res.end(text)
  }

  const sendError = (res: ServerResponse, status: number, title: string) => {
    if (cfg.errorBodies === 'empty') {
      res.writeHead(status, { 'Content-Length': '0' })
      res.end()
    } else if (cfg.errorBodies === 'text') {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end(`${status} ${title}\nsecond line of detail`)
    } else {
      res.writeHead(status, { 'Content-Type': 'application/problem+json; charset=utf-8' })
      res.end(JSON.stringify({ type: 'https://tools.ietf.org/html/rfc9110#section-15.5', title, status, traceId: '00-abc-def-00' }))
    }
  }

  const unauthorised = (res: ServerResponse) => {
    if (cfg.unauthorized === 'challenge') {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The token expired at \'01/01/2026 00:00:00\'"' })
      res.end()
    } else if (cfg.unauthorized === 'oauth-json') {
      sendJson(res, 401, { error: 'invalid_token' })
    } else {
      res.writeHead(401)
      res.end()
    }
  }

  const take = (route: Scripted['route']): Scripted | undefined => {
    const i = queue.findIndex((s) => s.route === route)
    return i < 0 ? undefined : queue.splice(i, 1)[0]
  }

  const answerScripted = (req: IncomingMessage, res: ServerResponse, s: Scripted) => {
    if (s.redirectToSelf) {
      const url = new URL(req.url ?? '/', baseUrl)
      url.searchParams.set('redirected', '1')
      res.writeHead(s.status, { Location: url.pathname + url.search, ...s.headers })
      res.end()
      return
    }
    res.writeHead(s.status, s.headers ?? {})
    res.end(s.body ?? '')
  }

  async function token(req: IncomingMessage, res: ServerResponse, body: string) {
    const s = take('token')
    if (s) return answerScripted(req, res, s)
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'invalid_request' })
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    if (type !== 'application/x-www-form-urlencoded') return sendJson(res, 400, { error: 'invalid_request', error_description: 'form-urlencoded only' })
    const form = new URLSearchParams(body)
    if (form.get('grant_type') !== 'client_credentials') return sendJson(res, 400, { error: 'unsupported_grant_type' })
    if (form.get('scope') !== 'WebAPI') return sendJson(res, 400, { error: 'invalid_scope' })
    if (form.get('client_id') !== cfg.clientId || form.get('client_secret') !== cfg.clientSecret) {
      const extra: Record<string, string> = cfg.invalidClientStatus === 401 ? { 'WWW-Authenticate': 'Basic realm="token"' } : {}
      return sendJson(res, cfg.invalidClientStatus, { error: 'invalid_client', error_description: 'Client authentication failed.' }, extra)
    }
    const accessToken = `${randomUUID()}.${++issued}`
    tokens.add(accessToken)
    const lifetime = cfg.tokenLifetimeS
    let answer: Record<string, unknown>
    switch (cfg.tokenStyle) {
      case 'documented':
        answer = { access_token: accessToken, expires_in: lifetime, token_type: 'Bearer', scope: 'WebAPI' }
        break
      case 'reordered-extra':
        answer = { scope: 'WebAPI', '.issued': new Date().toUTCString(), token_type: 'bearer', expires_in: lifetime, id_token: null, access_token: accessToken, tenantId: 3 }
        break
      case 'string-expires':
        answer = { access_token: accessToken, expires_in: String(lifetime), token_type: 'Bearer', scope: 'WebAPI' }
        break
      case 'no-expires':
        answer = { access_token: accessToken, token_type: 'Bearer', scope: 'WebAPI' }
        break
    }
    sendJson(res, 200, answer, { 'Cache-Control': 'no-store', Pragma: 'no-cache' })
  }

  function bearer(req: IncomingMessage): string | null {
    const m = /^Bearer ([^\s]+)$/.exec(req.headers.authorization ?? '')
    return m ? m[1] : null
  }

  function exportCall(req: IncomingMessage, res: ServerResponse, url: URL, kind: 'transcript' | 'document', pathId: string | null) {
    const t = bearer(req)
    if (!t || !tokens.has(t)) return unauthorised(res)
    const s = take('export')
    if (s) return answerScripted(req, res, s)
    // taskId in the path, externalId as a query parameter; what path id 0 means depends on the reading.
    const externalId = url.searchParams.get('externalId')
    if (pathId !== null && !/^\d+$/.test(pathId)) return sendError(res, 400, 'Bad Request')
    const taskId = pathId === null ? null : Number(pathId)
    const wildcard = taskId === null || (taskId === 0 && cfg.externalIdRouting === 'zero-is-none')
    if (wildcard && externalId === null) return sendError(res, 400, 'Bad Request')
    const found = tasks.find((task) =>
      task.kind === kind &&
      (wildcard || task.taskId === taskId) &&
      (externalId === null || task.externalId === externalId))
    if (!found) return sendError(res, 404, 'Not Found')
    sendJson(res, 200, found.body)
  }

  function mediaCall(req: IncomingMessage, res: ServerResponse, url: URL) {
    const s = take('media')
    if (s) return answerScripted(req, res, s)
    // A SAS URL authorises itself; blob storage refuses a bearer token it does not expect.
    if (req.headers.authorization) {
      res.writeHead(400, { 'Content-Type': 'application/xml' })
      return res.end('<?xml version="1.0"?><Error><Code>InvalidAuthenticationInfo</Code></Error>')
    }
    const parts = url.pathname.split('/')
    const name = decodeURIComponent(parts[parts.length - 1])
    const entry = media.get(name)
    if (!entry || entry.deleted) {
      res.writeHead(404, { 'Content-Type': 'application/xml' })
      return res.end('<?xml version="1.0"?><Error><Code>BlobNotFound</Code></Error>')
    }
    if (url.searchParams.get('sig') !== entry.sig || entry.expired) {
      res.writeHead(403, { 'Content-Type': 'application/xml' })
      return res.end('<?xml version="1.0"?><Error><Code>AuthenticationFailed</Code><Message>Signed expiry time has passed</Message></Error>')
    }
    if (cfg.mediaRedirects && url.pathname.startsWith('/sas/')) {
      res.writeHead(302, { Location: `/blob/${encodeURIComponent(name)}${url.search}` })
      return res.end()
    }
    let bytes = Buffer.from(entry.bytes)
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
    if (range && !cfg.mediaIgnoresRange) {
      const start = Number(range[1])
      const end = range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1
      res.writeHead(206, { 'Content-Type': entry.type, 'Content-Range': `bytes ${start}-${end}/${bytes.length}`, 'Content-Length': String(end - start + 1), 'Accept-Ranges': 'bytes' })
      return res.end(bytes.subarray(start, end + 1))
    }
    const headers: Record<string, string> = { 'Content-Type': entry.type }
    if (cfg.mediaGzip) {
      bytes = gzipSync(bytes)
      headers['Content-Encoding'] = 'gzip'
    }
    headers['Content-Length'] = String(bytes.length)
    res.writeHead(200, headers)
    res.end(bytes)
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req)
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      requests.push({ method: req.method ?? '', path: url.pathname, rawUrl: req.url ?? '', query: url.searchParams, headers: req.headers, body })
      if (url.pathname === '/connect/token') return token(req, res, body)
      if (url.pathname.startsWith('/sas/') || url.pathname.startsWith('/blob/')) return mediaCall(req, res, url)
      if (cfg.externalIdRouting === 'no-path-id') {
        if (url.pathname === '/api/v1.0/external/sdtask/GetExportData/Transcript') return exportCall(req, res, url, 'transcript', null)
        if (url.pathname === '/api/v1.0/external/sdtask/GetExportData') return exportCall(req, res, url, 'document', null)
      }
      const tm = transcriptPath.exec(url.pathname)
      if (tm) return exportCall(req, res, url, 'transcript', decodeURIComponent(tm[1]))
      const dm = documentPath.exec(url.pathname)
      if (dm) return exportCall(req, res, url, 'document', decodeURIComponent(dm[1]))
      const t = bearer(req)
      if (platform.handle(req, res, url, body, t !== null && tokens.has(t), { json: sendJson, error: sendError, unauthorised })) return
      // Authorization is per endpoint (ASP.NET style): a route this server lacks is a 404 whatever the token.
      sendError(res, 404, 'Not Found')
    })().catch(() => res.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    baseUrl,
    config: cfg,
    requests,
    platform,
    next: (...s) => queue.push(...s),
    serve: (task) => {
      const i = tasks.findIndex((t) => t.kind === task.kind && t.taskId === task.taskId)
      if (i >= 0) tasks.splice(i, 1)
      tasks.push(task)
    },
    addMedia: (name, bytes, type, options = {}) => {
      const sig = randomUUID().replace(/-/g, '')
      media.set(name, { bytes, type, sig, expired: options.expired ?? false, deleted: false })
      return `${baseUrl}/sas/${encodeURIComponent(name)}?sv=2022-11-02&se=2026-12-31T00%3A00%3A00Z&sr=b&sp=r&sig=${sig}`
    },
    deleteMedia: (name) => {
      const entry = media.get(name)
      if (entry) entry.deleted = true
    },
    expireTokens: () => tokens.clear(),
    issuedTokens: () => issued,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
