import type { TranscriptModel } from '../../transcript/model'

/*
 * Which word lists and number words apply: the task's language when the export names one in
 * its metadata (SmartDocumentor's create-task call takes `context.transcriptLanguage`; exports
 * carry free-form `metadata`), else the reviewer's setting.
 */

const keys = ['transcriptlanguage', 'language', 'lang', 'locale']

/** 'en' or 'pt' from a language tag or name ("pt-PT", "Português", "en_US"); null when neither. */
export function languageFromTag(tag: string): 'en' | 'pt' | null {
  const t = tag.trim().toLowerCase()
  if (/^(pt|por)([-_].*)?$/.test(t) || t.startsWith('portugu')) return 'pt'
  if (/^(en|eng)([-_].*)?$/.test(t) || t.startsWith('english') || t.startsWith('inglês')) return 'en'
  return null
}

/** The task's language from its export metadata, else `fallback`. */
export function taskLanguage(model: Pick<TranscriptModel, 'source'>, fallback: 'en' | 'pt'): 'en' | 'pt' {
  const metadata = (model.source as { metadata?: unknown } | undefined)?.metadata
  if (metadata && typeof metadata === 'object') {
    for (const [key, value] of Object.entries(metadata as Record<string, unknown>)) {
      if (!keys.includes(key.toLowerCase()) || typeof value !== 'string') continue
      const found = languageFromTag(value)
      if (found) return found
    }
  }
  return fallback
}
