import { describe, expect, it } from 'vitest'
import { checkTokenDestination, startAttemptTimer } from '../../../../electron/services/api/attempt-guard'
import type { TokenSource } from '../../../../electron/services/api/api-client'
import type { Sleep } from '../../../../electron/services/api/sleep'

const auth = (bound: string | null | undefined): TokenSource => ({
  getAccessToken: () => Promise.resolve('t'),
  invalidate: () => false,
  ...(bound === undefined ? {} : { boundOrigin: () => bound })
})

/** A sleep the test ends by hand: `fire()` ends the wait as the timeout would. */
function manualSleep(): { sleep: Sleep; fire(): void; stopped(): boolean } {
  let resolveIt: () => void = () => undefined
  let waitSignal: AbortSignal | undefined
  return {
    sleep: (_ms, signal) => {
      waitSignal = signal
      return new Promise<void>((resolve, reject) => {
        resolveIt = resolve
        signal?.addEventListener('abort', () => reject(new Error('stopped')), { once: true })
      })
    },
    fire: () => resolveIt(),
    stopped: () => waitSignal?.aborted === true
  }
}

describe('checkTokenDestination (shared by the export client and the platform transport)', () => {
  it('sends only to the bound origin, and only header-safe tokens', () => {
    expect(() => checkTokenDestination(auth('http://127.0.0.1:1'), 'http://127.0.0.1:1/api/x', 'tok')).not.toThrow()
    expect(() => checkTokenDestination(auth(undefined), 'http://elsewhere.test/api', 'tok')).not.toThrow()
    expect(() => checkTokenDestination(auth('http://127.0.0.1:1'), 'http://127.0.0.1:2/api/x', 'tok')).toThrow(/belong to http:\/\/127\.0\.0\.1:1, not http:\/\/127\.0\.0\.1:2/)
    expect(() => checkTokenDestination(auth(null), 'http://127.0.0.1:1/api', 'tok')).toThrow(/belong to null/)
    expect(() => checkTokenDestination(auth(undefined), 'http://127.0.0.1:1/api', 'a\r\nb')).toThrow(/cannot be sent in a header/)
  })
})

describe('startAttemptTimer', () => {
  it('aborts when the timeout passes and says so', async () => {
    const manual = manualSleep()
    const timer = startAttemptTimer(manual.sleep, 1000, undefined)
    expect(timer.signal.aborted).toBe(false)
    manual.fire()
    await Promise.resolve()
    expect(timer.signal.aborted).toBe(true)
    expect(timer.timedOut()).toBe(true)
  })

  it('aborts on the caller\'s abort (not a timeout); stop ends the timer and lets go of the caller', () => {
    const manual = manualSleep()
    const caller = new AbortController()
    const timer = startAttemptTimer(manual.sleep, 1000, caller.signal)
    caller.abort()
    expect(timer.signal.aborted).toBe(true)
    expect(timer.timedOut()).toBe(false)
    const second = new AbortController()
    const other = startAttemptTimer(manualSleep().sleep, 1000, second.signal)
    other.stop()
    second.abort()
    expect(other.signal.aborted).toBe(false)
    timer.stop()
    expect(manual.stopped()).toBe(true)
  })
})
