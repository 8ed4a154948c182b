import type { AuthPort, TasksPort } from './app-handlers'
import type { SecretStore } from './secret-store'
import { AppError } from '../../shared/errors'

/** What the composition root hands to the network services. */
export interface NetworkServiceDeps {
  readonly dataDir: string
  readonly logsFolder: string
  readonly store: { get(key: string): unknown; set(key: string, value: unknown): void; delete(key: string): void }
  readonly secrets: SecretStore
}

/** The services the IPC handlers need that talk to the network. */
export interface NetworkServices {
  readonly auth: AuthPort
  readonly tasks: TasksPort
  readonly log: { warn(message: string): void }
}

/** Builds auth, API client and logger (wired to electron/services in the sign-in work). */
export async function createNetworkServices(_deps: NetworkServiceDeps): Promise<NetworkServices> {
  const notYet = (): never => {
    throw new AppError('server', 'Signing in is not available in this build yet.')
  }
  return {
    auth: {
      status: () => ({ signedIn: false, mode: null, expiresAt: null, baseUrl: 'https://cloud.smartdocumentor.net', persisted: false }),
      signIn: async () => notYet(),
      signOut: async () => notYet(),
      testConnection: async () => notYet()
    },
    tasks: {
      getTranscriptExport: async () => notYet(),
      recent: async () => [],
      remember: async () => undefined
    },
    log: { warn: (message) => console.warn(message) }
  }
}
