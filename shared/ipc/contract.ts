import { z } from 'zod'
import type { ErrorParams, ErrorReason } from '../error-reasons'
import { languagePreferences } from '../i18n/locales'
import { finishFileNameSchema, finishFormatsSchema, type FinishSettings } from '../review/finish/finish-settings'
import type { TranscriptExport } from '../api/transcript-export'
import type { DocumentExport } from '../api/document-export'
import type { PackedWords } from './packed-words'
import type { EventChannelName, InvokeChannelName } from './channels'
import { eventChannelNames, invokeChannelNames } from './channels'
import type { TaskListItem, WorkspaceItem } from '../api/task-list'
import type { SpeakerApplyResult } from '../api/speaker-result'
import { reviewStatusValue, speakerApplyRequest, speakerPlanRequest, taskListRequest, type SpeakerPlanReply, type TaskListReply } from './workflow-schemas'
import { workspaceSpeakersRequest, type WorkspaceSpeakersReply } from './workflow-schemas'
import { badTokenCharsMessage, hasControlChars, isHeaderSafeToken, stripBearer } from '../api/credential-chars'
import { reviewStateBodySchema, type ReviewStateBody } from '../review/review-state'

/*
 * The one IPC contract. Channel names (`domain:verb`), the runtime schema of every request that
 * enters main, and the reply type. Main's handlers and preload's methods derive their types from
 * this file and never restate them (docs/architecture.md#the-ipc-boundary).
 *
 * Replies are typed with `reply<T>()`: a phantom marker, because main produces them (the trusted
 * side); requests get real schemas because they come from the renderer (the untrusted side).
 */

/** Phantom type marker for a reply produced by main. */
function reply<T>(): T {
  return undefined as unknown as T
}

const taskRef = z.union([
  z.object({ taskId: z.number().int().positive() }).strict(),
  z.object({ externalId: z.string().trim().min(1).max(200) }).strict()
])

const signInRequest = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('client-credentials'),
    clientId: z.string().trim().min(1).max(500).refine((v) => !hasControlChars(v), 'The Client ID contains a line break or control character'),
    clientSecret: z.string().min(1).max(2000).refine((v) => !hasControlChars(v.trim()), 'The Client Secret contains a line break or control character'),
    baseUrl: z.string().url().max(500).optional()
  }).strict(),
  z.object({
    mode: z.literal('token'),
    // Checked here so a token that could break the Authorization header never enters main.
    accessToken: z.string().trim().min(1).max(10_000).refine((v) => isHeaderSafeToken(stripBearer(v)), badTokenCharsMessage),
    baseUrl: z.string().url().max(500).optional()
  }).strict()
])

/** What the renderer may know about the session: never a token or secret. */
export interface AuthStatus {
  readonly signedIn: boolean
  readonly mode: 'client-credentials' | 'token' | null
  readonly expiresAt: number | null
  readonly baseUrl: string
  /** False when the OS offers no encryption and credentials live only in memory for this session. */
  readonly persisted: boolean
}

/** How long an API request may take, in whole seconds: the settings field's range and default. */
export const requestTimeoutLimits = { minSeconds: 5, maxSeconds: 600, defaultSeconds: 30 } as const

/**
 * The largest draft main writes, serialised: a 6-hour task's draft (three times the 2-hour
 * hearing fixture, 2,514 segments) is 26.1 MB, so 64 MiB leaves room for heavy edits while a
 * runaway or hostile page cannot fill the disk through autosave.
 */
export const draftMaxBytes = 64 * 1024 * 1024

/** Segment ids and top-level field names in a draft patch: far above any real transcript (2,514 segments at 6 hours). */
const patchIds = z.array(z.string().min(1).max(200)).max(500_000)

/** A `drafts:patch` request; its serialised size is capped by `draftMaxBytes` in the draft store. */
const draftPatchRequest = z.object({
  taskId: z.number().int(),
  exportHash: z.string().min(1).max(200),
  base: z.string().min(1).max(100),
  patch: z.object({
    set: z.record(z.string().max(200), z.unknown()),
    unset: patchIds,
    segments: z.object({ changed: z.array(z.record(z.string(), z.unknown())).max(500_000), removed: patchIds, order: patchIds.optional() }).strict().optional()
  }).strict()
}).strict()

