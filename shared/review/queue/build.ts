import type { Segment, TranscriptModel } from '../../transcript/model'
import { compareItems, scoreOf } from './score'
import { signals } from './signals'
import type { QueueItem, SegmentView, SignalContext, SignalHit, SignalWeights } from './types'
import { isReviewerWord } from './types'

/*
 * Building the queue per segment, so an edit re-scores only what it touched. The model is
 * immutable with structural sharing: a segment whose object, and whose neighbours' objects,
 * are the same as last time has the same items. Accepted words are filtered at the end (an
 * accept changes no segment). Full build and incremental update give the same list — the
 * property test compares them after every random edit.
 */

/** Settings and slow-changing inputs: a different object means everything is re-scored. */
export interface QueueInputs extends SignalContext {
  readonly weights: SignalWeights
}

interface SegmentEntry {
  readonly segment: Segment
  readonly prev: Segment | undefined
  readonly next: Segment | undefined
  readonly items: readonly QueueItem[]
}

/** The queue and what is needed to keep it current cheaply. */
export interface QueueState {
  readonly inputs: QueueInputs
  readonly segments: readonly Segment[]
  readonly accepted: readonly string[] | undefined
  readonly entries: ReadonlyMap<string, SegmentEntry>
  /** Every item of every segment, accepted ones included, in queue order. */
  readonly all: readonly QueueItem[]
  /** The queue: `all` without accepted words. */
  readonly items: readonly QueueItem[]
}

/** The items of one segment (unsorted): one per word that any signal flags, reviewer-typed words never. */
export function segmentItems(view: SegmentView, inputs: QueueInputs): QueueItem[] {
  const words = view.segment.words
  let byWord: Map<number, SignalHit[]> | null = null
  for (const signal of signals) {
    if (inputs.weights[signal.name] <= 0) continue
    for (const hit of signal.run(view, inputs)) {
      if (isReviewerWord(words[hit.wordIndex])) continue
      byWord ??= new Map()
      const list = byWord.get(hit.wordIndex)
      if (list) list.push(hit)
      else byWord.set(hit.wordIndex, [hit])
    }
  }
  if (!byWord) return []
  const items: QueueItem[] = []
  for (const [index, hits] of byWord) {
    const w = words[index]
    items.push({ wordId: w.id, segmentId: view.segment.id, text: w.text, startMs: w.startMs, endMs: w.endMs, reasons: hits.map((h) => ({ signal: h.signal, detail: h.detail })), score: scoreOf(hits, inputs.weights) })
  }
  return items
}

function acceptedFilter(all: readonly QueueItem[], accepted: readonly string[] | undefined): readonly QueueItem[] {
  if (!accepted || accepted.length === 0) return all
  const set = new Set(accepted)
  return all.filter((item) => !set.has(item.wordId))
}

/** Builds the whole queue of `model`. */
export function buildQueue(model: TranscriptModel, inputs: QueueInputs): QueueState {
  const segs = model.segments
  const entries = new Map<string, SegmentEntry>()
  const all: QueueItem[] = []
  for (let i = 0; i < segs.length; i++) {
    const view = { segment: segs[i], prev: segs[i - 1], next: segs[i + 1] }
    const items = segmentItems(view, inputs)
    entries.set(segs[i].id, { ...view, items })
    for (const item of items) all.push(item)
  }
  all.sort(compareItems)
  return { inputs, segments: segs, accepted: model.acceptedWordIds, entries, all, items: acceptedFilter(all, model.acceptedWordIds) }
}

/** The index at which `item` goes in the sorted list `list`. */
function insertionPoint(list: readonly QueueItem[], item: QueueItem): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (compareItems(list[mid], item) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The queue of `model`, re-scoring only segments that changed (or whose neighbours did) since
 * `state`. New `inputs` (settings, word list, cue spans) mean a full build.
 */
export function updateQueue(state: QueueState, model: TranscriptModel, inputs: QueueInputs = state.inputs): QueueState {
  if (inputs !== state.inputs) return buildQueue(model, inputs)
  const segs = model.segments
  if (segs === state.segments) {
    if (model.acceptedWordIds === state.accepted) return state
    return { ...state, accepted: model.acceptedWordIds, items: acceptedFilter(state.all, model.acceptedWordIds) }
  }
  const entries = new Map(state.entries)
  const stale = new Set<string>()
  const fresh: QueueItem[] = []
  const present = new Set<string>()
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]
    present.add(seg.id)
    const prev = segs[i - 1]
    const next = segs[i + 1]
    const old = entries.get(seg.id)
    if (old && old.segment === seg && old.prev === prev && old.next === next) continue
    if (old) stale.add(seg.id)
    const items = segmentItems({ segment: seg, prev, next }, inputs)
    entries.set(seg.id, { segment: seg, prev, next, items })
    for (const item of items) fresh.push(item)
  }
  // Segments that are gone (deleted, merged away) take their items with them.
  if (entries.size !== present.size) {
    for (const id of entries.keys()) {
      if (!present.has(id)) {
        entries.delete(id)
        stale.add(id)
      }
    }
  }
  let all: QueueItem[] = stale.size === 0 ? state.all.slice() : state.all.filter((item) => !stale.has(item.segmentId))
  if (fresh.length > 64) {
    all = all.concat(fresh).sort(compareItems)
  } else {
    for (const item of fresh) all.splice(insertionPoint(all, item), 0, item)
  }
  return { inputs, segments: segs, accepted: model.acceptedWordIds, entries, all, items: acceptedFilter(all, model.acceptedWordIds) }
}
