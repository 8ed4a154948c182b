import { AppError } from '../../shared/errors'
import type { LanguagePreference } from '../../shared/i18n/locales'
import type { TranscriptExport } from '../../shared/api/transcript-export'
import type { ApiSettings, AppInfo, AuthStatus, StartupNotice, DocumentFileState, MediaProgressEvent, MediaState, OpenedDocument, OpenedEither, OpenedTranscript, RecentTask, ValidRequestOf } from '../../shared/ipc/contract'
import { isDocumentReadAsTranscript } from '../../shared/api/task-kind'
import type { DocumentExport } from '../../shared/api/document-export'
import type { DocumentFileCache } from '../services/documents/document-file-cache'
import { writeFileAtomic } from '../services/fs/atomic-write'
import { readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { IpcHandlers } from './ipc-dispatcher'
import { parseDocumentExportText, readTranscriptExportFile } from '../services/files/read-export-file'
import type { MediaService, MediaStatus } from '../services/media/media-cache'
import type { PeaksService } from '../services/media/peaks'
import { createPeaksRequests } from './peaks-requests'
import type { DraftStore } from '../services/drafts/draft-store'
import { hashExport } from '../services/drafts/export-hash'
import { createExportHashes } from './export-hashes'
import { cacheKeyFor, type ExportSource } from '../services/download/cache-key'
import { checkDownloadUrl, hostOf } from '../services/download/url-policy'
import { fsErrorCause } from '../services/fs/fs-error'
import { createWorkflowHandlers, type WorkflowServices } from './workflow-handlers'
import { createReviewStateHandlers } from './review-state-handlers'
import { createReviewStateStore, type ReviewStateStore } from '../services/drafts/review-state-store'
import { createFinishHandlers } from './finish-handlers'
import { createDownloadCancels } from './download-cancels'
import { packWords } from '../../shared/ipc/packed-words'

/** A task reference as the open channels take it. */
type TaskRefOf = ValidRequestOf<'tasks:openTranscript'>['ref']

/*
 * The composition of IPC handlers from services. Electron-free on purpose: the app passes
 * Electron-backed ports, the end-to-end harness passes Node-backed ones, and both run exactly
 * these handlers behind the same dispatcher.
 */

/** What the handlers need from the desktop shell (dialogs, OS integration). */
export interface PlatformPort {
  readonly info: AppInfo
  readonly sampleExportPath: string
  /** The bundled sample's recording, attached to the sample task when it is opened. */
  readonly sampleMediaPath: string
  /** Shows a file selected in the file manager (the app: shell.showItemInFolder); absent in tests. */
  showItemInFolder?(path: string): void
  /** Asks the reviewer for a saved export file; null when cancelled. */
  chooseExportFile(): Promise<string | null>
  /** Asks where to save a file (the dialog confirms replacing one); null when cancelled. */
  chooseSavePath(suggestedName: string, filter: { name: string; extensions: readonly string[] }): Promise<string | null>
  /** Asks for a folder (Finish review's); null when cancelled; absent where there is no desktop. */
  chooseFolder?(title: string): Promise<string | null>
  /** Asks the reviewer for a recording to attach; null when cancelled. */
  chooseMediaFile(): Promise<string | null>
  /** The URL the renderer plays or fetches from (`sdte-media://app/…` in the app). */
  mediaUrl(path: string): string
  /** Main → renderer progress. */
  sendProgress(event: MediaProgressEvent): void
  /** The renderer's unsaved-work flag, for the quit/close confirmation. */
  setUnsaved(unsaved: boolean): void
  /** The reviewer's language preference, for the menu and native dialogs; absent where there are none (tests). */
  setLanguage?(preference: LanguagePreference): void
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
  /** The review-state sidecars; default: beside the drafts (`<drafts dir>/<taskId>.review.json`). */
  readonly reviewState?: ReviewStateStore
}

/** Everything the handlers are built from: the services, the shell, a clock. */
export interface AppPorts extends HandlerServices {
  readonly platform: PlatformPort
  readonly now: () => number
  /** What start-up recovered from; `app:startupNotices` hands these out once. */
  readonly startupNotices?: StartupNotice[]
}

const videoTypes = /^video\//

/** An opened task as main remembers it: which cache entry it uses and the URL it may fetch. */
interface OpenedEntry {
  key: string
  url: string | null
  readonly source: ExportSource['kind']
  /** The host the reviewer agreed to download from (exports opened from a file only). */
  approvedHost: string | null
}

/** Why a download of an opened file's link is not even offered, or null when it may be asked for. */
function refusal(url: string, apiBaseUrl: string): string | null {
  try {
    checkDownloadUrl(url, apiBaseUrl)
    return null
  } catch (error) {
    return (error as Error).message
  }
}

/** Builds one handler per contract channel. */
export function createAppHandlers(ports: AppPorts): IpcHandlers {
  const { platform, auth, settings, tasks, media, peaks, drafts, documentFiles } = ports
  const inFlight = new Map<string, AbortController>()
  const downloadCancels = createDownloadCancels()
  const startPeaks = createPeaksRequests(peaks, (event) => platform.sendProgress(event))
  // The recording / original-file entry of each task main has handed out: the renderer names a
  // task, never a URL or a cache folder, so it cannot make main fetch or serve what it chooses.
  const recordings = new Map<number, OpenedEntry>()
  // A file's recording entry waits for its export's hash (computed after the open's reply).
  const recordingsPending = new Map<number, Promise<unknown>>()
  const exportHashes = createExportHashes()
  const documentEntries = new Map<number, OpenedEntry>()
  const apiBaseUrl = (): string => settings.get().baseUrl
  // Session facts (coverage, time spent) live beside the drafts, and go when the draft is discarded.
  const reviewState = ports.reviewState ?? createReviewStateStore({ dir: dirname(drafts.pathOf(0)), now: ports.now })

  /** The entry of an export: keyed by the API it came from, or by the file's own content. */
  function entryFor(origin: 'api' | 'file' | 'sample', taskId: number, url: string | null, data: unknown, exportHash?: string): OpenedEntry {
    const source: ExportSource =
      origin === 'api' ? { kind: 'api', apiBaseUrl: apiBaseUrl() } : origin === 'file' ? { kind: 'file', exportHash: exportHash ?? hashExport(data) } : { kind: 'sample' }
    return { key: cacheKeyFor(source, taskId), url, source: source.kind, approvedHost: null }
  }

  /**
   * For an export opened from a file (anyone can write one, with any link): 'confirm' until the
   * reviewer agreed to contact the link's host; an error when the link would be refused anyway.
   */
  function consent(entry: OpenedEntry, allowHost: string | undefined): { status: 'confirm'; host: string } | { status: 'error'; code: 'bad_request'; message: string } | null {
    if (entry.source !== 'file' || !entry.url) return null
    const refused = refusal(entry.url, apiBaseUrl())
    if (refused) return { status: 'error', code: 'bad_request', message: refused }
    const host = hostOf(entry.url) ?? ''
    if (allowHost !== undefined && allowHost === host) entry.approvedHost = host
    return entry.approvedHost === host ? null : { status: 'confirm', host }
  }

  function openedEntry(map: Map<number, OpenedEntry>, taskId: number, what: string): OpenedEntry {
    const entry = map.get(taskId)
    if (!entry) throw new AppError('not_found', `${what} ${taskId} is not open.`)
    return entry
  }

  /** The recording entry of an opened task, once its key is known. */
  async function recordingOf(taskId: number): Promise<OpenedEntry> {
    await recordingsPending.get(taskId)
    return openedEntry(recordings, taskId, 'Task')
  }

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
  // The transcript task the renderer has open (the last one handed over): the only one whose
  // draft it may discard, so a compromised page cannot wipe the drafts of other tasks.
  let openTaskId: number | null = null

  // Unreadable draft files per task, so `drafts:showKept` reveals a path main chose, never the renderer.
  const keptDrafts = new Map<number, string>()

  async function opened(origin: OpenedTranscript['origin'], fileName: string | null, data: TranscriptExport): Promise<OpenedTranscript> {
    openTaskId = data.taskId
    // Opening a task closes the last one: its recording's decode stops (peaks-requests.ts).
    startPeaks.releaseOthers(data.taskId)
    // Opening a task closes the last one: fold the journals of drafts saved so far into their full drafts.
    void drafts.compactAll()
    // Opening never depends on the draft: an unreadable file, or one that cannot be read at all,
    // becomes a notice and the task opens from the export.
    const found = await drafts.lookup(data.taskId).catch((error: unknown) => ({
      draft: null,
      problem: { keptAt: drafts.pathOf(data.taskId), message: `The draft for task ${data.taskId} could not be read: ${(error as Error).message}` }
    }))
    // One hash per open: it keys the draft and, for a file, the recording's cache entry. Only a
    // draft to compare needs it before the reply (export-hashes.ts).
    let exportHash: string
    const url = data.originalFileUrl ?? null
    recordingsPending.delete(data.taskId)
    if (found.draft) {
      exportHash = exportHashes.now(data)
      recordings.set(data.taskId, entryFor(origin, data.taskId, url, data, exportHash))
    } else {
      const later = exportHashes.later(data)
      exportHash = later.standIn
      if (origin === 'file') {
        recordings.delete(data.taskId)
        const keyed = later.hash.then((hash) => void recordings.set(data.taskId, entryFor(origin, data.taskId, url, data, hash)))
        recordingsPending.set(data.taskId, keyed)
        void keyed.finally(() => recordingsPending.get(data.taskId) === keyed && recordingsPending.delete(data.taskId))
      } else recordings.set(data.taskId, entryFor(origin, data.taskId, url, data))
    }
    const draft: OpenedTranscript['draft'] = found.draft
      ? { savedAt: found.draft.savedAt, comparison: found.draft.exportHash === exportHash ? 'same-export' : 'export-changed' }
      : null
    if (found.problem) keptDrafts.set(data.taskId, found.problem.keptAt)
    const draftProblem = found.problem ? { message: found.problem.message, keptAt: found.problem.keptAt } : null
    // The words go in columns: half the reply, and the renderer's longest task while opening (packed-words.ts).
    const packed = packWords(data)
    return packed ? { origin, fileName, data: packed.data, packedWords: packed.words, exportHash, draft, draftProblem } : { origin, fileName, data, exportHash, draft, draftProblem }
  }

  function mediaState(status: MediaStatus, entry: OpenedEntry): MediaState {
    if (status.status === 'expired' || status.status === 'missing' || status.status === 'none') {
      return entry.source === 'api' ? { status: status.status, canRefresh: true } : { status: status.status }
    }
    if (status.status !== 'ready') return status
    return {
      status: 'ready',
      // The version changes with the file (a new attachment), so the player reloads instead of
      // reusing what it buffered from the previous one.
      url: platform.mediaUrl(`/media/${entry.key}?v=${status.size.toString(36)}-${status.source}`),
      contentType: status.contentType,
      size: status.size,
      source: status.source,
      isVideo: videoTypes.test(status.contentType)
    }
  }

  /** Downloads (or joins the download of) an entry's recording, with progress to the renderer. */
  function downloadRecording(taskId: number, entry: OpenedEntry): Promise<MediaStatus> {
    // Cancellable by `media:cancelDownload` (the reviewer's Cancel beside the progress).
    return downloadCancels.run(taskId, (signal) =>
      media.resolve(entry.key, entry.url, {
        signal,
        onProgress: ({ receivedBytes, totalBytes }) =>
          platform.sendProgress({ taskId, phase: 'download', fraction: totalBytes ? receivedBytes / totalBytes : null, receivedBytes, totalBytes })
      })
    )
  }

  /** Remembers and opens a fetched transcript export. */
  async function openTranscriptData(ref: TaskRefOf, data: TranscriptExport): Promise<OpenedTranscript> {
    await tasks.remember({
      taskId: data.taskId,
      externalId: data.externalId ?? ('externalId' in ref ? ref.externalId : null),
      name: data.displayName ?? `Task ${data.taskId}`,
      kind: 'transcript',
      openedAt: ports.now()
    })
    return opened('api', null, data)
  }

  /** Fetches, remembers and opens a document task. */
  async function openDocumentTask(ref: TaskRefOf, signal: AbortSignal): Promise<OpenedDocument> {
    const data = await tasks.getDocumentExport(ref, signal)
    documentEntries.set(data.taskId, entryFor('api', data.taskId, data.originalFileUrl ?? null, data))
    await tasks.remember({
      taskId: data.taskId,
      externalId: data.externalId ?? ('externalId' in ref ? ref.externalId : null),
      name: data.displayName ?? `Document ${data.taskId}`,
      kind: 'document',
      openedAt: ports.now()
    })
    return { origin: 'api' as const, fileName: null, data }
  }

  /**
   * A task of unknown kind (docs/api.md "Transcript or document task"): the transcript export
   * first; a clear "not a transcript" (not found or refused there, or a document's body) tries
   * the document export, and when that fails too the transcript's error is the one reported.
   */
  async function openEither(ref: TaskRefOf, signal: AbortSignal): Promise<OpenedEither> {
    let data: TranscriptExport
    try {
      data = await tasks.getTranscriptExport(ref, signal)
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'not_found' && error.code !== 'bad_request')) throw error
      try {
        return { kind: 'document', document: await openDocumentTask(ref, signal) }
      } catch (second) {
        if (second instanceof AppError && (second.code === 'not_found' || second.code === 'bad_request')) throw error
        throw second
      }
    }
    if (isDocumentReadAsTranscript(data)) return { kind: 'document', document: await openDocumentTask(ref, signal) }
    return { kind: 'transcript', transcript: await openTranscriptData(ref, data) }
  }

  return {
    ...createWorkflowHandlers(ports.workflow, drafts, ports.now),
    ...createReviewStateHandlers(reviewState),
    ...createFinishHandlers({ setting: ports.workflow.finish, chooseFolder: platform.chooseFolder?.bind(platform) }),
    'app:info': () => platform.info,
    'app:startupNotices': () => (ports.startupNotices ?? []).splice(0),
    'app:setUnsaved': ({ unsaved }) => platform.setUnsaved(unsaved),
    'app:setLanguage': ({ preference }) => platform.setLanguage?.(preference),
    'auth:status': () => auth.status(),
    'auth:signIn': (request) => auth.signIn(request),
    'auth:signOut': () => auth.signOut(),
    'auth:testConnection': (request) => auth.testConnection(request),
    'settings:get': () => settings.get(),
    'settings:setRequestTimeout': ({ seconds }) => settings.setRequestTimeout(seconds),
    'tasks:openTranscript': ({ ref, requestId }) => cancellable(requestId, async (signal) => openTranscriptData(ref, await tasks.getTranscriptExport(ref, signal))),
    'tasks:openDocument': ({ ref, requestId }) => cancellable(requestId, (signal) => openDocumentTask(ref, signal)),
    'tasks:openEither': ({ ref, requestId }) => cancellable(requestId, (signal) => openEither(ref, signal)),
    'documents:openFile': async () => {
      const path = await platform.chooseExportFile()
      if (!path) return null
      const data = parseDocumentExportText(await readFile(path, 'utf8'), basename(path))
      documentEntries.set(data.taskId, entryFor('file', data.taskId, data.originalFileUrl ?? null, data))
      return { origin: 'file' as const, fileName: basename(path), data }
    },
    'documents:resolveFile': async ({ taskId, allowHost }): Promise<DocumentFileState> => {
      const entry = openedEntry(documentEntries, taskId, 'Document task')
      const ready = (file: { contentType: string; size: number }): DocumentFileState => ({
        status: 'ready',
        url: platform.mediaUrl(`/document/${entry.key}`),
        contentType: file.contentType,
        size: file.size
      })
      const cached = await documentFiles.cached(entry.key)
      if (cached) return ready(cached)
      const ask = consent(entry, allowHost)
      if (ask) return ask
      const status = await documentFiles.resolve(entry.key, entry.url)
      return status.status === 'ready' ? ready(status) : status
    },
    'files:save': async ({ suggestedName, content, filter }) => {
      const path = await platform.chooseSavePath(suggestedName, filter)
      if (!path) return null
      const data = typeof content === 'string' ? content : Buffer.from(content.base64, 'base64')
      try {
        await writeFileAtomic(path, data)
      } catch (error) {
        throw new AppError('io', `Could not write ${basename(path)}: ${await fsErrorCause(error, path)}.`, { cause: error, reason: 'write_failed', params: { path } })
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
      const result = await opened('sample', file.fileName, file.data)
      const key = (await recordingOf(file.data.taskId)).key
      if (!(await media.localMedia(key))) await media.attachLocalFile(key, platform.sampleMediaPath)
      return result
    },
    'media:resolve': async ({ taskId, allowHost }) => {
      const entry = await recordingOf(taskId)
      const local = await media.localMedia(entry.key)
      // The decode workers start (and compile the decoder) while the recording resolves or the reviewer picks one.
      void peaks.prewarm(local?.path ?? null, entry.key)
      if (local) return mediaState(local, entry)
      const ask = consent(entry, allowHost)
      if (ask) return ask
      return mediaState(await downloadRecording(taskId, entry), entry)
    },
    'media:refreshLink': async ({ taskId }) => {
      const entry = await recordingOf(taskId)
      if (entry.source !== 'api') throw new AppError('bad_request', 'Only a task opened from the server can get a fresh link; attach the recording instead.')
      const data = await tasks.getTranscriptExport({ taskId }, new AbortController().signal)
      if (data.taskId !== taskId) throw new AppError('invalid_response', `The server answered with task ${data.taskId} instead of ${taskId}.`)
      entry.url = data.originalFileUrl ?? null
      return mediaState(await downloadRecording(taskId, entry), entry)
    },
    'media:cancelDownload': ({ taskId }) => {
      downloadCancels.cancel(taskId)
    },
    'media:attach': async ({ taskId }) => {
      const entry = await recordingOf(taskId)
      const path = await platform.chooseMediaFile()
      if (!path) return null
      const attached = await media.attachLocalFile(entry.key, path)
      // The peaks start now; the renderer's media:peaks joins them.
      void startPeaks(taskId, entry.key, attached.path, platform.mediaUrl(`/peaks/${entry.key}`))
      return mediaState(attached, entry)
    },
    'media:peaks': async ({ taskId }) => {
      const entry = await recordingOf(taskId)
      const file = await media.localMedia(entry.key)
      if (!file) throw new AppError('not_found', 'The recording is not available yet.', { reason: 'recording_not_ready' })
      return startPeaks(taskId, entry.key, file.path, platform.mediaUrl(`/peaks/${entry.key}`))
    },
    'media:release': ({ taskId }) => {
      startPeaks.release(taskId)
    },
    'drafts:load': async ({ taskId }) => {
      const draft = await drafts.load<unknown>(taskId)
      return draft ? { taskId, exportHash: draft.exportHash, savedAt: draft.savedAt, document: draft.document } : null
    },
    'drafts:save': async ({ taskId, exportHash, document }) => {
      const saved = await drafts.save(taskId, await exportHashes.resolve(exportHash), document, {})
      return { savedAt: saved.savedAt, revision: saved.revision }
    },
    'drafts:patch': async ({ taskId, exportHash, base, patch }) => drafts.patch(taskId, await exportHashes.resolve(exportHash), base, patch),
    'drafts:discard': async ({ taskId }) => {
      if (taskId !== openTaskId) throw new AppError('bad_request', `Task ${taskId} is not the open task; its draft was kept.`)
      await drafts.discard(taskId)
      await reviewState.discard(taskId)
    },
    'drafts:showKept': async ({ taskId }) => {
      const path = keptDrafts.get(taskId)
      if (!path) throw new AppError('not_found', `No unreadable draft was kept for task ${taskId}.`)
      if (!platform.showItemInFolder) throw new AppError('bad_request', `The kept draft is at ${path}.`)
      platform.showItemInFolder(path)
    }
  }
}
