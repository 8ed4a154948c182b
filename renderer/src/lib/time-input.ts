import type { FrameRate } from '../../../shared/subtitles'
import { formatTimecode, formatVttTime, parseTimecodeOrMs } from '../../../shared/time'
import { t } from '../i18n'

/*
 * The export dialog's times as subtitlers type and read them: a timecode (HH:MM:SS:FF, frames at
 * the nominal rate, as editors label them), a clock time (HH:MM:SS.mmm), a number of frames
 * ("12f", at the chosen rate) or plain milliseconds. Parsing of timecodes is the subtitle
 * module's own (`parseTimecodeOrMs` in shared/time); this adds frames and says what is wrong in words.
 */

/** How the dialog shows its times. */
export type TimeForm = 'timecode' | 'clock' | 'frames' | 'ms'

/** The forms offered (labels `export.timeForms.<value>`; the unit, `export.units.<unit>`, goes in a field's label). */
export const timeForms: ReadonlyArray<{ readonly value: TimeForm; readonly unit: 'timecode' | 'clock' | 'frames' | 'ms' }> = [
  { value: 'timecode', unit: 'timecode' },
  { value: 'clock', unit: 'clock' },
  { value: 'frames', unit: 'frames' },
  { value: 'ms', unit: 'ms' }
]

/** A form's label in the reviewer's language. */
export function timeFormLabel(form: TimeForm): string {
  return t(`export.timeForms.${form}`)
}

/** True for a known form (a remembered choice is checked before use). */
export function isTimeForm(value: unknown): value is TimeForm {
  return timeForms.some((f) => f.value === value)
}

/** What a time field accepts, for messages and placeholders (read when shown: it follows the language). */
export function acceptedTimes(): string {
  return t('export.acceptedTimes')
}

/** A typed time read: its milliseconds, or why it cannot be read. */
export type TimeReading = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly message: string }

/** Reads a typed time at `frameRate`: "00:00:01:12", "00:00:01.500", "12f", "1500" or "1500 ms". */
export function parseTimeInput(text: string, frameRate: FrameRate): TimeReading {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, message: t('export.enterTime', { accepted: acceptedTimes() }) }
  const frames = /^(\d+)\s*f(?:rames?)?$/i.exec(trimmed)
  if (frames) return { ok: true, ms: Math.round((Number(frames[1]) * 1000) / frameRate) }
  const ms = /^(\d+)\s*ms$/i.exec(trimmed)
  if (ms) return { ok: true, ms: Number(ms[1]) }
  try {
    return { ok: true, ms: parseTimecodeOrMs(trimmed, frameRate) }
  } catch (error) {
    const frameTooBig = /^Frame (\d+) is out of range/.exec((error as Error).message)
    if (frameTooBig) {
      const last = String(Math.round(frameRate) - 1).padStart(2, '0')
      return { ok: false, message: t('export.frameOutOfRange', { text: trimmed, frame: frameTooBig[1] ?? '', rate: String(frameRate), last }) }
    }
    return { ok: false, message: t('export.notATime', { text: trimmed, accepted: acceptedTimes() }) }
  }
}

/** Whole ms shown in `form` at `frameRate` (frames and timecodes are rounded to a whole frame). */
export function formatTimeAs(ms: number, form: TimeForm, frameRate: FrameRate): string {
  switch (form) {
    case 'timecode':
      return formatTimecode(ms, frameRate)
    case 'clock':
      return formatVttTime(ms)
    case 'frames':
      return `${Math.round((ms * frameRate) / 1000)}f`
    case 'ms':
      return String(ms)
  }
}
