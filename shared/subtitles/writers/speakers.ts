import type { Speaker, TranscriptModel } from '../../transcript/model'
import { speakerDisplayLabel } from '../../transcript/speaker-label'
import { cleanText } from '../text'

/** Resolves a speaker id to the name shown to viewers (null when unknown or unnamed). */
export type SpeakerNames = (speakerId: string | null) => string | null

/** Speaker labels (prefix, name and suffix, see speaker-label.ts) from a model's speaker list. */
export function speakerNamesOf(model: Pick<TranscriptModel, 'speakers'>): SpeakerNames {
  const byId = new Map<string, Speaker>(model.speakers.map((s) => [s.id, s]))
  return (id) => {
    if (id === null) return null
    const speaker = byId.get(id)
    if (!cleanText(speaker?.name ?? '') && !cleanText(id)) return null
    return cleanText(speakerDisplayLabel(speaker, cleanText(id))) || null
  }
}

/**
 * A transcript label: prefix + name + suffix as the export defines them, ending in a colon
 * unless the suffix already supplies one.
 */
export function speakerLabel(speaker: Speaker | undefined, fallbackId: string): string {
  const name = cleanText(speaker?.name ?? '') || cleanText(fallbackId) || 'Speaker'
  const label = cleanText(speakerDisplayLabel(speaker, name))
  return /[:：]$/.test(label) ? label : `${label}:`
}
