import { annotationModes, exportFormats, formatInfo, frameRates, languages, maxDialogueDashLength, presetLimits, presets, PresetError, resolvePreset, speakerStyles } from '../../shared/subtitles'
import { parseTimecodeOrMs } from '../../shared/time'
import type { AnnotationMode, FrameRate, Language, NumericPresetField, PresetLimit, PresetOverrides, SpeakerStyle, SubtitlePreset, WriteOptions } from '../../shared/subtitles'
import { UsageError } from './usage-error'

/*
 * The subtitle options of `sdte export` and `sdte qc`: every number of a preset, and every
 * choice the export dialog offers, as a flag. Ranges come from `presetLimits` (the same ones the
 * app validates with), shown in the flag's own unit; times are given in seconds like `--timeout`.
 * A flag that would change nothing for the chosen format is a usage error, not silently ignored.
 */

interface NumberFlag {
  readonly field: NumericPresetField
  /** Seconds on the command line, ms in the preset. */
  readonly seconds: boolean
  readonly meaning: string
}

/** Flags that set one numeric preset field. */
const numberFlags: Readonly<Record<string, NumberFlag>> = {
  'max-chars': { field: 'maxCharsPerLine', seconds: false, meaning: 'characters per line' },
  'max-lines': { field: 'maxLines', seconds: false, meaning: 'lines per cue' },
  cps: { field: 'maxCharsPerSecond', seconds: false, meaning: 'reading speed, characters per second' },
  wpm: { field: 'maxWordsPerMinute', seconds: false, meaning: 'reading speed in words per minute' },
  'min-duration': { field: 'minDurationMs', seconds: true, meaning: 'shortest cue' },
  'max-duration': { field: 'maxDurationMs', seconds: true, meaning: 'longest cue' },
  'min-gap-frames': { field: 'minGapFrames', seconds: false, meaning: 'frames between cues' },
  'gap-closing': { field: 'gapClosingMs', seconds: true, meaning: 'shorter gaps close to the minimum gap' },
  'max-lead-in': { field: 'maxLeadInMs', seconds: true, meaning: 'how early a cue may come in for reading time' }
}

/** Options that change how cues are cut (export of subtitle formats, and `sdte qc`). */
const cueOptions = [...Object.keys(numberFlags), 'fps', 'start-offset', 'speaker-style', 'dialogue-dash', 'speaker-labels', 'language']

/** Value options (`--name <value>`) this module reads. */
export const subtitleValueOptions: readonly string[] = [...cueOptions, 'annotations', 'voice-tags', 'title']

/** Flag options (`--name`, no value) this module reads. */
export const subtitleFlagOptions: readonly string[] = ['timecodes', 'label-every-paragraph']

const subtitleFormats = exportFormats.filter((f) => formatInfo[f].family === 'subtitle')
const transcriptFormats = exportFormats.filter((f) => formatInfo[f].family === 'transcript')

/** The formats each export-only option concerns; options not listed concern subtitle formats. */
const formatsOf: Readonly<Record<string, readonly string[]>> = {
  annotations: [...subtitleFormats, ...transcriptFormats],
  'voice-tags': ['vtt'],
  title: ['ttml', 'ass', 'docx'],
  timecodes: transcriptFormats,
  'label-every-paragraph': transcriptFormats
}

// Plain decimal: no exponent, sign, hex or spaces, so "1e3" or "-1" is a usage error too.
const decimal = /^(\d+(\.\d*)?|\.\d+)$/

function unitText(flag: NumberFlag, value: number): string {
  return flag.seconds ? `${value / 1000}` : `${value}`
}

/** "a whole number from 10 to 200" / "a number of seconds from 0 to 0.25", from presetLimits. */
function rangeText(name: string): string {
  const flag = numberFlags[name]
  const limit: PresetLimit = presetLimits[flag.field]
  const what = flag.seconds ? 'a number of seconds' : limit.integer ? 'a whole number' : 'a number'
  return `${what} from ${unitText(flag, limit.min)} to ${unitText(flag, limit.max)}${name === 'wpm' ? ', or off' : ''}`
}

function numberValue(name: string, text: string): number | null {
  const flag = numberFlags[name]
  if (name === 'wpm' && text === 'off') return null
  const limit = presetLimits[flag.field]
  const parsed = decimal.test(text) ? Number(text) : NaN
  const value = flag.seconds ? Math.round(parsed * 1000) : parsed
  const ok = Number.isFinite(value) && (!limit.integer || Number.isInteger(value)) && value >= limit.min && value <= limit.max
  if (!ok) throw new UsageError(`--${name} (${flag.meaning}) must be ${rangeText(name)}, not "${text}"`)
  return value
}