/** The reviewer's API settings (the base URL also comes with the sign-in status). */
export interface ApiSettings {
  readonly baseUrl: string
  /** Seconds each API request may take before it fails with `timeout`. */
  readonly requestTimeoutSeconds: number
}

/** Facts about the running app for the About box and the status bar. */
export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly platform: string
  /** Where the log is written (null: nowhere), and why when that is not the usual folder; for diagnostics. */
  readonly logging?: { readonly folder: string | null; readonly note: string | null }
}

/** Something that went wrong at start-up and was recovered from, said once to the reviewer. */
export interface StartupNotice {
  readonly message: string
}

/** A task's draft file that could not be read, said on opening (the task opens from the export). */
export interface DraftProblem {
  readonly message: string
  /** Where the unreadable file is now (moved aside, or left in place when it could not be moved). */
  readonly keptAt: string
}

/** A recently opened task, for the open-task dialog. */
export interface RecentTask {
  readonly taskId: number | null
  readonly externalId: string | null
  readonly name: string
  readonly kind: 'transcript' | 'document'
  readonly openedAt: number
}

/** A task's local draft as the inbox shows it. */
export interface DraftSummaryRow {
  readonly taskId: number
  readonly savedAt: number
  /** Whole percent of segments marked reviewed; null when the draft holds no segments. */
  readonly reviewedPercent: number | null
}

/** A draft kept for a task, as offered when the task is opened again. */
export interface DraftOffer {
  readonly savedAt: number
  /** 'export-changed': the server's export changed since the draft began (both are kept). */
  readonly comparison: 'same-export' | 'export-changed'
}

/** A transcript export opened from the API, a file or the bundled sample. */
export interface OpenedTranscript {
  readonly origin: 'api' | 'file' | 'sample'
  readonly fileName: string | null
  readonly data: TranscriptExport
  /** Stable hash of `data` (drafts are keyed by it). */
  readonly exportHash: string
  /** A saved draft for this task, if there is one. */
  readonly draft: DraftOffer | null
  /** Set when the task's draft file was unreadable (then `draft` is null). */
  readonly draftProblem?: DraftProblem | null
  /**
   * Set in main's reply: the words of `data` in columns, its lists left empty (packed-words.ts,
   * issue 21); the renderer's task store puts them back (`unpackOpened`) as the reply arrives.
   */
  readonly packedWords?: PackedWords
}

/**
 * Where the task's recording stands. `url` plays it (a custom protocol in the app, loopback in
 * tests) with Range support. 'none' | 'expired' | 'missing' lead to the "attach the recording"
 * prompt (`canRefresh`: the task came from the server, so "Get a fresh link" can ask it again).
 * 'confirm': the export was opened from a file and its link points at `host`; nothing is fetched
 * until the reviewer agrees (`media:resolve` with `allowHost`) or attaches a file instead.
 */
export type MediaState =
  | { readonly status: 'ready'; readonly url: string; readonly contentType: string; readonly size: number; readonly source: 'download' | 'cache' | 'local'; readonly isVideo: boolean }
  | { readonly status: 'none' | 'expired' | 'missing'; readonly canRefresh?: boolean }
  | { readonly status: 'confirm'; readonly host: string }
  | { readonly status: 'error'; readonly code: string; readonly message: string; readonly reason?: ErrorReason; readonly params?: ErrorParams }

/** Waveform peaks metadata; the min/max pairs themselves are fetched as binary from `url`. */
export type PeaksState =
  | { readonly status: 'ready'; readonly url: string; readonly length: number; readonly peaksPerSecond: number; readonly durationMs: number; readonly fromCache: boolean }
  | { readonly status: 'unsupported'; readonly reason: string }
  | { readonly status: 'error'; readonly code: string; readonly message: string; readonly reason?: ErrorReason; readonly params?: ErrorParams }

