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
  /** One entry per segment, in the same order as `segments`. */
  readonly entries: readonly SegmentEntry[]
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
    items.push({ wordId: w.id, segmentId: view.segment.id, text: w.text, startMs: w.startMs, endMs: w.endMs, reasons: hits.map((h) => ({ signal: h.signal, detail: h.detail, note: h.note })), score: scoreOf(hits, inputs.weights) })
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
  const steps = buildQueueSteps(model, inputs)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** `buildQueue` in steps: it pauses after each segment, so the renderer can build a long task's queue in slices. */
export function* buildQueueSteps(model: TranscriptModel, inputs: QueueInputs): Generator<void, QueueState, void> {
  const segs = model.segments
  const entries: SegmentEntry[] = []
  const all: QueueItem[] = []
  for (let i = 0; i < segs.length; i++) {
    const view = { segment: segs[i], prev: segs[i - 1], next: segs[i + 1] }
    const items = segmentItems(view, inputs)
    entries.push({ ...view, items })
    for (const item of items) all.push(item)
    yield
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
 * `state`. New `inputs` (settings, word list, cue spans) mean a full build. Typing changes one
 * segment and keeps the others where they were, so that case walks the two segment lists side
 * by side and copies no map; a split, merge or deletion goes by segment id.
 */
export function updateQueue(state: QueueState, model: TranscriptModel, inputs: QueueInputs = state.inputs): QueueState {
  if (inputs !== state.inputs) return buildQueue(model, inputs)
  const segs = model.segments
  if (segs === state.segments) {
    if (model.acceptedWordIds === state.accepted) return state
    return { ...state, accepted: model.acceptedWordIds, items: acceptedFilter(state.all, model.acceptedWordIds) }
  }
  const old = state.segments
  let samePlaces = segs.length === old.length
  for (let i = 0; samePlaces && i < segs.length; i++) if (segs[i] !== old[i] && segs[i].id !== old[i].id) samePlaces = false
  const stale = new Set<string>()
  const fresh: QueueItem[] = []
  const refresh = (i: number): SegmentEntry => {
    const seg = segs[i]
    const items = segmentItems({ segment: seg, prev: segs[i - 1], next: segs[i + 1] }, inputs)
    for (const item of items) fresh.push(item)
    return { segment: seg, prev: segs[i - 1], next: segs[i + 1], items }
  }
  const unchanged = (e: SegmentEntry | undefined, i: number): boolean => e !== undefined && e.segment === segs[i] && e.prev === segs[i - 1] && e.next === segs[i + 1]
  let entries: SegmentEntry[]
  if (samePlaces) {
    // Same segments in the same places: only those that differ (and their neighbours) are looked at.
    entries = state.entries.slice()
    let last = -1
    for (let j = 0; j < segs.length; j++) {
      if (segs[j] === old[j]) continue
      for (let i = Math.max(j - 1, last + 1); i <= j + 1 && i < segs.length; i++) {
        last = i
        if (unchanged(entries[i], i)) continue
        stale.add(segs[i].id)
        entries[i] = refresh(i)
      }
    }
  } else {
    const byId = new Map<string, SegmentEntry>()
    for (const e of state.entries) byId.set(e.segment.id, e)
    entries = new Array<SegmentEntry>(segs.length)
    for (let i = 0; i < segs.length; i++) {
      const e = byId.get(segs[i].id)
      byId.delete(segs[i].id)
      if (e && unchanged(e, i)) entries[i] = e
      else {
        if (e) stale.add(segs[i].id)
        entries[i] = refresh(i)
      }
    }
    // Segments that are gone (deleted, merged away) take their items with them.
    for (const id of byId.keys()) stale.add(id)
  }
  const all = spliceItems(state.all, stale, fresh)
  return { inputs, segments: segs, accepted: model.acceptedWordIds, entries, all, items: acceptedFilter(all, model.acceptedWordIds) }
}

/** `all` (sorted) without the items of the `stale` segments, with `fresh` items put in their places. */
export function spliceItems(all: readonly QueueItem[], stale: ReadonlySet<string>, fresh: readonly QueueItem[]): QueueItem[] {
  const out: QueueItem[] = stale.size === 0 ? all.slice() : all.filter((item) => !stale.has(item.segmentId))
  if (fresh.length > 64) return out.concat(fresh).sort(compareItems)
  for (const item of fresh) out.splice(insertionPoint(out, item), 0, item)
  return out
}

/** The queue's list without accepted words (what `items` holds). */
export function openItems(all: readonly QueueItem[], accepted: readonly string[] | undefined): readonly QueueItem[] {
  return acceptedFilter(all, accepted)
}
