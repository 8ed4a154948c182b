import { join } from 'node:path'
import { createApiServices } from '../services/api/create-services'
import type { SecretStore } from '../services/auth/secret-store'
import { createMemorySecretStore } from '../services/auth/secret-store'
import type { KeyValueStore } from '../services/settings/key-value-store'
import { createFileLogger } from '../services/logging/file-logger'
import type { Logger } from '../services/logging/logger'
import { createMediaService } from '../services/media/media-cache'
import { createPeaksService } from '../services/media/peaks'
import { createDraftStore } from '../services/drafts/draft-store'
import { createDocumentFileCache } from '../services/documents/document-file-cache'
import { createInboxCache } from '../services/api/inbox-cache'
import { createReviewStatusSetting } from '../services/settings/review-status-setting'
import type { HandlerServices } from './app-handlers'
import type { AuthStatus, ValidRequestOf } from '../../shared/ipc/contract'
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
  /** Path of the current log file. */
  readonly logFile: string
}

/** The sign-in form's request as the auth service's credentials. */
function toCredentials(request: ValidRequestOf<'auth:signIn'>): Credentials {
  return request.mode === 'token'
    ? { mode: 'token', accessToken: request.accessToken }
    : { mode: 'client-credentials', clientId: request.clientId, clientSecret: request.clientSecret }
}

/** Wires the services; restores saved credentials. */
export async function composeServices(ports: ServicePorts): Promise<AppServices> {
  const now = ports.now ?? Date.now
  let logFile = ''
  const api = createApiServices({
    fetch: ports.fetch,
    clock: now,
    secretStore: ports.secrets,
    settingsStore: ports.store,
    logger: (redactor) => {
      const logger = createFileLogger({ dir: ports.logsFolder, redactor, clock: now })
      logFile = logger.path
      return logger
    }
  })
  await api.auth.restore()
  const changed = (status: AuthStatus): AuthStatus => {
    ports.onAuthChanged?.(status)
    return status
  }
  const cacheDir = join(ports.dataDir, 'media-cache')
  const mediaLog = (level: 'info' | 'warn' | 'error', message: string): void => api.logger[level](message)

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
    media: createMediaService({ fetch: ports.fetch ?? globalThis.fetch.bind(globalThis), cacheDir, now, log: (e) => mediaLog(e.level, e.message) }),
    peaks: createPeaksService({ cacheDir, log: mediaLog }),
    documentFiles: createDocumentFileCache({ fetch: ports.fetch ?? globalThis.fetch.bind(globalThis), cacheDir: join(ports.dataDir, 'document-cache') }),
    workflow: {
      platform: api.platform,
      inbox: createInboxCache(join(ports.dataDir, 'inbox-cache.json')),
      reviewStatus: createReviewStatusSetting(ports.store),
      baseUrl: () => api.auth.baseUrl()
    },
    drafts: createDraftStore({ dir: join(ports.dataDir, 'drafts'), now, report: (r) => api.logger.warn(r.message) }),
    log: api.logger,
    logFile
  }
}
