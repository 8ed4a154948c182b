import { AppError } from '../../../shared/errors'
import type { ExportKind } from '../../../shared/api/endpoints'
import { requestTimeoutLimits } from '../../../shared/ipc/contract'
import type { KeyValueStore } from './key-value-store'
import { createBestEffortStore } from './best-effort-store'

/** The public SmartDocumentor API. */
export const defaultBaseUrl = 'https://cloud.smartdocumentor.net'

/** How many recent tasks are remembered. */
export const maxRecentTasks = 20

/** A task the reviewer opened recently. */
export interface RecentTask {
  readonly taskId: number | null
  readonly externalId: string | null
  readonly name: string | null
  readonly kind: ExportKind
  /** Epoch ms. */
  readonly openedAt: number
}

const keys = { baseUrl: 'api.baseUrl', recent: 'recentTasks', timeout: 'api.requestTimeoutSeconds' } as const

/** True for a whole number of seconds the API client may wait per request. */
function isTimeoutSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= requestTimeoutLimits.minSeconds && value <= requestTimeoutLimits.maxSeconds
}

/**
 * A base URL the app may send credentials to, normalised (no trailing slash), or an error
 * message. https only, except plain http on loopback for the local fake API.
 */
export function validateBaseUrl(input: string): { ok: true; value: string } | { ok: false; message: string } {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    return { ok: false, message: `"${input}" is not a URL; use e.g. ${defaultBaseUrl}` }
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, message: 'The base URL must use https (plain http is allowed only for 127.0.0.1 or localhost)' }
  }
  if (url.username || url.password) return { ok: false, message: 'The base URL must not contain a user name or password' }
  if (url.search || url.hash) return { ok: false, message: 'The base URL must not have a query string or fragment' }
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` }
}

/**
 * Remembered settings: the API base URL, the request timeout and the recent tasks list. All of
 * it is bookkeeping, so saving is best-effort (best-effort-store.ts): a full disk is logged and
 * the value still applies for this session; only invalid input is an error.
 */
export class SettingsService {
  private readonly store: KeyValueStore

  constructor(store: KeyValueStore, log: (message: string) => void = () => undefined) {
    this.store = createBestEffortStore(store, log)
  }

  /** The API base URL; the default when none (or an invalid one) is saved. */
  getBaseUrl(): string {
    const saved = this.store.get(keys.baseUrl)
    if (typeof saved !== 'string') return defaultBaseUrl
    const checked = validateBaseUrl(saved)
    return checked.ok ? checked.value : defaultBaseUrl
  }

  /** Validates and saves the base URL; `bad_request` with a clear message when invalid. */
  async setBaseUrl(input: string): Promise<string> {
    const checked = validateBaseUrl(input)
    if (!checked.ok) throw new AppError('bad_request', checked.message)
    await this.store.set(keys.baseUrl, checked.value)
    return checked.value
  }

  /** Seconds each API request may take before it fails with `timeout`; the default when none (or an invalid one) is saved. */
  getRequestTimeoutSeconds(): number {
    const saved = this.store.get(keys.timeout)
    return isTimeoutSeconds(saved) ? saved : requestTimeoutLimits.defaultSeconds
  }

  /** Validates and saves the request timeout; `bad_request` with the allowed range when out of it. */
  async setRequestTimeoutSeconds(seconds: number): Promise<number> {
    if (!isTimeoutSeconds(seconds)) {
      throw new AppError('bad_request', `The request timeout must be a whole number of seconds from ${requestTimeoutLimits.minSeconds} to ${requestTimeoutLimits.maxSeconds}`)
    }
    await this.store.set(keys.timeout, seconds)
    return seconds
  }

  /** Recent tasks, newest first; malformed entries are skipped. */
  getRecentTasks(): RecentTask[] {
    const saved = this.store.get(keys.recent)
    if (!Array.isArray(saved)) return []
    return saved.filter(isRecentTask).slice(0, maxRecentTasks)
  }

  /** Puts `task` first, removing an earlier entry for the same task and kind; keeps at most 20. */
  async addRecentTask(task: RecentTask): Promise<RecentTask[]> {
    const same = (t: RecentTask) =>
      t.kind === task.kind &&
      ((task.taskId !== null && t.taskId === task.taskId) || (task.externalId !== null && t.externalId === task.externalId))
    const next = [task, ...this.getRecentTasks().filter((t) => !same(t))].slice(0, maxRecentTasks)
    await this.store.set(keys.recent, next)
    return next
  }

  /** Empties the recent tasks list. */
  async clearRecentTasks(): Promise<void> {
    await this.store.delete(keys.recent)
  }
}

function isRecentTask(value: unknown): value is RecentTask {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return (
    (v.taskId === null || (typeof v.taskId === 'number' && Number.isSafeInteger(v.taskId))) &&
    (v.externalId === null || typeof v.externalId === 'string') &&
    (v.taskId !== null || v.externalId !== null) &&
    (v.name === null || typeof v.name === 'string') &&
    (v.kind === 'transcript' || v.kind === 'document') &&
    typeof v.openedAt === 'number'
  )
}