/** Progress of a long main-process job, for a progress bar. */
export interface MediaProgressEvent {
  readonly taskId: number
  readonly phase: 'download' | 'peaks'
  /** 0..1, or null when the total is unknown. */
  readonly fraction: number | null
  /** Downloads: bytes so far and the total when known. */
  readonly receivedBytes?: number
  readonly totalBytes?: number | null
  /**
   * Peaks being decoded: where to read the peaks so far (the `media:peaks` reply's `url`, whose
   * `?levels` and ranges answer them while the decode runs), the buckets of the detail level
   * decoded so far and its total. Absent until main has the first buckets, and for a cached file.
   */
  readonly peaksUrl?: string
  readonly bucketsDone?: number
  readonly buckets?: number
}

/** A document task export opened from the API or a file. */
export interface OpenedDocument {
  readonly origin: 'api' | 'file'
  readonly fileName: string | null
  readonly data: DocumentExport
}

/** `tasks:openEither`: what a task of unknown kind turned out to be, opened. */
export type OpenedEither = { readonly kind: 'transcript'; readonly transcript: OpenedTranscript } | { readonly kind: 'document'; readonly document: OpenedDocument }

/** Where a document task's original file (PDF or image) stands; `url` serves it; 'confirm' as for MediaState. */
export type DocumentFileState =
  | { readonly status: 'ready'; readonly url: string; readonly contentType: string; readonly size: number }
  | { readonly status: 'none' | 'expired' | 'missing' | 'unsupported' }
  | { readonly status: 'confirm'; readonly host: string }
  | { readonly status: 'error'; readonly code: string; readonly message: string; readonly reason?: ErrorReason; readonly params?: ErrorParams }

/** A task's review-state sidecar as the renderer gets it: the state, or why the file was set aside. */
export interface ReviewStateLoaded {
  readonly state: (ReviewStateBody & { readonly savedAt: number }) | null
  readonly problem: DraftProblem | null
}

/** A saved draft as the renderer gets it back. */
export interface DraftDocument {
  readonly taskId: number
  readonly exportHash: string
  readonly savedAt: number
  readonly document: unknown
}

