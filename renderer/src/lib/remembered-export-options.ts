import { isPresetName, type AnnotationMode, type WriteOptions } from '../../../shared/subtitles'
import { restoreForm, toOverrides } from './export-options'

/*
 * The export dialog's last choices (its localStorage record) as write options, so Finish review
 * judges QC against, and writes with, the preset the reviewer chose there.
 */

/** The export dialog's localStorage key (ExportDialog.vue writes it). */
export const exportOptionsStorageKey = 'sdte.export.options'

/** The remembered export options, or the default preset's when none are saved or they no longer read. */
export function rememberedWriteOptions(storage: Pick<Storage, 'getItem'> = localStorage): WriteOptions {
  try {
    const saved = JSON.parse(storage.getItem(exportOptionsStorageKey) ?? 'null') as Record<string, unknown> | null
    const preset = typeof saved?.preset === 'string' && isPresetName(saved.preset) ? saved.preset : 'netflix-en'
    const language = saved?.language === 'pt' ? 'pt' : 'en'
    const annotations = (['omit', 'cues', 'notes'] as const).includes(saved?.annotations as never) ? (saved?.annotations as AnnotationMode) : 'omit'
    return {
      preset,
      overrides: toOverrides(restoreForm(preset, saved?.rules)),
      language,
      annotations,
      timecodes: saved?.timecodes === true,
      labelEveryParagraph: saved?.labelEveryParagraph === true,
      voiceTags: saved?.voiceTags !== false
    }
  } catch {
    return { preset: 'netflix-en' }
  }
}
