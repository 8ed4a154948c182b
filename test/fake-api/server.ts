import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { defaultSeeds, defaultWorkspaces, type FakeTask, type FakeWorkspace } from './seeds'
import { addPlatformTask, createPlatformState, handlePlatform, type PlatformState } from './platform-routes'
import { createTokenStore } from './auth-routes'
import { createMediaStore } from './media-routes'
import { createExportStore } from './export-routes'
import { defaultSwitches, type FakeSwitches } from './faults'
import { delay, json, problem, readBody, unauthorised } from './http-replies'

export { parseRange } from './media-routes'
export type { FakeSwitches } from './faults'

/*
 * A faithful local SmartDocumentor (docs/api.md: signing in, both export endpoints, recording
 * URLs) on a real node:http server on 127.0.0.1. This file wires the routes, one file per job:
 * auth-routes (token endpoint, tokens), export-routes (the two exports), media-routes (signed
 * recording URLs), platform-routes (listing, speakers, review status), faults (the switches
 * that make it slow, failing, rate-limiting or malformed; also via POST /__fake/switches).
 */

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
  /** CurrentWorkspaces' answer; default `defaultWorkspaces()` (a Transcripts and an Invoices workspace). */
  readonly workspaces?: readonly FakeWorkspace[]
}

/** Request counters, for "one token request" style assertions. */
export interface FakeCounters {
  tokenRequests: number
  exportRequests: number
  /** Those of them for the document export. */
  documentExportRequests: number
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
  /** CurrentWorkspaces' answer: change it to test how tasks are classified. */
  readonly workspaces: FakeWorkspace[]
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

/** Starts a fake SmartDocumentor API on 127.0.0.1. */
export async function createFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
  const clock = options.clock ?? Date.now
  const clientId = options.clientId ?? 'fake-client-id'
  const clientSecret = options.clientSecret ?? `fake-secret-${randomBytes(6).toString('hex')}`
  const switches: FakeSwitches = { ...defaultSwitches, ...options.switches }
  const counters: FakeCounters = { tokenRequests: 0, exportRequests: 0, documentExportRequests: 0, mediaRequests: 0 }
  let baseUrl = ''
  const auth = createTokenStore({ clientId, clientSecret, clock, expiresInS: options.expiresInS, readOnlyClient: options.readOnlyClient })
  const media = createMediaStore({ clock, ttlMs: options.mediaTtlMs ?? 3_600_000, files: options.media ?? {}, baseUrl: () => baseUrl })
  const exports = createExportStore({
    switches,
    authorised: auth.authorised,
    signedUrl: (name) => (media.has(name) ? media.signUrl(name) : null),
    beforeAnswer: (kind) => {
      counters.exportRequests++
      if (kind === 'document') counters.documentExportRequests++
      return delay(switches.latencyMs)
    }
  })
  for (const task of options.tasks ?? defaultSeeds()) exports.put(task)
  const platform = createPlatformState([...exports.tasks.values()])
  const workspaces: FakeWorkspace[] = [...(options.workspaces ?? defaultWorkspaces())]
  const platformContext = { access: auth.access, readBody, json, problem, unauthorised }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake')
    const path = url.pathname
    if (path === '/connect/token') {
      counters.tokenRequests++
      await delay(switches.latencyMs)
      return auth.tokenEndpoint(req, res)
    }
    if (path.toLowerCase().startsWith('/media/')) {
      counters.mediaRequests++
      return media.serve(req, res, url)
    }
    if (path === '/__fake/switches' && req.method === 'POST') {
      Object.assign(switches, JSON.parse(await readBody(req)) as Partial<FakeSwitches>)
      return json(res, 200, switches)
    }
    if (await handlePlatform(platform, platformContext, req, res, url)) return
    if (await exports.handle(req, res, url)) return
    if (/^\/api\/v1\.0\/external\/sdworkspace\/currentworkspaces\/?$/i.test(path)) {
      await delay(switches.latencyMs)
      if (!auth.authorised(req)) return unauthorised(res)
      // docs/api.md#signing-in-and-tokens (access check): every workspace of the tenant, as a bare array.
      return json(res, 200, workspaces)
    }
    if (path.toLowerCase().startsWith('/api/')) {
      if (!auth.authorised(req)) return unauthorised(res)
      return problem(res, 404, 'Not Found', `No route ${path} in the fake API`)
    }
    return problem(res, 404, 'Not Found', `No route ${path}`)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) problem(res, 500, 'Internal Server Error', String(error))
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${address.port}`
  exports.start()

  return {
    baseUrl,
    port: address.port,
    clientId,
    clientSecret,
    switches,
    counters,
    platform,
    workspaces,
    get tasks() {
      return [...exports.tasks.values()]
    },
    bodyOf: (kind, taskId) => {
      const body = exports.bodyOf(kind, taskId)
      if (body === undefined) throw new Error(`no ${kind} task ${taskId}`)
      return body
    },
    addTask: (task) => {
      exports.put(task)
      addPlatformTask(platform, task)
    },
    addMedia: (name, path) => {
      media.add(name, path)
      exports.resign(name)
    },
    deleteMedia: (name) => media.delete(name),
    signMediaUrl: (name, ttlMs) => media.signUrl(name, ttlMs),
    issueToken: (expiresInS) => auth.issueToken(expiresInS),
    expireAllTokens: () => auth.expireAll(),
    reset: () => {
      Object.assign(switches, defaultSwitches, options.switches)
      counters.tokenRequests = 0
      counters.exportRequests = 0
      counters.documentExportRequests = 0
      counters.mediaRequests = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
