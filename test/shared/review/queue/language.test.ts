import { describe, expect, it } from 'vitest'
import { cueBreachSpans, languageFromTag, taskLanguage } from '../../../../shared/review/queue'
import type { TranscriptModel } from '../../../../shared/transcript'
import { fixtureModel } from './support'

/* Which language the queue uses, and which preset its cue signal judges by. */

describe('the task language', () => {
  it.each([
    ['pt-PT', 'pt'],
    ['pt_BR', 'pt'],
    ['Português', 'pt'],
    ['por', 'pt'],
    ['en-GB', 'en'],
    ['English', 'en'],
    ['fr-FR', null],
    ['', null]
  ] as const)('%s → %s', (tag, lang) => {
    expect(languageFromTag(tag)).toBe(lang)
  })

  it('comes from the export metadata when it names one, else the fallback', () => {
    const m = fixtureModel('kate-darling-ted.dpe.json')
    const withMeta = (metadata: Record<string, string>): Pick<TranscriptModel, 'source'> => ({ source: { ...m.source, metadata } })
    expect(taskLanguage(withMeta({ transcriptLanguage: 'pt-PT' }), 'en')).toBe('pt')
    expect(taskLanguage(withMeta({ Language: 'English' }), 'pt')).toBe('en')
    expect(taskLanguage(withMeta({ language: 'klingon', other: 'pt' }), 'en')).toBe('en')
    expect(taskLanguage(withMeta({}), 'pt')).toBe('pt')
  })
})

describe('the cue signal follows the export preset', () => {
  it('a stricter reading speed finds more breaching cues on the 2-hour hearing', () => {
    const m = fixtureModel('senate-hearing-2h.dpe.json')
    const netflix = cueBreachSpans(m, { preset: 'netflix-en' })
    const strict = cueBreachSpans(m, { preset: 'netflix-en', overrides: { maxCharsPerSecond: 12 } })
    expect(netflix.length).toBe(24)
    expect(strict.length).toBeGreaterThan(netflix.length)
    expect(netflix[0].detail).toMatch(/^netflix-en: /)
    for (let k = 1; k < strict.length; k++) expect(strict[k].startMs).toBeGreaterThanOrEqual(strict[k - 1].startMs)
  })
})
