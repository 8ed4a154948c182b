/*
 * Subtitle presets: the numbers professionals work to
 * (docs/subtitles.md#where-the-numbers-come-from). Every number is overridable through
 * `resolvePreset(name, overrides)`, which validates the result so a typo in a CLI flag or a
 * settings file fails with a clear message instead of producing odd cues.
 */

/** How a change of speaker inside the running text is shown. */
export type SpeakerStyle = 'new-cue' | 'dialogue-dashes'

/** Frame rates the engine snaps to (docs/subtitles.md#timecodes-frame-rates-and-start-offset). */
export const frameRates = [23.976, 24, 25, 29.97, 30, 50, 59.94, 60] as const

/** One of the supported frame rates. */
export type FrameRate = (typeof frameRates)[number]

/** Every number the segmenter and QC use. Times are integer milliseconds. */
export interface SubtitlePreset {
  readonly name: string
  /** Characters per line; spaces, punctuation and dialogue dashes count. */
  readonly maxCharsPerLine: number
  readonly maxLines: number
  /** Reading speed limit in characters per second (spaces count, line breaks do not). */
  readonly maxCharsPerSecond: number
  /** Optional second reading-speed limit in words per minute (BBC states its limit this way). */
  readonly maxWordsPerMinute: number | null
  readonly minDurationMs: number
  readonly maxDurationMs: number
  /** Minimum gap between consecutive cues, in frames of `frameRate`. */
  readonly minGapFrames: number
  /** Gaps shorter than this are closed down to the minimum gap (cues are chained). */
  readonly gapClosingMs: number
  /** How far before its first word a cue may come in when it needs reading time (max 250 ms). */
  readonly maxLeadInMs: number
  readonly frameRate: FrameRate
  readonly speakerStyle: SpeakerStyle
  /** Prefix of each line in a two-speaker cue (Netflix: a hyphen with no space). */
  readonly dialogueDash: string
  /**
   * With `new-cue` style: the first cue of each speaker's turn starts with the speaker's name and
   * a colon ("Ana: ..."), for formats that carry no speaker otherwise (SRT, SBV, TTML text).
   */
  readonly speakerLabels: boolean
  /** Added to every time written (a programme start such as 10:00:00:00), in ms. */
  readonly startOffsetMs: number
}

/** The names of the built-in presets. */
export const presetNames = ['netflix-en', 'bbc', 'web'] as const

/** A built-in preset name. */
export type PresetName = (typeof presetNames)[number]

/** The built-in presets. Sources in the comments; "our choice" where the guide fixes no number. */
export const presets: Readonly<Record<PresetName, SubtitlePreset>> = {
  // Netflix English timed-text style guide: 42 chars, 2 lines, 20 cps (adult), 5/6 s minimum
  // (20 frames at 24 fps), 7 s maximum, 2-frame gap, gaps under 0.5 s chained, dual-speaker
  // cues with a hyphen and no space. Cues come in within 1-2 frames of speech: 2 frames lead-in.
  'netflix-en': {
    name: 'netflix-en',
    maxCharsPerLine: 42,
    maxLines: 2,
    maxCharsPerSecond: 20,
    maxWordsPerMinute: null,
    minDurationMs: 833,
    maxDurationMs: 7000,
    minGapFrames: 2,
    gapClosingMs: 500,
    maxLeadInMs: 83,
    frameRate: 23.976,
    speakerStyle: 'dialogue-dashes',
    dialogueDash: '-',
    speakerLabels: false,
    startOffsetMs: 0
  },
  // BBC subtitle guidelines: about 37 chars (68% of a 16:9 width), 2 lines, 160-180 words/min
  // (180 wpm is about 18 chars/s at 6 chars a word with its space), 25 fps. No fixed minimum
  // duration, maximum or gap-closing rule: 1 s / 7 s / 0.5 s are our choice. Cues may be up to
  // 1.5 s early by the guide; we stay within 250 ms. New speaker = new cue (colours, not dashes).
  bbc: {
    name: 'bbc',
    maxCharsPerLine: 37,
    maxLines: 2,
    maxCharsPerSecond: 18,
    maxWordsPerMinute: 180,
    minDurationMs: 1000,
    maxDurationMs: 7000,
    minGapFrames: 2,
    gapClosingMs: 500,
    maxLeadInMs: 250,
    frameRate: 25,
    speakerStyle: 'new-cue',
    dialogueDash: '- ',
    speakerLabels: false,
    startOffsetMs: 0
  },
  // Common web practice: 42 chars, 2 lines, 15-21 cps (we take 21), 1 s minimum, 7 s maximum,
  // 2-4 frame gap (2 at 30 fps). Speakers travel as WebVTT voice tags, so a new cue per speaker.
  web: {
    name: 'web',
    maxCharsPerLine: 42,
    maxLines: 2,
    maxCharsPerSecond: 21,
    maxWordsPerMinute: null,
    minDurationMs: 1000,
    maxDurationMs: 7000,
    minGapFrames: 2,
    gapClosingMs: 500,
    maxLeadInMs: 250,
    frameRate: 30,
    speakerStyle: 'new-cue',
    dialogueDash: '- ',
    speakerLabels: false,
    startOffsetMs: 0
  }
}

/** Fields a caller may override (everything but the name). */
export type PresetOverrides = Partial<Omit<SubtitlePreset, 'name'>>

/** Thrown for an unknown preset or an out-of-range number; `field` names the culprit. */
export class PresetError extends Error {
  readonly field: string
  constructor(field: string, message: string) {
    super(message)
    this.name = 'PresetError'
    this.field = field
  }
}

/** The allowed values of one numeric preset field. */
export interface PresetLimit {
  readonly min: number
  readonly max: number
  readonly integer: boolean
}

