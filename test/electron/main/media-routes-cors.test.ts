import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { composeServices } from '../../../electron/main/compose-services'
import type { AppServices } from '../../../electron/main/compose-services'
import { createMediaRoutes } from '../../../electron/main/media-routes'
import { appOrigin } from '../../../electron/main/app-scheme'
import { createMemoryKeyValueStore } from '../../../electron/services/settings/key-value-store'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'

/*
 * Media CORS for the app origin only: the page lives on app://sdte, so sdte-media:// answers CORS
 * for that origin only, never `*` (which let any page that reached the scheme read cached bytes).
 * Real services over a temp folder (the API on loopback, so loopback http links are allowed): the
 * sample recording with its peaks, a PDF downloaded from loopback.
 */
const repoRoot = resolve(import.meta.dirname, '../../..')
let dataDir: string
let services: AppServices
let server: Server

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sdte-media-cors-'))
  services = await composeServices({ dataDir, logsFolder: join(dataDir, 'logs'), store: createMemoryKeyValueStore({ 'api.baseUrl': 'http://127.0.0.1:4010' }), secrets: createMemorySecretStore(true) })
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n%%EOF\n'))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const port = (server.address() as { port: number }).port
  expect(await services.documentFiles.resolve(9, `http://127.0.0.1:${port}/doc.pdf`)).toMatchObject({ status: 'ready' })
  const media = await services.media.attachLocalFile(1, join(repoRoot, 'resources/sample/sample.mp3'))
  expect(await services.peaks.getPeaks(1, media.path)).toMatchObject({ status: 'ready' })
}, 60_000)

afterAll(async () => {
  server.close()
  await rm(dataDir, { recursive: true, force: true })
})

const get = (routes: ReturnType<typeof createMediaRoutes>, path: string) => routes(new Request(`sdte-media://app${path}`, { headers: { Origin: appOrigin } }))

describe('sdte-media CORS', () => {
  it('allows the app origin only, on peaks and documents', async () => {
    const routes = createMediaRoutes(services.media, services.peaks, services.documentFiles, { appOrigin })
    for (const path of ['/peaks/1', '/document/9']) {
      const response = await get(routes, path)
      expect(response.status).toBe(200)
      expect(response.headers.get('access-control-allow-origin')).toBe('app://sdte')
      await response.body?.cancel()
    }
  })

  it('sends no CORS header to a page of any other origin', async () => {
    const routes = createMediaRoutes(services.media, services.peaks, services.documentFiles)
    for (const path of ['/peaks/1', '/document/9', '/media/1']) {
      const response = await routes(new Request(`sdte-media://app${path}`, { headers: { Origin: 'https://evil.example' } }))
      expect(response.status).toBe(200)
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
      await response.body?.cancel()
    }
  })
})
