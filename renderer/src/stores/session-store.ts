import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ApiSettings, AuthStatus, RequestOf } from '../../../shared/ipc/contract'
import { requestTimeoutLimits } from '../../../shared/ipc/contract'
import type { ErrorData } from '../../../shared/errors'
import { sdte } from '../lib/bridge'

/** The sign-in form's request; it lives only in the dialog and this call, never in state. */
export type SignInRequest = RequestOf<'auth:signIn'>

/**
 * The sign-in state as main reports it: never a token or secret
 * (docs/api.md#signing-in-and-tokens). Secrets pass through `signIn` as arguments and are not kept
 * here.
 */
export const useSessionStore = defineStore('session', () => {
  const status = ref<AuthStatus>({ signedIn: false, mode: null, expiresAt: null, baseUrl: '', persisted: false })
  const busy = ref<'sign-in' | 'test' | 'sign-out' | null>(null)
  const lastError = ref<ErrorData | null>(null)
  /** How long each API request may take (remembered by main, applied to the next request). */
  const requestTimeoutSeconds = ref<number>(requestTimeoutLimits.defaultSeconds)

  /** Asks main for the current status and the API settings. */
  async function load(): Promise<void> {
    const [result, settings] = await Promise.all([sdte().invoke['auth:status'](), sdte().invoke['settings:get']()])
    if (result.ok) status.value = result.value
    else lastError.value = result.error
    if (settings.ok) applySettings(settings.value)
  }

  function applySettings(settings: ApiSettings): void {
    requestTimeoutSeconds.value = settings.requestTimeoutSeconds
  }

  /** Saves the request timeout; true on success, else `lastError` says why. */
  async function setRequestTimeout(seconds: number): Promise<boolean> {
    const result = await sdte().invoke['settings:setRequestTimeout']({ seconds })
    if (!result.ok) {
      lastError.value = result.error
      return false
    }
    applySettings(result.value)
    return true
  }

  /** Applies a status main pushed (sign-in elsewhere, expiry). */
  function apply(next: AuthStatus): void {
    status.value = next
  }

  /** Signs in; true on success, else `lastError` says why. */
  async function signIn(request: SignInRequest): Promise<boolean> {
    busy.value = 'sign-in'
    lastError.value = null
    try {
      const result = await sdte().invoke['auth:signIn'](request)
      if (!result.ok) {
        lastError.value = result.error
        return false
      }
      status.value = result.value
      return true
    } finally {
      busy.value = null
    }
  }

  /** Checks credentials without signing in; returns the token expiry on success. */
  async function testConnection(request: SignInRequest): Promise<{ expiresAt: number | null } | null> {
    busy.value = 'test'
    lastError.value = null
    try {
      const result = await sdte().invoke['auth:testConnection'](request)
      if (!result.ok) {
        lastError.value = result.error
        return null
      }
      return result.value
    } finally {
      busy.value = null
    }
  }

  /** Signs out and forgets saved credentials. */
  async function signOut(): Promise<void> {
    busy.value = 'sign-out'
    try {
      const result = await sdte().invoke['auth:signOut']()
      if (result.ok) status.value = result.value
      else lastError.value = result.error
    } finally {
      busy.value = null
    }
  }

  return { status, busy, lastError, requestTimeoutSeconds, load, apply, signIn, testConnection, signOut, setRequestTimeout }
})
