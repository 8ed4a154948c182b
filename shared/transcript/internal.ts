import { AppError } from '../errors'
import type { Segment, TranscriptModel, Word } from './model'

/*
 * Small helpers every edit module shares: id allocation (a counter in the model, so ids are
 * deterministic and undo gives back the counter too), lookups that fail with a clear
 * `bad_request`, and timing interpolation for words whose time was not measured.
 */

/** Throws the error every edit uses for a request it cannot apply. */
export function badRequest(message: string): never {
  throw new AppError('bad_request', message)
}

/** `count` fresh ids with `prefix` and the model counter that follows them. */
export function allocateIds(model: TranscriptModel, prefix: string, count: number): { ids: string[]; nextId: number } {
  let next = model.nextId ?? 1
  const ids: string[] = []
  for (let k = 0; k < count; k++) ids.push(`${prefix}${next++}`)
  return { ids, nextId: next }
}

/** The index of segment `id`, or a bad_request naming it. */
export function segmentIndex(model: TranscriptModel, id: string): number {
  const index = model.segments.findIndex((s) => s.id === id)
  if (index < 0) badRequest(`There is no segment "${id}".`)
  return index
}

/** The latest end of a segment's words (words may overlap, so not just the last one's). */
export function wordsMaxEnd(words: readonly Word[]): number | null {
  if (words.length === 0) return null
  let max = words[0].endMs
  for (const w of words) if (w.endMs > max) max = w.endMs
  return max
}

/**
 * Times for `texts` spread across [startMs, endMs], each getting a share proportional to its
 * length (a long word takes longer to say). Integer ms, contiguous, in order.
 */
export function interpolateTimes(texts: readonly string[], startMs: number, endMs: number): Array<{ startMs: number; endMs: number }> {
  const span = Math.max(0, endMs - startMs)
  const weights = texts.map((t) => Math.max(1, t.length))
  const total = weights.reduce((a, b) => a + b, 0)
  const out: Array<{ startMs: number; endMs: number }> = []
  let acc = 0
  for (const weight of weights) {
    const s = startMs + Math.round((span * acc) / total)
    acc += weight
    const e = startMs + Math.round((span * acc) / total)
    out.push({ startMs: s, endMs: e })
  }
  return out
}

/** New estimated words for `texts` across a span, with the given ids. */
export function estimatedWords(texts: readonly string[], startMs: number, endMs: number, ids: readonly string[]): Word[] {
  return interpolateTimes(texts, startMs, endMs).map((t, k) => ({
    id: ids[k],
    text: texts[k],
    startMs: t.startMs,
    endMs: t.endMs,
    confidence: null,
    estimated: true,
    typed: true
  }))
}

/** A copy of `segments` with [from, to) replaced by `replacement`. */
export function spliceSegments(segments: readonly Segment[], from: number, to: number, replacement: readonly Segment[]): Segment[] {
  const out = segments.slice(0, from)
  for (const s of replacement) out.push(s)
  for (let k = to; k < segments.length; k++) out.push(segments[k])
  return out
}
