import { join } from 'node:path'
import { createApiServices } from '../services/api/create-services'
import type { SecretStore } from '../services/auth/secret-store'
import { createMemorySecretStore } from '../services/auth/secret-store'
import type { KeyValueStore } from '../services/settings/key-value-store'
import { openLoggerWithFallback } from '../services/logging/open-logger'
import { ensurePrivateDir } from '../services/fs/private-files'
import type { Logger } from '../services/logging/logger'
import { createMediaService } from '../services/media/media-cache'
import { createPeaksService } from '../services/media/peaks'
import { createDraftStore } from '../services/drafts/draft-store'
import { createReviewStateStore } from '../services/drafts/review-state-store'
import { createDocumentFileCache } from '../services/documents/document-file-cache'
import { sweepPartFiles } from '../services/download/part-files'
import { createInboxCache } from '../services/api/inbox-cache'
import { createReviewStatusSetting } from '../services/settings/review-status-setting'
import { createFinishSetting } from '../services/settings/finish-setting'
import type { HandlerServices } from './app-handlers'
import type { AuthStatus, StartupNotice, ValidRequestOf } from '../../shared/ipc/contract'
import { draftMaxBytes } from '../../shared/ipc/contract'
import type { Credentials } from '../services/auth/auth-service'

/*
 * Builds every main-process service from plain ports. Electron-free: main/index.ts calls it with
 * electron-store and safeStorage behind the ports, the end-to-end harness with in-memory ones,
 * so the app and the tests run the same services wired the same way.
 */

/** The ports the services are built from. */
export interface ServicePorts {
  readonly dataDir: string
  readonly logsFolder: string
  readonly store: KeyValueStore
  readonly secrets: SecretStore
  readonly fetch?: typeof fetch
  readonly now?: () => number
  /** Called whenever the sign-in status changes (main forwards it as `auth:changed`). */
  readonly onAuthChanged?: (status: AuthStatus) => void
}

/** The services the IPC handlers and the media protocol use, and the log. */
export interface AppServices extends HandlerServices {
  readonly log: Logger
  /** Path of the current log file ('' when nothing is logged). */
  readonly logFile: string
  /** Where logs go (null: nowhere) and why when that is not `logsFolder`, for diagnostics. */
  readonly logging: { readonly folder: string | null; readonly note: string | null }
  /** What composition recovered from, to be said once (`app:startupNotices`). */
  readonly notices: StartupNotice[]
}

/** The sign-in form's request as the auth service's credentials. */
function toCredentials(request: ValidRequestOf<'auth:signIn'>): Credentials {
  return request.mode === 'token'
    ? { mode: 'token', accessToken: request.accessToken }
    : { mode: 'client-credentials', clientId: request.clientId, clientSecret: request.clientSecret }
}

/**
 * Wires the services; restores saved credentials. Never fails for housekeeping: a logs folder
 * that cannot be created falls back to `<dataDir>/logs` or to no log, and draft temp files left
 * by a killed writer are swept.
 */
