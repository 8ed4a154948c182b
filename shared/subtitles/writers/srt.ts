import type { SubtitleTrack } from '../types'
import { formatSrtTime } from '../../time'
import { srtLine } from './escape'

/**
 * SubRip: numbered blocks (1..n), `HH:MM:SS,mmm --> HH:MM:SS,mmm`, blank-line separated. UTF-8
 * without a byte order mark and LF line ends (what ffmpeg, VLC, YouTube and browsers' SRT
 * converters all read; a BOM trips strict readers that expect the first line to be "1").
 * Hours keep counting past 24 and past 99 (`100:00:00,000`): ffmpeg and VLC read them; readers
 * that insist on two hour digits cannot, and no other spelling of such a time exists.
 */
export function writeSrt(track: SubtitleTrack): string {
  return track.cues
    .map((cue, k) => `${k + 1}\n${formatSrtTime(cue.startMs)} --> ${formatSrtTime(cue.endMs)}\n${cue.lines.map(srtLine).join('\n')}\n`)
    .join('\n')
}