function choice<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) throw new UsageError(`--${name} must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not "${text}"`)
  return text as T
}

function onOff(name: string, text: string): boolean {
  if (text !== 'on' && text !== 'off') throw new UsageError(`--${name} must be on or off, not "${text}"`)
  return text === 'on'
}

function startOffset(text: string, frameRate: FrameRate): number {
  const limit = presetLimits.startOffsetMs
  const message = `--start-offset must be a timecode HH:MM:SS:FF (frames 0 to ${Math.round(frameRate) - 1} at ${frameRate} fps) or HH:MM:SS.mmm, or seconds, from 0 to ${limit.max / 3_600_000} hours, not "${text}"`
  let ms: number
  if (decimal.test(text)) ms = Math.round(Number(text) * 1000)
  else if (/^\d+:/.test(text)) {
    try {
      ms = parseTimecodeOrMs(text, frameRate)
    } catch {
      throw new UsageError(message)
    }
  } else throw new UsageError(message)
  if (!(ms >= limit.min && ms <= limit.max)) throw new UsageError(message)
  return ms
}

/** What the command is for: `sdte qc` cuts cues; an export writes `format` (any name given). */
export type OptionTarget = { readonly command: 'qc' } | { readonly command: 'export'; readonly format: string }

/**
 * Reads the subtitle options from the parsed `--name value` map and checks each against the
 * app's limits, then the preset they build as a whole (e.g. minimum below maximum duration).
 * Returns the options for `writeFormat` / `qcReport`. Throws `UsageError` with a one-line message
 * naming the flag and what it accepts.
 */
