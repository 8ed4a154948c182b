import { AuthService } from '../auth/auth-service'
import type { SecretStore } from '../auth/secret-store'
import { createRedactor, type Redactor } from '../logging/redact'
import { nullLogger, type Logger } from '../logging/logger'
import { SettingsService } from '../settings/settings-service'
import type { KeyValueStore } from '../settings/key-value-store'
import { ApiClient } from './api-client'
import { PlatformClient } from './platform-client'
import { PlatformTransport } from './platform-transport'
import type { RetryPolicy } from './retry'
import { realSleep, type Sleep } from './sleep'

/** The ports the network services need; the composition root (main or CLI) supplies them. */
export interface ApiServicePorts {
  readonly fetch?: typeof fetch
  readonly clock?: () => number
  readonly sleep?: Sleep
  readonly random?: () => number
  readonly secretStore: SecretStore
  readonly settingsStore: KeyValueStore
  /** Build the logger from the redactor, so registered secrets are masked in it. */
  readonly logger?: (redactor: Redactor) => Logger
  /** Overrides the saved base URL (the CLI's --base-url); validated by the caller. */
  readonly baseUrlOverride?: string
  /** Overrides the saved request timeout (the CLI's --timeout). */
  readonly timeoutMs?: number
  readonly retry?: RetryPolicy
}

/** The wired services: settings, auth and the API client, sharing one redactor and logger. */
export interface ApiServices {
  readonly settings: SettingsService
  readonly auth: AuthService
  readonly api: ApiClient
  /** Listing, speakers and review status (same auth, timeout and base URL as `api`). */
  readonly platform: PlatformClient
  readonly redactor: Redactor
  readonly logger: Logger
}

/** Builds settings, auth and the API client from ports; one call in main, one in the CLI. */
export function createApiServices(ports: ApiServicePorts): ApiServices {
  const fetchPort = ports.fetch ?? globalThis.fetch.bind(globalThis)
  const clock = ports.clock ?? Date.now
  const redactor = createRedactor()
  const logger = ports.logger ? ports.logger(redactor) : nullLogger
  const settings = new SettingsService(ports.settingsStore, (message) => logger.warn(message))
  const baseUrl = () => ports.baseUrlOverride ?? settings.getBaseUrl()
  // Read at each request, so a timeout changed in the app applies to the next request.
  const timeoutMs = () => ports.timeoutMs ?? settings.getRequestTimeoutSeconds() * 1000
  const auth = new AuthService({ fetch: fetchPort, clock, secretStore: ports.secretStore, baseUrl, logger, redactor, timeoutMs })
  const api = new ApiClient({
    fetch: fetchPort,
    auth,
    // Where the session's credentials are bound, not whatever address is saved now.
    baseUrl: () => auth.baseUrl(),
    clock,
    sleep: ports.sleep ?? realSleep,
    random: ports.random,
    logger,
    timeoutMs,
    retry: ports.retry
  })
  const platform = new PlatformClient(
    new PlatformTransport({ fetch: fetchPort, auth, baseUrl: () => auth.baseUrl(), clock, sleep: ports.sleep ?? realSleep, random: ports.random, logger, timeoutMs, retry: ports.retry })
  )
  return { settings, auth, api, platform, redactor, logger }
}
