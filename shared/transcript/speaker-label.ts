import type { Speaker } from './model'

/*
 * A speaker's label is prefix, name and suffix ("Dra." + "Maria" + "(moderadora)" →
 * "Dra. Maria (moderadora)"). The export gives the three parts separately and says nothing of
 * spacing, so a space goes between parts unless one already supplies it. Every place that shows
 * or writes a speaker (editor, find/replace, TXT/DOCX labels, subtitle voices and labels) uses
 * this one function so they never disagree.
 */

/** Prefix, name and suffix joined by single spaces (none added where a part already has one); empty parts left out. */
export function joinSpeakerLabel(prefix: string | null | undefined, name: string | null | undefined, suffix: string | null | undefined): string {
  let out = ''
  for (const part of [prefix ?? '', name ?? '', suffix ?? '']) {
    if (part.trim() === '') continue
    out = out === '' || /\s$/.test(out) || /^\s/.test(part) ? out + part : `${out} ${part}`
  }
  return out.replace(/\s+/g, ' ').trim()
}

/** The label of a model speaker (its name, else `fallback`, decorated with prefix and suffix). */
export function speakerDisplayLabel(speaker: Pick<Speaker, 'prefix' | 'name' | 'suffix'> | undefined, fallback: string): string {
  const name = speaker?.name.trim() ? speaker.name : fallback
  return joinSpeakerLabel(speaker?.prefix, name, speaker?.suffix)
}
