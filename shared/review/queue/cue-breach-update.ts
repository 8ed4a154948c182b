import { openItems, segmentItems, spliceItems } from './build'
import type { QueueInputs, QueueState } from './build'
import { cueBreach } from './signals/cue-breach'
import type { QueueItem, SignalHit } from './types'

/*
 * New cue breach spans (the worker's answer after an edit) without a whole rebuild: the spans
 * feed one signal only, so a segment whose cue-breach hits are the same under the old and the
 * new spans keeps its items; only the others are scored again. Asking the signal itself, per
 * segment, keeps this exact (it is the signal's own answer, not a guess at which spans reach a
 * segment), and it is cheap: a binary search and the few spans inside the segment.
 */

/** True when `b` differs from `a` in its cue breach spans only (every other input the same value). */
export function onlyCueBreachesDiffer(a: QueueInputs, b: QueueInputs): boolean {
  if (a === b) return false
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof QueueInputs>
  for (const key of keys) if (key !== 'cueBreaches' && a[key] !== b[key]) return false
  return true
}

function sameHits(a: readonly SignalHit[], b: readonly SignalHit[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]
    const y = b[i]
    if (x.wordIndex !== y.wordIndex || x.strength !== y.strength || x.detail !== y.detail || JSON.stringify(x.note) !== JSON.stringify(y.note)) return false
  }
  return true
}

/**
 * The queue `state` under `inputs`, which differ from `state.inputs` in the cue breach spans only
 * (`onlyCueBreachesDiffer`): the segments whose cue-breach hits changed are scored again, the rest
 * kept. Equal to `buildQueue` of the state's model with `inputs`.
 */
export function withCueBreaches(state: QueueState, inputs: QueueInputs): QueueState {
  if (!onlyCueBreachesDiffer(state.inputs, inputs)) throw new Error('withCueBreaches: the inputs differ in more than the cue breach spans')
  // The signal is off: no item depends on the spans.
  if (!(inputs.weights['cue-breach'] > 0)) return { ...state, inputs }
  const entries = state.entries.slice()
  const stale = new Set<string>()
  const fresh: QueueItem[] = []
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]
    if (sameHits(cueBreach(e, state.inputs), cueBreach(e, inputs))) continue
    const items = segmentItems(e, inputs)
    entries[i] = { ...e, items }
    stale.add(e.segment.id)
    for (const item of items) fresh.push(item)
  }
  if (stale.size === 0) return { ...state, inputs }
  const all = spliceItems(state.all, stale, fresh)
  return { ...state, inputs, entries, all, items: openItems(all, state.accepted) }
}
