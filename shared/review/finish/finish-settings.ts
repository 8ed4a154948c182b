import { z } from 'zod'
import { exportFormats, type ExportFormat } from '../../subtitles'

/*
 * What Finish review exports: the formats and the folder, chosen once and kept in settings.
 * The folder is chosen in main's folder dialog only (the renderer never names a path to write to).
 */

/** The Finish review settings. */
export interface FinishSettings {
  readonly formats: readonly ExportFormat[]
  /** Where the files go; null until the reviewer chooses a folder. */
  readonly folder: string | null
}

/** Formats Finish review writes until the reviewer chooses others. */
export const defaultFinishFormats: readonly ExportFormat[] = ['srt', 'docx']

/** The formats as a request carries them: known formats, each once, at least one. */
export const finishFormatsSchema = z
  .array(z.enum(exportFormats))
  .min(1, 'choose at least one format')
  .max(exportFormats.length)
  .refine((list) => new Set(list).size === list.length, 'a format is listed twice')

/** The file names Finish review writes into its folder: a plain name, no path. */
export const finishFileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\\0:*?"<>|]+$/, 'a file name, not a path')
  .refine((name) => name !== '.' && name !== '..' && !name.startsWith('.'), 'a file name, not a path')
