import { AppError } from '../../shared/errors'
import type { TranscriptExport } from '../../shared/api/transcript-export'
import type { AppInfo, AuthStatus, RecentTask, ValidRequestOf } from '../../shared/ipc/contract'
import type { IpcHandlers } from './ipc-dispatcher'
import { readTranscriptExportFile } from '../services/files/read-export-file'

/*
 * The composition of IPC handlers from services. Electron-free on purpose: the app passes
 * Electron-backed ports, the end-to-end harness passes Node-backed ones, and both run exactly
 * these handlers behind the same dispatcher.
 */

/** What the handlers need from the desktop shell (dialogs, OS integration). */
export interface PlatformPort {
  readonly info: AppInfo
  readonly logsFolder: string
  readonly sampleExportPath: string
  openFolder(path: string): Promise<void>
  /** Opens an https URL in the browser; false when the URL was refused. */
  openExternal(url: string): Promise<boolean>
  /** Asks the reviewer for a saved export file; null when cancelled. */
  chooseExportFile(): Promise<string | null>
}

/** The sign-in service as the handlers use it. */
export interface AuthPort {
  status(): AuthStatus
  signIn(request: ValidRequestOf<'auth:signIn'>): Promise<AuthStatus>
  signOut(): Promise<AuthStatus>
  testConnection(): Promise<AuthStatus>
}

/** The task service as the handlers use it. */
export interface TasksPort {
  getTranscriptExport(ref: { taskId: number } | { externalId: string }, signal: AbortSignal): Promise<TranscriptExport>
  recent(): Promise<readonly RecentTask[]>
  remember(task: RecentTask): Promise<void>
}

/** Everything the handlers are built from. */
export interface AppPorts {
  readonly platform: PlatformPort
  readonly auth: AuthPort
  readonly tasks: TasksPort
  readonly now: () => number
}

/** Builds one handler per contract channel. */
export function createAppHandlers(ports: AppPorts): IpcHandlers {
  const { platform, auth, tasks } = ports
  const inFlight = new Map<string, AbortController>()

  return {
    'app:info': () => platform.info,
    'app:openLogsFolder': () => platform.openFolder(platform.logsFolder),
    'shell:openExternal': async ({ url }) => {
      if (!(await platform.openExternal(url))) throw new AppError('bad_request', 'Only https links can be opened.')
    },
    'auth:status': () => auth.status(),
    'auth:signIn': (request) => auth.signIn(request),
    'auth:signOut': () => auth.signOut(),
    'auth:testConnection': () => auth.testConnection(),
    'tasks:openTranscript': async ({ ref, requestId }) => {
      if (inFlight.has(requestId)) throw new AppError('bad_request', 'That request is already running.')
      const controller = new AbortController()
      inFlight.set(requestId, controller)
      try {
        const data = await tasks.getTranscriptExport(ref, controller.signal)
        await tasks.remember({
          taskId: data.taskId,
          externalId: data.externalId ?? ('externalId' in ref ? ref.externalId : null),
          name: data.displayName ?? `Task ${data.taskId}`,
          kind: 'transcript',
          openedAt: ports.now()
        })
        return { origin: 'api' as const, fileName: null, data }
      } finally {
        inFlight.delete(requestId)
      }
    },
    'tasks:cancel': ({ requestId }) => {
      inFlight.get(requestId)?.abort()
    },
    'tasks:recent': () => tasks.recent(),
    'files:openExport': async () => {
      const path = await platform.chooseExportFile()
      if (!path) return null
      const file = await readTranscriptExportFile(path)
      return { origin: 'file' as const, fileName: file.fileName, data: file.data }
    },
    'sample:open': async () => {
      const file = await readTranscriptExportFile(platform.sampleExportPath)
      return { origin: 'sample' as const, fileName: file.fileName, data: file.data }
    }
  }
}
