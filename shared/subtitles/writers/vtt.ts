import type { SubtitleTrack } from '../types'
import { formatVttTime } from '../../time'
import { escapeVtt, oneLine } from './escape'
import type { SpeakerNames } from './speakers'

/** WebVTT options. */
export interface VttOptions {
  /** Speaker names for `<v Name>` voice tags; omit for no tags. */
  readonly speakerName?: SpeakerNames
}

/** A NOTE body: no blank lines (they end the block) and no "-->" (forbidden in comments). */
function noteText(text: string): string {
  return text.replace(/-->/g, '->').replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

const lookAlike: Readonly<Record<string, string>> = { '&': '＆', '<': '＜', '>': '＞', '{': '｛', '}': '｝', '\\': '＼' }

/**
 * A voice tag: the speaker's name on one line, with & < > { } \ as full-width look-alikes.
 * The spec would take `&amp;` `&lt;` `&gt;` there, but ffmpeg's WebVTT reader decodes them (and
 * escapes braces and backslashes) inside the tag and then prints the rest of the tag as cue
 * text; look-alikes read the same everywhere.
 */
function voice(name: string): string {
  return `<v ${oneLine(name).replace(/[&<>{}\\]/g, (c) => lookAlike[c])}>`
}

/**
 * WebVTT: `WEBVTT` header, numbered cues with dot-millisecond times, voice tags per speaker
 * (a dialogue cue opens and closes one per line), annotations as NOTE blocks in time order.
 * UTF-8 without a byte order mark (the spec allows one; nothing needs it), LF line ends, one
 * blank line between blocks; cue text escaped (& < >), so it reads back exactly.
 */
export function writeVtt(track: SubtitleTrack, options: VttOptions = {}): string {
  const blocks: string[] = ['WEBVTT']
  const notes = [...track.notes]
  let n = 0
  track.cues.forEach((cue, k) => {
    while (n < notes.length && notes[n].startMs <= cue.startMs) blocks.push(`NOTE ${noteText(notes[n++].text)}`)
    const names = cue.lineSpeakers.map((id) => (cue.kind === 'speech' && options.speakerName ? options.speakerName(id) : null))
    const distinct = new Set(names).size > 1
    const lines = cue.lines.map((line, i) => {
      // Escaping is enough: "-->" is written "--&gt;", which no reader takes for a timing.
      const text = escapeVtt(oneLine(line))
      const name = names[i]
      if (!name) return text
      if (distinct) return `${voice(name)}${text}</v>`
      return i === 0 ? `${voice(name)}${text}` : text
    })
    blocks.push(`${k + 1}\n${formatVttTime(cue.startMs)} --> ${formatVttTime(cue.endMs)}\n${lines.join('\n')}`)
  })
  while (n < notes.length) blocks.push(`NOTE ${noteText(notes[n++].text)}`)
  return blocks.join('\n\n') + '\n'
}
