import { normaliseTranscript, NothingToExportError } from '../../shared/transcript'
import type { TranscriptModel } from '../../shared/transcript'
import { exportFormats, formatInfo, writeFormat, PresetError } from '../../shared/subtitles'
import type { ExportFormat as SubtitleFormat } from '../../shared/subtitles'
import { AppError } from '../../shared/errors'
import { noticeText } from '../../shared/i18n/notices'
import type { ExportFormat, FormatInput } from './format-types'
import { UsageError } from './usage-error'

/*
 * The subtitle and transcript formats of `sdte export`, rendered by the same engine as the app:
 * normalise the export into the editing model, then `writeFormat`. The list is the subtitle
 * module's own `exportFormats`, so a writer registered there is an `sdte` format too. JSON is
 * left out: `sdte` writes the raw body (formats.ts), not the model re-serialised.
 */

/** The editing model of a transcript input (an edited draft carries its model already). */
export function modelOf(input: FormatInput): TranscriptModel {
  if (input.kind !== 'transcript') throw new UsageError('subtitle formats need a transcript task')
  return input.model ?? normaliseTranscript(input.data)
}

function transcriptFormat(name: SubtitleFormat): ExportFormat {
  return {
    name,
    extension: formatInfo[name].extension,
    kinds: ['transcript'],
    render: async (input) => {
      try {
        const written = await writeFormat(name, modelOf(input), input.options ?? { preset: input.preset ?? 'netflix-en' })
        if (input.kind === 'transcript') for (const notice of written.decisionNotices ?? []) input.onDecisionNotice?.(noticeText(notice))
        return written.content
      } catch (error) {
        // A bad --preset is the caller's mistake (usage), anything else is the data's.
        if (error instanceof PresetError) throw new UsageError(error.message)
        // Nothing to write is invalid data (exit 6), said as "task N has no transcript yet".
        if (error instanceof NothingToExportError) throw new AppError('invalid_response', error.reason)
        if (error instanceof AppError || error instanceof UsageError) throw error
        throw new AppError('invalid_response', `cannot write ${name}: ${(error as Error).message}`)
      }
    }
  }
}

/** Every export format of the subtitle module but JSON, for transcript tasks. */
export const transcriptFormats: readonly ExportFormat[] = exportFormats.filter((name) => name !== 'json').map(transcriptFormat)
