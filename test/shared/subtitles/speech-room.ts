import type { SubtitlePreset } from '../../../shared/subtitles/presets'
import { readingTimeMs } from '../../../shared/subtitles/segment'
import type { Cue } from '../../../shared/subtitles/types'
import type { QcReport } from '../../../shared/subtitles/qc'

/*
 * "Soft limits are met wherever the speech leaves room" (docs/subtitles.md#principles) made
 * measurable. A cue had room when the time from its first word (less the preset's lead-in) to the
 * next cue's first word (less the minimum gap), capped at the maximum duration, could hold its
 * reading time and the minimum duration. Cues without that room are speech-bound: the words are
 * simply too fast (or a one-word speaker turn is squeezed between others) and QC must report them.
 * The lead-in only counts where the previous cue's words have ended (silence before the cue).
 */

/** Indexes of the speech cues that had room for every soft limit. */
export function cuesWithRoom(cues: readonly Cue[], preset: SubtitlePreset): Set<number> {
  const room = new Set<number>()
  const gapMs = Math.ceil((preset.minGapFrames * 1000) / preset.frameRate)
  cues.forEach((cue, k) => {
    if (cue.kind !== 'speech') return
    const next = cues[k + 1]
    const prev = cues[k - 1]
    const from = Math.max(cue.speechStartMs - preset.maxLeadInMs, prev ? Math.min(prev.speechEndMs + gapMs, cue.speechStartMs) : 0)
    const to = Math.min(next ? next.speechStartMs - gapMs : Infinity, cue.speechStartMs + preset.maxDurationMs)
    const chars = cue.lines.reduce((sum, l) => sum + [...l].length, 0)
    const need = Math.max(preset.minDurationMs, readingTimeMs(chars, cue.wordCount, preset))
    if (to - from >= need) room.add(k)
  })
  return room
}

/** Soft-breach share over all cues, and over the cues that had room. */
export function softShares(cues: readonly Cue[], preset: SubtitlePreset, report: QcReport): { all: number; withRoom: number; roomCues: number } {
  const room = cuesWithRoom(cues, preset)
  const soft = new Set(report.breaches.filter((b) => b.severity === 'soft').map((b) => b.cueIndex))
  let breached = 0
  for (const k of room) if (soft.has(k)) breached++
  return { all: report.summary.softBreachShare, withRoom: room.size ? breached / room.size : 0, roomCues: room.size }
}
