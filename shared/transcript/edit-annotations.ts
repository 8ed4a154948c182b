import { badRequest } from './internal'
import type { Annotation, TranscriptModel } from './model'

/*
 * Annotation edits. Times are clamped to the recording like normalisation does; who and when
 * come from the caller (the model has no clock).
 */

/** Who made an annotation change and when (ISO-8601), recorded in the export. */
export interface AnnotationAuthor {
  readonly userName?: string | null
  readonly userId?: number | null
  readonly at?: string | null
}

function clampRange(model: TranscriptModel, startMs: number, endMs: number): [number, number] {
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) badRequest('Annotation times must be numbers.')
  if (endMs < startMs) badRequest('An annotation cannot end before it starts.')
  const limit = model.durationMs > 0 ? model.durationMs : Infinity
  const clamp = (v: number) => Math.round(Math.min(Math.max(0, v), limit))
  return [clamp(startMs), clamp(endMs)]
}

function requireAnnotation(model: TranscriptModel, id: string): Annotation {
  const a = model.annotations.find((x) => x.id === id)
  if (!a) badRequest(`There is no annotation "${id}".`)
  return a
}

function modified(author: AnnotationAuthor | undefined): Partial<Annotation> {
  if (!author) return {}
  return { modifiedByUserName: author.userName ?? null, modifiedBy: author.userId ?? null, modifiedOn: author.at ?? null }
}

/** The GUID-shaped id `addAnnotation` uses when the caller gives none (deterministic). */
export function newAnnotationId(model: TranscriptModel): string {
  let n = model.nextId ?? 1
  const taken = new Set(model.annotations.map((a) => a.id))
  let id: string
  do id = `00000000-0000-4000-a000-${String(n++).padStart(12, '0')}`
  while (taken.has(id))
  return id
}

/** Adds an annotation over [startMs, endMs] (clamped to the recording). */
export function addAnnotation(
  model: TranscriptModel,
  input: { readonly content: string; readonly startMs: number; readonly endMs: number; readonly id?: string },
  author?: AnnotationAuthor
): TranscriptModel {
  const [startMs, endMs] = clampRange(model, input.startMs, input.endMs)
  const id = input.id ?? newAnnotationId(model)
  if (model.annotations.some((a) => a.id === id)) badRequest(`An annotation with id "${id}" already exists.`)
  const annotation: Annotation = {
    id,
    content: input.content,
    startMs,
    endMs,
    edited: true,
    createdByUserName: author?.userName ?? null,
    createdBy: author?.userId ?? null,
    createdOn: author?.at ?? null,
    ...modified(author)
  }
  return { ...model, annotations: [...model.annotations, annotation], nextId: (model.nextId ?? 1) + 1 }
}

/** Changes an annotation's text. */
export function editAnnotation(model: TranscriptModel, id: string, content: string, author?: AnnotationAuthor): TranscriptModel {
  const a = requireAnnotation(model, id)
  if (a.content === content) return model
  const updated: Annotation = { ...a, content, edited: true, ...modified(author) }
  return { ...model, annotations: model.annotations.map((x) => (x === a ? updated : x)) }
}

/** Moves an annotation to [startMs, endMs] (clamped to the recording). */
export function retimeAnnotation(model: TranscriptModel, id: string, startMs: number, endMs: number, author?: AnnotationAuthor): TranscriptModel {
  const a = requireAnnotation(model, id)
  const [s, e] = clampRange(model, startMs, endMs)
  if (s === a.startMs && e === a.endMs) return model
  const updated: Annotation = { ...a, startMs: s, endMs: e, edited: true, ...modified(author) }
  return { ...model, annotations: model.annotations.map((x) => (x === a ? updated : x)) }
}

/** Removes an annotation. */
export function deleteAnnotation(model: TranscriptModel, id: string): TranscriptModel {
  const a = requireAnnotation(model, id)
  return { ...model, annotations: model.annotations.filter((x) => x !== a) }
}
