import type { TranscriptModel } from '../transcript/model'
import { segmentCues } from './segment'
import type { SubtitleTrack } from './types'
import { writeAss } from './writers/ass'
import { writeDocx } from './writers/docx'
import { writeSbv } from './writers/sbv'
import { speakerNamesOf } from './writers/speakers'
import { writeSrt } from './writers/srt'
import { writeTtml } from './writers/ttml'
import { writeTxt } from './writers/transcript'
import { writeVtt } from './writers/vtt'
import { cleanText } from './text'
import { presetFrom } from './track'
import type { WriteOptions } from './track'
import { exportRefusal, NothingToExportError } from '../transcript/exportable'
import { toTranscriptExport } from '../transcript/to-export'

/*
 * The one entry point for exports: `writeFormat(format, model, options)` cuts (for subtitle
 * formats), writes and names the result. The app's export dialog and `sdte export` both call
 * it; `subtitleTrack` and `qcReport` give the preview and the QC panel the same cues.
 */

export type { Cue, SubtitleNote, SubtitleTrack, QcCue } from './types'
export type { SubtitlePreset, PresetOverrides, PresetName, SpeakerStyle, FrameRate, PresetLimit, NumericPresetField } from './presets'
export { presets, presetNames, resolvePreset, validatePreset, PresetError, isPresetName, frameRates, presetLimits, speakerStyles, maxDialogueDashLength } from './presets'
export type { QcReport, QcBreach, QcRule, QcSeverity, QcSummary } from './qc'
export { runQc, describeBreach, breachNotice, formatQcText, qcRuleSeverity, qcRuleUnit } from './qc'
export type { AnnotationMode, SegmentOptions } from './segment'
export { segmentCues, annotationModes } from './segment'
export type { Passage } from './passage'
export { passageAt, cutPassage, isFixedBoundary } from './passage'
export type { Language } from './line-break'
export { languages } from './line-break'
export { charCount } from './text'
export type { WriteOptions } from './track'
export { presetFrom, subtitleTrack, qcReport } from './track'

/** Every export format. */
export const exportFormats = ['srt', 'vtt', 'ttml', 'sbv', 'ass', 'txt', 'docx', 'json'] as const

/** One export format name. */
export type ExportFormat = (typeof exportFormats)[number]

/** Extension, MIME type and family of each format. */
export const formatInfo: Readonly<Record<ExportFormat, { readonly extension: string; readonly mime: string; readonly family: 'subtitle' | 'transcript' | 'data' }>> = {
  srt: { extension: 'srt', mime: 'application/x-subrip', family: 'subtitle' },
  vtt: { extension: 'vtt', mime: 'text/vtt', family: 'subtitle' },
  ttml: { extension: 'ttml', mime: 'application/ttml+xml', family: 'subtitle' },
  sbv: { extension: 'sbv', mime: 'text/plain', family: 'subtitle' },
  ass: { extension: 'ass', mime: 'text/x-ssa', family: 'subtitle' },
  txt: { extension: 'txt', mime: 'text/plain', family: 'transcript' },
  docx: { extension: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', family: 'transcript' },
  json: { extension: 'json', mime: 'application/json', family: 'data' }
}

/** True when `name` is an export format. */
export function isExportFormat(name: string): name is ExportFormat {
  return (exportFormats as readonly string[]).includes(name)
}

/** A written export: bytes or text, with the extension and MIME type to save it under. */
export interface WrittenFile {
  readonly content: string | Uint8Array
  readonly extension: string
  readonly mime: string
  /** For subtitles: what the cutter said about the reviewer's cue decisions (refused, clamped). */
  readonly decisionNotices?: SubtitleTrack['decisionNotices']
}

/**
 * Writes `model` in `format`. Throws `PresetError` for a bad preset, `NothingToExportError` for
 * subtitles or a transcript of a task with no transcript (JSON still writes the data as it is),
 * `Error` for an unknown format.
 */
export async function writeFormat(format: ExportFormat, model: TranscriptModel, options: WriteOptions = {}): Promise<WrittenFile> {
  const info = formatInfo[format]
  if (!info) throw new Error(`Unknown export format "${String(format)}". Known formats: ${exportFormats.join(', ')}.`)
  const done = (content: string | Uint8Array): WrittenFile => ({ content, extension: info.extension, mime: info.mime })
  const title = cleanText(options.title ?? model.source?.displayName ?? '') || undefined
  if (info.family === 'data') {
    // The API's export shape, with the reviewer's edits, as the transcript module writes it.
    return done(JSON.stringify(toTranscriptExport(model), null, 2) + '\n')
  }
  const refusal = exportRefusal(model)
  if (refusal !== null) throw new NothingToExportError(refusal)
  if (info.family === 'transcript') {
    const transcript = {
      timecodes: options.timecodes ?? false,
      labels: options.labelEveryParagraph ? ('every' as const) : ('change' as const),
      annotations: (options.annotations ?? 'omit') !== 'omit'
    }
    return done(format === 'docx' ? await writeDocx(model, { ...transcript, title }) : writeTxt(model, transcript))
  }
  const preset = presetFrom(options)
  const track = segmentCues(model, preset, { language: options.language, annotations: options.annotations })
  const speakerName = speakerNamesOf(model)
  switch (format) {
    case 'srt':
      return { ...done(writeSrt(track)), decisionNotices: track.decisionNotices }
    case 'vtt':
      return { ...done(writeVtt(track, { speakerName: options.voiceTags === false ? undefined : speakerName })), decisionNotices: track.decisionNotices }
    case 'ttml':
      return { ...done(writeTtml(track, { speakerName, title, language: options.language ?? 'en' })), decisionNotices: track.decisionNotices }
    case 'sbv':
      return { ...done(writeSbv(track)), decisionNotices: track.decisionNotices }
    case 'ass':
      return { ...done(writeAss(track, { speakerName, title })), decisionNotices: track.decisionNotices }
    default:
      throw new Error(`Unknown export format "${String(format)}".`)
  }
}
