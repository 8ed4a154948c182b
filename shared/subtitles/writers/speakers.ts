import type { Speaker, TranscriptModel } from '../../transcript/model'

/** Resolves a speaker id to the name shown to viewers (null when unknown or unnamed). */
export type SpeakerNames = (speakerId: string | null) => string | null

/** Speaker names from a model's speaker list. */
export function speakerNamesOf(model: Pick<TranscriptModel, 'speakers'>): SpeakerNames {
  const byId = new Map<string, Speaker>(model.speakers.map((s) => [s.id, s]))
  return (id) => {
    if (id === null) return null
    const name = byId.get(id)?.name.trim()
    return name ? name : id.trim() || null
  }
}

/**
 * A transcript label: prefix + name + suffix as the export defines them, ending in a colon
 * unless the suffix already supplies one.
 */
export function speakerLabel(speaker: Speaker | undefined, fallbackId: string): string {
  const name = speaker?.name.trim() || fallbackId.trim() || 'Speaker'
  const label = `${speaker?.prefix ?? ''}${name}${speaker?.suffix ?? ''}`.trim()
  return /[:：]$/.test(label) ? label : `${label}:`
}