export function readSubtitleOptions(opts: ReadonlyMap<string, string>, presetName: string | undefined, target: OptionTarget): WriteOptions {
  const given = [...subtitleValueOptions, ...subtitleFlagOptions].filter((name) => opts.has(name))
  for (const name of given) {
    if (target.command === 'qc') {
      if (name in formatsOf && name !== 'annotations') throw new UsageError(`--${name} does not apply to sdte qc (it only changes how a file is written)`)
      continue
    }
    const formats = formatsOf[name] ?? subtitleFormats
    if (!formats.includes(target.format)) throw new UsageError(`--${name} applies to ${formats.join(', ')}, not to --format ${target.format}`)
  }

  const name = presetName ?? 'netflix-en'
  let base: SubtitlePreset
  try {
    base = resolvePreset(name)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const overrides: { -readonly [K in keyof PresetOverrides]: PresetOverrides[K] } = {}
  const set = <K extends keyof PresetOverrides>(key: K, value: PresetOverrides[K]): void => {
    overrides[key] = value
  }
  for (const flag of Object.keys(numberFlags)) {
    const text = opts.get(flag)
    if (text !== undefined) set(numberFlags[flag].field, numberValue(flag, text) as number)
  }
  const fps = opts.get('fps')
  if (fps !== undefined) {
    const rate = frameRates.find((r) => String(r) === fps || Number(fps) === r)
    if (rate === undefined || !decimal.test(fps)) throw new UsageError(`--fps must be one of ${frameRates.join(', ')}, not "${fps}"`)
    set('frameRate', rate)
  }
  const offset = opts.get('start-offset')
  if (offset !== undefined) set('startOffsetMs', startOffset(offset, overrides.frameRate ?? base.frameRate))
  const style = opts.get('speaker-style')
  if (style !== undefined) set('speakerStyle', choice<SpeakerStyle>('speaker-style', style, speakerStyles))
  const dash = opts.get('dialogue-dash')
  if (dash !== undefined) {
    if (dash.length > maxDialogueDashLength) throw new UsageError(`--dialogue-dash must be 1 to ${maxDialogueDashLength} characters, not "${dash}"`)
    set('dialogueDash', dash)
  }
  const labels = opts.get('speaker-labels')
  if (labels !== undefined) set('speakerLabels', onOff('speaker-labels', labels))

  // Options that would change nothing under the speaker style in force.
  const styleInForce = overrides.speakerStyle ?? base.speakerStyle
  const styleSource = overrides.speakerStyle ? '--speaker-style' : `the ${name} preset`
  if (overrides.speakerLabels && styleInForce !== 'new-cue') throw new UsageError(`--speaker-labels applies with --speaker-style new-cue; ${styleSource} uses ${styleInForce}`)
  if (dash !== undefined && styleInForce !== 'dialogue-dashes') throw new UsageError(`--dialogue-dash applies with --speaker-style dialogue-dashes; ${styleSource} uses ${styleInForce}`)

  const minMs = overrides.minDurationMs ?? base.minDurationMs
  const maxMs = overrides.maxDurationMs ?? base.maxDurationMs
  if (minMs >= maxMs) {
    const min = opts.has('min-duration') ? `--min-duration (${minMs / 1000} s)` : `the ${name} minimum duration (${minMs / 1000} s)`
    const max = opts.has('max-duration') ? `--max-duration (${maxMs / 1000} s)` : `the ${name} maximum duration (${maxMs / 1000} s)`
    throw new UsageError(`${min} must be shorter than ${max}`)
  }
  // The app's own validation, last: anything the checks above did not anticipate still fails here.
  try {
    resolvePreset(name, overrides)
  } catch (error) {
    if (error instanceof PresetError) throw new UsageError(error.message)
    throw error
  }

  const options: { -readonly [K in keyof WriteOptions]: WriteOptions[K] } = { preset: name }
  if (Object.keys(overrides).length > 0) options.overrides = overrides
  const annotations = opts.get('annotations')
  if (annotations !== undefined) options.annotations = choice<AnnotationMode>('annotations', annotations, annotationModes)
  const language = opts.get('language')
  if (language !== undefined) options.language = choice<Language>('language', language, languages)
  const voiceTags = opts.get('voice-tags')
  if (voiceTags !== undefined) options.voiceTags = onOff('voice-tags', voiceTags)
  const title = opts.get('title')
  if (title !== undefined) options.title = title
  if (opts.has('timecodes')) options.timecodes = true
  if (opts.has('label-every-paragraph')) options.labelEveryParagraph = true
  return options
}

const col = (left: string, right: string): string => `  ${left.padEnd(31)}${right}`

/** The "Subtitle options" part of `sdte --help`, ranges from the app's limits. */
export function subtitleOptionsHelp(): string {
  const number = (flag: string, arg: string, extra = ''): string => col(`--${flag} ${arg}`, `${numberFlags[flag].meaning}: ${rangeText(flag).replace(/^a (whole )?number( of seconds)? from /, '')}${extra}`)
  const p = presets
  return [
    `Subtitle options (${subtitleFormats.join(', ')} and sdte qc; each overrides one number of the preset):`,
    number('max-chars', '<n>', ` (netflix-en ${p['netflix-en'].maxCharsPerLine}, bbc ${p.bbc.maxCharsPerLine}, web ${p.web.maxCharsPerLine})`),
    number('max-lines', '<n>'),
    number('cps', '<n>', ` (netflix-en ${p['netflix-en'].maxCharsPerSecond}, bbc ${p.bbc.maxCharsPerSecond}, web ${p.web.maxCharsPerSecond})`),
    number('wpm', '<n>|off', ` (bbc ${p.bbc.maxWordsPerMinute}, others off)`),
    number('min-duration', '<seconds>'),
    number('max-duration', '<seconds>'),
    number('min-gap-frames', '<n>'),
    number('gap-closing', '<seconds>'),
    number('max-lead-in', '<seconds>'),
    col('--fps <rate>', `frame rate: ${frameRates.join(', ')}`),
    col('--start-offset <timecode>', 'programme start added to every time: HH:MM:SS:FF (frames at the'),
    col('', 'frame rate), HH:MM:SS.mmm or seconds; e.g. 10:00:00:00'),
    col(`--speaker-style ${speakerStyles.join('|')}`, ''),
    col('', 'a new speaker: a new cue, or a two-speaker cue with a dash per line'),
    col('--dialogue-dash <text>', `the dash of a dialogue line, 1 to ${maxDialogueDashLength} characters (netflix-en "${p['netflix-en'].dialogueDash}")`),
    col('--speaker-labels on|off', '"Name: " on the first cue of each turn (new-cue style)'),
    col(`--annotations ${annotationModes.join('|')}`, '[laughter] as cues, as WebVTT NOTEs, or left out (default);'),
    col('', 'in txt and docx anything but omit includes them'),
    col(`--language ${languages.join('|')}`, 'line-break rules (default en)'),
    '',
    'Format options:',
    col('--voice-tags on|off', 'vtt: speaker voice tags (default on)'),
    col('--title <text>', "ttml, ass, docx: the title (default the task's name)"),
    col('--timecodes', 'txt, docx: a timecode before each paragraph'),
    col('--label-every-paragraph', 'txt, docx: the speaker on every paragraph, not only at changes')
  ].join('\n')
}
