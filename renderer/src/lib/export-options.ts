import { frameRates, maxDialogueDashLength, presetLimits, presetNames, presets, speakerStyles } from '../../../shared/subtitles'
import type { FrameRate, NumericPresetField, PresetName, PresetOverrides, SpeakerStyle } from '../../../shared/subtitles'

/*
 * The export dialog's subtitle rules as the user edits them: every field of a preset (the same
 * ones `sdte export` takes as flags), checked against `presetLimits` — the one source of ranges
 * for validatePreset, the CLI and these inputs — with a message a subtitler can act on.
 */

/** A numeric input's value: a number, '' while empty, or text the input could not read. */
export type NumberValue = number | string | null

/** Every preset field, as the dialog holds it. */
export interface RulesForm {
  maxCharsPerLine: NumberValue
  maxLines: NumberValue
  maxCharsPerSecond: NumberValue
  /** null or '' means no words-per-minute limit. */
  maxWordsPerMinute: NumberValue
  minDurationMs: NumberValue
  maxDurationMs: NumberValue
  minGapFrames: NumberValue
  gapClosingMs: NumberValue
  maxLeadInMs: NumberValue
  startOffsetMs: NumberValue
  frameRate: FrameRate
  speakerStyle: SpeakerStyle
  dialogueDash: string
  speakerLabels: boolean
}

/** One numeric input: its label, unit and arrow-key step. */
export interface NumberField {
  readonly key: NumericPresetField
  readonly label: string
  readonly unit?: string
  readonly step?: number
  /** Empty is allowed and means "no limit". */
  readonly optional?: boolean
}

/** The numbers every export touches: always visible. */
export const commonFields: readonly NumberField[] = [
  { key: 'maxCharsPerLine', label: 'Characters per line' },
  { key: 'maxLines', label: 'Lines per cue' },
  { key: 'maxCharsPerSecond', label: 'Characters per second', step: 0.5 },
  { key: 'minDurationMs', label: 'Min duration', unit: 'ms' },
  { key: 'maxDurationMs', label: 'Max duration', unit: 'ms' },
  { key: 'startOffsetMs', label: 'Programme start', unit: 'ms' }
]

/** The timing numbers under "More options". */
export const moreFields: readonly NumberField[] = [
  { key: 'maxWordsPerMinute', label: 'Words per minute', optional: true },
  { key: 'minGapFrames', label: 'Min gap', unit: 'frames' },
  { key: 'gapClosingMs', label: 'Gap closing', unit: 'ms' },
  { key: 'maxLeadInMs', label: 'Max lead-in', unit: 'ms' }
]

/** The preset fields under "More options" (to count how many differ from the preset). */
export const moreKeys: readonly (keyof RulesForm)[] = [...moreFields.map((f) => f.key), 'speakerStyle', 'dialogueDash', 'speakerLabels']

const allFields = [...commonFields, ...moreFields]

/** "Gap closing (ms)". */
export function fieldLabel(field: NumberField): string {
  return field.unit ? `${field.label} (${field.unit})` : field.label
}

/** "0 to 5000 ms", from presetLimits; the programme start also in hours. */
export function rangeText(field: NumberField): string {
  const { min, max } = presetLimits[field.key]
  const unit = field.unit ? ` ${field.unit}` : ''
  const hours = field.key === 'startOffsetMs' ? ` (${max / 3_600_000} h)` : ''
  return `${min} to ${max}${unit}${hours}${field.optional ? '; empty: no limit' : ''}`
}

/** The preset's own values. */
export function formOf(name: PresetName): RulesForm {
  const p = presets[name]
  return {
    maxCharsPerLine: p.maxCharsPerLine,
    maxLines: p.maxLines,
    maxCharsPerSecond: p.maxCharsPerSecond,
    maxWordsPerMinute: p.maxWordsPerMinute,
    minDurationMs: p.minDurationMs,
    maxDurationMs: p.maxDurationMs,
    minGapFrames: p.minGapFrames,
    gapClosingMs: p.gapClosingMs,
    maxLeadInMs: p.maxLeadInMs,
    startOffsetMs: p.startOffsetMs,
    frameRate: p.frameRate,
    speakerStyle: p.speakerStyle,
    dialogueDash: p.dialogueDash,
    speakerLabels: p.speakerLabels
  }
}

