/*
 * What changed between two versions of the editing model, for autosave: the model is immutable
 * with structural sharing, so an edit leaves every untouched segment (and top-level field) the
 * same object. Comparing identities finds the change in microseconds, and sending only that keeps
 * the structured-clone copy after a keystroke small at any length of recording (a full model
 * is 26 MB at 6 hours). Generic over the top-level keys, so fields other parts of the app add to
 * the model (accepted queue words, cue decisions, ...) travel without changes here.
 */

/** A segment-like item: anything with a string id. */
interface Identified {
  readonly id: string
}

/** What changed in the model's segments. */
export interface SegmentsPatch {
  /** Segments new or replaced since the base, whole. */
  readonly changed: Record<string, unknown>[]
  /** Ids of segments gone since the base. */
  readonly removed: string[]
  /** Every segment id in order, only when the order (or membership) changed. */
  readonly order?: string[]
}

/** The difference between two models: apply it to the first to get the second. */
export interface ModelPatch {
  /** Top-level fields whose value changed (replaced whole), other than `segments`. */
  readonly set: Record<string, unknown>
  /** Top-level fields gone since the base. */
  readonly unset: string[]
  readonly segments?: SegmentsPatch
}

/** The patch that turns `base` into `next` (identity compare: unchanged parts are the same objects). */
export function diffModel(base: object, next: object): ModelPatch {
  const from = base as Record<string, unknown>
  const to = next as Record<string, unknown>
  const set: Record<string, unknown> = {}
  const unset: string[] = []
  for (const key of Object.keys(to)) if (key !== 'segments' && (!(key in from) || from[key] !== to[key])) set[key] = to[key]
  for (const key of Object.keys(from)) if (!(key in to)) unset.push(key)
  const segments = from['segments'] === to['segments'] ? undefined : diffSegments(asSegments(from['segments']), asSegments(to['segments']))
  return segments ? { set, unset, segments } : { set, unset }
}

/** True when the patch changes nothing. */
export function isEmptyPatch(patch: ModelPatch): boolean {
  const s = patch.segments
  return Object.keys(patch.set).length === 0 && patch.unset.length === 0 && (!s || (s.changed.length === 0 && s.removed.length === 0 && !s.order))
}

/**
 * `base` with `patch` applied, as a new object (the base is not changed; untouched segments are
 * shared). Throws when the patch does not fit the base (a changed segment with no id, an order
 * naming a segment that neither the base nor the patch has).
 */
export function applyModelPatch<T extends object>(base: T, patch: ModelPatch): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const key of patch.unset) delete out[key]
  for (const [key, value] of Object.entries(patch.set)) if (key !== 'segments') out[key] = value
  if (patch.segments) out['segments'] = applySegments(asSegments(out['segments']), patch.segments)
  return out as T
}

function asSegments(value: unknown): readonly Identified[] {
  return Array.isArray(value) ? (value as Identified[]) : []
}

function diffSegments(from: readonly Identified[], to: readonly Identified[]): SegmentsPatch {
  // The common case (an edit in place): same ids in the same order, one pass, no map.
  if (from.length === to.length) {
    const changed: Record<string, unknown>[] = []
    let sameOrder = true
    for (let i = 0; i < to.length; i++) {
      if (from[i]!.id !== to[i]!.id) {
        sameOrder = false
        break
      }
      if (from[i] !== to[i]) changed.push(to[i] as unknown as Record<string, unknown>)
    }
    if (sameOrder) return { changed, removed: [] }
  }
  const before = new Map<string, Identified>()
  for (const segment of from) before.set(segment.id, segment)
  const changed: Record<string, unknown>[] = []
  const order: string[] = []
  for (const segment of to) {
    order.push(segment.id)
    if (before.get(segment.id) !== segment) changed.push(segment as unknown as Record<string, unknown>)
    before.delete(segment.id)
  }
  return { changed, removed: [...before.keys()], order }
}

function applySegments(from: readonly Identified[], patch: SegmentsPatch): Identified[] {
  const changed = new Map<string, Identified>()
  for (const segment of patch.changed) {
    if (typeof segment['id'] !== 'string') throw new Error('a changed segment has no id')
    changed.set(segment['id'], segment as unknown as Identified)
  }
  if (!patch.order) {
    if (patch.removed.length > 0) {
      const gone = new Set(patch.removed)
      from = from.filter((s) => !gone.has(s.id))
    }
    let replaced = 0
    const out = from.map((s) => {
      const next = changed.get(s.id)
      if (!next) return s
      replaced++
      return next
    })
    if (replaced !== changed.size) throw new Error('a changed segment is not in the draft and no order was given')
    return out
  }
  const before = new Map<string, Identified>()
  for (const segment of from) before.set(segment.id, segment)
  return patch.order.map((id) => {
    const segment = changed.get(id) ?? before.get(id)
    if (!segment) throw new Error(`segment ${id.slice(0, 40)} is neither in the draft nor in the patch`)
    return segment
  })
}
