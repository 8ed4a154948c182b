import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AuthStatus } from '../../../shared/ipc/contract'
import type { ErrorData } from '../../../shared/errors'
import { sdte } from '../lib/bridge'

/** The sign-in state as main reports it: never a token or secret (DESIGN.md step 1). */
export const useSessionStore = defineStore('session', () => {
  const status = ref<AuthStatus>({ signedIn: false, mode: null, expiresAt: null, baseUrl: '', persisted: false })
  const lastError = ref<ErrorData | null>(null)

  /** Asks main for the current status and follows its changes. */
  async function load(): Promise<void> {
    const result = await sdte().invoke['auth:status']()
    if (result.ok) status.value = result.value
    else lastError.value = result.error
  }

  /** Applies a status main pushed (sign-in elsewhere, expiry). */
  function apply(next: AuthStatus): void {
    status.value = next
  }

  return { status, lastError, load, apply }
})
