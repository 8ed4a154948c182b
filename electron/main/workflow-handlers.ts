import { AppError, toErrorData } from '../../shared/errors'
import { draftSpeakersOf, mergesOf, type DraftSpeaker, type SpeakerMerge } from '../../shared/api/speakers'
import type { TranscriptModel } from '../../shared/transcript/model'
import type { PlatformClient } from '../services/api/platform-client'
import type { InboxCache } from '../services/api/inbox-cache'
import { applySpeakerPlan, planSpeakers } from '../services/api/speaker-sync'
import type { ReviewStatusSetting } from '../services/settings/review-status-setting'
import type { FinishSetting } from '../services/settings/finish-setting'
import type { DraftStore } from '../services/drafts/draft-store'
import type { IpcHandlers } from './ipc-dispatcher'
import type { DraftSummaryRow } from '../../shared/ipc/contract'

/*
 * Handlers of the platform workflow's channels (inbox, speakers preview, Mark as reviewed),
 * kept apart from app-handlers.ts. Electron-free like the rest of the handlers.
 */

/** What the workflow handlers are built from. */
export interface WorkflowServices {
  readonly platform: PlatformClient
  readonly inbox: InboxCache
  readonly reviewStatus: ReviewStatusSetting
  /** Finish review's formats and folder (finish-handlers.ts). */
  readonly finish: FinishSetting
  /** The base URL the session's requests go to (the offline copy is kept per base URL). */
  readonly baseUrl: () => string
}

/** The workflow's channels. */
export type WorkflowChannel = 'workspaces:list' | 'tasks:list' | 'tasks:lookup' | 'speakers:plan' | 'speakers:workspace' | 'speakers:apply' | 'tasks:markReviewed' | 'settings:getReviewStatus' | 'settings:setReviewStatus' | 'drafts:summaries'

/** A failure that an offline copy can stand in for: the server could not be reached or answer. */
function isOffline(code: string): boolean {
  return code === 'network' || code === 'timeout' || code === 'server'
}

/** A task's draft as the inbox row shows it; null when there is none or it cannot be read (opening the task reports that). */
async function draftSummary(drafts: DraftStore, taskId: number): Promise<DraftSummaryRow | null> {
  const draft = await drafts.load<Partial<TranscriptModel>>(taskId).catch(() => null)
  if (!draft) return null
  const segments = Array.isArray(draft.document?.segments) ? draft.document.segments : []
  const reviewed = segments.filter((s) => (s as { reviewed?: unknown } | null)?.reviewed === true).length
  return { taskId, savedAt: draft.savedAt, reviewedPercent: segments.length === 0 ? null : Math.floor((reviewed * 100) / segments.length) }
}

/** Builds the workflow's handlers. */
export function createWorkflowHandlers(w: WorkflowServices, drafts: DraftStore, now: () => number): Pick<IpcHandlers, WorkflowChannel> {
  /** The open draft's speakers from the request, else from the saved draft of the task. */
  async function draftSpeakers(taskId: number, speakers?: readonly DraftSpeaker[], merges?: readonly SpeakerMerge[]): Promise<{ speakers: readonly DraftSpeaker[]; merges: readonly SpeakerMerge[] }> {
    if (speakers) return { speakers, merges: merges ?? [] }
    const saved = await drafts.load<TranscriptModel>(taskId)
    const model = saved?.document
    if (!model || !Array.isArray(model.speakers) || !Array.isArray(model.segments)) throw new AppError('not_found', `There is no saved draft of task ${taskId} to take speakers from; open the task first`, { reason: 'no_saved_draft', params: { task: taskId } })
    return { speakers: draftSpeakersOf(model), merges: merges ?? mergesOf(model) }
  }

  return {
    'workspaces:list': () => w.platform.listWorkspaces(),
    'tasks:list': async ({ filters, page, pageSize }) => {
      const baseUrl = w.baseUrl()
      try {
        const result = await w.platform.listTasks(filters, page, pageSize)
        const asOf = now()
        await w.inbox.save({ baseUrl, asOf, filters, page: result }).catch(() => undefined)
        return { ...result, asOf, offline: false }
      } catch (error) {
        const data = toErrorData(error)
        const cached = isOffline(data.code) ? await w.inbox.load(baseUrl) : null
        if (!cached) throw error
        return { ...cached.page, asOf: cached.asOf, offline: true, offlineReason: data.message, cachedFor: { filters: cached.filters, page: cached.page.page } }
      }
    },
    'tasks:lookup': ({ ref }) => w.platform.lookupTask(ref),
    'speakers:plan': async ({ taskId, workspaceId, speakers, merges }) => {
      const draft = await draftSpeakers(taskId, speakers, merges)
      const workspace = workspaceId ?? (await w.platform.lookupTask({ taskId })).workspaceId
      if (workspace === null) throw new AppError('invalid_response', `The server did not say which workspace task ${taskId} is in`, { reason: 'no_workspace', params: { task: taskId } })
      const plan = await planSpeakers(w.platform, taskId, workspace, draft.speakers, draft.merges)
      // The workspace list only helps the preview: a failure to read it must not block sending.
      const list = await w.platform.getWorkspaceSpeakers(workspace).catch(() => null)
      return { plan, workspaceSpeakers: list?.map(({ speakerId, name, prefix, suffix }) => ({ speakerId, name, prefix, suffix })) ?? null }
    },
    'speakers:workspace': async ({ workspaceId }) => {
      // A pick list is a help, never a blocker: no route, no right or an unreadable answer is "none", said quietly.
      try {
        const list = await w.platform.getWorkspaceSpeakers(workspaceId)
        if (list === null) return { speakers: null, note: 'This server has no workspace speaker list' }
        return { speakers: list.map(({ speakerId, name, prefix, suffix }) => ({ speakerId, name, prefix, suffix })), note: null }
      } catch (error) {
        const data = toErrorData(error)
        if (data.code === 'unauthorized') return { speakers: null, note: 'This account may not read the workspace speaker list' }
        if (data.code === 'invalid_response') return { speakers: null, note: 'The workspace speaker list could not be read' }
        throw error
      }
    },
    'speakers:apply': ({ plan }) => applySpeakerPlan(w.platform, plan),
    'tasks:markReviewed': ({ ref, value }) => w.platform.markReviewed(ref, value ?? w.reviewStatus.get()),
    'settings:getReviewStatus': () => ({ value: w.reviewStatus.get() }),
    'settings:setReviewStatus': async ({ value }) => ({ value: await w.reviewStatus.set(value) }),
    'drafts:summaries': async ({ taskIds }) => {
      const rows = await Promise.all([...new Set(taskIds)].map((taskId) => draftSummary(drafts, taskId)))
      return rows.filter((row): row is DraftSummaryRow => row !== null)
    }
  }
}
