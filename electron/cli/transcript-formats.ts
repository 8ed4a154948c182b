import { normaliseTranscript, NothingToExportError, toTranscriptExport } from '../../shared/transcript'
import type { TranscriptModel } from '../../shared/transcript'
import { setJsonWriter, writeFormat, PresetError } from '../../shared/subtitles'
import type { ExportFormat as SubtitleFormat } from '../../shared/subtitles'
import { AppError } from '../../shared/errors'
import { registerFormat } from './formats'
import type { FormatInput } from './formats'
import { UsageError } from './args'

/*
 * The subtitle and transcript formats of `sdte export`, rendered by the same engine as the app:
 * normalise the export into the editing model, then `writeFormat`. JSON stays the raw body (see
 * formats.ts); the app's JSON writer for edited models is plugged in here for `writeFormat` too.
 */

setJsonWriter((model) => JSON.stringify(toTranscriptExport(model), null, 2) + '\n')

/** The editing model of a transcript input (an edited draft carries its model already). */
export function modelOf(input: FormatInput): TranscriptModel {
  if (input.kind !== 'transcript') throw new UsageError('subtitle formats need a transcript task')
  return input.model ?? normaliseTranscript(input.data)
}

const formats: ReadonlyArray<{ name: SubtitleFormat; extension: string }> = [
  { name: 'srt', extension: 'srt' },
  { name: 'vtt', extension: 'vtt' },
  { name: 'ttml', extension: 'ttml' },
  { name: 'sbv', extension: 'sbv' },
  { name: 'ass', extension: 'ass' },
  { name: 'txt', extension: 'txt' },
  { name: 'docx', extension: 'docx' }
]

for (const { name, extension } of formats) {
  registerFormat({
    name,
    extension,
    kinds: ['transcript'],
    render: async (input) => {
      try {
        const written = await writeFormat(name, modelOf(input), input.options ?? { preset: input.preset ?? 'netflix-en' })
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
  })
}
