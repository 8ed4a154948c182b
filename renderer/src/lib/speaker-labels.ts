import type { Speaker } from '../../../shared/transcript'
import { t } from '../i18n'

/*
 * The task header's speaker list: each speaker as exports label it (prefix + name + suffix, as
 * shared/subtitles/writers/speakers.ts writes it), the first few only, so a task with dozens of
 * speakers keeps a one-line header.
 */

/** How many speakers the header names before "and N more". */
export const headerSpeakerCount = 4

/** The first speakers' labels, and how many more there are. */
export function speakerLabels(speakers: readonly Speaker[], limit = headerSpeakerCount): { shown: string[]; more: number } {
  const labels = speakers.map((s) => `${s.prefix}${s.name || t('editorPanels.unnamedSpeaker')}${s.suffix}`)
  return { shown: labels.slice(0, limit), more: Math.max(0, labels.length - limit) }
}
