import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { AppError } from '../../shared/errors'
import { hasControlChars, isHeaderSafeToken, stripBearer } from '../../shared/api/credential-chars'
import { createApiServices, type ApiServices } from '../services/api/create-services'
import { createMemorySecretStore } from '../services/auth/secret-store'
import { createMemoryKeyValueStore } from '../services/settings/key-value-store'
import { defaultBaseUrl, validateBaseUrl } from '../services/settings/settings-service'
import { createFileLogger } from '../services/logging/file-logger'
import { nullLogger } from '../services/logging/logger'
import type { CliIo } from './io'
import { UsageError } from './usage-error'

/** The options of any command that talks to the platform. */
export interface ServiceOptions {
  readonly baseUrl?: string
  readonly timeoutMs?: number
  readonly logDir?: string
}

/** Builds the services with credentials from the environment; usage or auth failures throw. */
export function createCliServices(command: ServiceOptions, io: CliIo): ApiServices {
  const baseUrlText = command.baseUrl ?? io.env.SDTE_BASE_URL ?? defaultBaseUrl
  const checked = validateBaseUrl(baseUrlText)
  if (!checked.ok) throw new UsageError(checked.message)
  const logDir = command.logDir ?? io.env.SDTE_LOG_DIR ?? join(io.env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'sdte', 'logs')
  const services = createApiServices({
    fetch: io.fetch,
    // The CLI never persists credentials: they come from the environment on every run.
    secretStore: createMemorySecretStore(false),
    settingsStore: createMemoryKeyValueStore(),
    baseUrlOverride: checked.value,
    timeoutMs: command.timeoutMs,
    logger: (redactor) => {
      try {
        return createFileLogger({ dir: resolve(io.cwd, logDir), redactor })
      } catch {
        return nullLogger
      }
    }
  })
  const clientId = io.env.SDTE_CLIENT_ID?.trim()
  const clientSecret = io.env.SDTE_CLIENT_SECRET?.trim()
  const token = io.env.SDTE_TOKEN?.trim()
  // Checked before use: a token with a line break would otherwise reach stderr inside the HTTP
  // library's header error. The message names the variable, never its value.
  if (token && !isHeaderSafeToken(stripBearer(token))) throw new UsageError('SDTE_TOKEN contains a line break, space or other character a token cannot have; set it to the token alone')
  if ((clientId && hasControlChars(clientId)) || (clientSecret && hasControlChars(clientSecret))) {
    throw new UsageError('SDTE_CLIENT_ID or SDTE_CLIENT_SECRET contains a line break or control character; set each to the value alone')
  }
  if (clientId && clientSecret) services.auth.useCredentials({ mode: 'client-credentials', clientId, clientSecret })
  else if (clientId || clientSecret) throw new UsageError('set both SDTE_CLIENT_ID and SDTE_CLIENT_SECRET (or SDTE_TOKEN)')
  else if (token) services.auth.useCredentials({ mode: 'token', accessToken: token })
  else throw new AppError('unauthorized', 'no credentials: set SDTE_CLIENT_ID and SDTE_CLIENT_SECRET, or SDTE_TOKEN')
  services.logger.info('sdte started', { baseUrl: checked.value, mode: clientId ? 'client-credentials' : 'token' })
  return services
}