export async function composeServices(ports: ServicePorts): Promise<AppServices> {
  const now = ports.now ?? Date.now
  let logFile = ''
  let logging: AppServices['logging'] = { folder: null, note: null }
  const notices: StartupNotice[] = []
  const api = createApiServices({
    fetch: ports.fetch,
    clock: now,
    secretStore: ports.secrets,
    settingsStore: ports.store,
    logger: (redactor) => {
      const opened = openLoggerWithFallback([ports.logsFolder, join(ports.dataDir, 'logs')], redactor, now)
      logFile = opened.logger.path
      logging = { folder: opened.folder, note: opened.note }
      if (opened.note) notices.push({ message: opened.note })
      return opened.logger
    }
  })
  await api.auth.restore()
  const changed = (status: AuthStatus): AuthStatus => {
    ports.onAuthChanged?.(status)
    return status
  }
  const cacheDir = join(ports.dataDir, 'media-cache')
  const documentCacheDir = join(ports.dataDir, 'document-cache')
  // Downloads killed mid-way (a crash, a kill, a power cut) leave temp files nothing else removes.
  const sweptParts = (await sweepPartFiles(cacheDir)) + (await sweepPartFiles(documentCacheDir))
  if (sweptParts > 0) api.logger.info(`Removed ${sweptParts} unfinished download(s) left by an earlier run.`)
  const apiBaseUrl = (): string => api.settings.getBaseUrl()
  const fetchImpl = ports.fetch ?? globalThis.fetch.bind(globalThis)
  const draftsDir = join(ports.dataDir, 'drafts')
  // Caches and drafts hold clients' recordings and transcripts: private folders.
  // Best-effort: a folder that cannot be created now fails later, where the reviewer sees it.
  for (const dir of [cacheDir, documentCacheDir, draftsDir]) await ensurePrivateDir(dir).catch(() => undefined)
  const mediaLog = (level: 'info' | 'warn' | 'error', message: string): void => api.logger[level](message)

  const drafts = createDraftStore({ dir: draftsDir, now, report: (r) => api.logger.warn(r.message), maxBytes: draftMaxBytes })
  // Temps of a draft writer that was killed (its pid is gone) are deleted at start; a live
  // writer's (another instance mid-save) are left alone.
  const swept = await drafts.removeStaleTemps()
  if (swept > 0) api.logger.info(`drafts: removed ${swept} temp file(s) left by an interrupted save`)
  // The review-state sidecars live beside the drafts (coverage, time spent), and so do their temps.
  const reviewState = createReviewStateStore({ dir: draftsDir, now, report: (p) => api.logger.warn(p.message) })
  const sweptStates = await reviewState.removeStaleTemps()
  if (sweptStates > 0) api.logger.info(`review state: removed ${sweptStates} temp file(s) left by an interrupted save`)

  return {
    auth: {
      status: () => api.auth.status(),
      signIn: async (request) => {
        // The address is saved only with credentials proven there (auth service), and as the
        // form's default only after that; a failed sign-in changes nothing.
        const baseUrl = request.baseUrl ?? api.settings.getBaseUrl()
        const status = await api.auth.signIn(toCredentials(request), { baseUrl })
        await api.settings.setBaseUrl(status.baseUrl)
        return changed(status)
      },
      signOut: async () => {
        await api.auth.signOut()
        return changed(api.auth.status())
      },
      // Test connection changes nothing: no address or credential is saved or replaced.
      testConnection: async (request) => {
        if (!request) {
          const { expiresAt } = await api.auth.testConnection()
          await api.api.checkAccess()
          return { expiresAt }
        }
        const baseUrl = request.baseUrl ?? api.settings.getBaseUrl()
        if (request.mode === 'token') {
          // A pasted token has no token-endpoint round trip: prove it with a real API call,
          // through a throwaway auth service bound to the typed address.
          const probe = createApiServices({
            fetch: ports.fetch,
            clock: now,
            secretStore: createMemorySecretStore(false),
            settingsStore: ports.store,
            baseUrlOverride: baseUrl
          })
          probe.auth.useCredentials(toCredentials(request))
          await probe.api.checkAccess()
          return { expiresAt: null }
        }
        const { expiresAt } = await api.auth.testConnection(toCredentials(request), baseUrl)
        return { expiresAt }
      }
    },
    settings: {
      get: () => ({ baseUrl: api.settings.getBaseUrl(), requestTimeoutSeconds: api.settings.getRequestTimeoutSeconds() }),
      setRequestTimeout: async (seconds) => {
        await api.settings.setRequestTimeoutSeconds(seconds)
        return { baseUrl: api.settings.getBaseUrl(), requestTimeoutSeconds: api.settings.getRequestTimeoutSeconds() }
      }
    },
    tasks: {
      getTranscriptExport: (ref, signal) => api.api.getTranscriptExport(ref, { signal }),
      getDocumentExport: (ref, signal) => api.api.getDocumentExport(ref, { signal }),
      recent: async () =>
        api.settings.getRecentTasks().map((task) => ({ ...task, name: task.name ?? `Task ${task.taskId ?? task.externalId}`, kind: task.kind })),
      remember: async (task) => {
        await api.settings.addRecentTask(task)
      }
    },
    media: createMediaService({ fetch: fetchImpl, cacheDir, apiBaseUrl, now, log: (e) => mediaLog(e.level, e.message) }),
    peaks: createPeaksService({ cacheDir, log: mediaLog }),
    documentFiles: createDocumentFileCache({ fetch: fetchImpl, cacheDir: documentCacheDir, apiBaseUrl, log: mediaLog }),
    workflow: {
      platform: api.platform,
      inbox: createInboxCache(join(ports.dataDir, 'inbox-cache.json')),
      reviewStatus: createReviewStatusSetting(ports.store),
      finish: createFinishSetting(ports.store),
      baseUrl: () => api.auth.baseUrl()
    },
    drafts,
    reviewState,
    log: api.logger,
    logFile,
    logging,
    notices
  }
}
