import { AppError } from '../../shared/errors'
import type { TranscriptExport } from '../../shared/api/transcript-export'
import type { ApiSettings, AppInfo, AuthStatus, DocumentFileState, MediaProgressEvent, MediaState, OpenedTranscript, RecentTask, ValidRequestOf } from '../../shared/ipc/contract'
import type { DocumentExport } from '../../shared/api/document-export'
import type { DocumentFileCache } from '../services/documents/document-file-cache'
import { writeFileAtomic } from '../services/fs/atomic-write'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { IpcHandlers } from './ipc-dispatcher'
import { parseDocumentExportText, readTranscriptExportFile } from '../services/files/read-export-file'
import type { MediaService, MediaStatus } from '../services/media/media-cache'
import type { PeaksService } from '../services/media/peaks'
import type { DraftStore } from '../services/drafts/draft-store'
import { hashExport } from '../services/drafts/export-hash'
import { createWorkflowHandlers, type WorkflowServices } from './workflow-handlers'

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
  /** The bundled sample's recording, attached to the sample task when it is opened. */
  readonly sampleMediaPath: string
  openFolder(path: string): Promise<void>
  /** Opens an https URL in the browser; false when the URL was refused. */
  openExternal(url: string): Promise<boolean>
  /** Asks the reviewer for a saved export file; null when cancelled. */
  chooseExportFile(): Promise<string | null>
  /** Asks where to save a file (the dialog confirms replacing one); null when cancelled. */
  chooseSavePath(suggestedName: string, filter: { name: string; extensions: readonly string[] }): Promise<string | null>
  /** Asks the reviewer for a recording to attach; null when cancelled. */
  chooseMediaFile(): Promise<string | null>
  /** The URL the renderer plays or fetches from (`sdte-media://app/…` in the app). */
  mediaUrl(path: string): string
  /** Main → renderer progress. */
  sendProgress(event: MediaProgressEvent): void
  /** The renderer's unsaved-work flag, for the quit/close confirmation. */
  setUnsaved(unsaved: boolean): void
}

/** The sign-in service as the handlers use it. */
export interface AuthPort {
  status(): AuthStatus
  signIn(request: ValidRequestOf<'auth:signIn'>): Promise<AuthStatus>
  signOut(): Promise<AuthStatus>
  testConnection(request?: ValidRequestOf<'auth:signIn'>): Promise<{ readonly expiresAt: number | null }>
}

/** The reviewer's API settings as the handlers use them. */
export interface SettingsPort {
  get(): ApiSettings
  /** Saves the request timeout (whole seconds, validated by the contract and again by the service). */
  setRequestTimeout(seconds: number): Promise<ApiSettings>
}

/** The task service as the handlers use it. */
export interface TasksPort {
  getTranscriptExport(ref: { taskId: number } | { externalId: string }, signal: AbortSignal): Promise<TranscriptExport>
  getDocumentExport(ref: { taskId: number } | { externalId: string }, signal: AbortSignal): Promise<DocumentExport>
  recent(): Promise<readonly RecentTask[]>
  remember(task: RecentTask): Promise<void>
}

/** The main-process services behind the handlers (built by compose-services.ts). */
export interface HandlerServices {
  readonly auth: AuthPort
  readonly settings: SettingsPort
  readonly tasks: TasksPort
  readonly media: MediaService
  readonly peaks: PeaksService
  readonly drafts: DraftStore
  readonly documentFiles: DocumentFileCache
  /** Listing, speakers and review status (workflow-handlers.ts). */
  readonly workflow: WorkflowServices
}

/** Everything the handlers are built from: the services, the shell, a clock. */
export interface AppPorts extends HandlerServices {
  readonly platform: PlatformPort
  readonly now: () => number
}

const videoTypes = /^video\//

