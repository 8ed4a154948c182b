import type { SubtitleTrack } from '../types'
import { formatSbvTime } from '../timecode'
import { safeLine } from './escape'

/** YouTube SBV: `H:MM:SS.mmm,H:MM:SS.mmm`, the lines, a blank line. */
export function writeSbv(track: SubtitleTrack): string {
  return track.cues.map((cue) => `${formatSbvTime(cue.startMs)},${formatSbvTime(cue.endMs)}\n${cue.lines.map(safeLine).join('\n')}\n`).join('\n')
}
