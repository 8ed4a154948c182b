import type { TranscriptExport } from '../../../shared/api/transcript-export'
import type { Annotation, Segment, TranscriptModel } from '../../../shared/transcript/model'

/** A word as [text, startMs, endMs]. */
export type W = readonly [string, number, number]

/** A small TranscriptModel for table-driven tests: turns of [speaker, words]. */
export function makeModel(turns: readonly (readonly [string, readonly W[]])[], annotations: readonly Annotation[] = []): TranscriptModel {
  let n = 0
  const segments: Segment[] = turns.map(([speakerId, words], k) => ({
    id: `s${k}`,
    speakerId,
    startMs: words[0]?.[1] ?? 0,
    endMs: words[words.length - 1]?.[2] ?? 0,
    words: words.map(([text, startMs, endMs]) => ({ id: `w${n++}`, text, startMs, endMs, confidence: null, estimated: false })),
    reviewed: false
  }))
  const speakers = [...new Set(turns.map(([s]) => s))].map((id) => ({ id, name: id, prefix: '', suffix: '', placeholder: false }))
  return {
    taskId: 7,
    source: { taskId: 7, displayName: 'Test & <task>', transcript: { transcripts: [], speakers: [], annotations: [] } } as unknown as TranscriptExport,
    timeUnit: 'seconds',
    confidenceScale: 1,
    durationMs: Math.max(0, ...segments.map((s) => s.endMs)),
    segments,
    speakers,
    annotations,
    issues: []
  }
}

/** Words at an even pace from `startMs`: each `wordMs` long with `gapMs` between. */
export function paced(text: string, startMs: number, wordMs = 300, gapMs = 50): W[] {
  return text.split(' ').map((t, k) => [t, startMs + k * (wordMs + gapMs), startMs + k * (wordMs + gapMs) + wordMs] as const)
}