/** Invoke channels: renderer → main, one reply each. */
export const invokeContract = {
  'app:info': { request: z.undefined(), reply: reply<AppInfo>() },
  // What start-up recovered from (a reset settings file, no log folder); each is handed out once.
  'app:startupNotices': { request: z.undefined(), reply: reply<readonly StartupNotice[]>() },
  'auth:status': { request: z.undefined(), reply: reply<AuthStatus>() },
  'auth:signIn': { request: signInRequest, reply: reply<AuthStatus>() },
  'auth:signOut': { request: z.undefined(), reply: reply<AuthStatus>() },
  // With credentials: checks them without signing in; without: checks the current session.
  'auth:testConnection': { request: signInRequest.optional(), reply: reply<{ readonly expiresAt: number | null }>() },
  'settings:get': { request: z.undefined(), reply: reply<ApiSettings>() },
  'settings:setRequestTimeout': {
    request: z.object({ seconds: z.number().int().min(requestTimeoutLimits.minSeconds).max(requestTimeoutLimits.maxSeconds) }).strict(),
    reply: reply<ApiSettings>()
  },
  'tasks:openTranscript': {
    request: z.object({ ref: taskRef, requestId: z.string().min(1).max(100) }).strict(),
    reply: reply<OpenedTranscript>()
  },
  'tasks:cancel': { request: z.object({ requestId: z.string().min(1).max(100) }).strict(), reply: reply<void>() },
  'tasks:recent': { request: z.undefined(), reply: reply<readonly RecentTask[]>() },
  'files:openExport': { request: z.undefined(), reply: reply<OpenedTranscript | null>() },
  'sample:open': { request: z.undefined(), reply: reply<OpenedTranscript>() },
  // allowHost: the reviewer agreed to fetch an opened file's recording from this host.
  'media:resolve': { request: z.object({ taskId: z.number().int(), allowHost: z.string().min(1).max(300).optional() }).strict(), reply: reply<MediaState>() },
  // Asks the server for the task's export again and downloads from its fresh originalFileUrl.
  'media:refreshLink': { request: z.object({ taskId: z.number().int() }).strict(), reply: reply<MediaState>() },
  'media:attach': { request: z.object({ taskId: z.number().int() }).strict(), reply: reply<MediaState | null>() },
  // Stops the task's recording download under way (its media:resolve / media:refreshLink answer 'error' with code 'cancelled').
  'media:cancelDownload': { request: z.object({ taskId: z.number().int() }).strict(), reply: reply<void>() },
  'media:peaks': { request: z.object({ taskId: z.number().int() }).strict(), reply: reply<PeaksState>() },
  // The task's recording is no longer shown (the task closed): its peaks computation is cancelled, its decode workers stopped.
  'media:release': { request: z.object({ taskId: z.number().int() }).strict(), reply: reply<void>() },
  'drafts:load': { request: z.object({ taskId: z.number().int() }).strict(), reply: reply<DraftDocument | null>() },
  'drafts:save': {
    // The document is the renderer's editing model; it is stored as JSON, never interpreted by main.
    request: z.object({ taskId: z.number().int(), exportHash: z.string().min(1).max(200), document: z.record(z.string(), z.unknown()) }).strict(),
    reply: reply<{ readonly savedAt: number; readonly revision: string }>()
  },
  // What changed since revision `base` (shared/transcript/model-patch.ts), appended to the draft's
  // journal in main; refused with `conflict` when main does not hold `base` (then save in full).
  'drafts:patch': { request: draftPatchRequest, reply: reply<{ readonly savedAt: number; readonly revision: string }>() },
  'drafts:discard': { request: z.object({ taskId: z.number().int() }).strict(), reply: reply<void>() },
  // Shows the unreadable draft file kept for a task in the file manager (main knows the path).
  'drafts:showKept': { request: z.object({ taskId: z.number().int() }).strict(), reply: reply<void>() },
  'app:setUnsaved': { request: z.object({ unsaved: z.boolean() }).strict(), reply: reply<void>() },
  /** The reviewer's language preference, so the menu and native dialogs follow the page. */
  'app:setLanguage': { request: z.object({ preference: z.enum(languagePreferences) }).strict(), reply: reply<void>() },
  'tasks:openDocument': {
    request: z.object({ ref: taskRef, requestId: z.string().min(1).max(100) }).strict(),
    reply: reply<OpenedDocument>()
  },
  // A listed task whose kind is unknown: the transcript export first, the document one on a clear "not a transcript".
  'tasks:openEither': {
    request: z.object({ ref: taskRef, requestId: z.string().min(1).max(100) }).strict(),
    reply: reply<OpenedEither>()
  },
  'documents:openFile': { request: z.undefined(), reply: reply<OpenedDocument | null>() },
  'documents:resolveFile': { request: z.object({ taskId: z.number().int(), allowHost: z.string().min(1).max(300).optional() }).strict(), reply: reply<DocumentFileState>() },
  'files:save': {
    // Asks where to save (the system dialog asks before replacing a file) and writes atomically.
    request: z.object({
      suggestedName: z.string().min(1).max(255).regex(/^[^/\\\0]+$/, 'a file name, not a path'),
      content: z.union([z.string().max(512 * 1024 * 1024), z.object({ base64: z.string().max(700 * 1024 * 1024) }).strict()]),
      filter: z.object({ name: z.string().min(1).max(100), extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).min(1).max(10) }).strict()
    }).strict(),
    reply: reply<{ readonly path: string } | null>()
  },
  // The platform workflow (workflow-schemas.ts; docs/api.md "Listing, speakers and review status").
  'workspaces:list': { request: z.undefined(), reply: reply<readonly WorkspaceItem[]>() },
  'tasks:list': { request: taskListRequest, reply: reply<TaskListReply>() },
  'tasks:lookup': { request: z.object({ ref: taskRef }).strict(), reply: reply<TaskListItem>() },
  'speakers:plan': { request: speakerPlanRequest, reply: reply<SpeakerPlanReply>() },
  'speakers:workspace': { request: workspaceSpeakersRequest, reply: reply<WorkspaceSpeakersReply>() },
  'speakers:apply': { request: speakerApplyRequest, reply: reply<SpeakerApplyResult>() },
  'tasks:markReviewed': {
    request: z.object({ ref: taskRef, value: reviewStatusValue.optional() }).strict(),
    reply: reply<{ readonly value: string; readonly path: string }>()
  },
  'settings:getReviewStatus': { request: z.undefined(), reply: reply<{ readonly value: string }>() },
  'settings:setReviewStatus': { request: z.object({ value: reviewStatusValue }).strict(), reply: reply<{ readonly value: string }>() },
  // What the app keeps locally for the inbox's rows: a draft and how much of it is reviewed.
  'drafts:summaries': { request: z.object({ taskIds: z.array(z.number().int().positive()).max(100) }).strict(), reply: reply<readonly DraftSummaryRow[]>() },
  // The review-state sidecar (shared/review/review-state.ts): coverage and time spent, not edits.
  'reviewState:load': { request: z.object({ taskId: z.number().int() }).strict(), reply: reply<ReviewStateLoaded>() },
  'reviewState:save': { request: z.object({ taskId: z.number().int(), state: reviewStateBodySchema }).strict(), reply: reply<{ readonly savedAt: number }>() },
  // Finish review (electron/main/finish-handlers.ts): formats + folder chosen once; files written into that folder.
  'finish:getSettings': { request: z.undefined(), reply: reply<FinishSettings>() },
  'finish:setFormats': { request: z.object({ formats: finishFormatsSchema }).strict(), reply: reply<FinishSettings>() },
  'finish:chooseFolder': { request: z.undefined(), reply: reply<FinishSettings | null>() },
  'finish:saveFile': {
    request: z.object({ name: finishFileNameSchema, content: z.union([z.string().max(512 * 1024 * 1024), z.object({ base64: z.string().max(700 * 1024 * 1024) }).strict()]) }).strict(),
    reply: reply<{ readonly path: string }>()
  }
} as const satisfies Record<InvokeChannelName, { request: z.ZodType; reply: unknown }>

