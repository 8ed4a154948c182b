import type { TranscriptModel } from '../transcript/model'
import type { Language } from './line-break'
import type { PresetOverrides, SubtitlePreset } from './presets'
import { resolvePreset, validatePreset } from './presets'
import type { QcReport } from './qc'
import { runQc } from './qc'
import type { AnnotationMode } from './segment'
import { segmentCues } from './segment'
import type { SubtitleTrack } from './types'

/*
 * The cut without the writers: the cues a subtitle export would write, and their QC, for the
 * preview, the cue view and the review queue's worker. Kept apart from index.ts so that code
 * which only cuts (a Web Worker above all) does not bundle the DOCX writer and the validators.
 */

/** Options for `writeFormat` (and the cut); each format reads the ones that concern it. */
export interface WriteOptions {
  /** Preset name (default `netflix-en`) or an already resolved preset. */
  readonly preset?: string | SubtitlePreset
  /** Overrides applied to a named preset (validated). */
  readonly overrides?: PresetOverrides
  /** Break-rule word lists; default English. */
  readonly language?: Language
  /** Annotations as cues, WebVTT NOTEs or left out (default). For txt/docx anything but `omit` includes them. */
  readonly annotations?: AnnotationMode
  /** Transcripts: timecode before each paragraph. */
  readonly timecodes?: boolean
  /** Transcripts: label every paragraph, not only speaker changes. */
  readonly labelEveryParagraph?: boolean
  /** Title for TTML/ASS/DOCX (e.g. the task's displayName). */
  readonly title?: string
  /** WebVTT voice tags; default true. */
  readonly voiceTags?: boolean
}

/** The preset an options object names, resolved and validated. */
export function presetFrom(options: WriteOptions = {}): SubtitlePreset {
  const p = options.preset ?? 'netflix-en'
  return typeof p === 'string' ? resolvePreset(p, options.overrides) : validatePreset({ ...p, ...options.overrides, name: p.name })
}

/** The cues (and NOTEs) the subtitle formats would write, for previews and QC. */
export function subtitleTrack(model: TranscriptModel, options: WriteOptions = {}): SubtitleTrack {
  return segmentCues(model, presetFrom(options), { language: options.language, annotations: options.annotations })
}

/** The QC report of the cues the subtitle formats would write. */
export function qcReport(model: TranscriptModel, options: WriteOptions = {}): QcReport {
  const preset = presetFrom(options)
  return runQc(segmentCues(model, preset, { language: options.language, annotations: options.annotations }).cues, preset)
}