/** The preset fields that hold a number. */
export type NumericPresetField = 'maxCharsPerLine' | 'maxLines' | 'maxCharsPerSecond' | 'maxWordsPerMinute' | 'minDurationMs' | 'maxDurationMs' | 'minGapFrames' | 'gapClosingMs' | 'maxLeadInMs' | 'startOffsetMs'

/**
 * The range of every numeric preset field: the one source of truth for `validatePreset`, the
 * export dialog's inputs and `sdte`'s flags. Bounds wide enough for any real style guide, tight
 * enough to catch unit mistakes (seconds given where ms are expected, a frame count given as ms).
 * `maxWordsPerMinute` may also be null (no words-per-minute limit).
 */
export const presetLimits: Readonly<Record<NumericPresetField, PresetLimit>> = {
  maxCharsPerLine: { min: 10, max: 200, integer: true },
  maxLines: { min: 1, max: 4, integer: true },
  maxCharsPerSecond: { min: 5, max: 60, integer: false },
  maxWordsPerMinute: { min: 60, max: 600, integer: false },
  minDurationMs: { min: 0, max: 10_000, integer: true },
  maxDurationMs: { min: 1000, max: 60_000, integer: true },
  minGapFrames: { min: 0, max: 50, integer: true },
  gapClosingMs: { min: 0, max: 5000, integer: true },
  maxLeadInMs: { min: 0, max: 250, integer: true },
  startOffsetMs: { min: 0, max: 100 * 3_600_000, integer: true }
}

/** The ways of showing a change of speaker. */
export const speakerStyles: readonly SpeakerStyle[] = ['new-cue', 'dialogue-dashes']

/** Longest dialogue dash, in characters (a hyphen, perhaps with a space or two). */
export const maxDialogueDashLength = 3

function checkNumber(field: string, value: unknown, range: PresetLimit): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PresetError(field, `${field} must be a number, got ${JSON.stringify(value)}.`)
  }
  if (range.integer && !Number.isInteger(value)) {
    throw new PresetError(field, `${field} must be a whole number, got ${value}.`)
  }
  if (value < range.min || value > range.max) {
    throw new PresetError(field, `${field} must be between ${range.min} and ${range.max}, got ${value}.`)
  }
}

/** True when `name` is a built-in preset. */
export function isPresetName(name: string): name is PresetName {
  return (presetNames as readonly string[]).includes(name)
}

/** Checks every field of a preset; throws `PresetError` naming the first bad one. */
export function validatePreset(preset: SubtitlePreset): SubtitlePreset {
  for (const [field, range] of Object.entries(presetLimits)) {
    const value = (preset as unknown as Record<string, unknown>)[field]
    if (field === 'maxWordsPerMinute' && value === null) continue
    checkNumber(field, value, range)
  }
  if (preset.minDurationMs >= preset.maxDurationMs) {
    throw new PresetError('minDurationMs', `minDurationMs (${preset.minDurationMs}) must be below maxDurationMs (${preset.maxDurationMs}).`)
  }
  if (!(frameRates as readonly number[]).includes(preset.frameRate)) {
    throw new PresetError('frameRate', `frameRate must be one of ${frameRates.join(', ')}, got ${JSON.stringify(preset.frameRate)}.`)
  }
  if (!speakerStyles.includes(preset.speakerStyle)) {
    throw new PresetError('speakerStyle', `speakerStyle must be "new-cue" or "dialogue-dashes", got ${JSON.stringify(preset.speakerStyle)}.`)
  }
  // Absent (a preset object from before the option existed) reads as false.
  if (preset.speakerLabels !== undefined && typeof preset.speakerLabels !== 'boolean') {
    throw new PresetError('speakerLabels', `speakerLabels must be true or false, got ${JSON.stringify(preset.speakerLabels)}.`)
  }
  if (typeof preset.dialogueDash !== 'string' || preset.dialogueDash.length === 0 || preset.dialogueDash.length > maxDialogueDashLength) {
    throw new PresetError('dialogueDash', `dialogueDash must be 1-${maxDialogueDashLength} characters, got ${JSON.stringify(preset.dialogueDash)}.`)
  }
  return preset
}

/**
 * A built-in preset with overrides applied and validated. Unknown override keys are rejected
 * too: a misspelt option silently ignored is worse than an error.
 */
export function resolvePreset(name: string, overrides: PresetOverrides = {}): SubtitlePreset {
  if (!isPresetName(name)) {
    throw new PresetError('name', `Unknown subtitle preset "${name}". Known presets: ${presetNames.join(', ')}.`)
  }
  const base = presets[name]
  for (const key of Object.keys(overrides)) {
    if (key === 'name' || !(key in base)) {
      throw new PresetError(key, `Unknown preset option "${key}".`)
    }
  }
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined))
  return validatePreset({ ...base, ...defined, name: base.name })
}

/** One frame of `frameRate` as an exact fraction: ms = frames * num / den. */
export function frameFraction(frameRate: FrameRate): { readonly num: number; readonly den: number } {
  // NTSC rates are 1000/1001 of the round rate; keep them exact so long programmes do not drift.
  if (frameRate === 23.976) return { num: 1001, den: 24 }
  if (frameRate === 29.97) return { num: 1001, den: 30 }
  if (frameRate === 59.94) return { num: 1001, den: 60 }
  return { num: 1000, den: frameRate }
}

/** The frame index nearest to `ms`. */
export function msToFrame(ms: number, frameRate: FrameRate): number {
  const { num, den } = frameFraction(frameRate)
  return Math.round((ms * den) / num)
}

/** The start of frame `frame` in integer ms (rounded to the nearest ms). */
export function frameToMs(frame: number, frameRate: FrameRate): number {
  const { num, den } = frameFraction(frameRate)
  return Math.round((frame * num) / den)
}
