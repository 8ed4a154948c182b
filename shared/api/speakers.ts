import type { TranscriptModel } from '../transcript/model'
import { transcriptBody } from './transcript-export'
import { lowerKeys } from './task-list'

/*
 * Task speakers on the platform (smartdocumentor-api.md §10) and the "send speakers" plan: what
 * must change on the server so its speaker list matches the draft's. Pure: the services fetch,
 * this decides. Speaker ids are GUID strings, matched without regard to letter case.
 */

/** A speaker as the platform holds it. */
export interface PlatformSpeaker {
  readonly speakerId: string
  readonly name: string
  readonly prefix: string
  readonly suffix: string
  readonly isDefault: boolean
}

/** A speaker as the draft has it (the editor's Speaker, or the renderer's copy of it). */
export interface DraftSpeaker {
  readonly id: string
  readonly name: string
  readonly prefix: string
  readonly suffix: string
}

/** A speaker field a rename can change. */
export type SpeakerField = 'name' | 'prefix' | 'suffix'

/** One change to the server's speaker list. */
export type SpeakerChange =
  | { readonly kind: 'add'; readonly speakerId: string; readonly after: PlatformSpeaker }
  | { readonly kind: 'rename'; readonly speakerId: string; readonly before: PlatformSpeaker; readonly after: PlatformSpeaker; readonly fields: readonly SpeakerField[] }
  | { readonly kind: 'remove'; readonly speakerId: string; readonly before: PlatformSpeaker }
  /** The draft merged this speaker into `intoId`: on the server it is deleted (no API moves segments). */
  | { readonly kind: 'merge'; readonly speakerId: string; readonly before: PlatformSpeaker; readonly intoId: string; readonly intoName: string }

/** The plan for one task: its changes in the order they are applied. */
export interface SpeakerPlan {
  readonly taskId: number
  readonly workspaceId: number
  readonly changes: readonly SpeakerChange[]
  /** Speakers already as the draft has them. */
  readonly unchanged: number
}

/** A merge the draft made: every turn of `fromId` now belongs to `intoId`. */
export interface SpeakerMerge {
  readonly fromId: string
  readonly intoId: string
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/**
 * The speakers in a GET answer: `{ speakers: [...] }` (as the docs' write examples) or a bare
 * array, any key casing. Entries without a speakerId are skipped. Null when neither shape.
 */
export function readSpeakers(body: unknown): PlatformSpeaker[] | null {
  const list = Array.isArray(body) ? body : lowerKeys(body)?.['speakers']
  if (!Array.isArray(list)) return null
  const out: PlatformSpeaker[] = []
  for (const raw of list) {
    const o = lowerKeys(raw)
    const speakerId = o ? str(o['speakerid']).trim() : ''
    if (!o || speakerId === '') continue
    out.push({ speakerId, name: str(o['speakername']), prefix: str(o['speakerprefix']), suffix: str(o['speakersuffix']), isDefault: o['isdefault'] === true })
  }
  return out
}

/** The documented write body (`ExternalTaskSpeakerModel`, wrapped as every example sends it). */
export function speakerWriteBody(speaker: PlatformSpeaker): { speakers: Array<Record<string, unknown>> } {
  return {
    speakers: [{ speakerId: speaker.speakerId, speakerName: speaker.name, speakerPrefix: speaker.prefix, speakerSuffix: speaker.suffix, isDefault: speaker.isDefault }]
  }
}

/**
 * What must change on the server (`server`, a fresh GET) to match `draft`. Adds come first, then
 * renames, then merges and removals, so a merge's target exists before its source goes.
 */
export function planSpeakerChanges(taskId: number, workspaceId: number, draft: readonly DraftSpeaker[], server: readonly PlatformSpeaker[], merges: readonly SpeakerMerge[] = []): SpeakerPlan {
  const adds: SpeakerChange[] = []
  const renames: SpeakerChange[] = []
  const removals: SpeakerChange[] = []
  let unchanged = 0
  for (const d of draft) {
    const s = server.find((x) => same(x.speakerId, d.id))
    const after = { speakerId: s?.speakerId ?? d.id, name: d.name, prefix: d.prefix, suffix: d.suffix, isDefault: s?.isDefault ?? false }
    if (!s) {
      adds.push({ kind: 'add', speakerId: d.id, after })
      continue
    }
    const fields = (['name', 'prefix', 'suffix'] as const).filter((f) => s[f] !== d[f])
    if (fields.length === 0) unchanged++
    else renames.push({ kind: 'rename', speakerId: s.speakerId, before: s, after, fields })
  }
  for (const s of server) {
    if (draft.some((d) => same(d.id, s.speakerId))) continue
    const merge = merges.find((m) => same(m.fromId, s.speakerId))
    const into = merge ? draft.find((d) => same(d.id, merge.intoId)) : undefined
    if (merge && into) removals.push({ kind: 'merge', speakerId: s.speakerId, before: s, intoId: into.id, intoName: into.name })
    else removals.push({ kind: 'remove', speakerId: s.speakerId, before: s })
  }
  return { taskId, workspaceId, changes: [...adds, ...renames, ...removals], unchanged }
}

/** The draft's speakers to send: placeholders invented for unlisted ids only once renamed. */
export function draftSpeakersOf(model: Pick<TranscriptModel, 'speakers'>): DraftSpeaker[] {
  return model.speakers.filter((s) => !s.placeholder || s.edited).map((s) => ({ id: s.id, name: s.name, prefix: s.prefix, suffix: s.suffix }))
}

/**
 * The merges a draft made: a speaker the export listed that the draft no longer has, whose
 * turns (by their source segment) all belong to one remaining speaker now.
 */
export function mergesOf(model: Pick<TranscriptModel, 'speakers' | 'segments' | 'source'>): SpeakerMerge[] {
  const listed = (transcriptBody(model.source).speakers ?? []).map((s) => s.speakerId ?? '').filter((id) => id !== '')
  const merges: SpeakerMerge[] = []
  for (const fromId of listed) {
    if (model.speakers.some((s) => same(s.id, fromId))) continue
    const now = new Set(model.segments.filter((seg) => seg.source?.speakerId && same(seg.source.speakerId, fromId)).map((seg) => seg.speakerId))
    if (now.size === 1) merges.push({ fromId, intoId: [...now][0] })
  }
  return merges
}

/** One line describing a change, for the CLI and the preview dialog. */
export function describeChange(change: SpeakerChange): string {
  const label = (s: Pick<PlatformSpeaker, 'name' | 'prefix' | 'suffix'>) => [s.prefix, s.name, s.suffix].filter((p) => p !== '').join(' ') || '(no name)'
  switch (change.kind) {
    case 'add':
      return `add "${label(change.after)}" (${change.speakerId})`
    case 'rename':
      return `rename "${label(change.before)}" to "${label(change.after)}" (${change.fields.join(', ')}; ${change.speakerId})`
    case 'remove':
      return `remove "${label(change.before)}" (${change.speakerId})`
    case 'merge':
      return `remove "${label(change.before)}", merged into "${change.intoName}" (${change.speakerId})`
  }
}
