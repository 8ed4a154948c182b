import { z } from 'zod'
import type { SpeakerPlan } from '../api/speakers'
import type { TaskListFilters, TaskPage } from '../api/task-list'
import { maxPageSize } from '../api/task-list'

/*
 * Request schemas and reply types of the platform workflow's channels (inbox, speakers preview,
 * Mark as reviewed). The renderer is untrusted: every field is bounded here.
 */

const id = z.number().int().positive()
const isoDate = z.string().max(40).refine((v) => !Number.isNaN(Date.parse(v)), 'a date (ISO-8601)')
const speakerText = z.string().max(200)
const speakerId = z.string().trim().min(1).max(200)

/** The inbox filters. */
export const taskListFiltersSchema = z.object({
  workspaceIds: z.array(id).max(50).optional(),
  taskStatuses: z.array(z.number().int().min(0).max(10_000)).max(50).optional(),
  integrationStatuses: z.array(z.number().int().min(0).max(10_000)).max(50).optional(),
  externalStatus: z.string().trim().min(1).max(32).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.string().regex(/^[A-Za-z][A-Za-z0-9 ]{0,40}$/).optional()
}).strict()

/** `tasks:list`: filters and a 1-based page. */
export const taskListRequest = z.object({
  filters: taskListFiltersSchema,
  page: z.number().int().min(1).max(100_000),
  pageSize: z.number().int().min(1).max(maxPageSize)
}).strict()

/** A draft speaker as the renderer sends it. */
const draftSpeaker = z.object({ id: speakerId, name: speakerText, prefix: speakerText, suffix: speakerText }).strict()

/** `speakers:plan`: the open draft's speakers (else the saved draft's) vs the server's. */
export const speakerPlanRequest = z.object({
  taskId: id,
  /** Looked up with the task status when not given. */
  workspaceId: id.optional(),
  speakers: z.array(draftSpeaker).max(500).optional(),
  merges: z.array(z.object({ fromId: speakerId, intoId: speakerId }).strict()).max(500).optional()
}).strict()

const platformSpeaker = z.object({ speakerId, name: speakerText, prefix: speakerText, suffix: speakerText, isDefault: z.boolean() }).strict()
const fields = z.array(z.enum(['name', 'prefix', 'suffix'])).max(3)

/** `speakers:apply`: a plan as `speakers:plan` returned it (main re-reads the server first). */
export const speakerApplyRequest = z.object({
  plan: z.object({
    taskId: id,
    workspaceId: id,
    unchanged: z.number().int().min(0),
    changes: z.array(z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('add'), speakerId, after: platformSpeaker }).strict(),
      z.object({ kind: z.literal('rename'), speakerId, before: platformSpeaker, after: platformSpeaker, fields }).strict(),
      z.object({ kind: z.literal('remove'), speakerId, before: platformSpeaker }).strict(),
      z.object({ kind: z.literal('merge'), speakerId, before: platformSpeaker, intoId: speakerId, intoName: speakerText }).strict()
    ])).max(1000)
  }).strict()
}).strict()

/** A review-status value: non-blank, at most 32 characters (smartdocumentor-api.md §7.2). */
export const reviewStatusValue = z.string().trim().min(1, 'The review status must not be empty').max(32, 'The review status may have at most 32 characters')

/** `tasks:list` reply: the page, plus where it came from. */
export interface TaskListReply extends TaskPage {
  /** When this page was fetched (epoch ms); older than now when it comes from the offline copy. */
  readonly asOf: number
  /** True when the server could not be reached and this is the last page shown. */
  readonly offline: boolean
  /** Why the server could not be reached (offline only). */
  readonly offlineReason?: string
  /** The filters and page the offline copy was fetched for (offline only; may differ from the request). */
  readonly cachedFor?: { readonly filters: TaskListFilters; readonly page: number }
}

/** `speakers:plan` reply: the plan (send it back as is to `speakers:apply`) and the workspace list when the server has one (for the preview). */
export interface SpeakerPlanReply {
  readonly plan: SpeakerPlan
  readonly workspaceSpeakers: readonly { readonly speakerId: string; readonly name: string; readonly prefix: string; readonly suffix: string }[] | null
}

/** `speakers:workspace`: the workspace's speaker list for the speaker menu's pick list. */
export const workspaceSpeakersRequest = z.object({ workspaceId: id }).strict()

/** `speakers:workspace` reply: the list, or none with a quiet reason (no such route, not allowed, unreadable). */
export interface WorkspaceSpeakersReply {
  readonly speakers: readonly { readonly speakerId: string; readonly name: string; readonly prefix: string; readonly suffix: string }[] | null
  readonly note: string | null
}
