import type { SubtitleTrack } from '../types'
import { formatSrtTime } from '../timecode'
import { safeLine } from './escape'

/** SubRip: numbered blocks, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, blank-line separated, UTF-8. */
export function writeSrt(track: SubtitleTrack): string {
  return track.cues
    .map((cue, k) => `${k + 1}\n${formatSrtTime(cue.startMs)} --> ${formatSrtTime(cue.endMs)}\n${cue.lines.map(safeLine).join('\n')}\n`)
    .join('\n')
}
