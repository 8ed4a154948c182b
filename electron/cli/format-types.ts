import type { ExportKind } from '../../shared/api/endpoints'
import type { TranscriptExport } from '../../shared/api/transcript-export'
import type { DocumentExport } from '../../shared/api/document-export'
import type { TranscriptModel } from '../../shared/transcript/model'
import type { WriteOptions } from '../../shared/subtitles'

/*
 * The shape of an `sdte export` output format, apart from the list of formats (formats.ts) so
 * that the modules defining formats and the list that gathers them do not import each other.
 */

/** What a format renders from. */
export type FormatInput =
  | {
      readonly kind: 'transcript'
      readonly raw: string
      readonly data: TranscriptExport
      readonly preset?: string
      /** Preset, overrides and format options from the command line (they include `preset`). */
      readonly options?: WriteOptions
      /** The edited model, when the input was a saved draft. */
      readonly model?: TranscriptModel
      /** Cue decisions of a draft moved or dropped because a journalled edit deleted their words. */
      readonly decisionNotices?: readonly string[]
      /** Hears what the cutter says about the cue decisions (refused, clamped), for stderr. */
      readonly onDecisionNotice?: (message: string) => void
    }
  | {
      readonly kind: 'document'
      readonly raw: string
      readonly data: DocumentExport
      readonly preset?: string
      readonly options?: WriteOptions
      /** CSV cells as extracted, without the formula guard (`--csv-raw`). */
      readonly csvRaw?: boolean
    }

/** One output format. */
export interface ExportFormat {
  readonly name: string
  /** File extension (no dot) used for batch output names. */
  readonly extension: string
  /** The task kinds it can render. */
  readonly kinds: readonly ExportKind[]
  /** True when `render` writes `raw`; the others get '' there, so the input's text can be let go early. */
  readonly usesRaw?: boolean
  /** The file content; `raw` is the exact JSON text the server (or --input) gave. */
  render(input: FormatInput): string | Uint8Array | Promise<string | Uint8Array>
}