/** Builds one handler per contract channel. */
export function createAppHandlers(ports: AppPorts): IpcHandlers {
  const { platform, auth, settings, tasks, media, peaks, drafts, documentFiles } = ports
  const inFlight = new Map<string, AbortController>()
  const documentUrls = new Map<number, string | null>()

  /** Runs a cancellable request under the renderer's request id (`tasks:cancel` aborts it). */
  async function cancellable<T>(requestId: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (inFlight.has(requestId)) throw new AppError('bad_request', 'That request is already running.')
    const controller = new AbortController()
    inFlight.set(requestId, controller)
    try {
      return await run(controller.signal)
    } finally {
      inFlight.delete(requestId)
    }
  }
  // The recording URL of each task main has handed out: the renderer names a task, never a URL,
  // so it cannot make main fetch an address of its choosing.
  const recordingUrls = new Map<number, string | null>()

  async function opened(origin: OpenedTranscript['origin'], fileName: string | null, data: TranscriptExport): Promise<OpenedTranscript> {
    recordingUrls.set(data.taskId, data.originalFileUrl ?? null)
    const exportHash = hashExport(data)
    const comparison = await drafts.compare(data.taskId, exportHash)
    let draft: OpenedTranscript['draft'] = null
    if (comparison !== 'none') {
      const saved = await drafts.load(data.taskId)
      if (saved) draft = { savedAt: saved.savedAt, comparison }
    }
    return { origin, fileName, data, exportHash, draft }
  }

  function mediaState(status: MediaStatus, taskId: number): MediaState {
    if (status.status !== 'ready') return status
    return {
      status: 'ready',
      // The version changes with the file (a new attachment), so the player reloads instead of
      // reusing what it buffered from the previous one.
      url: platform.mediaUrl(`/media/${taskId}?v=${status.size.toString(36)}-${status.source}`),
      contentType: status.contentType,
      size: status.size,
      source: status.source,
      isVideo: videoTypes.test(status.contentType)
    }
  }

  return {
    ...createWorkflowHandlers(ports.workflow, drafts, ports.now),
    'app:info': () => platform.info,
    'app:openLogsFolder': () => platform.openFolder(platform.logsFolder),
    'app:setUnsaved': ({ unsaved }) => platform.setUnsaved(unsaved),
    'shell:openExternal': async ({ url }) => {
      if (!(await platform.openExternal(url))) throw new AppError('bad_request', 'Only https links can be opened.')
    },
    'auth:status': () => auth.status(),
    'auth:signIn': (request) => auth.signIn(request),
    'auth:signOut': () => auth.signOut(),
    'auth:testConnection': (request) => auth.testConnection(request),
    'settings:get': () => settings.get(),
    'settings:setRequestTimeout': ({ seconds }) => settings.setRequestTimeout(seconds),
    'tasks:openTranscript': ({ ref, requestId }) =>
      cancellable(requestId, async (signal) => {
        const data = await tasks.getTranscriptExport(ref, signal)
        await tasks.remember({
          taskId: data.taskId,
          externalId: data.externalId ?? ('externalId' in ref ? ref.externalId : null),
          name: data.displayName ?? `Task ${data.taskId}`,
          kind: 'transcript',
          openedAt: ports.now()
        })
        return opened('api', null, data)
      }),
    'tasks:openDocument': ({ ref, requestId }) =>
      cancellable(requestId, async (signal) => {
        const data = await tasks.getDocumentExport(ref, signal)
        documentUrls.set(data.taskId, data.originalFileUrl ?? null)
        await tasks.remember({
          taskId: data.taskId,
          externalId: data.externalId ?? ('externalId' in ref ? ref.externalId : null),
          name: data.displayName ?? `Document ${data.taskId}`,
          kind: 'document',
          openedAt: ports.now()
        })
        return { origin: 'api' as const, fileName: null, data }
      }),
    'documents:openFile': async () => {
      const path = await platform.chooseExportFile()
      if (!path) return null
      const data = parseDocumentExportText(await readFile(path, 'utf8'), basename(path))
      documentUrls.set(data.taskId, data.originalFileUrl ?? null)
      return { origin: 'file' as const, fileName: basename(path), data }
    },
    'documents:resolveFile': async ({ taskId }): Promise<DocumentFileState> => {
      if (!documentUrls.has(taskId) && !(await documentFiles.cached(taskId))) throw new AppError('not_found', `Document task ${taskId} is not open.`)
      const status = await documentFiles.resolve(taskId, documentUrls.get(taskId) ?? null)
      if (status.status !== 'ready') return status
      return { status: 'ready', url: platform.mediaUrl(`/document/${taskId}`), contentType: status.contentType, size: status.size }
    },
    'files:save': async ({ suggestedName, content, filter }) => {
      const path = await platform.chooseSavePath(suggestedName, filter)
      if (!path) return null
      const data = typeof content === 'string' ? content : Buffer.from(content.base64, 'base64')
      try {
        await writeFileAtomic(path, data)
      } catch (error) {
        throw new AppError('io', `Could not write ${basename(path)}: ${(error as Error).message}`)
      }
      return { path }
    },
    'tasks:cancel': ({ requestId }) => {
      inFlight.get(requestId)?.abort()
    },
    'tasks:recent': () => tasks.recent(),
    'files:openExport': async () => {
      const path = await platform.chooseExportFile()
      if (!path) return null
      const file = await readTranscriptExportFile(path)
      return opened('file', file.fileName, file.data)
    },
    'sample:open': async () => {
      const file = await readTranscriptExportFile(platform.sampleExportPath)
      if (!(await media.localMedia(file.data.taskId))) await media.attachLocalFile(file.data.taskId, platform.sampleMediaPath)
      return opened('sample', file.fileName, file.data)
    },
    'media:resolve': async ({ taskId }) => {
      if (!recordingUrls.has(taskId) && !(await media.localMedia(taskId))) throw new AppError('not_found', `Task ${taskId} is not open.`)
      const status = await media.resolve(taskId, recordingUrls.get(taskId) ?? null, {
        onProgress: ({ receivedBytes, totalBytes }) =>
          platform.sendProgress({ taskId, phase: 'download', fraction: totalBytes ? receivedBytes / totalBytes : null })
      })
      return mediaState(status, taskId)
    },
    'media:attach': async ({ taskId }) => {
      const path = await platform.chooseMediaFile()
      if (!path) return null
      return mediaState(await media.attachLocalFile(taskId, path), taskId)
    },
    'media:peaks': async ({ taskId }) => {
      const file = await media.localMedia(taskId)
      if (!file) throw new AppError('not_found', 'The recording is not available yet.')
      const result = await peaks.getPeaks(taskId, file.path, {
        onProgress: (fraction) => platform.sendProgress({ taskId, phase: 'peaks', fraction })
      })
      if (result.status !== 'ready') return result
      const { length, peaksPerSecond, durationMs } = result.peaks
      return { status: 'ready', url: platform.mediaUrl(`/peaks/${taskId}`), length, peaksPerSecond, durationMs, fromCache: result.fromCache }
    },
    'drafts:load': async ({ taskId }) => {
      const draft = await drafts.load<unknown>(taskId)
      return draft ? { taskId, exportHash: draft.exportHash, savedAt: draft.savedAt, document: draft.document } : null
    },
    'drafts:save': async ({ taskId, exportHash, document }) => {
      const saved = await drafts.save(taskId, exportHash, document, {})
      return { savedAt: saved.savedAt }
    },
    'drafts:discard': ({ taskId }) => drafts.discard(taskId)
  }
}
