import { firstIndexAtOrAfter } from '../../../transcript/binary-search'
import type { TranscriptModel } from '../../../transcript/model'
import { subtitleTrack, presetFrom } from '../../../subtitles/track'
import type { WriteOptions } from '../../../subtitles/track'
import { runQc } from '../../../subtitles/qc'
import type { CueBreachSpan, SignalHit, Signal } from '../types'
import { isReviewerWord } from '../types'

/*
 * Cues of the current subtitle preset that break reading speed or duration, from the same
 * engine the export uses (`subtitleTrack` + QC). Cutting cues is a whole-task job (its dynamic
 * programme spans the transcript), so the spans are computed apart (`cueBreachSpans`, off the
 * keystroke path) and the signal maps them onto a segment's words: the first word of the cue
 * in the segment, skipping words the reviewer typed, carries the item.
 */

const rules = new Set(['reading-speed', 'words-per-minute', 'min-duration', 'max-duration'])
/** The reason code of each rule (the renderer words it). */
const noteCodes = { 'reading-speed': 'readingSpeed', 'words-per-minute': 'wordsPerMinute', 'min-duration': 'minDuration', 'max-duration': 'maxDuration' } as const

/** The speech spans of cues that break reading speed or duration under the export options. */
export function cueBreachSpans(model: TranscriptModel, options: WriteOptions): CueBreachSpan[] {
  const preset = presetFrom(options)
  const cues = subtitleTrack(model, options).cues
  const report = runQc(cues, preset)
  const spans: CueBreachSpan[] = []
  let lastCue = -1
  for (const b of report.breaches) {
    if (!rules.has(b.rule) || b.cueIndex === lastCue) continue
    const cue = cues[b.cueIndex]
    if (cue.kind !== 'speech') continue
    lastCue = b.cueIndex
    const what = b.rule === 'reading-speed' ? `${b.figure} chars/s > ${b.limit}` : b.rule === 'words-per-minute' ? `${b.figure} wpm > ${b.limit}` : b.rule === 'min-duration' ? `cue ${b.figure} ms < ${b.limit}` : `cue ${b.figure} ms > ${b.limit}`
    spans.push({ startMs: cue.speechStartMs, endMs: cue.speechEndMs, detail: `${preset.name}: ${what}`, note: { code: noteCodes[b.rule as keyof typeof noteCodes], values: { preset: preset.name, figure: b.figure, limit: b.limit } } })
  }
  return spans.sort((a, b) => a.startMs - b.startMs)
}

/** The first span index whose start is at or after `ms` (spans sorted by start). */
function firstFrom(spans: readonly CueBreachSpan[], ms: number): number {
  return firstIndexAtOrAfter(spans.length, (i) => spans[i].startMs, ms)
}

/** For each breaching cue that starts inside this segment's words, its first recogniser word there. */
export const cueBreach: Signal = ({ segment }, { cueBreaches }) => {
  const words = segment.words
  if (words.length === 0 || cueBreaches.length === 0) return []
  const hits: SignalHit[] = []
  // A cue spanning the segment's start began in an earlier segment: step back to include it.
  let k = Math.max(0, firstFrom(cueBreaches, words[0].startMs) - 1)
  const end = words[words.length - 1].endMs
  for (; k < cueBreaches.length && cueBreaches[k].startMs <= end; k++) {
    const span = cueBreaches[k]
    const i = words.findIndex((w) => w.startMs >= span.startMs && w.startMs <= span.endMs && !isReviewerWord(w))
    if (i >= 0) hits.push({ wordIndex: i, signal: 'cue-breach', strength: 1, detail: span.detail, note: span.note })
  }
  return hits
}
