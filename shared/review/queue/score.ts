import type { QueueItem, SignalHit, SignalName, SignalWeights } from './types'
import { signalNames } from './types'

/*
 * The score (docs/review.md): each signal that flags a word adds its weight times its strength
 * (0..1]; a word's score is the sum. Higher first; ties in time order (earlier first), then by
 * word id so the order is total and the same on every build.
 */

/** The weights the queue starts with (the settings can change each, 0..10; 0 turns a signal off). */
export const defaultWeights: SignalWeights = {
  'low-confidence': 3,
  number: 2,
  name: 1.5,
  'rare-word': 1,
  'speaker-change': 1,
  overlap: 2,
  'long-silence': 1,
  'stretched-word': 1.5,
  'cue-breach': 1,
  'estimated-timing': 1.5
}

/** The bounds of a weight in the settings. */
export const weightLimits = { min: 0, max: 10 } as const

/** Weights from stored settings: each a number within the limits, else its default. */
export function readWeights(raw: unknown): SignalWeights {
  const out = { ...defaultWeights } as Record<SignalName, number>
  if (raw && typeof raw === 'object') {
    for (const name of signalNames) {
      const v = (raw as Record<string, unknown>)[name]
      if (typeof v === 'number' && Number.isFinite(v) && v >= weightLimits.min && v <= weightLimits.max) out[name] = v
    }
  }
  return out
}

/** A word's score from its hits: Σ weight × strength (rounded to 1/1000 so sums compare stably). */
export function scoreOf(hits: readonly SignalHit[], weights: SignalWeights): number {
  let sum = 0
  for (const h of hits) sum += weights[h.signal] * h.strength
  return Math.round(sum * 1000) / 1000
}

/** Queue order: higher score first, then earlier start, then word id. */
export function compareItems(a: QueueItem, b: QueueItem): number {
  return b.score - a.score || a.startMs - b.startMs || (a.wordId < b.wordId ? -1 : a.wordId > b.wordId ? 1 : 0)
}
