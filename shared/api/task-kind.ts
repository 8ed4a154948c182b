import type { WorkspaceItem } from './task-list'

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
  /** e.g. "workspace template “Invoices”", "workspace 12 is not listed". */
  readonly reason: string
}

const transcriptTemplate = /transcri/i
// The document templates users can pick (§3.4), matched loosely: names vary in case and wording.
const documentTemplates = /invoice|receipt|anonymi[sz]ation|identification|layout|document understanding|^template\b|custom|document/i

function byName(name: string | null): 'transcript' | 'document' | null {
  if (!name) return null
  if (transcriptTemplate.test(name)) return 'transcript'
  if (documentTemplates.test(name)) return 'document'
  return null
}

function describe(ws: WorkspaceItem): string {
  const numbers = [ws.taskType != null ? `task type ${ws.taskType}` : null, ws.templateType != null ? `template type ${ws.templateType}` : null].filter(Boolean)
  const name = ws.templateName ? `template “${ws.templateName}”` : 'no template name'
  return `workspace ${ws.workspaceId}: ${name}${numbers.length ? `, ${numbers.join(', ')}` : ''}`
}

/** The kind of the tasks of `ws`, judged with the tenant's other workspaces (`all`). */
export function workspaceKind(ws: WorkspaceItem, all: readonly WorkspaceItem[]): TaskKindInfo {
  const named = byName(ws.templateName)
  if (named) return { kind: named, reason: `workspace template “${ws.templateName}”` }
  for (const field of ['taskType', 'templateType'] as const) {
    const value = ws[field]
    if (value == null) continue
    const peers = all.filter((p) => p.workspaceId !== ws.workspaceId && p[field] === value).map((p) => ({ p, kind: byName(p.templateName) }))
    const kinds = new Set(peers.map((x) => x.kind).filter((k) => k !== null))
    if (kinds.size !== 1) continue
    const peer = peers.find((x) => x.kind !== null)!.p
    const label = field === 'taskType' ? 'task type' : 'template type'
    return { kind: [...kinds][0]!, reason: `same ${label} (${value}) as workspace ${peer.workspaceId} (template “${peer.templateName}”)` }
  }
  return { kind: 'unknown', reason: describe(ws) }
}

/** The kind of a task in workspace `workspaceId`, given the tenant's workspaces (empty when they could not be read). */
export function taskKindOf(workspaceId: number | null, workspaces: readonly WorkspaceItem[]): TaskKindInfo {
  if (workspaceId === null) return { kind: 'unknown', reason: 'the server did not say which workspace the task is in' }
  const ws = workspaces.find((w) => w.workspaceId === workspaceId)
  if (!ws) return { kind: 'unknown', reason: workspaces.length ? `workspace ${workspaceId} is not among the listed workspaces` : 'the workspaces could not be read' }
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
