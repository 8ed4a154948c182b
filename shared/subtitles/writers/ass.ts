import type { SubtitleTrack } from '../types'
import { formatAssTime } from '../../time'
import type { SpeakerNames } from './speakers'

/** ASS options. */
export interface AssOptions {
  readonly title?: string
  readonly speakerName?: SpeakerNames
}

// Primary colours per speaker in ASS's &HAABBGGRR: white, yellow, cyan, green, magenta, and
// so on (the broadcast convention for telling speakers apart by colour).
const palette = ['&H00FFFFFF', '&H0000FFFF', '&H00FFFF00', '&H0000FF00', '&H00FF00FF', '&H00A0C0FF', '&H00FFC0A0', '&H00C0FFC0']

/** A field of a comma-separated ASS line: no commas, no line breaks. */
function field(text: string): string {
  return text.replace(/[,\r\n]+/g, ' ').replace(/\s+/g, ' ').trim()
}

/** Event text: `{` `}` start override blocks and `\` starts codes, so replace them with look-alikes. */
function assText(text: string): string {
  return text.replace(/\\/g, '＼').replace(/\{/g, '｛').replace(/\}/g, '｝').replace(/[\r\n]+/g, ' ')
}

const styleFormat = 'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding'

function style(name: string, colour: string): string {
  return `Style: ${name},Arial,54,${colour},&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,2,1,2,60,60,50,1`
}

/**
 * Advanced SubStation Alpha: [Script Info], [V4+ Styles] with a Default style and one style per
 * speaker (own colour), [Events] with one Dialogue per cue; a dialogue cue switches style for
 * its second speaker's line with `{\r<style>}`. Times round up to the centisecond (see
 * `formatAssTime`). UTF-8 without a byte order mark and LF line ends, like every text format we
 * write: libass (mpv, VLC, ffmpeg), Aegisub and ass-compiler read it; only old VSFilter builds
 * guess the encoding without a BOM.
 */
export function writeAss(track: SubtitleTrack, options: AssOptions = {}): string {
  const styles = new Map<string, string>()
  const styleOf = (id: string | null): string => {
    const name = id !== null && options.speakerName ? options.speakerName(id) : null
    if (id === null || !name) return 'Default'
    let s = styles.get(id)
    if (!s) {
      // Style names appear inside `{\r<name>}` overrides, so no braces or backslashes either;
      // cut by code point, never inside a surrogate pair.
      s = [...`S${styles.size + 1} ${assText(field(name))}`].slice(0, 60).join('')
      styles.set(id, s)
    }
    return s
  }
  const events = track.cues.map((cue) => {
    const lineStyles = cue.lineSpeakers.map((id) => (cue.kind === 'speech' ? styleOf(id) : 'Default'))
    const text = cue.lines.map((line, i) => (i > 0 && lineStyles[i] !== lineStyles[i - 1] ? `{\\r${lineStyles[i]}}` : '') + assText(line)).join('\\N')
    const name = cue.kind === 'speech' && options.speakerName ? field(options.speakerName(cue.lineSpeakers[0] ?? null) ?? '') : ''
    return `Dialogue: 0,${formatAssTime(cue.startMs)},${formatAssTime(cue.endMs)},${lineStyles[0] ?? 'Default'},${name},0,0,0,,${text}`
  })
  return [
    '[Script Info]',
    `Title: ${field(options.title ?? 'Subtitles')}`,
    'ScriptType: v4.00+',
    'WrapStyle: 2',
    'ScaledBorderAndShadow: yes',
    'PlayResX: 1920',
    'PlayResY: 1080',
    '',
    '[V4+ Styles]',
    styleFormat,
    style('Default', palette[0]),
    ...[...styles.values()].map((name, k) => style(name, palette[k % palette.length])),
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
    ...events,
    ''
  ].join('\n')
}
