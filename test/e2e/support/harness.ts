import { test as base, expect } from '@playwright/test'
import type { Page } from '@playwright/test'
import { build } from 'esbuild'
import { mkdtemp, rm, mkdir } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createAppHandlers } from '../../../electron/main/app-handlers'
import type { PlatformPort } from '../../../electron/main/app-handlers'
import { createDispatcher, createSenderCheck } from '../../../electron/main/ipc-dispatcher'
import type { Dispatch } from '../../../electron/main/ipc-dispatcher'
import { composeServices } from '../../../electron/main/compose-services'
import type { AppServices } from '../../../electron/main/compose-services'
import { createMediaRoutes } from '../../../electron/main/media-routes'
import { serveOverHttp } from '../../../electron/services/media/range-response'
import { createMemoryKeyValueStore } from '../../../electron/services/settings/key-value-store'
import { createMemorySecretStore } from '../../../electron/services/auth/secret-store'
import type { EventChannel, EventOf, MediaProgressEvent } from '../../../shared/ipc/contract'
import { serveFolder } from './static-server'
import { createParkedReplies } from './bridge-replies'

/*
 * The end-to-end harness (docs/architecture.md#testing-without-electron): the BUILT renderer
 * in real Chromium, with window.sdte provided by the REAL main-process handlers, dispatcher and
 * services running in this Node process — the same contract and validation as the app; only the
 * transport differs (a Playwright binding instead of ipcMain; big replies fetched from the
 * loopback server, see bridge-replies.ts).
 */

const repoRoot = resolve(import.meta.dirname, '../../..')
const rendererDir = join(repoRoot, 'out/renderer')

let bridgeScript: Promise<string> | null = null
/** The browser half of the bridge, bundled once per worker with the same createSdteApi. */
function bundleBridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(import.meta.dirname, 'browser-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120'
  }).then((result) => result.outputFiles[0].text)
  return bridgeScript
}

/** One dispatched call, as the test sees it. */
export interface DispatchedCall {
  readonly channel: string
  readonly payload: unknown
  readonly ok: boolean
}

/** What a test gets: the page, the services behind it, and what the shell was asked to do. */
export interface AppHarness {
  readonly page: Page
  readonly url: string
  readonly dataDir: string
  readonly calls: DispatchedCall[]
  readonly logLines: string[]
  readonly services: AppServices
  /** The file the next "open saved export" dialog returns (null = cancelled). */
  nextExportFile: string | null
  /** Where the next save dialog saves (null = cancelled), or a function of the suggested name; requests are recorded in `saveRequests`. */
  nextSavePath: string | ((suggestedName: string) => string | null) | null
  readonly saveRequests: Array<{ suggestedName: string; extensions: readonly string[] }>
  /** The file the next "attach the recording" dialog returns (null = cancelled). */
  nextMediaFile: string | null
  /** The folder the next folder dialog returns (null = cancelled). */
  nextFolder: string | null
  /** The renderer's last unsaved-work flag. */
  unsaved: boolean
  readonly progress: MediaProgressEvent[]
  /** Sends a main → renderer event. */
  emit<E extends EventChannel>(event: E, payload: EventOf<E>): Promise<void>
  /** Calls the dispatcher directly as a given sender (for sender-check tests). */
  readonly dispatch: Dispatch
  /** Saves a screenshot under test-results/screenshots/. */
  screenshot(name: string): Promise<string>
}

/** Playwright test with an `app` fixture. */
export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page }, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error('The renderer is not built: run `npm run build` (npm test does it) before the end-to-end tests.')
    }
    const dataDir = await mkdtemp(join(tmpdir(), 'sdte-e2e-'))
    const logsFolder = join(dataDir, 'logs')
    await mkdir(logsFolder, { recursive: true })
    const services = await composeServices({
      dataDir,
      logsFolder,
      store: createMemoryKeyValueStore(),
      // Like a machine whose OS offers encryption; the "ciphertext" is kept in memory only.
      secrets: createMemorySecretStore(true),
      onAuthChanged: (status) => void harness.emit('auth:changed', status).catch(() => undefined)
    })
    // The media protocol's handler, mounted on the same loopback origin as the page, and the
    // bridge's big replies (bridge-replies.ts).
    const replies = createParkedReplies()
    const media = serveOverHttp(createMediaRoutes(services.media, services.peaks, services.documentFiles))
    const { url, server } = await serveFolder(rendererDir, undefined, {
      match: /^\/(media|peaks|document|__sdte-reply)\//,
      handle: (req, res) => (replies.handles(req.url ?? '') ? replies.handle(req, res) : media(req, res))
    })

    const harness: AppHarness = {
      page,
      url,
      dataDir,
      calls: [],
      logLines: [],
      services,
      nextExportFile: null,
      nextMediaFile: null,
      nextFolder: null,
      nextSavePath: null,
      saveRequests: [],
      unsaved: false,
      progress: [],
      emit: async (event, payload) => {
        await page.evaluate(([e, p]) => (window as unknown as { __sdteDeliver(e: string, p: unknown): void }).__sdteDeliver(e, p), [event, payload] as const)
      },
      dispatch: null as unknown as Dispatch,
      screenshot: async (name) => {
        const path = join(repoRoot, 'test-results', 'screenshots', `${name}.png`)
        await page.screenshot({ path })
        return path
      }
    }

    const platform: PlatformPort = {
      info: { name: 'SD Transcript Editor', version: '0.0.0-e2e', platform: process.platform },
      sampleExportPath: join(repoRoot, 'resources/sample/sample-task.json'),
      sampleMediaPath: join(repoRoot, 'resources/sample/sample.mp3'),
      chooseExportFile: async () => harness.nextExportFile,
      chooseMediaFile: async () => harness.nextMediaFile,
      chooseFolder: async () => harness.nextFolder,
      chooseSavePath: async (suggestedName, filter) => {
        harness.saveRequests.push({ suggestedName, extensions: filter.extensions })
        const next = harness.nextSavePath
        return typeof next === 'function' ? next(suggestedName) : next
      },
      mediaUrl: (path) => `${url}${path}`,
      sendProgress: (event) => {
        harness.progress.push(event)
        void harness.emit('media:progress', event).catch(() => undefined)
      },
      setUnsaved: (flag) => {
        harness.unsaved = flag
      }
    }
    const handlers = createAppHandlers({ ...services, platform, now: Date.now })
    const dispatch = createDispatcher(handlers, {
      isTrustedSender: createSenderCheck([`${url}/`]),
      onError: (channel, code, message) => harness.logLines.push(`ipc ${channel} failed: ${code}: ${message}`)
    })
    ;(harness as { dispatch: Dispatch }).dispatch = dispatch

    await page.exposeBinding('__sdteInvoke', async (source, channel: string, payload: unknown) => {
      const result = await dispatch(channel, payload, {
        url: source.frame.url(),
        isMainFrame: source.frame === source.page.mainFrame()
      })
      harness.calls.push({ channel, payload, ok: result.ok })
      return replies.park(result)
    })
    await page.addInitScript({ content: await bundleBridge() })
    page.on('pageerror', (error) => harness.logLines.push(`pageerror: ${error.message}`))
    await page.goto(`${url}/index.html`)

    await use(harness)

    server.close()
    // A recording still being copied into the media cache as the test ends: retry until it has settled.
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
  }
})

export { expect }
