import { frameRates, maxDialogueDashLength, presetLimits, presetNames, presets, speakerStyles } from '../../../shared/subtitles'
import type { FrameRate, NumericPresetField, PresetName, PresetOverrides, SpeakerStyle } from '../../../shared/subtitles'
import { t } from '../i18n'

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

/** One numeric input: its key (the label is `export.fields.<key>`), unit and arrow-key step. */
export interface NumberField {
  readonly key: NumericPresetField
  readonly unit?: 'ms' | 'frames'
  readonly step?: number
  /** Empty is allowed and means "no limit". */
  readonly optional?: boolean
}

/** The numbers every export touches: always visible. */
export const commonFields: readonly NumberField[] = [
  { key: 'maxCharsPerLine' },
  { key: 'maxLines' },
  { key: 'maxCharsPerSecond', step: 0.5 },
  { key: 'minDurationMs', unit: 'ms' },
  { key: 'maxDurationMs', unit: 'ms' },
  { key: 'startOffsetMs', unit: 'ms' }
]

/** The timing numbers under "More options". */
export const moreFields: readonly NumberField[] = [
  { key: 'maxWordsPerMinute', optional: true },
  { key: 'minGapFrames', unit: 'frames' },
  { key: 'gapClosingMs', unit: 'ms' },
  { key: 'maxLeadInMs', unit: 'ms' }
]

/** The preset fields under "More options" (to count how many differ from the preset). */
export const moreKeys: readonly (keyof RulesForm)[] = [...moreFields.map((f) => f.key), 'speakerStyle', 'dialogueDash', 'speakerLabels']

const allFields = [...commonFields, ...moreFields]

/** A field's name in the reviewer's language ("Gap closing"). */
export function fieldName(field: NumberField): string {
  return t(`export.fields.${field.key}`)
}

/** A unit's name in the reviewer's language ("frames"; "" for none). */
export function unitName(unit: string | undefined): string {
  return unit ? t(`export.units.${unit}`) : ''
}

/** "Gap closing (ms)". */
export function fieldLabel(field: NumberField): string {
  return field.unit ? `${fieldName(field)} (${unitName(field.unit)})` : fieldName(field)
}

/** "0 to 5000 ms" (values as typed in the inputs: no grouping, so they read like what is typed). */
function rangeOf(field: NumberField): string {
  const { min, max } = presetLimits[field.key]
  const unit = field.unit ? ` ${unitName(field.unit)}` : ''
  return `${t('export.range', { min: String(min), max: String(max) })}${unit}`
}

/** "0 to 5000 ms", from presetLimits; the programme start also in hours. */
export function rangeText(field: NumberField): string {
  const { max } = presetLimits[field.key]
  const hours = field.key === 'startOffsetMs' ? ` ${t('export.rangeHours', { hours: String(max / 3_600_000) })}` : ''
  return `${rangeOf(field)}${hours}${field.optional ? t('export.emptyNoLimit') : ''}`
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
  const ok = typeof value === 'number' && Number.isFinite(value) && (!limit.integer || Number.isInteger(value)) && value >= limit.min && value <= limit.max
  if (ok) return null
  const key = `${limit.integer ? 'wholeNumber' : 'number'}${field.optional ? 'Optional' : ''}Error`
  return t(`export.${key}`, { field: fieldLabel(field), range: rangeOf(field) })
}

/** Field → message for every invalid value, in the dialog's order. */
export function formErrors(form: RulesForm): Partial<Record<keyof RulesForm, string>> {
  const errors: Partial<Record<keyof RulesForm, string>> = {}
  for (const field of allFields) {
    const message = numberError(field, form[field.key])
    if (message) errors[field.key] = message
  }
  if (!errors.minDurationMs && !errors.maxDurationMs && (form.minDurationMs as number) >= (form.maxDurationMs as number)) {
    errors.minDurationMs = t('export.minBelowMax')
  }
  if (form.speakerStyle === 'dialogue-dashes' && (form.dialogueDash.length === 0 || form.dialogueDash.length > maxDialogueDashLength)) {
    errors.dialogueDash = t('export.dashError', { max: maxDialogueDashLength })
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