/** Events: main → renderer, no reply. */
export const eventContract = {
  'menu:command': reply<MenuCommand>(),
  'auth:changed': reply<AuthStatus>(),
  'media:progress': reply<MediaProgressEvent>()
} as const satisfies Record<EventChannelName, unknown>

/** Commands the application menu sends to the renderer. */
export type MenuCommand =
  | 'open-task'
  | 'open-file'
  | 'open-sample'
  | 'sign-in'
  | 'export'
  | 'undo'
  | 'redo'
  | 'find'
  | 'toggle-document-pane'
  | 'shortcuts'
  | 'close-task'

/** Every invoke channel name. */
export type InvokeChannel = keyof typeof invokeContract
/** Every event channel name. */
export type EventChannel = keyof typeof eventContract
/** The request payload type of a channel, as the renderer sends it. */
export type RequestOf<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>
/** The request payload type of a channel after validation in main. */
export type ValidRequestOf<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['request']>
/** The reply value type of a channel. */
export type ReplyOf<C extends InvokeChannel> = (typeof invokeContract)[C]['reply']
/** The payload type of an event. */
export type EventOf<E extends EventChannel> = (typeof eventContract)[E]

// Both directions of the check: channels.ts lists exactly the contract's keys.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _invokeNamesMatch: Same<InvokeChannel, InvokeChannelName> = true
const _eventNamesMatch: Same<EventChannel, EventChannelName> = true
void _invokeNamesMatch
void _eventNamesMatch

/** The invoke channel names, as a runtime list (preload builds its methods from it). */
export const invokeChannels: readonly InvokeChannel[] = invokeChannelNames
/** The event channel names, as a runtime list. */
export const eventChannels: readonly EventChannel[] = eventChannelNames

/** True when `name` is a channel in the contract (main rejects anything else). */
export function isInvokeChannel(name: string): name is InvokeChannel {
  return Object.prototype.hasOwnProperty.call(invokeContract, name)
}
