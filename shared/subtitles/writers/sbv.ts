import type { SubtitleTrack } from '../types'
import { formatSbvTime } from '../../time'
import { plainLine } from './escape'

/** YouTube SBV: `H:MM:SS.mmm,H:MM:SS.mmm`, the lines (tags and ASS codes defused, see `plainLine`), a blank line. */
export function writeSbv(track: SubtitleTrack): string {
  return track.cues.map((cue) => `${formatSbvTime(cue.startMs)},${formatSbvTime(cue.endMs)}\n${cue.lines.map(plainLine).join('\n')}\n`).join('\n')
}
