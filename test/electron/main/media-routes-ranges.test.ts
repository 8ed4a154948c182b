import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { composeServices } from '../../../electron/main/compose-services'
import type { AppServices } from '../../../electron/main/compose-services'
import { createMediaRoutes } from '../../../electron/main/media-routes'
import { appOrigin } from '../../../electron/main/app-scheme'
import { createMemoryKeyValueStore } from '../../../electron/services/settings/key-value-store'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'

/*
 * The document route serves byte ranges that the app's page can see (issue 21): pdf.js reads a
 * PDF by ranges only when `Accept-Ranges`, `Content-Range` and `Content-Length` are readable
 * cross-origin, so it loads what the first page needs instead of the whole file. Real services
 * over a temp folder; the PDF (300 KB of numbered bytes) downloaded from a loopback server.
 */
let dataDir: string
let services: AppServices
let server: Server
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 300_000 }, (_, i) => 32 + (i % 90))), Buffer.from('\n%%EOF\n')])

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sdte-media-ranges-'))
  services = await composeServices({ dataDir, logsFolder: join(dataDir, 'logs'), store: createMemoryKeyValueStore({ 'api.baseUrl': 'http://127.0.0.1:4010' }), secrets: createMemorySecretStore(true) })
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const port = (server.address() as { port: number }).port
  expect(await services.documentFiles.resolve(9, `http://127.0.0.1:${port}/doc.pdf`)).toMatchObject({ status: 'ready' })
}, 60_000)

afterAll(async () => {
  server.close()
  await rm(dataDir, { recursive: true, force: true })
})

const routes = () => createMediaRoutes(services.media, services.peaks, services.documentFiles, { appOrigin })

describe('the document route and byte ranges', () => {
  it('answers a range with 206 and exactly those bytes, the range headers exposed to the app', async () => {
    const response = await routes()(new Request('sdte-media://app/document/9', { headers: { Origin: appOrigin, Range: 'bytes=65536-131071' } }))
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes 65536-131071/${pdf.length}`)
    expect(response.headers.get('content-length')).toBe('65536')
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf.subarray(65536, 131072))).toBe(true)
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/\s*,\s*/)
    expect(exposed).toEqual(expect.arrayContaining(['accept-ranges', 'content-range', 'content-length']))
  })

  it('says it serves ranges on a whole read, and answers a preflight for Range from the app only', async () => {
    const whole = await routes()(new Request('sdte-media://app/document/9', { headers: { Origin: appOrigin } }))
    expect(whole.status).toBe(200)
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect(whole.headers.get('content-length')).toBe(String(pdf.length))
    await whole.body?.cancel()
    const preflight = await routes()(new Request('sdte-media://app/document/9', { method: 'OPTIONS', headers: { Origin: appOrigin, 'Access-Control-Request-Headers': 'range' } }))
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(appOrigin)
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('range')
    const stranger = await routes()(new Request('sdte-media://app/document/9', { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } }))
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull()
    expect(stranger.headers.get('access-control-expose-headers')).toBeNull()
  })
})
