import { convertRealFixture } from '../../../fixtures/real-to-export'
import { normaliseTranscript } from '../../../../shared/transcript'
import type { TranscriptModel } from '../../../../shared/transcript'
import { cueBreachSpans, defaultWeights, loadLexicon } from '../../../../shared/review/queue'
import type { QueueInputs, Signal, SignalContext } from '../../../../shared/review/queue'

/* Shared by the review-queue tests: real fixtures as models (cached) and the inputs to score them. */

const models = new Map<string, TranscriptModel>()

/** A real fixture, normalised (one model per name for the whole run). */
export function fixtureModel(name: string): TranscriptModel {
  let m = models.get(name)
  if (!m) {
    m = normaliseTranscript(convertRealFixture(name))
    models.set(name, m)
  }
  return m
}

/** Inputs as the app would make them: English list, threshold 0.7, netflix-en cue breaches. */
export async function inputsFor(model: TranscriptModel, overrides: Partial<QueueInputs> = {}): Promise<QueueInputs> {
  return { threshold: 0.7, language: 'en', lexicon: await loadLexicon('en'), cueBreaches: cueBreachSpans(model, { preset: 'netflix-en' }), weights: defaultWeights, ...overrides }
}

/** Every hit of one signal over a model, as "segment:word:text". */
export function hitsOf(signal: Signal, model: TranscriptModel, ctx: SignalContext): string[] {
  const out: string[] = []
  model.segments.forEach((segment, i) => {
    for (const h of signal({ segment, prev: model.segments[i - 1], next: model.segments[i + 1] }, ctx)) out.push(`${i}:${h.wordIndex}:${segment.words[h.wordIndex].text}`)
  })
  return out
}