const isEmpty = (value: NumberValue): boolean => value === null || value === ''

/** What is wrong with one number, or null. */
export function numberError(field: NumberField, value: NumberValue): string | null {
  if (field.optional && isEmpty(value)) return null
  const limit = presetLimits[field.key]
  const kind = limit.integer ? 'a whole number' : 'a number'
  const range = `${limit.min} to ${limit.max}${field.unit ? ` ${field.unit}` : ''}`
  const ok = typeof value === 'number' && Number.isFinite(value) && (!limit.integer || Number.isInteger(value)) && value >= limit.min && value <= limit.max
  if (ok) return null
  return `${fieldLabel(field)} must be ${kind} from ${range}${field.optional ? ', or empty for no limit' : ''}.`
}

/** Field → message for every invalid value, in the dialog's order. */
export function formErrors(form: RulesForm): Partial<Record<keyof RulesForm, string>> {
  const errors: Partial<Record<keyof RulesForm, string>> = {}
  for (const field of allFields) {
    const message = numberError(field, form[field.key])
    if (message) errors[field.key] = message
  }
  if (!errors.minDurationMs && !errors.maxDurationMs && (form.minDurationMs as number) >= (form.maxDurationMs as number)) {
    errors.minDurationMs = 'Min duration must be shorter than max duration.'
  }
  if (form.speakerStyle === 'dialogue-dashes' && (form.dialogueDash.length === 0 || form.dialogueDash.length > maxDialogueDashLength)) {
    errors.dialogueDash = `Dialogue dash must be 1 to ${maxDialogueDashLength} characters.`
  }
  return errors
}

/**
 * The overrides for WriteOptions from a form without errors. Like `sdte`, the dash goes only with
 * dialogue dashes and the speaker names only with a new cue per speaker (the other is not shown).
 */
export function toOverrides(form: RulesForm): PresetOverrides {
  const { dialogueDash, speakerLabels, ...rest } = form
  return {
    ...rest,
    maxWordsPerMinute: isEmpty(form.maxWordsPerMinute) ? null : (form.maxWordsPerMinute as number),
    ...(form.speakerStyle === 'dialogue-dashes' ? { dialogueDash } : { speakerLabels })
  } as PresetOverrides
}

/** How many of `keys` differ from the preset's own values. */
export function changedFrom(name: PresetName, form: RulesForm, keys: readonly (keyof RulesForm)[]): number {
  const base = formOf(name)
  const same = (a: unknown, b: unknown): boolean => a === b || (isEmpty(a as NumberValue) && isEmpty(b as NumberValue))
  return keys.filter((key) => !same(form[key], base[key])).length
}

/**
 * A remembered form (from localStorage) laid over the preset: only known fields of the right
 * type; if anything in it is out of range now, the preset's own values.
 */
export function restoreForm(name: PresetName, saved: unknown): RulesForm {
  const form = formOf(name)
  if (!presetNames.includes(name) || typeof saved !== 'object' || saved === null) return form
  const record = saved as Record<string, unknown>
  const merged = { ...form } as Record<string, unknown>
  for (const key of Object.keys(form)) {
    const value = record[key]
    if (value === undefined) continue
    if (typeof value !== typeof (form as unknown as Record<string, unknown>)[key] && !(key === 'maxWordsPerMinute' && (value === null || typeof value === 'number'))) return form
    merged[key] = value
  }
  const restored = merged as unknown as RulesForm
  if (!frameRates.includes(restored.frameRate) || !speakerStyles.includes(restored.speakerStyle)) return form
  return Object.keys(formErrors(restored)).length ? form : restored
}
