import { describe, expect, it } from 'vitest'
import { createApiServices } from '../../../../electron/services/api/create-services'
import { createMemorySecretStore } from '../../../../electron/services/auth/secret-store'
import { createMemoryKeyValueStore } from '../../../../electron/services/settings/key-value-store'
import { AppError } from '../../../../shared/errors'

/*
 * The request timeout the reviewer sets in the app is what the API client waits, read at each
 * request (a change applies to the next one, no restart); the CLI's --timeout overrides it.
 * The server never answers; the timeout's wait is a fake sleep that records its length and
 * fires at once, so no real time passes.
 */

function setup(timeoutOverrideMs?: number) {
  const waits: number[] = []
  const hang = ((_url: string, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch
  const sleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new AppError('cancelled', 'Cancelled'))
      waits.push(ms)
      resolve()
    })
  const services = createApiServices({
    fetch: hang,
    sleep,
    secretStore: createMemorySecretStore(),
    settingsStore: createMemoryKeyValueStore(),
    baseUrlOverride: 'https://api.test',
    timeoutMs: timeoutOverrideMs,
    retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 }
  })
  // A pasted token: no token request, straight to the export endpoint.
  services.auth.useCredentials({ mode: 'token', accessToken: 'pasted-token' })
  const failure = () => services.api.getTranscriptExport({ taskId: 7 }).then(() => null, (e: unknown) => e as AppError)
  return { services, waits, failure }
}

describe('the request timeout setting', () => {
  it('defaults to 30 s and applies a saved value to the next request', async () => {
    const { services, waits, failure } = setup()
    expect(await failure()).toMatchObject({ code: 'timeout', message: expect.stringContaining('within 30 s') })
    expect(waits).toEqual([30_000])

    await services.settings.setRequestTimeoutSeconds(90)
    expect(await failure()).toMatchObject({ code: 'timeout', message: expect.stringContaining('within 90 s') })
    expect(waits).toEqual([30_000, 90_000])
  })

  it('is overridden by the CLI --timeout', async () => {
    const { services, waits, failure } = setup(12_000)
    await services.settings.setRequestTimeoutSeconds(90)
    await failure()
    expect(waits).toEqual([12_000])
  })
})
