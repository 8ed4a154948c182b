import type { WorkspaceItem } from './task-list'
import { notice, noticeText, type Notice } from '../i18n/notices'

/*
 * Which kind of task a listed task is, from its workspace (smartdocumentor-api.md §3.4, §5): each
 * workspace processes one task type, and the task list does not say which. The enum tables
 * (TaskType, TemplateType) were never retrieved, so numbers alone decide nothing; the decision,
 * in order (docs/api.md "Transcript or document task"):
 *  1. the workspace's template name: the "Transcripts" template is a transcript workspace; the
 *     documented document templates (invoices, receipts, anonymization, identification, layout,
 *     AI document understanding, custom template) are document workspaces;
 *  2. else a workspace of the same tenant whose template name decided, with the same `taskType`
 *     (then `templateType`) number, lends its kind — unless such peers disagree;
 *  3. else unknown, shown with its numbers; opening such a task tries the transcript export
 *     first and falls back to the document export on a clear "not a transcript" answer.
 */

/** What a task is, as far as the app can tell. */
export type TaskKind = 'transcript' | 'document' | 'unknown'

/** A kind and why (for a tooltip, `sdte list --json` and the docs' promise that unknown stays visible). */
export interface TaskKindInfo {
  readonly kind: TaskKind
  /** e.g. "workspace template “Invoices”", "workspace 12 is not listed" (English: `sdte list --json`). */
  readonly reason: string
  /** The same as a code and parameters, for the renderer's translation. */
  readonly notice: Notice
}

/** A kind and its reason, said in English from the notice. */
const because = (kind: TaskKind, n: Notice): TaskKindInfo => ({ kind, reason: noticeText(n), notice: n })

const transcriptTemplate = /transcri/i
// The document templates users can pick (§3.4), matched loosely: names vary in case and wording.
const documentTemplates = /invoice|receipt|anonymi[sz]ation|identification|layout|document understanding|^template\b|custom|document/i

function byName(name: string | null): 'transcript' | 'document' | null {
  if (!name) return null
  if (transcriptTemplate.test(name)) return 'transcript'
  if (documentTemplates.test(name)) return 'document'
  return null
}

function describe(ws: WorkspaceItem): Notice {
  const workspace = String(ws.workspaceId)
  const template = ws.templateName ? notice('task-kind.template-named', { name: ws.templateName }) : notice('task-kind.no-template-name')
  const taskType = ws.taskType != null ? String(ws.taskType) : null
  const templateType = ws.templateType != null ? String(ws.templateType) : null
  const numbers =
    taskType !== null && templateType !== null ? notice('task-kind.both-types', { taskType, templateType })
    : taskType !== null ? notice('task-kind.task-type', { value: taskType })
    : templateType !== null ? notice('task-kind.template-type', { value: templateType })
    : null
  return numbers ? notice('task-kind.described-numbers', { workspace, template, numbers }) : notice('task-kind.described', { workspace, template })
}

/** The kind of the tasks of `ws`, judged with the tenant's other workspaces (`all`). */
export function workspaceKind(ws: WorkspaceItem, all: readonly WorkspaceItem[]): TaskKindInfo {
  const named = byName(ws.templateName)
  if (named) return because(named, notice('task-kind.template', { name: ws.templateName ?? '' }))
  for (const field of ['taskType', 'templateType'] as const) {
    const value = ws[field]
    if (value == null) continue
    const peers = all.filter((p) => p.workspaceId !== ws.workspaceId && p[field] === value).map((p) => ({ p, kind: byName(p.templateName) }))
    const kinds = new Set(peers.map((x) => x.kind).filter((k) => k !== null))
    if (kinds.size !== 1) continue
    const peer = peers.find((x) => x.kind !== null)!.p
    const params = { value: String(value), workspace: String(peer.workspaceId), name: String(peer.templateName) }
    return because([...kinds][0]!, notice(field === 'taskType' ? 'task-kind.peer-task-type' : 'task-kind.peer-template-type', params))
  }
  return because('unknown', describe(ws))
}

/** The kind of a task in workspace `workspaceId`, given the tenant's workspaces (empty when they could not be read). */
export function taskKindOf(workspaceId: number | null, workspaces: readonly WorkspaceItem[]): TaskKindInfo {
  if (workspaceId === null) return because('unknown', notice('task-kind.no-workspace'))
  const ws = workspaces.find((w) => w.workspaceId === workspaceId)
  if (!ws) return because('unknown', workspaces.length ? notice('task-kind.not-listed', { workspace: String(workspaceId) }) : notice('task-kind.unreadable'))
  return workspaceKind(ws, workspaces)
}

/** A short label for people: "Transcript", "Document", "Unknown". */
export function taskKindLabel(kind: TaskKind): string {
  return kind === 'transcript' ? 'Transcript' : kind === 'document' ? 'Document' : 'Unknown'
}

/**
 * True when a transcript export is really a document task's export (no `transcript`, and the
 * document's `chunks` or `totalPages`): the same test the exporters use to say "is a document task".
 */
export function isDocumentReadAsTranscript(body: object): boolean {
  const o = body as Record<string, unknown>
  return (o.transcript === undefined || o.transcript === null) && ('chunks' in o || 'totalPages' in o)
}
